"""The agent columns of the participants and payments import: whom an imported payment is credited to.

Registered with the register in AgentsConfig.ready() (enrollment/register/attribution.py). Each column is
checked by a small function of its own, against what `prepare` loaded for the whole file in a few queries:

- organisation code: an organisation the uploader sees, whose contract area holds the row's commune, with a
  contract in force on the payment date (a branch of a national network may work under the network's);
- collection point code: a point the uploader sees, of that organisation;
- agent staff (personal ID or card number): a member the uploader sees, of that organisation and point,
  who had joined by the payment date; needed whenever an organisation or point is given, since a payment
  is credited to a person (docs/AGENTS.md);
- campaign (name or number): a campaign the uploader sees, running on the payment date, whose area holds
  the commune.

The payment is then collected by the staff member (and mobilised by them when it is the person's first).
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from agents.organisations.models import AgentOrganisation, CollectionPoint
from agents.organisations.selectors import contracts_by_organisation, in_force_contract
from agents.shared.scoping import visible_campaigns, visible_organisations, visible_points, visible_staff
from agents.staff.models import AgentStaff
from enrollment.imports.services import RowError, RowErrors
from enrollment.territory.models.units import fold


def code_key(text):
    return "".join(text.split()).upper()


def campaign_key(text):
    return " ".join(fold(text).split())


@dataclass
class Loaded:
    """What the file's agent columns name, as the uploader may see it."""

    organisations: dict = field(default_factory=dict)  # code → organisation
    points: dict = field(default_factory=dict)  # code → point
    staff: dict = field(default_factory=dict)  # personal ID or card number → staff member
    campaigns: dict = field(default_factory=dict)  # number or folded name → [campaigns]
    contracts: dict = field(default_factory=dict)  # organisation id → [contracts] (its own, then its network's)


def _cells(rows, column, key):
    return {key(row.get(column, "")) for _line, row in rows} - {""}


def agents_prepare(rows, user):
    loaded = Loaded()
    codes = _cells(rows, "agent_organisation", code_key)
    loaded.organisations = {o.code: o for o in visible_organisations(
        user, AgentOrganisation.objects.select_related("unit")).filter(code__in=codes)}
    codes = _cells(rows, "agent_point", code_key)
    loaded.points = {p.code: p for p in visible_points(
        user, CollectionPoint.objects.select_related("organisation__unit")).filter(code__in=codes)}
    keys = _cells(rows, "agent_staff", code_key)
    members = (visible_staff(user, AgentStaff.objects.select_related("point__organisation__unit"))
               .filter(Q(personal_id__in=keys) | Q(cards__number__in=keys)).prefetch_related("cards").distinct())
    for member in members:
        for key in [member.personal_id, *(card.number for card in member.cards.all())]:
            if key in keys:
                loaded.staff[key] = member
    keys = _cells(rows, "campaign", campaign_key)
    numbers = [int(k) for k in keys if k.isdigit()]
    for campaign in visible_campaigns(user).select_related("unit").filter(pk__in=numbers):
        loaded.campaigns.setdefault(str(campaign.pk), []).append(campaign)
    if keys - set(loaded.campaigns):
        for campaign in visible_campaigns(user).select_related("unit"):
            name = campaign_key(campaign.name)
            if name in keys:
                loaded.campaigns.setdefault(name, []).append(campaign)
    organisation_ids = ({o.pk for o in loaded.organisations.values()}
                        | {p.organisation_id for p in loaded.points.values()}
                        | {s.point.organisation_id for s in loaded.staff.values()})
    loaded.contracts = contracts_by_organisation(organisation_ids)
    return loaded


def _day(day):
    return day.strftime("%d/%m/%Y")


def check_organisation(loaded, text):
    if not text.strip():
        return None
    organisation = loaded.organisations.get(code_key(text))
    if organisation is None:
        raise RowError("agent_organisation", _("no agent organisation with code %(code)s in your area")
                       % {"code": text.strip()})
    return organisation


def check_point(loaded, text, organisation):
    if not text.strip():
        return None
    point = loaded.points.get(code_key(text))
    if point is None:
        raise RowError("agent_point", _("no collection point with code %(code)s in your area") % {"code": text.strip()})
    if organisation is not None and point.organisation_id != organisation.pk:
        raise RowError("agent_point", _("point %(code)s belongs to %(other)s, not to %(organisation)s") % {
            "code": point.code, "other": point.organisation.name, "organisation": organisation.name})
    return point


