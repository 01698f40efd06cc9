"""Bulk import of participants and their payments (one row = one payment), as collection software exports them.

Checking is row by row (every bad row is reported with its line and column); saving is in bulk:
new participants and payments go in with COPY on PostgreSQL (batched INSERTs elsewhere), and the
participants' derived dates are refreshed in one statement per batch. Each row has an import key
(the receipt number, or a digest of the person and period), so re-importing a file adds nothing.
"""

from functools import partial

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment.imports.bulk import bulk_insert
from enrollment.imports.cells import choices_by_word, fold, identity_checked, parse_date, parse_money, parse_month
from enrollment.imports.services import Importer, RowError, RowErrors, register
from enrollment.imports.tabular import Column
from enrollment.progress.services.engine import progress_added, progress_changed
from enrollment.register.attribution import AgentCredit
from enrollment.register.models.parameters import ParameterTable
from enrollment.register.models.participants import (
    METHOD_MONTHS,
    Participant,
    Payment,
    PaymentMethod,
    Sex,
    SupportCategory,
    TargetGroup,
)
from enrollment.register.services.contributions import (
    ContributionError,
    months_for_method,
)
from enrollment.register.services.import_rows import (
    already_paid_error,
    import_key_for,
    outside_area_error,
    participants_refresh_dates,
    row_contribution,
    same_payment_error,
    village_error,
)
from enrollment.register.signals import register_people_written
from enrollment.shared.identity import (
    digits_only,
    personal_id_check,
    phone_check,
    si_number_check,
)
from enrollment.shared.months import add_months, first_of_month
from enrollment.territory.models.units import Level, Unit
from enrollment.territory.services.imports import (
    check_unit,
    unit_codes_known,
    units_by_code,
)
from enrollment.territory.services.legacy import legacy_place, legacy_units_by_key, mapped_commune_codes

CHUNK = 5000
LEGACY_CODE_COLUMN = Column(
    "legacy_code", gettext_lazy("Unit code before 01/07/2025"), required=False,
    help=gettext_lazy("For payments before 01/07/2025: the former ward (5 digits), district (3) or province (2) "
                      "the payment was reported under"))


