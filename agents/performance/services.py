"""Flagging agent staff who stay below their quota, and the provincial manager's decision."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from agents.performance.models import ContractReview, ReviewDecision
from agents.performance.selectors.performance import new_by_agent_month
from agents.quotas.models import AgentStaffQuota
from agents.quotas.selectors import monthly_quotas
from agents.staff.models import AgentStaff
from enrollment.plans.services.quotas import quota_progress
from enrollment.shared.months import add_months, first_of_month, month_end


@dataclass(frozen=True)
class ReviewRule:
    threshold_percent: int
    months: int

    @classmethod
    def from_settings(cls):
        return cls(settings.AGENTS_REVIEW_THRESHOLD_PERCENT, settings.AGENTS_REVIEW_MONTHS)


def below_threshold(agents, last_month, rule):
    """{agent_id: [[YYYY-MM, actual, quota, percent], …]} for agents under the threshold in every month.

    A month without a monthly quota (or with a zero quota) cannot be assessed, so it breaks the run.
    """
    months = [add_months(last_month, -i) for i in range(rule.months - 1, -1, -1)]
    actual = new_by_agent_month(agents, months[0], month_end(months[-1]))
    history = {}
    for month in months:
        quotas = monthly_quotas(AgentStaffQuota, agents, month)
        by_owner = {q.agent_id: actual.get(q.agent_id, {}).get(month, 0) for q in quotas}
        for progress in quota_progress(quotas, by_owner):
            if progress.percent is not None and progress.percent < rule.threshold_percent:
                history.setdefault(progress.quota.agent_id, []).append(
                    [month.strftime("%Y-%m"), int(progress.actual), float(progress.target), float(progress.percent)]
                )
    return {agent_id: rows for agent_id, rows in history.items() if len(rows) == rule.months}


def reviews_flag(*, today=None, rule=None, agents=None):
    """Flag active agent staff below the threshold over the months ending with last month; idempotent."""
    today = today or timezone.localdate()
    rule = rule or ReviewRule.from_settings()
    last_month = add_months(first_of_month(today), -1)
    agents = agents if agents is not None else AgentStaff.objects.filter(is_active=True)
    flagged = below_threshold(agents, last_month, rule)
    existing = set(ContractReview.objects.filter(agent__in=flagged.keys(), period_end=last_month)
                   .values_list("agent_id", flat=True))
    ContractReview.objects.bulk_create(
        [ContractReview(agent_id=agent_id, period_end=last_month, months=rows)
         for agent_id, rows in flagged.items() if agent_id not in existing],
        ignore_conflicts=True,
    )
    return ContractReview.objects.filter(agent__in=flagged.keys(), period_end=last_month)


@transaction.atomic
def review_decide(*, review, decision, note, user):
    review.decision = decision
    review.decision_note = note
    review.decided_by = user
    review.decided_at = timezone.now()
    review.save(update_fields=["decision", "decision_note", "decided_by", "decided_at"])
    if decision == ReviewDecision.TERMINATE:
        agent = AgentStaff.objects.get(pk=review.agent_id)
        agent.is_active = False
        agent._change_reason = str(ReviewDecision.TERMINATE.label)
        agent.save(update_fields=["is_active"])  # kept in the agent's history
    return review
