"""The app's model registry: each concern keeps its models in its own package; Django finds them here."""

from agents.campaigns.models.campaigns import Campaign, CampaignResult, CampaignType
from agents.campaigns.models.enrollees import EnrolleeKind, ResultEnrollee
from agents.organisations.models import (
    AgentNetwork,
    AgentOrganisation,
    CollectionPoint,
    Contract,
    ContractStatus,
    NetworkContract,
    OrganisationType,
)
from agents.performance.models import ContractReview, ReviewDecision
from agents.quotas.models import (
    AgentStaffQuota,
    CollectionPointQuota,
    OrganisationQuota,
)
from agents.staff.models import (
    AgentCard,
    AgentStaff,
    Sex,
    TrainingCourse,
    TrainingRecord,
    TrainingResult,
)

__all__ = [
    "AgentCard", "AgentNetwork", "AgentOrganisation", "NetworkContract", "AgentStaff", "AgentStaffQuota", "CollectionPointQuota", "OrganisationQuota", "Campaign", "CampaignResult", "CampaignType", "CollectionPoint",
    "Contract", "ContractReview", "EnrolleeKind", "ResultEnrollee", "ContractStatus", "OrganisationType", "ReviewDecision", "Sex", "TrainingCourse",
    "TrainingRecord", "TrainingResult",
]
