"""The participants-and-payments import checked as a whole in PostgreSQL, not row by row.

The rows are COPYed into a temporary table and every check of the row-by-row path runs as a few
set-based statements over it:
- a cell of few distinct values (dates, months, amounts, coded choices, commune codes) is read once per
  distinct text by the row-by-row path's own functions, and its value travels with the rows;
- the personal ID (12 digits, province of birth, century, sex and year digits against the birth date and
  sex), the phone and SI numbers, the village in its commune, the person's area, payments imported
  before, the same payment twice in the file, months already paid and the contribution rules in force on
  the payment date (income limits, support, cap of supported months, the fund's return) are SQL;
- the payments of one person in the file are taken in line order, one rank at a time, since each one
  moves the person's paid-through month and supported months;
- the agent columns, where a row fills them, are checked by the agents app row by row (its own checker).
Messages come from the row-by-row path's functions, called for the rows SQL found wrong. The demo
(SQLite) keeps the row-by-row path; so does a file that fills a column this path does not know, has a
character outside printable ASCII in a personal ID, phone or SI number, or an amount that is not a number.
"""

import re
from contextlib import suppress

from django.db import DatabaseError, connection
from django.utils import timezone

from enrollment.imports.bulk import copy_lines, copy_text
from enrollment.imports.services import RowError, RowErrors
from enrollment.progress.services.engine import progress_added, progress_changed
from enrollment.register.attribution import AGENT_COLUMNS, AgentCredit, names_an_agent
from enrollment.register.models.parameters import ParameterTable
from enrollment.register.models.participants import Participant, Payment, PaymentMethod, Sex, name_search_fields
from enrollment.register.services.contributions import (
    ContributionError,
    fund_return_for,
    income_limits,
    several_months_amount,
)
from enrollment.register.services.import_rows import (
    already_paid_error,
    import_key_for,
    outside_area_error,
    participants_refresh_dates,
    row_contribution,
    same_payment_error,
    village_error,
)
from enrollment.register.signals import register_people_written
from enrollment.shared.identity import (
    BIRTH_PROVINCES,
    CENTURY_DIGITS,
    IdentityError,
    digits_only,
    personal_id_check,
    phone_check,
    si_number_check,
)
from enrollment.shared.scoping import scope_path
from enrollment.territory.models.units import Level, Unit
from enrollment.territory.services.imports import unit_codes_known, units_by_code

CHECKED = frozenset({
    *AGENT_COLUMNS, "personal_id", "full_name", "birth_date", "sex", "commune_code", "village_code", "phone", "si_number",
    "target_group", "support_category", "paid_on", "method", "months", "period_start", "monthly_income",
    "receipt_number",
})
# The order in which the row-by-row path reports the errors of one row.
ORDER = {column: n for n, column in enumerate([
    "full_name", "birth_date", "sex", "commune_code", "target_group", "support_category", "phone", "si_number",
    "personal_id", "village_code", "paid_on", "method", "monthly_income", "period_start", "months"])}
ORDER.update(dict.fromkeys(AGENT_COLUMNS, len(ORDER)))  # after the payment's cells, in the agents app's order
NOT_PLAIN = re.compile(r"[^\x20-\x7e]")
NULL = r"\N"  # COPY's text for NULL
SPECIAL = re.compile(r"[\\\t\n\r]")  # what COPY's text format escapes
SEVERAL = (PaymentMethod.YEARS_IN_ADVANCE, PaymentMethod.LUMP_SUM)
WORK_MEM = "192MB"
TABLES = ("import_rows", "import_people", "import_checked", "import_rules", "import_alive", "import_state",
          "import_several", "import_new")
