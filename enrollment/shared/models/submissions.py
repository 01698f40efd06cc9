from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Submission(models.Model):
    """One submit of a form that writes register or money rows, keyed by the key the form was issued with.

    The unique key makes a double click, a resend after a lost answer or five concurrent POSTs of one
    form save once: the first inserts this row in the transaction of its writes, the others wait on the
    index, fail, and answer with the first one's result (`result_url`).
    """

    key = models.UUIDField(_("submission key"), unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True,
                             on_delete=models.SET_NULL, related_name="+")
    form = models.CharField(_("form"), max_length=60)
    result_url = models.CharField(_("result"), max_length=500, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.form} {self.key}"