@register
class ParticipantPaymentImporter(Importer):
    kind = "participants"
    label = gettext_lazy("Participants and payments")
    columns = [
        Column("personal_id", gettext_lazy("Personal ID"), help=gettext_lazy("12 digits")),
        Column("full_name", gettext_lazy("Full name")),
        Column("birth_date", gettext_lazy("Birth date"), help=gettext_lazy("dd/mm/yyyy")),
        Column("sex", gettext_lazy("Sex"), help=gettext_lazy("Nam or Nữ"), choices=tuple(Sex.choices)),
        Column("commune_code", gettext_lazy("Commune code"), required=False,
               help=gettext_lazy("5-digit code of the 2025 commune; may be left empty when the former ward is given")),
        LEGACY_CODE_COLUMN,
        Column("village_code", gettext_lazy("Village code"), required=False),
        Column("phone", gettext_lazy("Phone"), required=False, help=gettext_lazy("Vietnamese mobile number")),
        Column("si_number", gettext_lazy("Social insurance number"), required=False, help=gettext_lazy("10 digits")),
        Column("target_group", gettext_lazy("Target group"), required=False,
               help=gettext_lazy("Code or name from the list; Other when empty"), choices=tuple(TargetGroup.choices)),
        Column("support_category", gettext_lazy("Support category"), required=False,
               help=gettext_lazy("poor, near_poor, ethnic_minority, island_commune or other (or the Vietnamese name)"),
               choices=tuple(SupportCategory.choices)),
        Column("paid_on", gettext_lazy("Paid on"), help=gettext_lazy("dd/mm/yyyy")),
        Column("method", gettext_lazy("Payment method"),
               help=gettext_lazy("monthly, quarterly, half_yearly, yearly, years_in_advance, lump_sum "
                                 "(or the Vietnamese name)"), choices=tuple(PaymentMethod.choices)),
        Column("months", gettext_lazy("Months"), required=False,
               help=gettext_lazy("Only for payments in advance and lump sums")),
        Column("period_start", gettext_lazy("From month"), required=False,
               help=gettext_lazy("mm/yyyy; empty = the month after the last one paid")),
        Column("monthly_income", gettext_lazy("Declared monthly income"), help=gettext_lazy("In đồng")),
        Column("receipt_number", gettext_lazy("Receipt number"), required=False,
               help=gettext_lazy("Makes re-imports safe; without it the person, period and date are used")),
        # Optional: who brought the payment in (docs/AGENTS.md, "Agent columns in the import").
        Column("agent_organisation", gettext_lazy("Agent organisation code"), required=False,
               help=gettext_lazy("Code of the collection agent (on its page); it must have a contract in force on "
                                 "the payment date")),
        Column("agent_point", gettext_lazy("Collection point code"), required=False,
               help=gettext_lazy("Code of the collection point, which must belong to the organisation")),
        Column("agent_staff", gettext_lazy("Agent staff (personal ID or card number)"), required=False,
               help=gettext_lazy("The agent staff member credited with the payment; needed when an organisation "
                                 "or point is given")),
        Column("campaign", gettext_lazy("Campaign"), required=False,
               help=gettext_lazy("Name or number of a campaign running on the payment date in the commune")),
    ]
    examples = [
        ["082085012345", "Nguyễn Văn An", "15/04/1985", "Nam", "28594", "", "", "0912345678", "", "Nông dân",
         "Hộ cận nghèo", "05/11/2026", "Hằng tháng", "", "11/2026", "1.500.000", "BL-2026-0001",
         "DL00001", "DT00001", "082090001234", "Tháng cao điểm 11/2026"],
    ]

    def __init__(self):
        self.sexes = choices_by_word(Sex.choices, ("nam", Sex.MALE), ("nu", Sex.FEMALE), ("m", Sex.MALE),
                                      ("f", Sex.FEMALE))
        self.methods = choices_by_word(PaymentMethod.choices, ("1", PaymentMethod.MONTHLY),
                                        ("3", PaymentMethod.QUARTERLY), ("6", PaymentMethod.HALF_YEARLY),
                                        ("12", PaymentMethod.YEARLY), ("hang thang", PaymentMethod.MONTHLY),
                                        ("3 thang", PaymentMethod.QUARTERLY), ("6 thang", PaymentMethod.HALF_YEARLY),
                                        ("12 thang", PaymentMethod.YEARLY), ("dong truoc", PaymentMethod.YEARS_IN_ADVANCE),
                                        ("mot lan", PaymentMethod.LUMP_SUM))
        self.groups = choices_by_word(TargetGroup.choices)
        self.categories = choices_by_word(SupportCategory.choices, ("ngheo", SupportCategory.POOR),
                                           ("can ngheo", SupportCategory.NEAR_POOR),
                                           ("dan toc thieu so", SupportCategory.ETHNIC_MINORITY))

    # --- checking ---------------------------------------------------------------------------

    def prepare(self, rows, context):
        codes = [row.get("commune_code", "") for _line, row in rows]
        codes += legacy_codes_prepare(rows, context)
        context.cache["communes"] = units_by_code(context.user, codes, [Level.COMMUNE])
        context.cache["known"] = unit_codes_known(codes, [Level.COMMUNE])
        village_codes = {row.get("village_code", "") for _line, row in rows} - {""}
        context.cache["villages"] = {
            v.code: v for v in Unit.objects.filter(level=Level.VILLAGE, code__in=village_codes,
                                                   parent__in=list(context.cache["communes"].values()))
        }
        ids = list({digits_only(row.get("personal_id", "")) for _line, row in rows})
        existing, supported = {}, {}
        for start in range(0, len(ids), CHUNK):
            chunk = Participant.objects.filter(personal_id__in=ids[start:start + CHUNK]).annotate(
                supported=Sum("payments__supported_months"))
            for p in chunk.only("pk", "personal_id", "commune_id", "commune__path", "paid_through",
                                "support_category").select_related("commune"):
                existing[p.personal_id] = p
                supported[p.personal_id] = p.supported or 0
        context.cache["existing"] = existing
        context.cache["supported"] = supported
        context.cache["paid_through"] = {pid: p.paid_through for pid, p in existing.items()}
        keys = set()
        for start in range(0, len(ids), CHUNK):
            keys.update(Payment.objects.filter(participant__personal_id__in=ids[start:start + CHUNK])
                        .exclude(import_key=None).values_list("import_key", flat=True))
        context.cache["keys"] = keys
        context.cache["params"] = ParameterTable()
        context.cache["today"] = timezone.localdate()
        context.cache["new"] = {}
        from enrollment.shared.scoping import scope_path

        context.cache["scope"] = scope_path(context.user)
        context.cache["agents"] = AgentCredit(rows, context.user)

    def check_in_bulk(self, sheet, context, progress):
        from enrollment.register.services.imports_in_bulk import check_in_bulk  # it builds on this module

        if not settings.IMPORT_IN_BULK:
            return None
        return check_in_bulk(self, sheet, context, progress)

    def _choice(self, words, text, column, default=None):
        if not text.strip():
            if default is not None:
                return default
            raise RowError(column, _("required"))
        value = words.get(fold(text).strip())
        if value is None:
            raise RowError(column, _("unknown value “%(value)s”") % {"value": text})
        return value

    def clean_row(self, row, context, line):
        cache = context.cache
        get = row.get
        errors = []
        values, payment = {}, {}
        credit = {}
        for check, target in ((self._person, values), (self._payment, payment), (self.agent_credit, credit)):
            try:
                target.update(check(row, context))
            except RowErrors as error:
                errors.extend(error.errors)
        if errors:
            raise RowErrors(errors)
        values.update(payment)
        values.update(credit)
        values.update(self._legacy_placed(row, cache, values))
        pid = values["personal_id"]
        existing = cache["existing"].get(pid)
        if existing is not None and cache["scope"] and not existing.commune.path.startswith(cache["scope"]):
            raise outside_area_error()
        category = existing.support_category if existing is not None else values["support_category"]
        key = get("receipt_number", "").strip()
        through = cache["paid_through"].get(pid)
        start = payment["period_start"] or (add_months(through, 1) if through else first_of_month(payment["paid_on"]))
        months = payment["months"]
        values["import_key"] = f"r:{key}" if key else import_key_for(
            pid, payment["paid_on"], payment["method"], months, payment["period_start"], payment["monthly_income"])
        if values["import_key"] in cache["keys"]:
            values["skip"] = True  # imported before: re-importing the file adds nothing
            return values
        earlier = context.first_line_with(("key", values["import_key"]), line)
        if earlier:
            raise same_payment_error(bool(key), earlier)
        if through is not None and start <= through:
            raise already_paid_error(through)
        contribution = row_contribution(payment, category, cache["supported"].get(pid, 0), cache["params"])
        cache["paid_through"][pid] = add_months(start, months - 1)
        cache["supported"][pid] = cache["supported"].get(pid, 0) + contribution.supported_months
        values.update(period_start=start, contribution=contribution, skip=False)
        return values

    def person_cells(self, context):
        """(value, column, check of the cell's text) of the person's cells that are read on their own."""
        cache = context.cache
        return [
            ("full_name", "full_name", lambda text: " ".join(text.split()) or self._required("full_name")),
            ("birth_date", "birth_date", lambda text: parse_date(text, "birth_date")),
            ("sex", "sex", lambda text: self._choice(self.sexes, text, "sex")),
            ("commune", "commune_code", lambda text: check_unit(text.strip(), "commune_code", cache["communes"],
                                                               cache["known"])),
            ("target_group", "target_group", lambda text: self._choice(self.groups, text, "target_group",
                                                                       TargetGroup.OTHER)),
            ("support_category", "support_category", lambda text: self._choice(
                self.categories, text, "support_category", SupportCategory.OTHER)),
        ]

    def payment_cells(self, context):
        """(value, column, check of the cell's text) of the payment's cells that are read on their own; the
        months are read with the method (`months_cell`)."""
        return [
            ("paid_on", "paid_on", lambda text: self._not_future(parse_date(text, "paid_on"), context)),
            ("method", "method", lambda text: self._choice(self.methods, text, "method")),
            ("monthly_income", "monthly_income", lambda text: parse_money(text, "monthly_income")),
            ("period_start", "period_start", lambda text: parse_month(text, "period_start") if text.strip() else None),
        ]

    def _person(self, row, context):
        cache = context.cache
        get = row.get
        errors, values = [], {}

        def attempt(column, check):
            try:
                values[column] = check()
            except RowError as error:
                errors.append((error.column, error.message))

        for name, column, check in self.person_cells(context):
            if name == "commune" and get("legacy_code", "").strip():
                continue  # placed with the payment's date (`_legacy_placed`)
            attempt(name, partial(check, get(column, "")))
        attempt("phone", lambda: identity_checked(phone_check, get("phone", ""), "phone"))
        attempt("si_number", lambda: identity_checked(si_number_check, get("si_number", ""), "si_number"))
        attempt("personal_id", lambda: identity_checked(
            lambda v: personal_id_check(v, values.get("birth_date"), values.get("sex")), get("personal_id", ""),
            "personal_id"))
        village_code = get("village_code", "").strip()
        if village_code and "commune" in values:
            village = cache["villages"].get(village_code)
            if village is None or village.parent_id != values["commune"].pk:
                errors.append(village_error(village_code))
            values["village"] = village
        else:
            values["village"] = None
        if errors:
            raise RowErrors(errors)
        return values

    def _payment(self, row, context):
        get = row.get
        errors, values = [], {}

        def attempt(column, check):
            try:
                values[column] = check()
            except RowError as error:
                errors.append((error.column, error.message))

        for name, column, check in self.payment_cells(context):
            attempt(name, partial(check, get(column, "")))
        if "method" in values:
            attempt("months", lambda: self.months_cell(values["method"], get("months", "")))
        if errors:
            raise RowErrors(errors)
        return values

    @staticmethod
    def agent_credit(row, context):
        """The agent columns, checked by the agents app (enrollment/register/attribution.py) against the
        payment's date and commune as far as those cells can be read."""
        try:
            paid_on = parse_date(row.get("paid_on", ""), "paid_on")
        except RowError:
            paid_on = None
        commune = context.cache["communes"].get(row.get("commune_code", "").strip())
        return context.cache["agents"].clean(row, paid_on=paid_on, commune=commune)

    @staticmethod
    def _commune(code, column, cache):
        return check_unit(code, column, cache["communes"], cache["known"])

    def _legacy_placed(self, row, cache, values):
        """The former unit of a row with a code from before the reform, and its 2025 commune."""
        text = row.get("legacy_code", "").strip()
        if not text:
            return {"legacy_unit": None}
        legacy_unit, commune = legacy_place(text, row.get("commune_code", "").strip(), values["paid_on"],
                                            cache["legacy_units"], lambda code, column: self._commune(code, column, cache))
        if row.get("village_code", "").strip():
            village = cache["villages"].get(row["village_code"].strip())
            if village is None or village.parent_id != commune.pk:
                raise RowError("village_code", _("no village %(code)s in this commune") % {
                    "code": row["village_code"].strip()})
            values["village"] = village
        return {"legacy_unit": legacy_unit, "commune": commune}

    @staticmethod
    def _required(column):
        raise RowError(column, _("required"))

    @staticmethod
    def _not_future(day, context):
        if day > context.cache["today"]:
            raise RowError("paid_on", _("a payment cannot be dated in the future"))
        return day

    @staticmethod
    def months_cell(method, text):
        if method in METHOD_MONTHS and not text.strip():
            return METHOD_MONTHS[method]
        number = int(text) if text.strip().isdigit() else None
        try:
            return months_for_method(method, number)
        except ContributionError as error:
            raise RowError("months", error.message) from None

    # --- saving -----------------------------------------------------------------------------

    def save(self, cleaned_rows, context):
        if not isinstance(cleaned_rows, list):  # checked in bulk: the rows wait in the database
            return cleaned_rows.save(context)
        rows = [r for r in cleaned_rows if not r["skip"]]
        if not rows:
            return 0, 0
        now, user = timezone.now(), context.user
        existing = context.cache["existing"]
        new_people = {}
        for r in rows:
            if r["personal_id"] not in existing and r["personal_id"] not in new_people:
                new_people[r["personal_id"]] = r
        first_paid, paid_through = {}, {}
        for r in rows:
            pid, end = r["personal_id"], add_months(r["period_start"], r["contribution"].months - 1)
            first_paid[pid] = min(first_paid.get(pid, r["paid_on"]), r["paid_on"])
            paid_through[pid] = max(paid_through.get(pid, end), end)
        bulk_insert(Participant, [
            {"personal_id": pid, "full_name": r["full_name"], "birth_date": r["birth_date"], "sex": r["sex"],
             "si_number": r["si_number"], "phone": r["phone"], "commune_id": r["commune"].pk,
             "village_id": r["village"].pk if r["village"] else None, "target_group": r["target_group"],
             "legacy_unit_id": r["legacy_unit"].pk if r["legacy_unit"] else None,
             "support_category": r["support_category"], "first_paid_on": first_paid[pid],
             "paid_through": paid_through[pid], "created_at": now, "created_by_id": user.pk}
            for pid, r in new_people.items()
        ])
        ids = {pid: p.pk for pid, p in existing.items()}
        new_ids = list(new_people)
        for start in range(0, len(new_ids), CHUNK):
            ids.update(Participant.objects.filter(personal_id__in=new_ids[start:start + CHUNK])
                       .values_list("personal_id", "pk"))
        had_payments = {p.pk for p in existing.values() if p.paid_through is not None}
        first_seen = set()
        payments = []
        for r in rows:
            pk = ids[r["personal_id"]]
            is_first = pk not in had_payments and pk not in first_seen
            first_seen.add(pk)
            c = r["contribution"]
            payments.append({
                "participant_id": pk, "commune_id": (existing[r["personal_id"]].commune_id
                                                    if r["personal_id"] in existing else r["commune"].pk),
                "paid_on": r["paid_on"], "period_start": r["period_start"],
                "period_end": add_months(r["period_start"], c.months - 1), "months": c.months, "method": r["method"],
                "monthly_income": c.monthly_income, "gross": c.gross, "state_support": c.state_support,
                "local_support": c.local_support, "net": c.net, "supported_months": c.supported_months,
                "fund_return": c.fund_return, "adjustment": c.adjustment, "is_first": is_first,
                "import_key": r["import_key"], "created_at": now, "created_by_id": user.pk,
                "collected_by_agent_id": r["agent_staff_id"],
                "mobilised_by_agent_id": r["agent_staff_id"] if is_first else None, "campaign_id": r["campaign_id"],
                "legacy_unit_id": r["legacy_unit"].pk if r["legacy_unit"] else None,
            })
        bulk_insert(Payment, payments)
        participants_refresh_dates(sorted({ids[r["personal_id"]] for r in rows if r["personal_id"] in existing}))
        if new_people or any(p["is_first"] for p in payments):
            register_people_written.send(sender=Participant, personal_ids=None)
        # New people are added to the stored figures; the others' communes are recounted.
        added = {ids[pid] for pid in new_people}
        of_new = [p for p in payments if p["participant_id"] in added]
        of_others = [p for p in payments if p["participant_id"] not in added]
        if of_new:
            progress_added(added, _payment_days(of_new))
        if of_others:
            progress_changed({p["commune_id"] for p in of_others}, _payment_days(of_others))
        return len(payments), 0


def legacy_codes_prepare(rows, context):
    """Load the former units the rows name; the 2025 communes their wards went into are loaded with the others."""
    texts = [row.get("legacy_code", "") for _line, row in rows]
    context.cache["legacy_units"] = legacy_units_by_key(texts)
    return list(mapped_commune_codes(texts))


def _payment_days(payments):
    return {p["paid_on"] for p in payments} | {p["period_start"] for p in payments}
