"""Forms of the plan, allocation and quota pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from enrollment.imports.services import uploaded_file_check
from enrollment.plans.models.plans import AllocationRule, Curve, Metric
from enrollment.plans.services.allocation import parse_figure
from enrollment.shared.forms import date_field

MONTHS = range(1, 13)


class FigureField(forms.CharField):
    """A figure typed the Vietnamese way (1.250 people; 2,5 percent), parsed for one metric."""

    def __init__(self, *args, metric=Metric.SI_NEW, **kwargs):
        self.metric = metric
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in ("", None) and not self.required:
            return None
        try:
            return parse_figure(value, self.metric)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from None


class PlanVersionForm(forms.Form):
    target = FigureField(label=_("Target"))
    document_number = forms.CharField(label=_("Document number"), max_length=80, required=False,
                                      help_text=_("e.g. 275/BHXH-TST"))
    document_date = date_field(_("Document date"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    curve = forms.ChoiceField(label=_("Phasing curve"), choices=[c for c in Curve.choices if c[0] != Curve.CUSTOM],
                              initial=Curve.SEASONAL)
    approve = forms.BooleanField(label=_("Approved (the plan is in force from now)"), required=False, initial=True)

    def __init__(self, *args, metric, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].metric = metric
        if Metric.is_rate(metric):
            self.fields["target"].help_text = _("A percent of the working-age labour force, e.g. 2,5")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("approve"):
            if not cleaned.get("document_number", "").strip() and "document_number" not in self.errors:
                self.add_error("document_number", _("An approved plan needs the number of its document."))
            if cleaned.get("document_date") is None and "document_date" not in self.errors:
                self.add_error("document_date", _("An approved plan needs the date of its document."))
        return cleaned


class ApprovalForm(forms.Form):
    """What an approver confirms: the document approving the figures and, when they do not add up, why."""

    document_number = forms.CharField(label=_("Number of the approving document"), max_length=80,
                                      help_text=_("e.g. 275/BHXH-TST"))
    document_date = date_field(_("Date of the approving document"))
    reason = forms.CharField(label=_("Reason for approving although the sum differs from the plan"), required=False,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, needs_reason=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_reason = needs_reason
        if not needs_reason:
            del self.fields["reason"]

    def clean_document_number(self):
        return self.cleaned_data["document_number"].strip()

    def clean(self):
        cleaned = super().clean()
        if self.needs_reason and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("The children do not add up to the plan: give the reason to approve anyway."))
        return cleaned


class PhasingForm(forms.Form):
    curve = forms.ChoiceField(label=_("Phasing curve"), choices=Curve.choices)

    def __init__(self, *args, metric, **kwargs):
        super().__init__(*args, **kwargs)
        for month in MONTHS:
            self.fields[f"m{month}"] = FigureField(label=_("Month %(month)s") % {"month": month}, metric=metric,
                                                   required=False)

    def month_fields(self):
        return [self[f"m{month}"] for month in MONTHS]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("curve") == Curve.CUSTOM:
            for month in MONTHS:
                if cleaned.get(f"m{month}") is None and f"m{month}" not in self.errors:
                    self.add_error(f"m{month}", _("required"))
        return cleaned

    def monthly_targets(self):
        return [self.cleaned_data[f"m{month}"] for month in MONTHS]


class AllocationRuleForm(forms.Form):
    rule = forms.ChoiceField(label=_("Fill the grid by rule"), choices=[
        (AllocationRule.LABOUR_FORCE, AllocationRule.LABOUR_FORCE.label),
        (AllocationRule.LAST_YEAR, AllocationRule.LAST_YEAR.label),
        (AllocationRule.EQUAL, AllocationRule.EQUAL.label),
    ])


class AllocationUploadForm(forms.Form):
    file = forms.FileField(label=_("File (.csv or .xlsx)"))

    def clean_file(self):
        return uploaded_file_check(self.cleaned_data["file"])


class QuotaBulkForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Officers of"), queryset=None)
    include_below = forms.BooleanField(label=_("Include the offices below"), required=False)
    staff = forms.ModelChoiceField(label=_("Or one officer"), queryset=None, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    month = forms.TypedChoiceField(label=_("Month"), required=False, coerce=int, empty_value=None,
                                   choices=[("", _("Whole year"))] + [(m, f"{m:02d}") for m in MONTHS])
    metric = forms.ChoiceField(label=_("Metric"), choices=Metric.choices, initial=Metric.SI_NEW)
    target = FigureField(label=_("Target per officer"))
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args, units, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["staff"].queryset = staff

    def clean(self):
        cleaned = super().clean()
        metric, target = cleaned.get("metric"), self.data.get("target", "")
        if metric and "target" not in self.errors:
            try:
                cleaned["target"] = parse_figure(target, metric)
            except ValueError as exc:
                self.add_error("target", str(exc))
        staff = cleaned.get("staff")
        unit = cleaned.get("unit")
        if staff and unit and not staff.unit.path.startswith(unit.path):
            self.add_error("staff", _("This officer does not work in the chosen unit."))
        return cleaned


class AllocationMetaForm(forms.Form):
    document_number = forms.CharField(label=_("Document number"), max_length=80, required=False)
    document_date = date_field(_("Document date"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)
