"""Seed the dated parameters; later changes are made in the admin."""

from decimal import Decimal

from django.db import migrations

from enrollment.register.services.parameter_seed import SEED


def seed(apps, schema_editor):
    Parameter = apps.get_model("enrollment", "Parameter")
    for key, valid_from, value, note in SEED:
        Parameter.objects.get_or_create(key=key, valid_from=valid_from,
                                        defaults={"value": Decimal(value), "note": note})


class Migration(migrations.Migration):
    dependencies = [("enrollment", "0003_register")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
