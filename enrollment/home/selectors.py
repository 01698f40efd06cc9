"""What each role's home page gathers, read through the other concerns' selectors and services."""

import datetime

from django.utils import timezone

from enrollment.imports.models import ImportJob, ImportStatus
from enrollment.plans.selectors.approvals import allocations_awaiting, versions_awaiting
from enrollment.plans.services.quotas import officer_quota_rows
from enrollment.progress.selectors.today import key_figures, units_behind
from enrollment.register.selectors.participants import participants_for
from enrollment.register.services.renewals import worklist_counts
from enrollment.shared.months import first_of_month

RECENT_IMPORTS = datetime.timedelta(days=7)


def failed_imports(user, today):
    """The user's own imports of the last week that stopped with errors (imports belong to their uploader)."""
    since = timezone.make_aware(datetime.datetime.combine(today - RECENT_IMPORTS, datetime.time()))
    return list(ImportJob.objects.filter(user=user, created_at__gte=since, dry_run=False,
                                         status__in=(ImportStatus.FAILED, ImportStatus.REJECTED))
                .defer("content").order_by("-created_at")[:5])


def manager_day(user, today):
    unit = user.scope_unit
    shown, figures = key_figures(user, unit, today)
    behind, behind_count = units_behind(user, unit, today)
    allocations, versions = allocations_awaiting(user, limit=10), list(versions_awaiting(user)[:10])
    return {
        "shown": shown, "figures": figures, "behind": behind, "behind_count": behind_count,
        "allocations": allocations, "versions": versions, "awaiting_count": len(allocations) + len(versions),
        "failed_imports": failed_imports(user, today),
        "renewals": worklist_counts(participants_for(user), first_of_month(today), today),
    }


def district_day(user, today):
    unit = user.scope_unit
    shown, figures = key_figures(user, unit, today)
    quotas = officer_quota_rows(user, year=today.year, month=today.month)
    if not quotas:
        quotas = officer_quota_rows(user, year=today.year)
    return {
        "shown": shown, "figures": figures,
        "renewals": worklist_counts(participants_for(user), first_of_month(today), today),
        "quotas": sorted(quotas, key=lambda row: (row.percent is None, row.percent or 0))[:12],
        "failed_imports": failed_imports(user, today),
    }