ROWS = [
    ("line", "integer"), ("pid_raw", "text"), ("pid", "text"), ("phone_digits", "text"), ("si_number", "text"),
    ("full_name", "text"), ("search_name", "text"),
    ("masked_search_name", "text"), ("birth_date", "date"), ("sex", "text"), ("commune_id", "bigint"),
    ("village_code", "text"), ("phone_raw", "text"), ("si_raw", "text"), ("target_group", "text"),
    ("support_category", "text"), ("paid_on", "date"), ("method", "text"), ("months", "integer"),
    ("period_start", "date"), ("monthly_income", "numeric"), ("receipt", "text"), ("hkey", "text"),
    ("agent_staff_id", "bigint"), ("campaign_id", "bigint"), ("cell_bad", "boolean"),
]


class NotInBulk(Exception):
    """This file goes the row-by-row way."""


class Drift(AssertionError):
    """SQL found a row wrong that the row-by-row functions accept: the two paths disagree."""


def check_in_bulk(importer, sheet, context, progress):
    """(StagedRows, errors), or None where the row-by-row path must check this file."""
    if connection.vendor != "postgresql":
        return None
    try:
        cells = _Cells(importer, sheet, context)
    except NotInBulk:
        return None
    staged = StagedRows(context)
    try:
        errors = staged.check(cells, progress)
    except BaseException:
        with suppress(DatabaseError):  # inside a failed transaction the tables go with its rollback
            staged.close()
        raise
    return staged, errors


def _sql(statement, params=None):
    with connection.cursor() as cursor:
        cursor.execute(statement.format(participant=Participant._meta.db_table, payment=Payment._meta.db_table,
                                        unit=Unit._meta.db_table), params)
        return cursor.fetchall() if cursor.description else None


def _escaped(texts):
    if not SPECIAL.search("".join(texts)):
        return texts
    return [copy_text(text) for text in texts]


