import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bhxh_targets.search import SearchFilter
from enrollment.register.models.participants import (
    Participant,
    SupportCategory,
    TargetGroup,
)
from enrollment.shared.models.users import OFFICE_ROLES


class ParticipantFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Name or personal ID"), method="search")
    commune = django_filters.ModelChoiceFilter(label=_("Commune"), queryset=None)
    target_group = django_filters.ChoiceFilter(label=_("Target group"), choices=TargetGroup.choices)
    support_category = django_filters.ChoiceFilter(label=_("Support category"), choices=SupportCategory.choices)

    class Meta:
        model = Participant
        fields = ["q", "commune", "target_group", "support_category"]

    def __init__(self, *args, communes, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["commune"].queryset = communes

    def search(self, queryset, name, value):
        value = value.strip()
        digits = value.replace(" ", "")
        if digits.isdigit():
            # Masked roles find a person by the whole number only, never by guessing prefixes.
            full = self.request is not None and self.request.user.role in OFFICE_ROLES
            return queryset.filter(Q(**{"personal_id__startswith" if full else "personal_id": digits}) | Q(si_number=digits))
        return queryset.filter(full_name__icontains=value)

