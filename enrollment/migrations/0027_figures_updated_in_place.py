from django.db import migrations, models

# Room on each page for a snapshot's or a breakdown's next version: an update that moves no indexed column then
# stays on its page and writes no index entry (HOT). Pages written before keep no room until vacuumed.
TABLES = ("enrollment_progresssnapshot", "enrollment_progressbreakdown")
FILLFACTOR = 90


def fillfactor_set(apps, schema_editor, value=FILLFACTOR):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {schema_editor.quote_name(table)} SET (fillfactor = {int(value)})")


def fillfactor_reset(apps, schema_editor):
    fillfactor_set(apps, schema_editor, value=100)


class Migration(migrations.Migration):

    dependencies = [
        ("enrollment", "0026_figures_without_unit_only_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="progresssnapshot",
            name="progress_snapshot_computed",
        ),
        migrations.AddIndex(
            model_name="recomputerun",
            index=models.Index(condition=models.Q(("status", "done")), fields=["finished_at"], name="recompute_run_done"),
        ),
        migrations.RunPython(fillfactor_set, fillfactor_reset),
    ]
