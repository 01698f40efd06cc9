"""Crediting imported payments to collection agents, without the register importing the agents app.

The participants and payments import has four optional agent columns (`AGENT_COLUMNS`). The agents app
registers, in its ready(), the checker that reads them (`register_agent_attribution`); the register only
calls it. A checker is an object with:

- `prepare(rows, user)`: load what the rows name in a few queries; returns a state kept for the import;
- `clean(state, row, *, paid_on, commune)`: the row's credit as
  `{"agent_staff_id": …, "campaign_id": …}` (None where a column is empty), or RowErrors against the
  agent columns: the organisation, point, staff member or campaign must exist in the uploader's area and
  organisation, belong together, have a contract in force on the payment's date, and cover its commune.

Without a checker (the agents app not installed), a file that fills an agent column is refused.
"""

from django.utils.translation import gettext as _

from enrollment.imports.services import RowErrors

AGENT_COLUMNS = ("agent_organisation", "agent_point", "agent_staff", "campaign")
NO_CREDIT = {"agent_staff_id": None, "campaign_id": None}

_checkers = []


def register_agent_attribution(checker):
    if checker not in _checkers:
        _checkers.append(checker)
    return checker


def agent_attribution():
    return _checkers[0] if _checkers else None


def names_an_agent(row):
    return any(row.get(column, "").strip() for column in AGENT_COLUMNS)


class AgentCredit:
    """The import's side of the hook: prepared once for the file, asked once per row."""

    def __init__(self, rows, user):
        self.checker = agent_attribution()
        self.used = any(names_an_agent(row) for _line, row in rows)
        self.state = self.checker.prepare(rows, user) if self.used and self.checker else None

    def clean(self, row, *, paid_on, commune):
        if not names_an_agent(row):
            return dict(NO_CREDIT)
        if self.checker is None:
            raise RowErrors([(column, _("collection agents are not set up in this installation"))
                             for column in AGENT_COLUMNS if row.get(column, "").strip()])
        return self.checker.clean(self.state, row, paid_on=paid_on, commune=commune)
