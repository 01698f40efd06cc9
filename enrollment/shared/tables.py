import django_tables2 as tables


class YearColumn(tables.Column):
    """Years are labels, not quantities: 2026, never 2.026."""

    def render(self, value):
        return str(value)
