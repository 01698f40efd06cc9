from django.urls import path

from enrollment.territory.views import labour_force, officers, units

urlpatterns = [
    path("units/", units.unit_browser, name="unit_browser"),
    path("units/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("units/<int:pk>/villages/add/", units.village_add, name="village_add"),
    path("units/<int:pk>/move/", units.commune_move_view, name="commune_move"),
    path("officers/", officers.staff_list, name="staff_list"),
    path("officers/new/", officers.staff_edit, name="staff_new"),
    path("officers/<int:pk>/", officers.staff_edit, name="staff_edit"),
    path("labour-force/", labour_force.labour_force_list, name="labour_force_list"),
]
