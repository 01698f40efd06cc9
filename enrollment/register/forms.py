"""Forms of the register: the entry form, a further payment, a renewal outcome, households."""

from datetime import date

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from enrollment.register.models.parameters import ParameterTable
from enrollment.register.models.participants import (
    Outcome,
    PaymentMethod,
    Sex,
    SupportCategory,
    TargetGroup,
)
from enrollment.register.selectors.participants import (
    agent_organisation_id,
    agents_model,
    communes_for,
    staff_for,
    villages_for,
)
from enrollment.register.services.contributions import (
    ContributionError,
    contribution_compute,
    income_limits,
)
from enrollment.shared.forms import (
    PersonNameAndPhone,
    date_field,
)
from enrollment.shared.identity import (
    IdentityError,
    personal_id_check,
    si_number_check,
)
from enrollment.shared.models.users import Role
from enrollment.shared.scoping import scope_path, scope_queryset

MINIMUM_AGE = 15
LINK_FIELDS = ("collected_by_staff", "mobilised_by_staff", "collected_by_agent", "mobilised_by_agent", "campaign")


def campaigns_for(user, campaign_model):
    """Campaigns run in the user's area or above it (a provincial campaign covers its districts); for agent
    staff, those their organisation takes part in (never a competitor's)."""
    if user.is_authenticated and user.role == Role.AGENT_STAFF:
        return campaign_model.objects.filter(agents__point__organisation_id=agent_organisation_id(user)).distinct()
    prefix = scope_path(user)
    if prefix is None:
        return campaign_model.objects.none()
    if prefix == "":
        return campaign_model.objects.all()
    ancestors = [prefix[: i + 1] for i, ch in enumerate(prefix) if ch == "/"][1:]
    return campaign_model.objects.filter(Q(unit__path__startswith=prefix) | Q(unit__path__in=ancestors))


def _agents_for(user, agent_model):
    """Agent staff a payment may be credited to: an office's agents by geography; an agent's own
    organisation only, wherever its points are (agent staff never see another organisation's people)."""
    active = agent_model.objects.filter(is_active=True)
    if not user.is_authenticated or user.role != Role.AGENT_STAFF:
        return scope_queryset(user, active, unit_field="point__unit")
    profile = agent_model.objects.filter(user=user, is_active=True).select_related("point").first()
    return active.filter(point__organisation_id=profile.point.organisation_id) if profile else active.none()


class VillageSelect(forms.Select):
    """Each village option names its commune, so the page can offer only the chosen commune's villages."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-commune"] = instance.parent_id
        return option


class PaymentFields(forms.Form):
    """Fields of a payment and the computation of its amounts (used for entry and for paying again)."""

    paid_on = date_field(_("Paid on"))
    method = forms.ChoiceField(label=_("Payment method"), choices=PaymentMethod.choices, initial=PaymentMethod.MONTHLY)
    months = forms.IntegerField(label=_("Months"), required=False, min_value=1,
                                help_text=_("For payments in advance (12, 24 …) and lump sums only."),
                                widget=forms.NumberInput(attrs={"inputmode": "numeric"}))
    monthly_income = forms.DecimalField(label=_("Declared monthly income (VND)"), max_digits=14, decimal_places=0,
                                        localize=True, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    collected_by_staff = forms.ModelChoiceField(label=_("Collected by (officer)"), queryset=None, required=False)
    mobilised_by_staff = forms.ModelChoiceField(label=_("Mobilised by (officer)"), queryset=None, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        today = timezone.localdate()
        self.fields["paid_on"].initial = today
        self.fields["monthly_income"].initial = income_limits(today).floor
        staff = staff_for(user)
        self.fields["collected_by_staff"].queryset = staff
        self.fields["mobilised_by_staff"].queryset = staff
        self._add_agent_fields(user)
        self.contribution = None

    def _add_agent_fields(self, user):
        """Agent staff and campaigns of the user's area, named through the app registry only."""
        agent_model, campaign_model = agents_model("AgentStaff"), agents_model("Campaign")
        if agent_model is not None:
            agents = _agents_for(user, agent_model)
            self.fields["collected_by_agent"] = forms.ModelChoiceField(
                label=_("Collected by (agent staff)"), queryset=agents.order_by("full_name"), required=False)
            self.fields["mobilised_by_agent"] = forms.ModelChoiceField(
                label=_("Mobilised by (agent staff)"), queryset=agents.order_by("full_name"), required=False)
            profile = agent_model.objects.filter(user=user).first() if user.is_authenticated else None
            if profile is not None:
                self.fields["collected_by_agent"].initial = profile.pk
        if campaign_model is not None:
            self.fields["campaign"] = forms.ModelChoiceField(
                label=_("Campaign"), queryset=campaigns_for(user, campaign_model).order_by("-pk"), required=False)

    def payment_links(self):
        return {k: self.cleaned_data.get(k) for k in LINK_FIELDS if k in self.fields}

    def clean_paid_on(self):
        paid_on = self.cleaned_data["paid_on"]
        if paid_on > timezone.localdate():
            raise forms.ValidationError(_("A payment cannot be dated in the future."))
        return paid_on

    def compute(self, support_category, supported_months_before=0):
        data = self.cleaned_data
        if not all(data.get(k) is not None for k in ("paid_on", "method", "monthly_income")):
            return None
        try:
            self.contribution = contribution_compute(
                on_date=data["paid_on"], monthly_income=data["monthly_income"], method=data["method"],
                months=data.get("months"), support_category=support_category,
                supported_months_before=supported_months_before, params=ParameterTable(),
            )
        except ContributionError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return self.contribution