class _Cells:
    """The sheet read column by column: each distinct text of a cell read once, by the row-by-row path's
    own checks; every cell error with its line."""

    def __init__(self, importer, sheet, context):
        if any(any(sheet.column(name)) for name in set(sheet.positions) - CHECKED):
            raise NotInBulk("a column this path does not check yet")
        self.lines = sheet.lines()
        column = {name: sheet.column(name) for name in CHECKED}
        for name in ("personal_id", "phone", "si_number"):
            if NOT_PLAIN.search("".join(column[name])):
                raise NotInBulk(f"{name} outside printable ASCII")
        # Identifiers without the spaces, dots and dashes typed in them (and a phone without brackets), as the
        # row-by-row checks clean them before they look at the digits.
        self.digits = {name: [digits_only(text) for text in column[name]] for name in ("personal_id", "si_number")}
        self.digits["phone"] = [digits_only(text).replace("(", "").replace(")", "") for text in column["phone"]]
        cache = context.cache
        cache["today"] = timezone.localdate()
        codes = column["commune_code"]
        cache["communes"] = units_by_code(context.user, codes, [Level.COMMUNE])
        cache["known"] = unit_codes_known(codes, [Level.COMMUNE])
        self.errors, self.bad = [], set()
        values, self.cell_of = {}, {}
        for name, cell, check in [*importer.person_cells(context), *importer.payment_cells(context)]:
            values[name], self.cell_of[name] = self._read(column[cell], check), cell
        if any(not value.is_finite() for value, _error in values["monthly_income"].values() if value is not None):
            raise NotInBulk("an amount that is not a number")
        methods = values["method"]
        pairs = list(zip(column["method"], column["months"], strict=True))
        values["months"] = self._read(pairs, lambda pair: (
            None if methods[pair[0]][0] is None else importer.months_cell(methods[pair[0]][0], pair[1])))
        self.column, self.values = column, values
        named = any(any(column[name]) for name in AGENT_COLUMNS)  # cells come stripped from the sheet
        self.credits = self._agent_credits(importer, sheet.rows, context) if named else {}

    def _agent_credits(self, importer, rows, context):
        """The agent columns, checked row by row by the agents app where a row fills them."""
        credits = {}
        context.cache["agents"] = AgentCredit(rows, context.user)
        for index, (line, row) in enumerate(rows):
            if names_an_agent(row):
                try:
                    credits[index] = importer.agent_credit(row, context)
                except RowErrors as error:
                    self.bad.add(index)
                    self.errors.extend({"line": line, "column": str(column), "message": str(message)}
                                       for column, message in error.errors)
        return credits

    def _read(self, texts, check):
        results = {}
        for text in set(texts):
            try:
                results[text] = (check(text), None)
            except RowError as error:
                results[text] = (None, (str(error.column), str(error.message)))
        wrong = {text for text, (_value, error) in results.items() if error}
        if wrong:
            for index, text in enumerate(texts):
                if text in wrong:
                    self.bad.add(index)
                    column, message = results[text][1]
                    self.errors.append({"line": self.lines[index], "column": column, "message": message})
        return results

    def _texts(self, name, convert=copy_text):
        results = self.values[name]
        texts = {text: convert(value) for text, (value, _error) in results.items()}
        source = self.column[self.cell_of[name]] if name != "months" else list(zip(self.column["method"], self.column["months"],
                                                                      strict=True))
        return [texts[text] for text in source]

    def lines_for_copy(self):
        """The rows in COPY's text format, in the order of ROWS."""
        names = {}
        for text, (value, _error) in self.values["full_name"].items():
            search = name_search_fields(value) if value else {}
            names[text] = "\t".join(copy_text(v) for v in (value, search.get("search_name"),
                                                            search.get("masked_search_name")))
        full_names = [names[text] for text in self.column["full_name"]]
        keys = self._import_keys()
        count = len(self.lines)
        columns = [
            [str(line) for line in self.lines],
            _escaped(self.column["personal_id"]), _escaped(self.digits["personal_id"]), _escaped(self.digits["phone"]),
            _escaped(self.digits["si_number"]),
            full_names,  # the name and its two search forms
            self._texts("birth_date"), self._texts("sex"),
            self._texts("commune", lambda unit: copy_text(unit.pk if unit else None)),
            _escaped(self.column["village_code"]), _escaped(self.column["phone"]), _escaped(self.column["si_number"]),
            self._texts("target_group"), self._texts("support_category"), self._texts("paid_on"),
            self._texts("method"), self._texts("months"), self._texts("period_start"),
            self._texts("monthly_income"), _escaped(self.column["receipt_number"]),
            [NULL if key is None else copy_text(key) for key in keys],
            *self._credit_texts(count),
            ["t" if index in self.bad else "f" for index in range(count)],
        ]
        return ["\t".join(row) for row in zip(*columns, strict=True)]

    def _credit_texts(self, count):
        if not self.credits:
            return [[NULL] * count] * 2
        credit = [self.credits.get(index, {}) for index in range(count)]
        return [[copy_text(c.get(name)) for c in credit] for name in ("agent_staff_id", "campaign_id")]

    def _import_keys(self):
        """The import key of the rows without a receipt number, where their cells could be read."""
        keys = [None] * len(self.lines)
        value = {name: self.values[name] for name in ("paid_on", "method", "period_start", "monthly_income")}
        for index, receipt in enumerate(self.column["receipt_number"]):
            if receipt or index in self.bad:
                continue
            cell = {name: value[name][self.column[name][index]][0] for name in value}
            months = self.values["months"][(self.column["method"][index], self.column["months"][index])][0]
            keys[index] = import_key_for(self.digits["personal_id"][index], cell["paid_on"],
                                         cell["method"], months, cell["period_start"], cell["monthly_income"])
        return keys


