from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportRecord(models.Model):
    """Who exported which table, when: exports carry personal data (names, phones, ID numbers), and the
    Personal Data Protection Law asks for a record of who took them out."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), null=True,
                             on_delete=models.SET_NULL, related_name="+")
    exported_at = models.DateTimeField(_("exported at"), auto_now_add=True)
    path = models.CharField(_("page"), max_length=1000)
    filename = models.CharField(_("file name"), max_length=255)
    rows = models.PositiveIntegerField(_("rows"), default=0)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-exported_at"]

    def __str__(self):
        return self.filename
