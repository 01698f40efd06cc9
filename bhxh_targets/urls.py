from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language

from enrollment.shared.access import public_view

admin.site.site_header = "BHXH Targets"

urlpatterns = [
    path("accounts/login/", public_view(auth_views.LoginView.as_view()), name="login"),
    path("accounts/logout/", public_view(auth_views.LogoutView.as_view()), name="logout"),
    path(
        "accounts/password/",
        public_view(auth_views.PasswordChangeView.as_view()),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        public_view(auth_views.PasswordChangeDoneView.as_view()),
        name="password_change_done",
    ),
    path("i18n/setlang/", public_view(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("", include("enrollment.urls")),
    path("", include("agents.urls")),
]

