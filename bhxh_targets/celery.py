import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhxh_targets.settings")

app = Celery("bhxh_targets")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
