import datetime

from django.core.management.base import BaseCommand

from enrollment.progress.services.digest import digest_send


class Command(BaseCommand):
    help = "Mail the daily progress digest to every provincial and district manager now."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat, help="YYYY-MM-DD (default: today)")

    def handle(self, *args, date=None, **options):
        sent = digest_send(day=date)
        self.stdout.write(f"digest: {sent} mails")
