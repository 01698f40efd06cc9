from django.urls import path

from enrollment.imports import views

urlpatterns = [
    path("imports/", views.import_list, name="import_list"),
    path("imports/new/<slug:kind>/", views.import_new, name="import_new"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/status/", views.import_status, name="import_status"),
    path("imports/<int:pk>/retry/", views.import_retry, name="import_retry"),
    path("imports/<int:pk>/import-now/", views.import_now, name="import_now"),
    path("imports/template/<slug:kind>.<str:file_format>", views.import_template, name="import_template"),
]
