"""The access policy as data (docs/ACCESS_POLICY.md): for every URL name, who may read it (GET) and write to
it (POST), and, for a URL about one object, which kind of object and whose places each role may reach."""

from dataclasses import dataclass

N, P, D, A, B, V, OP = "national", "provincial", "district", "agent_a", "agent_b", "viewer", "other_province"
LOGGED = frozenset({N, P, D, A, B, V, OP})
OFFICE = frozenset({N, P, D, OP})
MANAGERS = frozenset({N, P, OP})
AGENTS = frozenset({A, B})
ENTRY = OFFICE | AGENTS
READERS = OFFICE | {V}  # dashboards, households, reviews

ALL_PLACES = {"own", "org", "dist", "prov"}
# Objects of an organisation (agents, points, results, campaigns, courses, participants …): offices and viewers
# by area, agent staff by organisation.
BY_ORGANISATION = {N: ALL_PLACES, P: {"own", "org", "dist"}, D: {"own", "org"}, V: {"own", "org"}, OP: {"prov"},
                   A: {"own"}, B: {"org"}}
# Units and what hangs on a unit alone (plans, dashboards, officers, households): by area.
BY_AREA = {N: {"own", "dist", "prov"}, P: {"own", "dist"}, D: {"own"}, V: {"own"}, OP: {"prov"}, A: {"own"},
           B: {"own"}}
OWNER_ONLY = {D: {"own"}}  # an import job: its uploader's
ANY = {actor: ALL_PLACES for actor in LOGGED}  # rows that hold no figures (a recompute's progress)

# Tags that must not appear in a response to a role that may not see their place.
TAG_FAMILIES = {"QQ": BY_ORGANISATION, "UU": BY_AREA,
                "OO": {**BY_AREA, A: set(), B: set()}, "HH": {**BY_AREA, A: set(), B: set()}}

EXPORTS = ("", "?_export=csv")
WITH_XLSX = (*EXPORTS, "?_export=xlsx")


@dataclass(frozen=True)
class Rule:
    get: frozenset = frozenset()  # roles that may GET; empty: nobody (a POST-only view)
    post: frozenset = frozenset()  # roles that may POST; empty: nobody
    kind: str = ""  # the object the URL is about (a key of World.objects), "" for none
    sees: dict = None  # role → places of `kind` the role may reach
    arg: str = "pk"
    extra: tuple = ()  # other URL kwargs as (name, value)
    variants: tuple = ("",)  # query strings to GET
    get_ok: frozenset = frozenset({200})
    public: bool = False  # login, language, health: nothing scoped; only checked for 500s and leaks
    refuses_by_redirect: bool = False  # a refused POST answers like one that found nothing to do; the object stays


def rule(get=(), post=(), kind="", sees=None, **kwargs):
    return Rule(frozenset(get), frozenset(post), kind, sees or (BY_AREA if kind in ("unit", "office") else
                                                                 BY_ORGANISATION), **kwargs)


