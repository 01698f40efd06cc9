from django.urls import path

from enrollment.home import views

urlpatterns = [
    path("", views.home, name="home"),
]