def contribution_rules(day, category, params):
    """What contribution_compute reads from the parameter table for a payment on `day`: None where the
    parameter is missing (floor: the income limits; cap: the rates and cap; fund_return: the fund's return)."""
    rules = dict.fromkeys(("poverty_line", "floor", "ceiling", "si_rate", "support_rate", "local_rate", "cap",
                           "fund_return"))
    try:
        limits = income_limits(day, params)
    except LookupError:
        return rules
    rules.update(poverty_line=limits.poverty_line, floor=limits.floor, ceiling=limits.ceiling)
    try:
        rates = {"si_rate": params("si_rate", day), "support_rate": params.entry(f"support_rate_{category}", day)[1],
                 "local_rate": params(f"local_top_up_{category}", day),
                 "cap": int(params("support_max_years", day) * 12)}
    except LookupError:
        return rules
    rules.update(rates)
    try:
        rules["fund_return"] = fund_return_for(day, params)
    except ContributionError:
        pass
    return rules


RULES = ["paid_on", "category", "poverty_line", "floor", "ceiling", "si_rate", "support_rate", "local_rate", "cap",
         "fund_return"]

CHECKED_SQL = """
CREATE TEMP TABLE import_checked AS
WITH read AS (
    SELECT r.*, CASE WHEN left(r.phone_digits, 3) = '+84' THEN '0' || substr(r.phone_digits, 4)
                     WHEN left(r.phone_digits, 2) = '84' AND length(r.phone_digits) = 11 THEN '0' || substr(r.phone_digits, 3)
                     ELSE r.phone_digits END AS phone,
           extract(year FROM r.birth_date)::integer AS birth_year
    FROM import_rows r
), checked AS (
    SELECT d.*,
        CASE WHEN d.pid !~ '^[0-9]{{12}}$' OR pr.code IS NULL THEN false
             WHEN d.birth_date IS NULL THEN true
             WHEN cd.male IS NULL OR substr(d.pid, 4, 1) NOT IN (cd.male, cd.female) THEN false
             WHEN d.sex IS NOT NULL
                  AND substr(d.pid, 4, 1) <> CASE WHEN d.sex = %(male)s THEN cd.male ELSE cd.female END THEN false
             ELSE substr(d.pid, 5, 2)::integer = d.birth_year %% 100 END AS pid_ok,
        (d.phone = '' OR d.phone ~ '^0[35789][0-9]{{8}}$') AS phone_ok,
        (d.si_number = '' OR d.si_number ~ '^[0-9]{{10}}$') AS si_ok,
        v.id AS village_id,
        (d.village_code <> '' AND d.commune_id IS NOT NULL AND v.id IS NULL) AS village_bad,
        CASE WHEN d.receipt <> '' THEN 'r:' || d.receipt ELSE d.hkey END AS key
    FROM read d
    LEFT JOIN unnest(%(provinces)s::text[]) AS pr(code) ON pr.code = left(d.pid, 3)
    LEFT JOIN unnest(%(centuries)s::integer[], %(males)s::text[], %(females)s::text[]) AS cd(century, male, female)
        ON cd.century = d.birth_year / 100 * 100
    LEFT JOIN (SELECT DISTINCT ON (u.code, u.parent_id) u.id, u.code, u.parent_id FROM {unit} u
               WHERE u.level = %(village)s AND u.code IN (SELECT village_code FROM import_rows WHERE village_code <> '')
               ORDER BY u.code, u.parent_id, u.id) v
        ON v.code = d.village_code AND v.parent_id = d.commune_id
)
SELECT k.*, k.ok AND p.id IS NOT NULL AND %(scope)s <> '' AND left(p.path, length(%(scope)s)) <> %(scope)s AS outside,
       p.id AS person_id, p.commune_id AS person_commune_id, p.paid_through AS person_through,
       p.supported AS person_supported, coalesce(p.support_category, k.support_category) AS category
FROM (SELECT c.*, NOT c.cell_bad AND c.pid_ok AND c.phone_ok AND c.si_ok AND NOT c.village_bad AS ok
      FROM checked c) k
LEFT JOIN import_people p ON p.personal_id = k.pid
"""

