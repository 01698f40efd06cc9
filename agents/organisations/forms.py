"""Forms to create and edit agent organisations, their contracts and their collection points."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agents.organisations.models import (
    AgentOrganisation,
    CollectionPoint,
    Contract,
    ContractStatus,
)
from agents.shared.forms import DayMonthYearDates


class CodeField:
    """An optional code, written without spaces in capitals; empty, the model gives one on saving."""

    def clean_code(self):
        code = "".join((self.cleaned_data.get("code") or "").split()).upper()
        if code and type(self.instance).objects.filter(code=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This code is already used."))
        return code or None


class OrganisationForm(CodeField, forms.ModelForm):
    class Meta:
        model = AgentOrganisation
        fields = ["organisation_type", "name", "code", "unit", "network", "address", "phone", "is_active"]
        labels = {"is_active": _("Active")}

    def __init__(self, *args, units, networks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        # A national office makes an organisation a branch; a province sees the networks it already has a branch of.
        self.fields["network"].queryset = networks.filter(is_active=True)
        self.fields["network"].empty_label = _("None (a local organisation)")

    def clean_phone(self):
        phone = "".join(ch for ch in self.cleaned_data["phone"] if ch not in " .-")
        if phone and not (phone.isdigit() and phone.startswith("0") and len(phone) in (10, 11)):
            raise forms.ValidationError(_("A Vietnamese phone number has 10 or 11 digits and starts with 0."))
        return phone

    def clean(self):
        data = super().clean()
        name, unit = data.get("name"), data.get("unit")
        if name and unit:
            same = AgentOrganisation.objects.filter(unit=unit, name__iexact=name.strip()).exclude(pk=self.instance.pk)
            if same.exists():
                self.add_error("name", _("This unit already has an agent organisation with this name."))
        return data


class ContractForm(DayMonthYearDates, forms.ModelForm):
    class Meta:
        model = Contract
        fields = ["number", "signed_on", "valid_from", "valid_to", "status", "terminated_on", "termination_reason"]
        widgets = {"termination_reason": forms.Textarea(attrs={"rows": 2})}

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        same = Contract.objects.filter(organisation=self.instance.organisation, number__iexact=number)
        if same.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This organisation already has a contract with this number."))
        return number

    def clean(self):
        data = super().clean()
        valid_from, valid_to = data.get("valid_from"), data.get("valid_to")
        if valid_from and valid_to and valid_to < valid_from:
            self.add_error("valid_to", _("A contract cannot end before it starts."))
        terminated = data.get("status") == ContractStatus.TERMINATED
        if terminated:
            if not data.get("terminated_on") and "terminated_on" not in self.errors:
                self.add_error("terminated_on", _("A terminated contract needs the date it was terminated."))
            if not data.get("termination_reason", "").strip():
                self.add_error("termination_reason", _("A terminated contract needs the reason."))
        elif data.get("terminated_on"):
            self.add_error("status", _("A contract with a termination date has the status Terminated."))
        signed_on, terminated_on = data.get("signed_on"), data.get("terminated_on")
        if signed_on and terminated_on and terminated_on < signed_on:
            self.add_error("terminated_on", _("A contract cannot be terminated before it is signed."))
        return data


class PointForm(CodeField, forms.ModelForm):
    """A point and the communes it serves, chosen among the communes of the user's area."""

    class Meta:
        model = CollectionPoint
        fields = ["organisation", "name", "code", "unit", "communes", "address", "is_active"]
        widgets = {"communes": forms.SelectMultiple(attrs={"size": 10})}
        help_texts = {"communes": _("When none is chosen, the point serves the commune it is in.")}
        labels = {"is_active": _("Active")}

    def __init__(self, *args, organisations, communes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations.order_by("name")
        self.fields["unit"].queryset = communes.order_by("name")
        self.fields["communes"].queryset = communes.order_by("name")

    def clean(self):
        data = super().clean()
        organisation, name = data.get("organisation"), data.get("name")
        if organisation and name:
            same = CollectionPoint.objects.filter(organisation=organisation, name__iexact=name.strip())
            if same.exclude(pk=self.instance.pk).exists():
                self.add_error("name", _("This organisation already has a point with this name."))
        return data


class NetworkPeriodForm(DayMonthYearDates, forms.Form):
    """The period a national network's branches are ranked over, and which share of quota ranks them."""

    start = forms.DateField(label=_("From"))
    end = forms.DateField(label=_("To"))
    by = forms.ChoiceField(label=_("Ranked by"), choices=[
        ("phased", _("Share of the quota phased to this period (%)")), ("year", _("Share of the year's quota (%)")),
        ("new", _("New participants"))])

    def __init__(self, data=None, **kwargs):
        today = timezone.localdate()
        data = data.copy() if data else {}
        data.setdefault("start", date(today.year, 1, 1).strftime("%d/%m/%Y"))
        data.setdefault("end", today.strftime("%d/%m/%Y"))
        data.setdefault("by", "phased")
        super().__init__(data, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The period ends before it starts."))
        return data
