"""Import of agent staff with their point, their training and their card, one person a row.

A person is known by their personal ID: importing the file again updates them and adds nothing. An
empty optional cell leaves what is recorded as it is. A district office imports only into the
points of its communes, and cannot touch agent staff registered outside its area.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agents.organisations.models import CollectionPoint
from agents.shared.scoping import courses_for_records, managed_points, managed_staff
from agents.staff.models import (
    AgentCard,
    AgentStaff,
    Sex,
    TrainingRecord,
    TrainingResult,
)
from enrollment.imports.cells import (
    choices_by_word,
    identity_checked,
    parse_date,
)
from enrollment.imports.services import (
    Importer,
    RowError,
    RowErrors,
    collect_row,
    register,
)
from enrollment.imports.tabular import Column
from enrollment.shared.identity import personal_id_check, phone_check
from enrollment.territory.models.units import fold

ID_SEX = {Sex.MALE: "male", Sex.FEMALE: "female"}
TRAINING_COLUMNS = ("course", "class_name", "trained_on")
CARD_COLUMNS = ("card_number", "card_issued_on", "card_expires_on")


def _key(text):
    return " ".join(fold(text).split())


def _text(row, column):
    return " ".join(row.get(column, "").split())


def _required(row, column, max_length=150):
    value = _text(row, column)
    if not value:
        raise RowError(column, _("required"))
    if len(value) > max_length:
        raise RowError(column, _("at most %(count)s characters") % {"count": max_length})
    return value


def _optional_date(row, column):
    return parse_date(row.get(column, ""), column) if _text(row, column) else None


def _attempt(checks, values):
    """Run each (name, check) into `values`; return the [(column, message)] of those that failed."""
    errors = []
    for name, check in checks:
        try:
            values[name] = check()
        except RowError as error:
            errors.append((error.column, error.message))
        except RowErrors as error:
            errors.extend(error.errors)
    return errors


@register
class AgentStaffImporter(Importer):
    kind = "agent_staff"
    label = gettext_lazy("Agent staff")
    columns = [
        Column("organisation", gettext_lazy("Agent organisation"),
               help=gettext_lazy("Name as on the Collection agents page")),
        Column("point", gettext_lazy("Collection point"), help=gettext_lazy("Name of a point of that organisation")),
        Column("full_name", gettext_lazy("Full name")),
        Column("personal_id", gettext_lazy("Personal ID"), help=gettext_lazy("12 digits")),
        Column("birth_date", gettext_lazy("Birth date"), required=False, help=gettext_lazy("dd/mm/yyyy")),
        Column("sex", gettext_lazy("Sex"), required=False, help=gettext_lazy("Nam or Nữ"), choices=tuple(Sex.choices)),
        Column("phone", gettext_lazy("Phone"), required=False, help=gettext_lazy("Vietnamese mobile number")),
        Column("joined_on", gettext_lazy("Joined on"), required=False, help=gettext_lazy("dd/mm/yyyy")),
        Column("course", gettext_lazy("Training course"), required=False,
               help=gettext_lazy("Name of a course organised in your area or above it; empty when not trained")),
        Column("class_name", gettext_lazy("Class"), required=False),
        Column("trained_on", gettext_lazy("Training date"), required=False, help=gettext_lazy("dd/mm/yyyy")),
        Column("training_result", gettext_lazy("Training result"), required=False,
               help=gettext_lazy("Đạt, Không đạt or Vắng; Đạt when empty"), choices=tuple(TrainingResult.choices)),
        Column("card_number", gettext_lazy("Card number"), required=False),
        Column("card_issued_on", gettext_lazy("Card issued on"), required=False, help=gettext_lazy("dd/mm/yyyy")),
        Column("card_expires_on", gettext_lazy("Card expires on"), required=False, help=gettext_lazy("dd/mm/yyyy")),
    ]
    examples = [
        ["Bưu điện tỉnh Đồng Tháp", "Điểm bưu điện văn hóa xã Chợ Gạo", "Nguyễn Thị Hồng", "082185012345",
         "12/03/1985", "Nữ", "0912345678", "01/02/2025", "Tập huấn nhân viên đại lý thu đợt 1 năm 2025", "Lớp 1",
         "10/03/2025", "Đạt", "ĐL82-2026-0001", "01/04/2025", "01/04/2028"],
        ["Bưu điện tỉnh Đồng Tháp", "Điểm bưu điện văn hóa xã Chợ Gạo", "Trần Văn Phúc", "082090054321",
         "", "Nam", "", "", "", "", "", "", "", "", ""],
    ]

    def __init__(self):
        self.sexes = choices_by_word(Sex.choices, ("nam", Sex.MALE), ("nu", Sex.FEMALE))
        self.results = choices_by_word(TrainingResult.choices, ("vang", TrainingResult.ABSENT),
                                       ("khong dat", TrainingResult.FAILED))

    # --- checking ---------------------------------------------------------------------------

    def prepare(self, rows, context):
        cache, user = context.cache, context.user
        cache["points"] = {(_key(p.organisation.name), _key(p.name)): p
                           for p in managed_points(user).select_related("organisation")}
        names = {_text(row, "point") for _line, row in rows}
        cache["known_points"] = {(_key(p.organisation.name), _key(p.name)) for p in
                                 CollectionPoint.objects.filter(name__in=names).select_related("organisation")}
        ids = {"".join(ch for ch in row.get("personal_id", "") if ch.isdigit()) for _line, row in rows} - {""}
        existing = {s.personal_id: s for s in AgentStaff.objects.filter(personal_id__in=ids)}
        cache["existing"] = existing
        cache["managed"] = set(managed_staff(user).filter(pk__in=[s.pk for s in existing.values()])
                               .values_list("pk", flat=True))
        cache["courses"] = {}
        for course in courses_for_records(user):
            cache["courses"].setdefault(_key(course.name), []).append(course)
        numbers = {_text(row, "card_number") for _line, row in rows} - {""}
        cache["cards"] = {c.number: c for c in AgentCard.objects.filter(number__in=numbers).select_related("staff")}

    def clean_row(self, row, context, line):
        values = {}
        errors = _attempt([
            ("point", lambda: self._point(row, context)),
            ("full_name", lambda: _required(row, "full_name")),
            ("birth_date", lambda: _optional_date(row, "birth_date")),
            ("sex", lambda: self._choice(self.sexes, row, "sex")),
            ("phone", lambda: identity_checked(phone_check, _text(row, "phone"), "phone")),
            ("joined_on", lambda: _optional_date(row, "joined_on")),
            ("training", lambda: self._training(row, context)),
            ("card", lambda: self._card(row)),
        ], values)
        errors += _attempt([("personal_id", lambda: self._personal_id(row, values, context, line))], values)
        if not errors:
            errors += _attempt([("card", lambda: self._check_card_owner(values, context, line))], values)
        if errors:
            raise RowErrors(errors)
        return values

    def _point(self, row, context):
        organisation, point = _required(row, "organisation"), _required(row, "point")
        key = (_key(organisation), _key(point))
        if key in context.cache["points"]:
            return context.cache["points"][key]
        if key in context.cache["known_points"]:
            raise RowError("point", _("this collection point is outside your area"))
        raise RowError("point", _("no collection point “%(point)s” of “%(organisation)s”") % {
            "point": point, "organisation": organisation})

    def _choice(self, words, row, column, default=""):
        text = _text(row, column)
        if not text:
            return default
        value = words.get(_key(text))
        if value is None:
            raise RowError(column, _("unknown value “%(value)s”") % {"value": text})
        return value

    def _personal_id(self, row, values, context, line):
        personal_id = identity_checked(
            lambda text: personal_id_check(text, values.get("birth_date"), ID_SEX.get(values.get("sex"))),
            row.get("personal_id", ""), "personal_id")
        earlier = context.first_line_with(("personal_id", personal_id), line)
        if earlier:
            raise RowError("personal_id", _("the same person as line %(line)s") % {"line": earlier})
        existing = context.cache["existing"].get(personal_id)
        if existing is not None and existing.pk not in context.cache["managed"]:
            raise RowError("personal_id", _("this person is registered as agent staff outside your area"))
        return personal_id

    def _training(self, row, context):
        if not any(_text(row, column) for column in TRAINING_COLUMNS):
            return None
        values = collect_row([
            ("course", lambda: self._course(row, context)),
            ("class_name", lambda: _required(row, "class_name", max_length=60)),
            ("trained_on", lambda: parse_date(row.get("trained_on", ""), "trained_on")),
            ("result", lambda: self._choice(self.results, row, "training_result", TrainingResult.PASSED)),
        ])
        course, day = values["course"], values["trained_on"]
        if not course.starts_on <= day <= course.ends_on:
            raise RowError("trained_on", _("the course runs from %(start)s to %(end)s") % {
                "start": course.starts_on.strftime("%d/%m/%Y"), "end": course.ends_on.strftime("%d/%m/%Y")})
        return values

    def _course(self, row, context):
        name = _required(row, "course")
        courses = context.cache["courses"].get(_key(name), [])
        if not courses:
            raise RowError("course", _("no training course “%(name)s” in your area or above it") % {"name": name})
        if len(courses) > 1:
            raise RowError("course", _("several courses are named “%(name)s”; rename them on the training page") % {
                "name": name})
        return courses[0]

    def _card(self, row):
        if not any(_text(row, column) for column in CARD_COLUMNS):
            return None
        values = collect_row([
            ("number", lambda: _required(row, "card_number", max_length=30)),
            ("issued_on", lambda: parse_date(row.get("card_issued_on", ""), "card_issued_on")),
            ("expires_on", lambda: parse_date(row.get("card_expires_on", ""), "card_expires_on")),
        ])
        if values["expires_on"] <= values["issued_on"]:
            raise RowError("card_expires_on", _("a card expires after the day it is issued"))
        return values

    def _check_card_owner(self, values, context, line):
        card = values["card"]
        if card is None:
            return None
        earlier = context.first_line_with(("card", card["number"]), line)
        if earlier:
            raise RowError("card_number", _("the same card number as line %(line)s") % {"line": earlier})
        issued = context.cache["cards"].get(card["number"])
        if issued is not None and issued.staff.personal_id != values["personal_id"]:
            raise RowError("card_number", _("this card number is already issued to someone else"))
        return card

    # --- saving -----------------------------------------------------------------------------

    def save(self, cleaned_rows, context):
        created = updated = 0
        for values in cleaned_rows:
            staff = context.cache["existing"].get(values["personal_id"])
            if staff is None:
                staff = AgentStaff.objects.create(
                    personal_id=values["personal_id"], full_name=values["full_name"], point=values["point"],
                    **{name: values[name] for name in ("birth_date", "sex", "phone", "joined_on") if values[name]})
                created += 1
            else:
                staff.full_name, staff.point = values["full_name"], values["point"]
                for name in ("birth_date", "sex", "phone", "joined_on"):
                    if values[name]:
                        setattr(staff, name, values[name])
                staff.save()
                updated += 1
            if values["training"]:
                training = values["training"]
                TrainingRecord.objects.update_or_create(
                    course=training["course"], staff=staff,
                    defaults={"class_name": training["class_name"], "trained_on": training["trained_on"],
                              "result": training["result"]})
            if values["card"]:
                card = values["card"]
                AgentCard.objects.update_or_create(
                    number=card["number"], defaults={"staff": staff, "issued_on": card["issued_on"],
                                                     "expires_on": card["expires_on"]})
        return created, updated
