from django.shortcuts import render

from enrollment.models import Level
from enrollment.scoping import scoped_view
from enrollment.selectors.scoping import scope_path
from enrollment.selectors.units import subtree_counts


@scoped_view
def home(request):
    counts = subtree_counts(request.user)
    return render(request, "enrollment/home.html", {
        "counts": counts,
        "levels": Level.choices,
        "has_scope": scope_path(request.user) is not None,
    })
