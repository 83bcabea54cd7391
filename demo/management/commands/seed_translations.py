from django.conf import settings
from django.core.management.base import BaseCommand

from demo import translations as seed_translations


class Command(BaseCommand):
    help = (
        "Seed-content translations: 'export' writes the English strings of the seed pages as PO "
        "templates for translators; 'import' creates the Russian and Tajik pages from the PO files."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "import"])
        parser.add_argument("--language", action="append", help="Only this language (import); repeatable.")

    def handle(self, *args, action, language=None, **options):
        if action == "export":
            for path in seed_translations.export_templates():
                self.stdout.write(f"wrote {path}")
            return
        languages = language or [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        for code in languages:
            count = seed_translations.translate_seed_pages(code, refresh=True, stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(f"{code}: {count} pages translated"))