ORG = BY_ORGANISATION
POLICY = {
    "login": Rule(public=True), "logout": Rule(public=True), "password_change": Rule(public=True),
    "password_change_done": Rule(public=True), "set_language": Rule(public=True), "healthz": Rule(public=True),
    "home": rule(LOGGED, get_ok=frozenset({200, 302})),  # agent staff land on their phone page
    # territory
    "unit_browser": rule(LOGGED, variants=EXPORTS, get_ok=frozenset({200, 302})),  # to the user's own unit
    "unit_detail": rule(LOGGED, kind="unit", variants=("", "?_export=csv")),
    "village_add": rule(post=OFFICE, kind="unit"),
    "commune_move": rule(post=MANAGERS, kind="unit"),
    "staff_list": rule(OFFICE, variants=EXPORTS),
    "staff_new": rule(OFFICE, OFFICE),
    "staff_edit": rule(OFFICE, OFFICE, kind="officer", sees=BY_AREA),
    "labour_force_list": rule(OFFICE, variants=EXPORTS),
    # imports
    "import_list": rule(LOGGED, variants=EXPORTS),
    "import_new": rule(OFFICE, OFFICE, arg="", extra=(("kind", "villages"),)),
    "import_detail": rule(OFFICE, kind="import_job", sees=OWNER_ONLY),
    "import_status": rule(OFFICE, kind="import_job", sees=OWNER_ONLY),
    "import_now": rule(post=OFFICE, kind="import_job", sees=OWNER_ONLY),
    "import_retry": rule(post=OFFICE, kind="import_job", sees=OWNER_ONLY),
    "import_template": rule(OFFICE, arg="", extra=(("kind", "villages"), ("file_format", "csv"))),
    # progress
    "dashboard_home": rule(READERS, get_ok=frozenset({200, 302})),
    "dashboard_national": rule({N}, variants=("", "?_export=csv")),
    "dashboard_table_national": rule({N}, variants=EXPORTS),
    "dashboard_unit": rule(READERS, kind="unit"),
    "dashboard_table_unit": rule(READERS, kind="unit", variants=(*WITH_XLSX, "?view=agent_staff&_export=csv")),
    "dashboard_monthly_national": rule({N}, variants=("", "?dimension=agent_staff&_export=csv")),
    "dashboard_monthly_unit": rule(READERS, kind="unit", variants=("", "?dimension=agent_staff&_export=csv",
                                                                 "?dimension=officer&_export=xlsx")),
    "dashboard_recompute": rule(post=OFFICE),
    "dashboard_recompute_status": rule(OFFICE, kind="run", sees=ANY),
    # register
    "participant_list": rule(LOGGED, variants=(*WITH_XLSX, "?q=qq")),
    "participant_new": rule(ENTRY, ENTRY),
    "participant_lookup": rule(ENTRY, variants=tuple(f"?personal_id=0820851{n:05d}" for n in range(4))),
    "contribution_preview": rule(ENTRY, variants=("?paid_on=02/11/2026&method=monthly&monthly_income=2000000",)),
    "participant_detail": rule(LOGGED, kind="participant"),
    "payment_new": rule(ENTRY, ENTRY, kind="participant"),
    "participant_edit": rule(OFFICE, OFFICE, kind="participant"),
    "payment_edit": rule(OFFICE, OFFICE, kind="payment"),
    "renewal_list": rule(ENTRY, variants=("?month=12/2026", "?month=12/2026&_export=csv",
                                          "?month=12/2026&_export=xlsx")),
    "renewal_figures": rule(LOGGED, variants=("", "?_export=csv&table=units", "?_export=csv&table=months")),
    "renewal_outcome_record": rule(ENTRY, ENTRY, kind="participant", get_ok=frozenset({302})),
    "household_list": rule(READERS, variants=EXPORTS),
    "household_new": rule(OFFICE, OFFICE),
    "household_detail": rule(READERS, kind="household", sees=BY_AREA),
    # plans
    "plans_home": rule(LOGGED, get_ok=frozenset({200, 302})),
    "plan_overview": rule(LOGGED, kind="unit", variants=("", "?year=2026&_export=csv&table=versions")),
    "plan_version_new": rule(post=OFFICE, kind="unit"),
    "approval_queue": rule(MANAGERS),
    "allocation_approve": rule(MANAGERS, MANAGERS, kind="allocation", sees={N: {"own", "dist", "prov"},
                                                                        P: {"own", "dist"}, OP: {"prov"}}),
    "plan_version_approve": rule(MANAGERS, OFFICE, kind="version", sees=BY_AREA),  # GET: the confirmation page
    "phasing_edit": rule(post=OFFICE, kind="version", sees=BY_AREA),
    "plan_history": rule(LOGGED, kind="unit", variants=("", "?_export=csv")),
    "allocation_grid": rule(READERS, OFFICE, kind="office"),
    "allocation_template": rule(READERS, kind="office", extra=(("file_format", "csv"),)),
    "allocation_upload": rule(post=OFFICE, kind="office"),
    "officer_quotas": rule(OFFICE, OFFICE, variants=EXPORTS),
    # agents
    "agents:organisation_list": rule(LOGGED, variants=EXPORTS),
    "agents:organisation_new": rule(OFFICE, OFFICE),
    "agents:organisation_detail": rule(LOGGED, kind="organisation", variants=("", "?table=contracts&_export=csv")),
    "agents:organisation_edit": rule(OFFICE, OFFICE, kind="organisation"),
    # A national network: seen by whoever sees one of its branches, with those branches only.
    "agents:network_list": rule(LOGGED, variants=EXPORTS),
    "agents:network_detail": rule(LOGGED, kind="network", variants=("", "?by=year&_export=csv")),
    "agents:contract_new": rule(OFFICE, OFFICE, kind="organisation", arg="organisation_pk"),
    "agents:contract_edit": rule(OFFICE, OFFICE, kind="contract"),
    "agents:point_new": rule(OFFICE, OFFICE),
    "agents:point_edit": rule(OFFICE, OFFICE, kind="point"),
    "agents:staff_list": rule(LOGGED, variants=WITH_XLSX),
    "agents:staff_new": rule(OFFICE, OFFICE),
    "agents:staff_detail": rule(LOGGED, kind="staff", variants=("", "?table=cards&_export=csv")),
    "agents:staff_edit": rule(OFFICE, OFFICE, kind="staff"),
    "agents:training_record_new": rule(OFFICE, OFFICE, kind="staff", arg="staff_pk"),
    "agents:training_record_edit": rule(OFFICE, OFFICE, kind="record"),
    "agents:card_new": rule(OFFICE, OFFICE, kind="staff", arg="staff_pk"),
    "agents:card_edit": rule(OFFICE, OFFICE, kind="card"),
    "agents:training_counts": rule(LOGGED, variants=EXPORTS),
    "agents:course_new": rule(OFFICE, OFFICE),
    "agents:course_detail": rule(LOGGED, kind="course", variants=("", "?_export=csv")),
    "agents:course_edit": rule(OFFICE, OFFICE, kind="course"),
    "agents:campaign_list": rule(LOGGED, variants=EXPORTS),
    "agents:campaign_new": rule(OFFICE, OFFICE),
    "agents:campaign_detail": rule(LOGGED, kind="campaign", variants=("", "?_export=csv")),
    "agents:campaign_edit": rule(OFFICE, OFFICE, kind="campaign"),
    "agents:quotas": rule(OFFICE, OFFICE, variants=EXPORTS),
    "agents:performance": rule(LOGGED, variants=EXPORTS),
    "agents:leaderboard": rule(LOGGED, variants=("", "?level=staff&period=year&year=2026&by=counted",
                                                 "?level=staff&period=year&year=2026&by=counted&_export=csv")),
    "agents:review_list": rule(READERS, variants=("?show=all", "?show=all&_export=csv")),
    "agents:review_check": rule(post=MANAGERS),
    "agents:review_decide": rule(post=MANAGERS, kind="review"),
    "agents:field": rule(AGENTS, AGENTS),
    "agents:field_result_edit": rule(AGENTS, AGENTS, kind="field_result"),
    "agents:field_result_delete": rule(AGENTS, AGENTS, kind="field_result", refuses_by_redirect=True),  # GET: confirm
}