def check_staff(loaded, text, organisation, point, paid_on):
    if not text.strip():
        if organisation is not None or point is not None:
            raise RowError("agent_staff", _("enter the agent staff member credited with this payment"))
        return None
    member = loaded.staff.get(code_key(text))
    if member is None:
        raise RowError("agent_staff", _("no agent staff with personal ID or card number %(key)s in your area")
                       % {"key": text.strip()})
    if organisation is not None and member.point.organisation_id != organisation.pk:
        raise RowError("agent_staff", _("%(name)s works for %(other)s, not for %(organisation)s") % {
            "name": member.full_name, "other": member.point.organisation.name, "organisation": organisation.name})
    if point is not None and member.point_id != point.pk:
        raise RowError("agent_staff", _("%(name)s works at %(other)s, not at %(point)s") % {
            "name": member.full_name, "other": member.point.name, "point": point.name})
    if paid_on is not None and member.joined_on is not None and member.joined_on > paid_on:
        raise RowError("agent_staff", _("%(name)s joined on %(day)s, after this payment") % {
            "name": member.full_name, "day": _day(member.joined_on)})
    return member


def check_contract(loaded, organisation, column, paid_on, commune):
    """The organisation covers the commune and has a contract in force on the payment date."""
    if commune is not None and not commune.path.startswith(organisation.unit.path):
        raise RowError(column, _("%(commune)s is outside the contract area of %(organisation)s (%(unit)s)") % {
            "commune": commune.name, "organisation": organisation.name, "unit": organisation.unit.name})
    if paid_on is not None and in_force_contract(loaded.contracts.get(organisation.pk, []), paid_on) is None:
        raise RowError(column, _("%(organisation)s has no contract in force on %(day)s") % {
            "organisation": organisation.name, "day": _day(paid_on)})


def check_campaign(loaded, text, paid_on, commune):
    if not text.strip():
        return None
    found = loaded.campaigns.get(campaign_key(text), [])
    if not found:
        raise RowError("campaign", _("no campaign “%(name)s” in your area") % {"name": text.strip()})
    running = [c for c in found if paid_on is None or c.starts_on <= paid_on <= c.ends_on]
    if not running:
        campaign = found[0]
        raise RowError("campaign", _("%(name)s ran from %(start)s to %(end)s, not on the payment date") % {
            "name": campaign.name, "start": _day(campaign.starts_on), "end": _day(campaign.ends_on)})
    if len(running) > 1:
        raise RowError("campaign", _("several campaigns are named “%(name)s”: enter the campaign's number")
                       % {"name": text.strip()})
    campaign = running[0]
    if commune is not None and not commune.path.startswith(campaign.unit.path):
        raise RowError("campaign", _("%(commune)s is outside the area of %(name)s") % {
            "commune": commune.name, "name": campaign.name})
    return campaign


def agents_clean(loaded, row, *, paid_on, commune):
    """{"agent_staff_id", "campaign_id"} of the row, or RowErrors with every agent column that is wrong."""
    errors, found = [], {}

    def attempt(name, check):
        try:
            found[name] = check()
        except RowError as error:
            errors.append((error.column, error.message))

    attempt("organisation", lambda: check_organisation(loaded, row.get("agent_organisation", "")))
    organisation = found.get("organisation")
    if "organisation" in found:
        attempt("point", lambda: check_point(loaded, row.get("agent_point", ""), organisation))
    if "point" in found:
        attempt("staff", lambda: check_staff(loaded, row.get("agent_staff", ""), organisation, found["point"],
                                             paid_on))
    member = found.get("staff")
    credited = organisation or (member.point.organisation if member else None) or (
        found["point"].organisation if found.get("point") else None)
    if credited is not None and not errors:
        column = "agent_organisation" if organisation else ("agent_staff" if member else "agent_point")
        attempt("contract", lambda: check_contract(loaded, credited, column, paid_on, commune))
    attempt("campaign", lambda: check_campaign(loaded, row.get("campaign", ""), paid_on, commune))
    if errors:
        raise RowErrors(errors)
    campaign = found.get("campaign")
    return {"agent_staff_id": member.pk if member else None, "campaign_id": campaign.pk if campaign else None}


class AgentAttribution:
    """The checker the register calls (enrollment/register/attribution.py)."""

    def prepare(self, rows, user):
        return agents_prepare(rows, user)

    def clean(self, state, row, *, paid_on, commune):
        return agents_clean(state, row, paid_on=paid_on, commune=commune)


agent_attribution = AgentAttribution()
