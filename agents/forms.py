import uuid
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agents.models import Campaign, EnrolleeKind, ReviewDecision
from agents.selectors.rankings import Level
from agents.services.enrollees import already_logged_message, enrollee_clean, enrollee_logged_elsewhere
from enrollment.models import Metric
from enrollment.register_forms import DATE_FORMATS, date_input

AGENT_QUOTA_METRICS = (Metric.SI_NEW, Metric.HI_HOUSEHOLD)
COUNT_WIDGET = {"inputmode": "numeric", "min": 0, "class": "stepper-input"}


class DayMonthYearDates:
    """Dates typed and shown as dd/mm/yyyy, as in the register's forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form_field in self.fields.values():
            if isinstance(form_field, forms.DateField):
                form_field.input_formats = DATE_FORMATS
                form_field.widget = date_input()


class ResultCountsForm(forms.Form):
    """What an agent reports for a day: where, in which campaign, and the counts."""

    commune = forms.ModelChoiceField(label=_("Commune"), queryset=None, empty_label=None)
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=None, required=False,
                                      empty_label=_("Routine work (no campaign)"))
    households_visited = forms.IntegerField(label=_("Households visited"), min_value=0, max_value=500, initial=0,
                                            widget=forms.NumberInput(COUNT_WIDGET))
    people_consulted = forms.IntegerField(label=_("People consulted"), min_value=0, max_value=2000, initial=0,
                                          widget=forms.NumberInput(COUNT_WIDGET))
    attendees = forms.IntegerField(label=_("Attendees (conferences)"), min_value=0, max_value=5000, initial=0,
                                   widget=forms.NumberInput(COUNT_WIDGET))
    new_si = forms.IntegerField(label=_("New voluntary SI"), min_value=0, max_value=200, initial=0,
                                widget=forms.NumberInput(COUNT_WIDGET))
    new_hi = forms.IntegerField(label=_("New household HI"), min_value=0, max_value=200, initial=0,
                                widget=forms.NumberInput(COUNT_WIDGET))
    notes = forms.CharField(label=_("Notes"), required=False, max_length=1000,
                            widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, communes, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes
        self.fields["campaign"].queryset = campaigns


class ResultForm(ResultCountsForm):
    """The phone form for today; `key` is generated when the form is shown, so a resend is a no-op."""

    key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("key", uuid.uuid4())
        super().__init__(*args, **kwargs)


class CampaignForm(DayMonthYearDates, forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["name", "campaign_type", "starts_on", "ends_on", "unit", "target_si", "target_hi", "agents",
                  "description"]
        widgets = {"agents": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, units, agents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["agents"].queryset = agents
        self.fields["agents"].required = False

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The campaign cannot end before it starts."))
        return data


class QuotaForm(forms.Form):
    level = forms.ChoiceField(label=_("For"), choices=[(Level.STAFF, _("Every agent staff member")),
                                                       (Level.POINT, _("Every collection point")),
                                                       (Level.ORGANISATION, _("Every agent organisation"))])
    organisation = forms.ModelChoiceField(label=_("Of the organisation"), queryset=None, required=False,
                                          empty_label=_("All organisations in my area"))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    month_from = forms.IntegerField(label=_("From month"), min_value=1, max_value=12)
    month_to = forms.IntegerField(label=_("To month"), min_value=1, max_value=12)
    metric = forms.ChoiceField(label=_("Metric"), choices=[(m, Metric(m).label) for m in AGENT_QUOTA_METRICS],
                               initial=Metric.SI_NEW)
    target = forms.DecimalField(label=_("People per month"), min_value=0, max_digits=10, decimal_places=0)

    def __init__(self, *args, organisations, **kwargs):
        today = timezone.localdate()
        kwargs.setdefault("initial", {}).update(year=today.year, month_from=today.month, month_to=12)
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations

    def clean(self):
        data = super().clean()
        if data.get("month_from") and data.get("month_to") and data["month_to"] < data["month_from"]:
            self.add_error("month_to", _("The last month comes before the first."))
        return data


class PeriodForm(DayMonthYearDates, forms.Form):
    level = forms.ChoiceField(label=_("Ranking of"), choices=Level.choices, initial=Level.STAFF)
    start = forms.DateField(label=_("From"))
    end = forms.DateField(label=_("To"))
    by = forms.ChoiceField(label=_("By"), choices=[("new", _("New participants")), ("percent", _("Share of quota (%)"))],
                           initial="new")

    def __init__(self, data=None, *, levels=None, **kwargs):
        today = timezone.localdate()
        data = data.copy() if data else {}
        data.setdefault("level", Level.STAFF)
        data.setdefault("start", date(today.year, 1, 1).strftime("%d/%m/%Y"))
        data.setdefault("end", today.strftime("%d/%m/%Y"))
        data.setdefault("by", "new")
        super().__init__(data, **kwargs)
        if levels is not None:
            self.fields["level"].choices = [c for c in Level.choices if c[0] in levels]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=ReviewDecision.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}))


class EnrolleeForm(forms.Form):
    """One new enrollee named in a report: checked like the register checks a personal ID."""

    kind = forms.ChoiceField(label=_("Kind"), choices=EnrolleeKind.choices, initial=EnrolleeKind.VOLUNTARY_SI)
    full_name = forms.CharField(label=_("Full name"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "words"}))
    personal_id = forms.CharField(label=_("Personal ID (CCCD)"), max_length=20,
                                  widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
    phone = forms.CharField(label=_("Phone"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}))

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data.update(enrollee_clean(**{k: data.get(k, "") for k in ("kind", "full_name", "personal_id", "phone")}))
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                self.add_error(field_name, messages)
        return data


class BaseEnrolleeFormSet(forms.BaseFormSet):
    """The report's named enrollees; `result` is the report being corrected (its own names are not "elsewhere")."""

    def __init__(self, *args, result=None, **kwargs):
        self.result = result
        super().__init__(*args, **kwargs)

    def _kept(self, form, index):
        # A person already on the report stays unless deleted; an empty added row is ignored.
        return (index < self.initial_form_count() or form.has_changed()) and not self._should_delete_form(form)

    def enrollees(self):
        return [{k: form.cleaned_data[k] for k in ("kind", "full_name", "personal_id", "phone")}
                for index, form in enumerate(self.forms) if self._kept(form, index)]

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for index, form in enumerate(self.forms):
            if not self._kept(form, index):
                continue
            data = form.cleaned_data
            if (data["kind"], data["personal_id"]) in seen:
                form.add_error("personal_id", _("This person is already named in this report."))
                continue
            seen.add((data["kind"], data["personal_id"]))
            other = enrollee_logged_elsewhere(kind=data["kind"], personal_id=data["personal_id"], result=self.result)
            if other is not None:
                form.add_error("personal_id", already_logged_message(other))

    def named(self, kind):
        return sum(1 for enrollee in self.enrollees() if enrollee["kind"] == kind)


EnrolleeFormSet = forms.formset_factory(EnrolleeForm, formset=BaseEnrolleeFormSet, extra=0, max_num=50,
                                        validate_max=True, can_delete=True)


def enrollee_formset(data=None, *, result=None):
    initial = [{k: getattr(e, k) for k in ("kind", "full_name", "personal_id", "phone")}
               for e in result.enrollees.all()] if result is not None and data is None else None
    return EnrolleeFormSet(data, prefix="enrollee", result=result, initial=initial)


def check_counts_cover_names(form, formset):
    """A report's counts cannot be lower than the people it names; the error lands on the count."""
    for kind, field_name in ((EnrolleeKind.VOLUNTARY_SI, "new_si"), (EnrolleeKind.HOUSEHOLD_HI, "new_hi")):
        named = formset.named(kind)
        if (form.cleaned_data.get(field_name) or 0) < named:
            form.add_error(field_name, _("%(named)s people are named below: the count cannot be lower.")
                           % {"named": named})
    return form.is_valid()
