import time

from django.core.management.base import BaseCommand, CommandError

from enrollment.demo.national_dataset import (
    national_dataset_delete,
    national_dataset_generate,
)


class Command(BaseCommand):
    help = ("Fill PostgreSQL with a synthetic national register (34 provinces, their communes, about 2.5 million "
            "participants with payment histories, household members, labour force and province plans).")

    def add_arguments(self, parser):
        parser.add_argument("--participants", type=int, default=2_500_000)
        parser.add_argument("--provinces", type=int, default=34)
        parser.add_argument("--household-members", type=int, default=None, help="default: a quarter of --participants")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--delete", action="store_true", help="remove the synthetic people and households first")

    def handle(self, *args, participants, provinces, household_members, seed, delete, **options):
        if participants < 0 or not 1 <= provinces <= 34:
            raise CommandError("--participants must be positive and --provinces between 1 and 34")
        started = time.monotonic()
        if delete:
            national_dataset_delete()
            self.stdout.write("synthetic data removed")
        try:
            summary = national_dataset_generate(participants=participants, provinces=provinces,
                                                household_members=household_members, seed=seed,
                                                progress=lambda text: self.stdout.write(text))
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"{summary.line()} in {time.monotonic() - started:.0f} s")
