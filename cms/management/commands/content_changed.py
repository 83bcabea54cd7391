"""After pages were changed outside Wagtail's publishing (the shell, a data migration, a bulk
update): make every process load the published content again."""

from django.core.management.base import BaseCommand

from cms.published import site_changed


class Command(BaseCommand):
    help = "Make every process reload the published content it remembers (after a change outside Wagtail's publishing)."

    def handle(self, *args, **options):
        site_changed()
        self.stdout.write("Published content will be reloaded.")
