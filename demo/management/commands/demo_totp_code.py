from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.seed import DEMO_TOTP_SECRET
from demo.totp import current_code


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo coordinator and administrator (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Only available in development (DJANGO_DEBUG=1).")
        self.stdout.write(current_code(secret=DEMO_TOTP_SECRET))
