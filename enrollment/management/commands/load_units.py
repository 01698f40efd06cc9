from django.core.management.base import BaseCommand

from enrollment.territory.models.units import CodeSet
from enrollment.territory.services.loading import units_load


class Command(BaseCommand):
    help = "Load official administrative units offline (2025 set by default)."

    def add_arguments(self, parser):
        parser.add_argument("--legacy", action="store_true", help="Load the set in force before 1 July 2025.")

    def handle(self, *args, legacy, **options):
        summary = units_load(code_set=CodeSet.LEGACY if legacy else CodeSet.CURRENT)
        if options["verbosity"] > 1:
            self.stdout.write(f"created={summary.created} updated={summary.updated}")
        self.stdout.write(summary.line())
