from .imports import ImportJob, ImportStatus
from .plans import (
    Allocation, AllocationLine, AllocationRule, Curve, Metric, Plan, PlanChange, PlanStatus, PlanVersion, ReportedFigure,
    VersionKind,
)
from .quotas import OfficerQuota, QuotaBase
from .people import MANAGER_ROLES, OFFICE_ROLES, Position, Role, Staff, User
from .units import CodeSet, LabourForce, Level, Unit, UnitType

__all__ = [
    "Allocation", "AllocationLine", "AllocationRule", "Curve", "Metric", "OfficerQuota", "Plan", "PlanChange",
    "PlanStatus", "PlanVersion", "QuotaBase", "ReportedFigure", "VersionKind",
    "CodeSet", "ImportJob", "MANAGER_ROLES", "OFFICE_ROLES", "ImportStatus", "LabourForce", "Level", "Position", "Role", "Staff", "Unit",
    "UnitType", "User",
]
