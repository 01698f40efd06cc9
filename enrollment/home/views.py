from django.shortcuts import render

from enrollment.shared.access import scoped_view
from enrollment.shared.scoping import scope_path
from enrollment.territory.models.units import Level
from enrollment.territory.selectors import subtree_counts


@scoped_view
def home(request):
    counts = subtree_counts(request.user)
    return render(request, "enrollment/home.html", {
        "counts": counts,
        "levels": Level.choices,
        "has_scope": scope_path(request.user) is not None,
    })
