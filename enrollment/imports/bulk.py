"""Inserting many rows fast: COPY on PostgreSQL, batched INSERTs elsewhere (the SQLite demo)."""

import io
from datetime import date, datetime
from decimal import Decimal

from django.db import connection

BATCH = 2000


def copy_text(value):
    """A value as COPY's text format writes it."""
    if value is None:
        return r"\N"
    if type(value) is str:
        return value if not _NEEDS_ESCAPE.intersection(value) else _escape(value)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    text = str(value)
    return _escape(text) if _NEEDS_ESCAPE.intersection(text) else text


_NEEDS_ESCAPE = frozenset("\\\t\n\r")


def _escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def bulk_insert(model, rows):
    """Insert `rows` (dicts of field attname → value, all with the same keys); returns how many."""
    if not rows:
        return 0
    derived = getattr(model, "bulk_insert_derived", None)  # columns a model's save() would have set
    if derived is not None:
        rows = [{**row, **derived(row)} for row in rows]
    names = list(rows[0])
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**row) for row in rows], batch_size=BATCH)
        return len(rows)
    columns = [model._meta.get_field(name).column for name in names]
    buffer = io.StringIO()
    buffer.writelines("\t".join([copy_text(row[name]) for name in names]) + "\n" for row in rows)
    buffer.seek(0)
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(
            f"COPY {connection.ops.quote_name(model._meta.db_table)} ({quoted}) FROM STDIN", buffer)
    return len(rows)


def copy_lines(table, columns, lines):
    """COPY ready-made lines (values already in COPY's text format, tab-separated) into a PostgreSQL table."""
    buffer = io.StringIO("\n".join(lines) + "\n" if lines else "")
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN", buffer)
