from django.db import migrations, models


def search_names_fill(apps, schema_editor):
    from enrollment.territory.models.units import fold

    staff = apps.get_model("agents", "AgentStaff")
    members = list(staff.objects.only("pk", "full_name"))
    for member in members:
        member.search_name = fold(member.full_name)
    staff.objects.bulk_update(members, ["search_name"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("agents", "0008_national_networks"),
    ]

    operations = [
        migrations.AddField(
            model_name="agentstaff",
            name="search_name",
            field=models.CharField(default="", editable=False, max_length=150),
        ),
        migrations.RunPython(search_names_fill, migrations.RunPython.noop),
    ]
