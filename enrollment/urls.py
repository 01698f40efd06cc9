from django.urls import include, path

urlpatterns = [
    path("", include("enrollment.home.urls")),
    path("", include("enrollment.territory.urls")),
    path("", include("enrollment.imports.urls")),
    path("", include("enrollment.progress.urls")),
    path("", include("enrollment.register.urls")),
    path("", include("enrollment.plans.urls")),
]
