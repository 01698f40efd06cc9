import django_filters
from django.utils.translation import gettext_lazy as _

from enrollment.territory.models.officers import Position, Staff


class StaffFilter(django_filters.FilterSet):
    full_name = django_filters.CharFilter(label=_("Full name"), lookup_expr="icontains")
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=None)
    position = django_filters.ChoiceFilter(label=_("Position"), choices=Position.choices)

    class Meta:
        model = Staff
        fields = ["full_name", "unit", "position"]

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units