PEOPLE_SQL = """
CREATE TEMP TABLE import_people AS
SELECT p.id, p.personal_id, p.commune_id, u.path, p.paid_through, p.support_category,
       coalesce((SELECT sum(y.supported_months) FROM {payment} y WHERE y.participant_id = p.id), 0) AS supported
FROM {participant} p JOIN {unit} u ON u.id = p.commune_id
WHERE p.personal_id IN (SELECT DISTINCT pid FROM import_rows)
"""

SKIP_SQL = """
ALTER TABLE import_checked ADD COLUMN skip boolean NOT NULL DEFAULT false;
UPDATE import_checked c SET skip = true
FROM (SELECT y.import_key FROM {payment} y JOIN import_people p ON p.id = y.participant_id
      WHERE y.import_key IS NOT NULL) k
WHERE k.import_key = c.key AND c.ok AND NOT c.outside
"""

# A row's start, end and supported months against the person's state before it: for the first row of each
# person the state in the register, for the next ones what the rows before left (RANK_SQL).
START = ("coalesce({a}.period_start, (date_trunc('month', {through}) + interval '1 month')::date, "
         "date_trunc('month', {a}.paid_on)::date)")
SUPPORTED = "CASE WHEN {a}.method = %(lump_sum)s THEN 0 ELSE greatest(0, least({a}.months, {a}.cap - {before})) END"

ALIVE_SQL = """
CREATE TEMP TABLE import_alive AS
SELECT a.*, (a.start + (a.months - 1) * interval '1 month')::date AS period_end,
       CASE WHEN a.rank = 1 THEN {supported} END AS supported
FROM (
    SELECT k.*, ru.cap,
           CASE WHEN ru.floor IS NULL THEN 'rules'
                WHEN round(k.monthly_income) < ru.floor OR round(k.monthly_income) > ru.ceiling THEN 'income'
                WHEN ru.cap IS NULL THEN 'rules'
                WHEN k.method = ANY(%(several)s) AND ru.fund_return IS NULL THEN 'fund' END AS wrong,
           CASE WHEN k.rank = 1 THEN k.person_through END AS through_before,
           CASE WHEN k.rank = 1 THEN coalesce(k.person_supported, 0)::integer END AS before,
           CASE WHEN k.rank = 1 THEN {start} END AS start
    FROM (SELECT f.*, row_number() OVER (PARTITION BY f.pid ORDER BY f.line) AS rank,
                 count(*) OVER (PARTITION BY f.pid) AS ranks
          FROM (SELECT c.*, min(c.line) OVER (PARTITION BY c.key) AS first_line
                FROM import_checked c WHERE c.ok AND NOT c.outside AND NOT c.skip) f
          WHERE f.line = f.first_line) k
    JOIN import_rules ru ON ru.paid_on = k.paid_on AND ru.category = k.category
) a
""".replace("{supported}", SUPPORTED.format(a="a", before="a.before")).replace(
    "{start}", START.format(a="k", through="k.person_through"))

GOOD = "a.wrong IS NULL AND NOT (a.through_before IS NOT NULL AND a.start <= a.through_before)"

STATE_SQL = f"""
CREATE TEMP TABLE import_state AS
SELECT a.pid, CASE WHEN {GOOD} THEN a.period_end ELSE a.through_before END AS through,
       a.before + CASE WHEN {GOOD} THEN a.supported ELSE 0 END AS supported
FROM import_alive a WHERE a.rank = 1 AND a.ranks > 1
"""

RANK_SQL = f"""
UPDATE import_alive a SET
    through_before = s.through, before = s.supported, start = {START.format(a="a", through="s.through")},
    period_end = ({START.format(a="a", through="s.through")} + (a.months - 1) * interval '1 month')::date,
    supported = {SUPPORTED.format(a="a", before="s.supported")}
FROM import_state s WHERE s.pid = a.pid AND a.rank = %(rank)s;
UPDATE import_state s SET through = a.period_end, supported = s.supported + a.supported
FROM import_alive a WHERE a.pid = s.pid AND a.rank = %(rank)s AND {GOOD}
"""

