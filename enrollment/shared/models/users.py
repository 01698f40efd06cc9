from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NATIONAL_ADMIN = "national_admin", _("National administrator")
    PROVINCIAL_MANAGER = "provincial_manager", _("Provincial manager")
    DISTRICT_STAFF = "district_staff", _("District staff")
    AGENT_STAFF = "agent_staff", _("Agent staff")
    VIEWER = "viewer", _("Viewer")


class User(AbstractUser):
    """An account: what it may do is its role, where is its scope unit's subtree."""

    role = models.CharField(_("role"), max_length=24, choices=Role.choices, default=Role.VIEWER)
    scope_unit = models.ForeignKey(
        "enrollment.Unit",
        verbose_name=_("scope unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("The user sees this unit and everything below it. National administrators need none."),
    )
    full_name = models.CharField(_("full name"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("user account")
        verbose_name_plural = _("user accounts")

    def __str__(self):
        return self.full_name or self.username

    def has_perm(self, perm, obj=None):
        # National administrators keep the reference data; they need no per-model grants.
        return (self.is_active and self.is_national) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        return (self.is_active and self.is_national) or super().has_module_perms(app_label)

    @property
    def is_national(self):
        return self.role == Role.NATIONAL_ADMIN

    @property
    def can_manage(self):
        """May change reference data of their area (villages, labour force, commune moves)."""
        return self.role in (Role.NATIONAL_ADMIN, Role.PROVINCIAL_MANAGER, Role.DISTRICT_STAFF)


MANAGER_ROLES = (Role.NATIONAL_ADMIN, Role.PROVINCIAL_MANAGER)
OFFICE_ROLES = (Role.NATIONAL_ADMIN, Role.PROVINCIAL_MANAGER, Role.DISTRICT_STAFF)
