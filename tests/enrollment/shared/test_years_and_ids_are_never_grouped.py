"""Years, ids and version numbers are labels: 2026 and 1234, never 2.026 or 1.234 (USE_THOUSAND_SEPARATOR
groups every integer a template prints, so each one must say |unlocalize or |stringformat)."""

import re
from datetime import date
from pathlib import Path

from django.conf import settings

from enrollment.register.models.participants import PaymentMethod
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory

TEMPLATES = Path(settings.BASE_DIR) / "templates"
VARIABLE = re.compile(r"\{\{\s*(.*?)\s*\}\}", re.S)
BLOCKTRANSLATE = re.compile(r"\{%\s*blocktrans(?:late)?\b(.*?)%\}(.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.S)
ASSIGNMENT = re.compile(r"(\w+)=([\w.]+)((?:\|\w+(?::(?:\"[^\"]*\"|'[^']*'|[\w.]+))?)*)")
# A year, a primary key, a version number: integers that are not quantities.
LABEL_NAME = re.compile(r"(?:^|\.)(?:year|pk|id|seq|\w+_pk)$")
AS_LABEL = ("unlocalize", "stringformat", "date")
STRINGS = {"chart.id"}  # the chart's name ("cumulative", "children")
GROUPED_YEAR = re.compile(r"(?<![\d.,])2\.0\d\d(?![\d.,])")


def _variables(text, assigned=()):
    for match in VARIABLE.finditer(text):
        base, *filters = [part.strip() for part in match.group(1).split("|")]
        if base in assigned or base in STRINGS or not LABEL_NAME.search(base):
            continue
        if not any(f.split(":")[0] in AS_LABEL for f in filters):
            yield match.group(0)


def unlabelled(text):
    """The variables of a template that print a year or an id without |unlocalize (or |stringformat)."""
    found = []
    for match in BLOCKTRANSLATE.finditer(text):
        assignments = ASSIGNMENT.findall(match.group(1))
        found += [f"{name}={value}{filters}" for name, value, filters in assignments
                  if LABEL_NAME.search(value) and not any(f in filters for f in AS_LABEL)]
        found += _variables(match.group(2), assigned={name for name, _value, _filters in assignments})
    return found + list(_variables(BLOCKTRANSLATE.sub("", text)))


def test_no_template_prints_a_year_or_an_id_as_a_number():
    offenders = {str(path.relative_to(TEMPLATES)): found for path in sorted(TEMPLATES.rglob("*.html"))
                 if (found := unlabelled(path.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_the_scan_catches_what_it_should():
    assert unlabelled('<a href="?year={{ year }}">') == ["{{ year }}"]
    assert unlabelled('<option value="{{ o.pk }}">') == ["{{ o.pk }}"]
    assert unlabelled("{% blocktranslate with y=year %}{{ y }}{% endblocktranslate %}") == ["y=year"]
    assert unlabelled("{% blocktranslate %}Plans {{ year }}{% endblocktranslate %}") == ["{{ year }}"]
    assert unlabelled("{% blocktranslate with year=year|unlocalize n=version.seq|stringformat:'d' %}"
                      "{{ year }} {{ n }}{% endblocktranslate %}") == []
    assert unlabelled('{{ year|unlocalize }} {{ unit.pk|unlocalize }} {{ s.actual|number }}') == []


def test_renewal_figures_link_to_the_parent_with_a_plain_year(client_for, provincial_manager, tree):
    person = ParticipantFactory(commune=tree.commune, full_name="Trần Văn Nam")
    payment_record(participant=person, paid_on=date(2026, 11, 5), method=PaymentMethod.MONTHLY,
                   monthly_income=1_500_000, period_start=date(2026, 11, 1))
    client = client_for(provincial_manager)
    body = client.get(f"/renewals/figures/?unit={tree.district.pk}&year=2026&month=11/2026").content.decode()
    assert f"?unit={tree.province.pk}&amp;year=2026&amp;month=11/2026" in body
    assert "2026" in body and not GROUPED_YEAR.search(body)
    assert client.get(f"/renewals/figures/?unit={tree.province.pk}&year=2026&month=11/2026").status_code == 200


def test_pages_that_carry_a_year_print_it_plainly(client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    for url in (f"/plans/{tree.province.pk}/?year=2026", f"/plans/{tree.province.pk}/history/?year=2026",
                "/labour-force/?year=2026", "/quotas/?year=2026"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "2026" in body and not GROUPED_YEAR.search(body), url