PAYMENTS_SQL = """
INSERT INTO {payment} (participant_id, commune_id, paid_on, period_start, period_end, months, method, monthly_income,
                       gross, state_support, local_support, net, supported_months, fund_return, adjustment, is_first,
                       import_key, created_at, created_by_id, collected_by_agent_id, mobilised_by_agent_id,
                       campaign_id)
SELECT person, commune, paid_on, start, period_end, months, method, income, gross, state, local,
       gross - state - local, supported, fund, gross - monthly * months, is_first, key, %(now)s, %(user)s,
       agent_staff_id, CASE WHEN is_first THEN agent_staff_id END, campaign_id
FROM (
    SELECT coalesce(a.person_id, n.id) AS person, coalesce(a.person_commune_id, a.commune_id) AS commune,
           a.paid_on, a.start, a.period_end, a.months, a.method, a.supported, a.key, a.agent_staff_id, a.campaign_id,
           round(a.monthly_income) AS income, m.monthly,
           CASE WHEN a.method = ANY(%(several)s) THEN sv.gross ELSE m.monthly * a.months END AS gross,
           round(ru.poverty_line * ru.si_rate * ru.support_rate) * a.supported AS state,
           round(ru.poverty_line * ru.si_rate * ru.local_rate) * a.supported AS local,
           CASE WHEN a.method = ANY(%(several)s) THEN ru.fund_return END AS fund,
           a.person_through IS NULL AND a.nth = 1 AS is_first
    FROM (SELECT g.*, row_number() OVER (PARTITION BY g.pid ORDER BY g.line) AS nth
          FROM import_alive g WHERE {good}) a
    JOIN import_rules ru ON ru.paid_on = a.paid_on AND ru.category = a.category
    CROSS JOIN LATERAL (SELECT round(round(a.monthly_income) * ru.si_rate) AS monthly) m
    LEFT JOIN import_several sv ON sv.monthly = m.monthly AND sv.months = a.months
                                   AND sv.fund_return = ru.fund_return AND sv.method = a.method
    LEFT JOIN import_new n ON n.personal_id = a.pid
) p
""".replace("{good}", GOOD.replace("a.", "g."))

PEOPLE_INSERT_SQL = """
CREATE TEMP TABLE import_new (id bigint, personal_id text);
WITH inserted AS (
    INSERT INTO {participant} (personal_id, full_name, search_name, masked_search_name, birth_date, sex, si_number,
                               phone, commune_id, village_id, target_group, support_category, first_paid_on,
                               paid_through, created_at, created_by_id)
    SELECT DISTINCT ON (a.pid) a.pid, a.full_name, a.search_name, a.masked_search_name, a.birth_date, a.sex,
           a.si_number, a.phone, a.commune_id, a.village_id, a.target_group, a.support_category,
           min(a.paid_on) OVER (PARTITION BY a.pid), max(a.period_end) OVER (PARTITION BY a.pid), %(now)s, %(user)s
    FROM import_alive a WHERE a.person_id IS NULL AND {good}
    ORDER BY a.pid, a.line
    RETURNING id, personal_id
)
INSERT INTO import_new SELECT id, personal_id FROM inserted
""".replace("{good}", GOOD)


