"""The daily digest: each provincial and district manager gets their area's figures against the phased plan.

Read from the progress snapshots, like the dashboards. The schedule is two django-celery-beat
periodic tasks (every morning, and an extra midday run in December) that the admin can edit.
"""

import datetime
import json
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from enrollment.progress.models import ProgressMetric, ProgressStatus
from enrollment.progress.selectors.dashboards import shown_date, snapshots
from enrollment.shared.models.users import Role, User
from enrollment.territory.models.units import Level

logger = logging.getLogger(__name__)

DIGEST_TASK = "enrollment.tasks.send_daily_digest"
DIGEST_METRICS = (ProgressMetric.SI_PARTICIPANTS, ProgressMetric.SI_NEW, ProgressMetric.HI_HOUSEHOLD)
LAGGING_SHOWN = 10

# Who gets it: a provincial manager of a province, district staff of a district (the grassroots office).
RECIPIENT_SCOPES = ((Role.PROVINCIAL_MANAGER, Level.PROVINCE), (Role.DISTRICT_STAFF, Level.DISTRICT))


def digest_recipients():
    users = User.objects.none()
    for role, level in RECIPIENT_SCOPES:
        users = users | User.objects.filter(role=role, scope_unit__level=level)
    return users.filter(is_active=True).exclude(email="").select_related("scope_unit").order_by("scope_unit__path", "pk")


def lagging_children(user, unit, day):
    """The units below that are behind their phased plan of voluntary SI participants, furthest behind first."""
    rows = snapshots(user).filter(
        unit__parent=unit, date=day, metric=ProgressMetric.SI_PARTICIPANTS, status=ProgressStatus.AT_RISK,
    ).select_related("unit").order_by(F("achievement_phased").asc(nulls_last=True), "unit__name")
    return list(rows[:LAGGING_SHOWN]), rows.count()


def digest_context(user, day):
    """What the mail says, or None when nothing has been computed yet for the user's area."""
    unit = user.scope_unit
    shown = shown_date(user, unit, day)
    if shown is None:
        return None
    figures = {s.metric: s for s in snapshots(user).filter(unit=unit, date=shown, metric__in=DIGEST_METRICS)}
    lagging, lagging_count = lagging_children(user, unit, shown)
    return {
        "user": user, "unit": unit, "day": day, "shown": shown,
        "figures": [figures[m] for m in DIGEST_METRICS if m in figures],
        "main": figures.get(ProgressMetric.SI_PARTICIPANTS),
        "lagging": lagging, "lagging_count": lagging_count,
        "dashboard_url": settings.SITE_URL.rstrip("/") + reverse("dashboard_unit", args=[unit.pk]),
    }


def digest_message(user, day, connection=None):
    context = digest_context(user, day)
    if context is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Enrollment progress on %(day)s: %(unit)s") % {
            "day": context["shown"].strftime("%d/%m/%Y"), "unit": context["unit"].name}
        text = render_to_string("enrollment/dashboards/digest_email.txt", context)
        html = render_to_string("enrollment/dashboards/digest_email.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email], connection=connection)
    message.attach_alternative(html, "text/html")
    return message


def digest_send(*, day=None):
    """Mail every manager; returns how many mails went out."""
    day = day or timezone.localdate()
    connection = get_connection()
    messages = [m for m in (digest_message(user, day, connection) for user in digest_recipients()) if m]
    sent = connection.send_messages(messages) if messages else 0
    logger.info("daily digest for %s: %s mails", day, sent)
    return sent or 0


def digest_schedule_ensure(**_kwargs):
    """Create the two editable schedules once; later edits in the admin are kept."""
    from django_celery_beat.models import CrontabSchedule, PeriodicTask

    zone = settings.TIME_ZONE
    plans = (
        ("Bản tin tiến độ hằng ngày", {"minute": "0", "hour": "7", "month_of_year": "*"}, True),
        ("Bản tin tiến độ buổi trưa (tháng 12)", {"minute": "0", "hour": "12", "month_of_year": "12"}, True),
    )
    for name, cron, enabled in plans:
        if PeriodicTask.objects.filter(name=name).exists():
            continue
        schedule, _created = CrontabSchedule.objects.get_or_create(
            day_of_week="*", day_of_month="*", timezone=zone, **cron)
        PeriodicTask.objects.create(name=name, task=DIGEST_TASK, crontab=schedule, enabled=enabled,
                                    kwargs=json.dumps({}), description=_digest_description())


def _digest_description():
    return ("Gửi thư báo cáo tiến độ so với kế hoạch phân kỳ cho lãnh đạo BHXH tỉnh và BHXH cơ sở. "
            "Sửa giờ gửi ở lịch crontab; tắt/bật bằng ô Enabled.")


def parse_day(value):
    return datetime.date.fromisoformat(value) if value else None