class ParticipantEntryForm(PersonNameAndPhone, PaymentFields):
    personal_id = forms.CharField(label=_("Personal ID (12 digits)"), max_length=16,
                                  widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off",
                                                                "autofocus": True}))
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    birth_date = date_field(_("Birth date"))
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices, widget=forms.RadioSelect)
    phone = forms.CharField(label=_("Mobile phone"), max_length=16, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel"}))
    si_number = forms.CharField(label=_("Social insurance number (10 digits, optional)"), max_length=12,
                                required=False, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    commune = forms.ModelChoiceField(label=_("Commune"), queryset=None)
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False, widget=VillageSelect)
    target_group = forms.ChoiceField(label=_("Target group"), choices=TargetGroup.choices)
    support_category = forms.ChoiceField(label=_("Support category"), choices=SupportCategory.choices,
                                         initial=SupportCategory.OTHER)

    field_order = ["personal_id", "full_name", "birth_date", "sex", "phone", "si_number", "commune", "village",
                   "target_group", "support_category", "paid_on", "method", "months", "monthly_income",
                   "collected_by_staff", "mobilised_by_staff", "collected_by_agent", "mobilised_by_agent", "campaign"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["commune"].queryset = communes_for(user)
        self.fields["village"].queryset = villages_for(user)
        communes = list(self.fields["commune"].queryset[:2])
        if len(communes) == 1:
            self.fields["commune"].initial = communes[0]

    def clean_si_number(self):
        try:
            return si_number_check(self.cleaned_data["si_number"])
        except IdentityError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_birth_date(self):
        birth_date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        age = today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
        if age < MINIMUM_AGE:
            raise forms.ValidationError(_("A participant must be at least %(age)s years old.") % {"age": MINIMUM_AGE})
        if birth_date < date(1900, 1, 1):
            raise forms.ValidationError(_("Check the birth date."))
        return birth_date

    def clean(self):
        data = super().clean()
        if "personal_id" in data:
            try:
                data["personal_id"] = personal_id_check(data["personal_id"], data.get("birth_date"), data.get("sex"))
            except IdentityError as error:
                self.add_error("personal_id", str(error))
        village, commune = data.get("village"), data.get("commune")
        if village and commune and village.parent_id != commune.pk:
            self.add_error("village", _("This village is not in the chosen commune."))
        if data.get("support_category"):
            self.compute(data["support_category"])
        return data


class PaymentForm(PaymentFields):
    """A further payment of a participant already in the register."""

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, **kwargs)
        self.participant = participant

    def clean(self):
        data = super().clean()
        from enrollment.register.services.participants import supported_months_so_far

        self.compute(self.participant.support_category, supported_months_so_far(self.participant))
        return data


class RenewalOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[c for c in Outcome.choices if c[0] != Outcome.PAID])
    promised_on = date_field(_("Promised on"), required=False)
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False)

    def clean(self):
        data = super().clean()
        if data.get("outcome") == Outcome.PROMISED and not data.get("promised_on"):
            self.add_error("promised_on", _("Give the date the person promised to pay."))
        if data.get("outcome") == Outcome.DECLINED and not data.get("reason"):
            self.add_error("reason", _("Give the reason the person declined."))
        return data