class StagedRows:
    """The checked rows, held in temporary tables of this connection until saved; len() is the number of
    good rows (those imported before included), as the row-by-row path counts them."""

    def __init__(self, context):
        self.context, self.count = context, 0

    def __len__(self):
        return self.count

    def close(self):
        _sql("DROP TABLE IF EXISTS " + ", ".join(TABLES) + "; RESET work_mem; RESET jit")

    def check(self, cells, progress):
        self.close()
        # Sorts of the whole file stay in memory; the statements run once, so compiling them (JIT) costs more
        # than it saves. Both are reset by close().
        _sql(f"SET work_mem = '{WORK_MEM}'; SET jit = off")
        context, total = self.context, len(cells.lines)
        _sql("CREATE TEMP TABLE import_rows (" + ", ".join(f"{name} {kind}" for name, kind in ROWS) + ")")
        copy_lines("import_rows", [name for name, _kind in ROWS], cells.lines_for_copy())
        _sql(PEOPLE_SQL)
        _sql("CREATE UNIQUE INDEX ON import_people (personal_id)")
        centuries = sorted(CENTURY_DIGITS)
        scope = scope_path(context.user) or ""
        _sql(CHECKED_SQL, {"provinces": sorted(BIRTH_PROVINCES), "male": Sex.MALE, "village": Level.VILLAGE,
                           "centuries": centuries, "males": [CENTURY_DIGITS[c][0] for c in centuries],
                           "females": [CENTURY_DIGITS[c][1] for c in centuries], "scope": scope})
        _sql(SKIP_SQL)
        progress(total // 3)
        self._rules(context)
        _sql(ALIVE_SQL, {"several": list(SEVERAL), "lump_sum": PaymentMethod.LUMP_SUM})
        _sql(STATE_SQL)
        _sql("CREATE UNIQUE INDEX ON import_state (pid)")
        ranks = _sql("SELECT coalesce(max(ranks), 0) FROM import_alive")[0][0]
        if ranks > 8:  # a long history of one person in the file: find each rank's rows by index
            _sql("CREATE INDEX ON import_alive (rank)")
        for rank in range(2, ranks + 1):
            _sql(RANK_SQL, {"rank": rank, "lump_sum": PaymentMethod.LUMP_SUM})
            progress(total // 3 + (total - total // 3) * rank // (ranks + 1))
        errors = cells.errors + self._row_errors(context)
        errors.sort(key=lambda error: (error["line"], ORDER.get(error["column"], len(ORDER))))
        self.count = _sql("SELECT (SELECT count(*) FROM import_checked WHERE skip) + "
                          f"(SELECT count(*) FROM import_alive a WHERE {GOOD})")[0][0]
        progress(total)
        return errors

    def _rules(self, context):
        params = context.cache.setdefault("params", ParameterTable())
        pairs = _sql("SELECT DISTINCT paid_on, category FROM import_checked WHERE ok AND NOT outside AND NOT skip")
        _sql("CREATE TEMP TABLE import_rules (paid_on date, category text, poverty_line numeric, floor numeric, "
             "ceiling numeric, si_rate numeric, support_rate numeric, local_rate numeric, cap integer, "
             "fund_return numeric)")
        lines = []
        for day, category in pairs:
            rules = contribution_rules(day, category, params)
            lines.append("\t".join(copy_text(value) for value in [day, category, *(rules[name] for name in RULES[2:])]))
        copy_lines("import_rules", RULES, lines)
        _sql("CREATE UNIQUE INDEX ON import_rules (paid_on, category)")

    def _row_errors(self, context):
        """Every row SQL found wrong, with the row-by-row path's message."""
        errors = []

        def add(line, error):
            errors.append({"line": line, "column": str(error.column), "message": str(error.message)})

        for line, raw, birth, sex in _sql("SELECT line, pid_raw, birth_date, sex FROM import_checked "
                                              "WHERE NOT pid_ok"):
            add(line, _identity_error("personal_id", lambda v, b=birth, s=sex: personal_id_check(v, b, s), raw))
        for line, raw in _sql("SELECT line, phone_raw FROM import_checked WHERE NOT phone_ok"):
            add(line, _identity_error("phone", phone_check, raw))
        for line, raw in _sql("SELECT line, si_raw FROM import_checked WHERE NOT si_ok"):
            add(line, _identity_error("si_number", si_number_check, raw))
        for line, code in _sql("SELECT line, village_code FROM import_checked WHERE village_bad"):
            add(line, RowError(*village_error(code)))
        for (line,) in _sql("SELECT line FROM import_checked WHERE outside"):
            add(line, outside_area_error())
        for line, receipt, first in _sql(
                "SELECT line, receipt, min(line) OVER (PARTITION BY key) FROM import_checked c "
                "WHERE c.ok AND NOT c.outside AND NOT c.skip"):
            if line != first:
                add(line, same_payment_error(bool(receipt), first))
        params = context.cache["params"]
        for row in _sql("SELECT line, through_before, wrong, paid_on, monthly_income, method, months, category, "
                        f"start <= through_before FROM import_alive a WHERE NOT ({GOOD})"):
            line, through, wrong, paid_on, income, method, months, category, already_paid = row
            if already_paid:
                add(line, already_paid_error(through))
                continue
            payment = {"paid_on": paid_on, "monthly_income": income, "method": method, "months": months}
            try:
                row_contribution(payment, category, 0, params)
            except RowError as error:
                add(line, error)
            else:
                raise Drift(f"line {line}: {wrong}")
        return errors

    def save(self, context):
        """Insert the new people and every good payment, move paid-through dates on, queue the figures."""
        now, user = timezone.now(), context.user.pk
        values = {"now": now, "user": user, "several": list(SEVERAL)}
        self._several_amounts()
        _sql(PEOPLE_INSERT_SQL, values)
        _sql(PAYMENTS_SQL, values)
        existing = [pk for (pk,) in _sql(f"SELECT DISTINCT person_id FROM import_alive a WHERE person_id IS NOT NULL "
                                         f"AND {GOOD} ORDER BY 1")]
        participants_refresh_dates(existing)
        created = _sql(f"SELECT count(*), count(*) FILTER (WHERE person_through IS NULL) FROM import_alive a "
                       f"WHERE {GOOD}")[0]
        added = [pk for (pk,) in _sql("SELECT id FROM import_new")]
        if added or created[1]:
            register_people_written.send(sender=Participant, personal_ids=None)
        days_of_new = _days(f"person_id IS NULL AND {GOOD}")
        if added:
            progress_added(added, days_of_new)
        others = _sql(f"SELECT DISTINCT person_commune_id FROM import_alive a WHERE person_id IS NOT NULL AND {GOOD}")
        if others:
            progress_changed({commune for (commune,) in others}, _days(f"person_id IS NOT NULL AND {GOOD}"))
        return created[0], 0

    def _several_amounts(self):
        """Payments in advance and lump sums: the discounted or grown total, by the row-by-row path's function,
        once per distinct monthly amount, months and fund return."""
        _sql("CREATE TEMP TABLE import_several (monthly numeric, months integer, fund_return numeric, method text, "
             "gross numeric)")
        found = _sql(
            "SELECT DISTINCT round(round(a.monthly_income) * ru.si_rate), a.months, ru.fund_return, a.method "
            "FROM import_alive a JOIN import_rules ru ON ru.paid_on = a.paid_on AND ru.category = a.category "
            f"WHERE a.method = ANY(%s) AND {GOOD}", [list(SEVERAL)])
        lines = ["\t".join(copy_text(value) for value in (
            monthly, months, fund_return, method,
            several_months_amount(monthly, months, fund_return / 12, in_advance=method == PaymentMethod.YEARS_IN_ADVANCE)))
            for monthly, months, fund_return, method in found]
        copy_lines("import_several", ["monthly", "months", "fund_return", "method", "gross"], lines)


def _days(where):
    found = _sql(f"SELECT DISTINCT paid_on, start FROM import_alive a WHERE {where}")
    return {day for pair in found for day in pair}


def _identity_error(column, check, text):
    try:
        check(text)
    except IdentityError as error:
        return RowError(column, str(error))
    raise Drift(f"{column} {text!r}")
