from .imports import ImportJob, ImportStatus
from .people import MANAGER_ROLES, OFFICE_ROLES, Position, Role, Staff, User
from .units import CodeSet, LabourForce, Level, Unit, UnitType

__all__ = [
    "CodeSet", "ImportJob", "MANAGER_ROLES", "OFFICE_ROLES", "ImportStatus", "LabourForce", "Level", "Position", "Role", "Staff", "Unit",
    "UnitType", "User",
]
