from .exports import ExportRecord
from .households import Household, HouseholdMember
from .imports import ImportJob, ImportStatus
from .plans import (
    Allocation, AllocationLine, AllocationRule, ChangeAction, Curve, Metric, Plan, PlanChange, PlanStatus, PlanVersion, ReportedFigure,
    VersionKind,
)
from .quotas import OfficerQuota, QuotaBase
from .parameters import Parameter, ParameterMissing, ParameterTable, parameter
from .progress import (
    PLAN_METRICS, BreakdownDimension, PendingParticipant, ProgressBreakdown, ProgressMetric, ProgressSnapshot,
    ProgressStatus, RecomputeKind, RecomputeLock, RecomputeRun, RecomputeStatus,
)
from .people import MANAGER_ROLES, OFFICE_ROLES, Position, Role, Staff, User
from .register import (
    LAPSING_OUTCOMES, METHOD_MONTHS, Outcome, Participant, Payment, PaymentMethod, RenewalOutcome, Sex,
    SupportCategory, TargetGroup,
)
from .units import CodeSet, LabourForce, Level, Unit, UnitType

__all__ = [
    "Allocation", "AllocationLine", "AllocationRule", "ChangeAction", "Curve", "Metric", "OfficerQuota", "Plan", "PlanChange",
    "PlanStatus", "PlanVersion", "QuotaBase", "ReportedFigure", "VersionKind",
    "CodeSet", "ExportRecord", "ImportJob", "MANAGER_ROLES", "OFFICE_ROLES", "ImportStatus", "LabourForce", "Level", "Position", "Role", "Staff", "Unit",
    "UnitType", "User",
    # register
    "Household", "HouseholdMember", "LAPSING_OUTCOMES", "METHOD_MONTHS", "Outcome", "Parameter", "ParameterMissing",
    "ParameterTable", "Participant", "Payment", "PaymentMethod", "RenewalOutcome", "Sex", "SupportCategory",
    "TargetGroup", "parameter",
    "PLAN_METRICS", "BreakdownDimension", "PendingParticipant", "ProgressBreakdown", "ProgressMetric",
    "ProgressSnapshot", "ProgressStatus",
    "RecomputeKind", "RecomputeLock", "RecomputeRun", "RecomputeStatus",
]
