from django.conf import settings
from django.core.management.base import BaseCommand

from demo.seed import seed_demo


class Command(BaseCommand):
    help = "Create the site tree, the four seed courses and demo accounts. Safe to run more than once."

    def add_arguments(self, parser):
        parser.add_argument("--no-users", action="store_true", help="Do not create demo accounts.")

    def handle(self, *args, no_users=False, **options):
        self.stdout.write("Seeding Frontline demo content…")
        report = seed_demo(with_users=not no_users, show_passwords=settings.DEBUG, stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Done: {len(report.created_pages)} pages and {len(report.created_users)} accounts created "
                "(existing ones left unchanged)."
            )
        )
        if report.passwords:
            self.stdout.write("Demo accounts (development only):")
            for email, password in report.passwords.items():
                self.stdout.write(f"  {email:32} {password}")
        for email, secret in report.totp_secrets.items():
            self.stdout.write(
                f"  {email} signs in with two-factor authentication: add the key {secret} to an "
                "authenticator app, or run './run manage demo_totp_code' for the current code."
            )
        if report.created_users and not report.passwords:
            self.stdout.write("Demo accounts were given random passwords; use 'Forgot password' to set one.")
