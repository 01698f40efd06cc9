from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agents.performance.models import ReviewDecision
from agents.performance.selectors.rankings import PHASED, QUOTA_BASES
from agents.quotas.models import AGENT_QUOTA_METRICS
from agents.shared.forms import DayMonthYearDates
from agents.shared.levels import Level
from enrollment.plans.models.plans import Metric


class PeriodForm(DayMonthYearDates, forms.Form):
    level = forms.ChoiceField(label=_("Ranking of"), choices=Level.choices, initial=Level.STAFF)
    start = forms.DateField(label=_("From"))
    end = forms.DateField(label=_("To"))
    by = forms.ChoiceField(label=_("By"), choices=[("new", _("New participants")), ("percent", _("Share of quota (%)"))],
                           initial="new")
    basis = forms.ChoiceField(label=_("Share of"), choices=QUOTA_BASES, initial=PHASED)

    def __init__(self, data=None, *, levels=None, **kwargs):
        today = timezone.localdate()
        data = data.copy() if data else {}
        data.setdefault("level", Level.STAFF)
        data.setdefault("start", date(today.year, 1, 1).strftime("%d/%m/%Y"))
        data.setdefault("end", today.strftime("%d/%m/%Y"))
        data.setdefault("by", "new")
        data.setdefault("basis", PHASED)
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
