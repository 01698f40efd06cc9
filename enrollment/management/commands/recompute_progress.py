import datetime

from django.core.management.base import BaseCommand, CommandError

from enrollment.progress.models import RecomputeStatus
from enrollment.progress.services.engine import progress_recompute
from enrollment.territory.models.units import Unit


class Command(BaseCommand):
    help = "Recompute progress snapshots now: every snapshot day, or the days a change on --date affects."

    def add_arguments(self, parser):
        parser.add_argument("--date", action="append", default=[], help="YYYY-MM-DD; may be repeated")
        parser.add_argument("--full", action="store_true", help="every unit and every snapshot day")
        parser.add_argument("--unit", action="append", default=[],
                            help="unit id or code (any level); may be repeated")

    def handle(self, *args, date, full, unit, **options):
        try:
            days = [datetime.date.fromisoformat(d) for d in date]
        except ValueError as exc:
            raise CommandError(f"--date: {exc}") from exc
        unit_ids = [self._unit(u) for u in unit]
        if unit_ids and not days:
            days = [datetime.date(datetime.date.today().year - 1, 1, 1)]
        run = progress_recompute(full=full or not unit_ids, unit_ids=unit_ids, days=days, triggered_by="command")
        duration = run.duration.total_seconds() if run.duration else 0
        self.stdout.write(f"{run.kind}: {run.status}, {run.snapshot_rows} snapshot rows, "
                          f"{run.breakdown_rows} breakdown rows in {duration:.1f} s")
        if run.status != RecomputeStatus.DONE:
            raise CommandError(run.error or run.get_status_display())

    def _unit(self, value):
        by_code = list(Unit.objects.filter(code=value).values_list("pk", flat=True))
        if len(by_code) == 1:
            return by_code[0]
        if value.isdigit() and Unit.objects.filter(pk=int(value)).exists():
            return int(value)
        raise CommandError(f"--unit {value}: no single unit has this code or id")
