"""The app's model registry: each concern keeps its models in its own package; Django finds them here."""

from enrollment.imports.models import ImportJob, ImportStatus
from enrollment.plans.models.plans import (
    Allocation,
    AllocationLine,
    AllocationRule,
    ChangeAction,
    Curve,
    Metric,
    Plan,
    PlanChange,
    PlanStatus,
    PlanVersion,
    ReportedFigure,
    VersionKind,
)
from enrollment.plans.models.quotas import OfficerQuota, QuotaBase
from enrollment.progress.models import (
    PLAN_METRICS,
    BreakdownDimension,
    PendingParticipant,
    PendingPayment,
    ProgressBreakdown,
    ProgressChange,
    ProgressMetric,
    ProgressSnapshot,
    ProgressStatus,
    RecomputeKind,
    RecomputeLock,
    RecomputeRun,
    RecomputeStatus,
)
from enrollment.register.models.households import Household, HouseholdMember
from enrollment.register.models.parameters import (
    Parameter,
    ParameterMissing,
    ParameterTable,
    parameter,
)
from enrollment.register.models.participants import (
    LAPSING_OUTCOMES,
    METHOD_MONTHS,
    Outcome,
    Participant,
    Payment,
    PaymentMethod,
    RenewalOutcome,
    Sex,
    SupportCategory,
    TargetGroup,
)
from enrollment.shared.models.exports import ExportRecord
from enrollment.shared.models.submissions import Submission
from enrollment.shared.models.users import MANAGER_ROLES, OFFICE_ROLES, Role, User
from enrollment.territory.models.officers import Position, Staff
from enrollment.territory.models.units import (
    CodeSet,
    LabourForce,
    Level,
    Unit,
    UnitType,
)

__all__ = [
    "Allocation", "AllocationLine", "AllocationRule", "ChangeAction", "Curve", "Metric", "OfficerQuota", "Plan", "PlanChange",
    "PlanStatus", "PlanVersion", "QuotaBase", "ReportedFigure", "VersionKind",
    "CodeSet", "ExportRecord", "ImportJob", "MANAGER_ROLES", "OFFICE_ROLES", "ImportStatus", "LabourForce", "Level", "Position", "Role", "Staff", "Unit",
    "UnitType", "User",
    # register
    "Household", "HouseholdMember", "LAPSING_OUTCOMES", "METHOD_MONTHS", "Outcome", "Parameter", "ParameterMissing",
    "ParameterTable", "Participant", "Payment", "PaymentMethod", "RenewalOutcome", "Sex", "SupportCategory",
    "TargetGroup", "parameter",
    "PLAN_METRICS", "BreakdownDimension", "PendingParticipant", "PendingPayment", "ProgressBreakdown", "ProgressChange", "Submission", "ProgressMetric",
    "ProgressSnapshot", "ProgressStatus",
    "RecomputeKind", "RecomputeLock", "RecomputeRun", "RecomputeStatus",
]
