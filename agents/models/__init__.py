from .campaigns import Campaign, CampaignResult, CampaignType
from .enrollees import EnrolleeKind, ResultEnrollee
from .organisations import AgentOrganisation, CollectionPoint, Contract, ContractStatus, OrganisationType
from .quotas import AgentStaffQuota, CollectionPointQuota, OrganisationQuota
from .reviews import ContractReview, ReviewDecision
from .staff import AgentCard, AgentStaff, Sex, TrainingCourse, TrainingRecord, TrainingResult

__all__ = [
    "AgentCard", "AgentOrganisation", "AgentStaff", "AgentStaffQuota", "CollectionPointQuota", "OrganisationQuota", "Campaign", "CampaignResult", "CampaignType", "CollectionPoint",
    "Contract", "ContractReview", "EnrolleeKind", "ResultEnrollee", "ContractStatus", "OrganisationType", "ReviewDecision", "Sex", "TrainingCourse",
    "TrainingRecord", "TrainingResult",
]
