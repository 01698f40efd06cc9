import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from agents.campaigns.models.campaigns import Campaign
from agents.campaigns.models.enrollees import EnrolleeKind
from agents.campaigns.services.enrollees import (
    already_logged_message,
    enrollee_clean,
    enrollee_logged_elsewhere,
)
from agents.shared.forms import DayMonthYearDates

COUNT_WIDGET = {"inputmode": "numeric", "min": 0, "class": "stepper-input"}


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
