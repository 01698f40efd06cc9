"""Reads on agent organisations: which contracts were in force on a day."""

from collections import defaultdict

from django.db.models import Q

from agents.organisations.models import AgentOrganisation, Contract, ContractStatus, NetworkContract


def contract_in_force_q(day, prefix=""):
    """Contracts in force on `day`: within their validity, and not suspended nor terminated by then. An expired
    contract was in force over its validity (a payment of that time is credited under it)."""
    field = (prefix + "__") if prefix else ""
    return (Q(**{f"{field}valid_from__lte": day})
            & (Q(**{f"{field}valid_to__isnull": True}) | Q(**{f"{field}valid_to__gte": day}))
            & ~Q(**{f"{field}status": ContractStatus.SUSPENDED})
            & (Q(**{f"{field}terminated_on__isnull": True}) | Q(**{f"{field}terminated_on__gte": day})))


def contract_in_force_on(contract, day):
    """The same rule as `contract_in_force_q`, on a contract already loaded."""
    return (contract.valid_from <= day and (contract.valid_to is None or day <= contract.valid_to)
            and contract.status != ContractStatus.SUSPENDED
            and (contract.terminated_on is None or day <= contract.terminated_on))


def contracts_by_organisation(organisation_ids):
    """{organisation_id: [contracts it collects under]}: its own, then, for a branch of a national network, the
    network's national contracts (two queries)."""
    organisation_ids = set(organisation_ids)
    found = defaultdict(list)
    for contract in Contract.objects.filter(organisation_id__in=organisation_ids).order_by("-valid_from"):
        found[contract.organisation_id].append(contract)
    branches = defaultdict(list)
    for pk, network_id in (AgentOrganisation.objects.filter(pk__in=organisation_ids, network__isnull=False)
                           .values_list("pk", "network_id")):
        branches[network_id].append(pk)
    for contract in NetworkContract.objects.filter(network_id__in=branches).order_by("-valid_from"):
        for pk in branches[contract.network_id]:
            found[pk].append(contract)
    return found


def in_force_contract(contracts, day):
    """The first of `contracts` in force on `day`, or None."""
    return next((c for c in contracts if contract_in_force_on(c, day)), None)
