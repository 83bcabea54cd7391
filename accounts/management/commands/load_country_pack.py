"""Load a country pack's agencies and regions: ``manage.py load_country_pack [--pack DIR]``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.country_packs import CountryPackError, read_pack
from accounts.reference_data import country_pack_load


class Command(BaseCommand):
    help = (
        "Create or update the agencies and regions of a country pack (default: settings.COUNTRY_PACK_DIR) "
        "and deactivate those it no longer lists. Nothing is deleted. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pack", type=Path, help="The pack's directory (holding pack.toml).")

    def handle(self, *args, pack: Path | None = None, verbosity: int = 1, **options):
        directory = pack or settings.COUNTRY_PACK_DIR
        try:
            country = read_pack(directory, languages=[code for code, _name in settings.LANGUAGES])
        except CountryPackError as error:
            raise CommandError(str(error)) from error
        if verbosity:
            self.stdout.write(
                f"Loading {country.name('en')} ({country.code}) from {country.path}: "
                f"{len(country.agencies)} agencies, {len(country.regions)} regions…"
            )
        report = country_pack_load(pack=country)
        for label, changes in (("Agencies", report.agencies), ("Regions", report.regions)):
            if verbosity:
                self.stdout.write(f"{label}: {changes}")
            if verbosity > 1:
                for action in ("created", "updated", "deactivated"):
                    for code in getattr(changes, action):
                        self.stdout.write(f"  {action}: {code}")
        if verbosity:
            self.stdout.write(self.style.SUCCESS("Done." if report.changed else "Nothing to change."))
        if country.path.parent.resolve() != Path(settings.COUNTRY_PACK_DIR).resolve() and verbosity:
            self.stdout.write(
                self.style.WARNING(
                    "This is not the pack the site runs with: set COUNTRY_PACK_DIR to it so that the map, "
                    "the time zone and the trainees' default language follow."
                )
            )
