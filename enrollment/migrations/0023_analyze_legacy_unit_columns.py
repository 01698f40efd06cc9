from django.db import migrations


def analyze(apps, schema_editor):
    # A column added to a large table has no statistics until enough rows change for autovacuum to
    # analyze it; without them PostgreSQL assumes most rows have a former unit and scans the whole
    # register (seconds per incremental run) instead of the partial index, which is nearly empty.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE enrollment_participant (legacy_unit_id)")
        schema_editor.execute("ANALYZE enrollment_payment (legacy_unit_id)")


class Migration(migrations.Migration):
    atomic = False  # ANALYZE may run inside a transaction, but need not hold one open on a big table

    dependencies = [("enrollment", "0022_legacy_unit_of_records")]

    operations = [migrations.RunPython(analyze, migrations.RunPython.noop)]
