import unicodedata

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def fold(text):
    """Lower-case without diacritics, so "cho gao" finds "Chợ Gạo"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class CodeSet(models.TextChoices):
    CURRENT = "2025", _("2025 (after the reform)")
    LEGACY = "legacy", _("Legacy (before 1 July 2025)")


class Level(models.IntegerChoices):
    PROVINCE = 1, _("Province")
    DISTRICT = 2, _("District")
    COMMUNE = 3, _("Commune")
    VILLAGE = 4, _("Village")


class UnitType(models.TextChoices):
    PROVINCE = "tinh", _("Province (tỉnh)")
    CENTRAL_CITY = "thanh_pho_tw", _("Centrally-run city")
    RURAL_DISTRICT = "huyen", _("Rural district (huyện)")
    URBAN_DISTRICT = "quan", _("Urban district (quận)")
    TOWN = "thi_xa", _("Town (thị xã)")
    PROVINCIAL_CITY = "thanh_pho", _("Provincial city")
    GRASSROOTS_AREA = "bhxh_co_so", _("Grassroots social security area")
    RURAL_COMMUNE = "xa", _("Commune (xã)")
    WARD = "phuong", _("Ward (phường)")
    TOWNSHIP = "thi_tran", _("Township (thị trấn)")
    SPECIAL_ZONE = "dac_khu", _("Special zone (đặc khu)")
    VILLAGE = "thon", _("Village (thôn)")
    HAMLET = "ap", _("Hamlet (ấp)")
    RESIDENTIAL_GROUP = "to_dan_pho", _("Residential group (tổ dân phố)")
    HIGHLAND_VILLAGE = "ban", _("Highland village (bản)")


class Unit(models.Model):
    """A node of the administrative tree.

    `path` is the chain of codes from the root ("2025/82/822/28594/"), so a subtree is a
    prefix match that an index serves.
    """

    code_set = models.CharField(_("code set"), max_length=8, choices=CodeSet.choices, default=CodeSet.CURRENT)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=150)
    unit_type = models.CharField(_("unit type"), max_length=16, choices=UnitType.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(_("path"), max_length=255, unique=True, editable=False)
    search_name = models.CharField(max_length=150, editable=False, db_index=True)

    class Meta:
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["code_set", "level", "code"], name="unit_code_unique_per_level"),
            models.CheckConstraint(
                condition=Q(level=Level.PROVINCE, parent__isnull=True) | Q(level__gt=Level.PROVINCE, parent__isnull=False),
                name="unit_only_provinces_are_roots",
            ),
        ]
        indexes = [
            models.Index(fields=["parent", "name"], name="unit_parent_name"),
            models.Index(fields=["name"], name="unit_name"),
            # Serves `path LIKE 'prefix%'` on PostgreSQL whatever the database collation.
            models.Index(fields=["path"], name="unit_path_prefix", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self):
        return self.name

    @staticmethod
    def build_path(parent, code_set, code):
        prefix = parent.path if parent else f"{code_set}/"
        return f"{prefix}{code}/"

    def save(self, *args, **kwargs):
        self.path = self.build_path(self.parent, self.code_set, self.code)
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)

    def contains(self, other):
        return other.path.startswith(self.path)

    @property
    def child_level(self):
        return self.level + 1 if self.level < Level.VILLAGE else None


class LabourForce(models.Model):
    """Working-age labour force of a unit in a year: the denominator of coverage rates."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="labour_forces")
    year = models.PositiveSmallIntegerField(_("year"))
    labour_force = models.PositiveIntegerField(_("working-age labour force"))
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("labour force")
        verbose_name_plural = _("labour force")
        ordering = ["unit__path", "-year"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="labour_force_unique_per_year")]

    def __str__(self):
        return f"{self.unit} {self.year}: {self.labour_force}"
