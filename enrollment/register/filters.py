import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bhxh_targets.search import SearchFilter
from enrollment.register.models.participants import (
    Participant,
    SupportCategory,
    TargetGroup,
)
from enrollment.register.selectors.participants import PersonalDataPolicy
from enrollment.territory.models.units import fold


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
        """By what the reader sees: name (any case, with or without diacritics) and ID numbers in full; the
        masked form of the name only ("Đỗ T. K.") for a role that reads names masked, so that nothing
        hidden can be guessed letter by letter, and no ID numbers."""
        value = " ".join(value.split())
        full = self.request is not None and PersonalDataPolicy(self.request.user).full
        digits = value.replace(" ", "")
        if digits.isdigit():
            if not full:
                return queryset.none()
            return queryset.filter(Q(personal_id__startswith=digits) | Q(si_number__startswith=digits))
        return queryset.filter(**{"search_name__contains" if full else "masked_search_name__contains": fold(value)})