class HouseholdForm(forms.Form):
    head_name = forms.CharField(label=_("Head of household"), max_length=150)
    commune = forms.ModelChoiceField(label=_("Commune"), queryset=None)
    village = forms.ModelChoiceField(label=_("Village"), queryset=None, required=False, widget=VillageSelect)
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    valid_from = date_field(_("Insured from"))
    months = forms.TypedChoiceField(label=_("Months"), coerce=int, choices=[(3, "3"), (6, "6"), (12, "12")],
                                    initial=12)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes_for(user)
        self.fields["village"].queryset = villages_for(user)
        self.fields["valid_from"].initial = timezone.localdate()

    def clean(self):
        data = super().clean()
        village, commune = data.get("village"), data.get("commune")
        if village and commune and village.parent_id != commune.pk:
            self.add_error("village", _("This village is not in the chosen commune."))
        return data


class HouseholdMemberForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    personal_id = forms.CharField(label=_("Personal ID"), max_length=16, required=False,
                                  widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    birth_date = date_field(_("Birth date"), required=False)
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices], required=False)

    def clean(self):
        data = super().clean()
        if data.get("personal_id"):
            try:
                data["personal_id"] = personal_id_check(data["personal_id"], data.get("birth_date"),
                                                        data.get("sex") or None)
            except IdentityError as error:
                self.add_error("personal_id", str(error))
        return data


HouseholdMemberFormSet = forms.formset_factory(HouseholdMemberForm, extra=6, min_num=1, validate_min=True)


REASON = forms.CharField(label=_("Reason for the change"), max_length=100, required=False,
                         help_text=_("Kept in the history with the change, e.g. “typing error”."))


class ParticipantEditForm(ParticipantEntryForm):
    """The entry form's person fields and checks, without a payment, filled with what is saved."""

    reason = REASON

    def __init__(self, *args, participant, user, **kwargs):
        initial = {name: getattr(participant, name) for name in (
            "personal_id", "full_name", "birth_date", "sex", "phone", "si_number", "commune", "village",
            "target_group", "support_category")}
        super().__init__(*args, user=user, initial=initial, **kwargs)
        for name in [*PaymentFields.base_fields, *LINK_FIELDS]:
            self.fields.pop(name, None)
        self.fields["personal_id"].widget.attrs.pop("autofocus", None)


class PaymentEditForm(forms.Form):
    """What may be corrected on a saved payment: its day, the declared income, who collected or mobilised it."""

    paid_on = date_field(_("Paid on"))
    monthly_income = PaymentFields.base_fields["monthly_income"]
    collected_by_staff = forms.ModelChoiceField(label=_("Collected by (officer)"), queryset=None, required=False)
    mobilised_by_staff = forms.ModelChoiceField(label=_("Mobilised by (officer)"), queryset=None, required=False)
    reason = REASON

    def __init__(self, *args, payment, user, **kwargs):
        initial = {name: getattr(payment, name) for name in ("paid_on", "monthly_income", "collected_by_staff",
                                                             "mobilised_by_staff")}
        super().__init__(*args, initial=initial, **kwargs)
        staff = staff_for(user)
        self.fields["collected_by_staff"].queryset = staff
        self.fields["mobilised_by_staff"].queryset = staff

    clean_paid_on = PaymentFields.clean_paid_on
