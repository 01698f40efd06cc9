import pytest
from django_celery_beat.models import PeriodicTask

from bhxh_targets.celery import app


@pytest.mark.django_db
def test_beat_runs_the_full_recompute_every_night_on_a_schedule_admins_can_edit(admin_client):
    task = PeriodicTask.objects.get(task="enrollment.tasks.recompute_progress_nightly")

    assert task.enabled and task.crontab.hour == "1" and task.crontab.timezone.key == "Asia/Ho_Chi_Minh"
    assert "enrollment.tasks.recompute_progress_nightly" in app.tasks
    assert admin_client.get(f"/admin/django_celery_beat/periodictask/{task.pk}/change/").status_code == 200


@pytest.mark.django_db
def test_beat_runs_the_sweeper_every_minute(admin_client):
    task = PeriodicTask.objects.get(task="enrollment.tasks.sweep_background_work")

    assert task.enabled and (task.interval.every, task.interval.period) == (1, "minutes")
    assert "enrollment.tasks.sweep_background_work" in app.tasks
    assert admin_client.get(f"/admin/django_celery_beat/periodictask/{task.pk}/change/").status_code == 200
