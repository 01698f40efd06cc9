"""Seed the fund's yearly investment return (a dated parameter edited in the admin)."""

from decimal import Decimal

from django.db import migrations

from enrollment.register.services.parameter_seed import FUND_RETURN_SEED


def seed(apps, schema_editor):
    Parameter = apps.get_model("enrollment", "Parameter")
    for key, valid_from, value, note in FUND_RETURN_SEED:
        Parameter.objects.get_or_create(key=key, valid_from=valid_from,
                                        defaults={"value": Decimal(value), "note": note})


class Migration(migrations.Migration):
    dependencies = [("enrollment", "0013_progress_growth_and_monthly_new")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
