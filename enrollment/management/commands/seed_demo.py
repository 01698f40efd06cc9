from django.core.management.base import BaseCommand
from django.utils import translation

from enrollment.demo.seeding import DEMO_PASSWORD, demo_seed


class Command(BaseCommand):
    help = "Create the demo province, its data and one login per role (safe to run again)."

    def handle(self, *args, **options):
        with translation.override("vi"):
            context = demo_seed()
            for line in context.lines:
                self.stdout.write(line)
            self.stdout.write("")
            self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
            for username, role, scope in context.logins:
                self.stdout.write(f"  {username:<8} {role:<28} {scope}")
