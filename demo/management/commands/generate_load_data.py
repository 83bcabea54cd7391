import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q
from django.utils import timezone

from bench.loaddata import bulk, country
from certificates.models import Certificate
from courses.models import Enrolment
from demo.course_texts import seed_slugs
from demo.seed import seed_demo


class Command(BaseCommand):
    help = (
        "Generate a synthetic country of trainees (users @load.frontline.test) with lesson completions, "
        "graded attempts, certificates, enrolments and headcounts, for load-testing the reports. "
        "Refuses to run while generated data exists: use --clear to replace it, --clear-only to remove it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--trainees",
            type=int,
            default=country.DEFAULT_TRAINEES,
            help="Number of trainees (default %(default)s); everything else scales with it: about 10 lesson "
            "completions, 3 closed attempts (so about 300,000 for the default) and 0.8 certificates per trainee.",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default %(default)s).")
        parser.add_argument(
            "--batch-size",
            type=int,
            default=country.DEFAULT_BATCH_SIZE,
            help="Trainees planned per chunk and rows per INSERT (default %(default)s).",
        )
        parser.add_argument(
            "--no-programme",
            action="store_true",
            help="Leave out the requirements (one per seed course and agency it is required of) and the "
            "trainees' assignments of them.",
        )
        parser.add_argument("--clear", action="store_true", help="Delete previously generated data, then generate.")
        parser.add_argument("--clear-only", action="store_true", help="Delete previously generated data and stop.")

    def handle(self, *args, trainees, seed, batch_size, clear, clear_only, no_programme, **options):
        if trainees < 0 or batch_size < 1:
            raise CommandError("--trainees must be 0 or more and --batch-size at least 1.")
        started = time.monotonic()
        if clear or clear_only:
            deleted = bulk.clear(batch_size=batch_size, log=self.stdout.write)
            self.stdout.write(
                "Removed: " + (", ".join(f"{n:,} {name}" for name, n in deleted.items() if n) or "nothing to remove")
            )
            if clear_only:
                return

        self.stdout.write("Seed courses (seed_demo without users)…")
        seed_demo(with_users=False)
        self.stdout.write(f"Generating {trainees:,} trainees (seed {seed}, batches of {batch_size:,})…")
        try:
            totals = bulk.generate(
                course_slugs=list(seed_slugs()),
                trainees=trainees,
                seed=seed,
                batch_size=batch_size,
                with_programme=not no_programme,
                log=self.stdout.write,
            )
        except bulk.AlreadyGenerated as error:
            raise CommandError(str(error)) from error
        self.summary(totals, time.monotonic() - started)

    def summary(self, totals, seconds: float) -> None:
        generated = bulk.generated_users()
        today = timezone.localdate()
        certificates = Certificate.objects.filter(user__in=generated).aggregate(
            valid=Count("pk", filter=Q(status="valid") & (Q(expires_on__isnull=True) | Q(expires_on__gte=today))),
            expired=Count("pk", filter=Q(status="valid", expires_on__lt=today)),
            revoked=Count("pk", filter=Q(status="revoked")),
            superseded=Count("pk", filter=Q(status="superseded")),
        )
        completed = Enrolment.objects.filter(user__in=generated, completed_at__isnull=False).count()
        write = self.stdout.write
        write(self.style.SUCCESS(f"Done in {seconds:.1f} s."))
        write(f"  trainees             {totals.users:>12,}")
        write(f"  enrolments           {totals.enrolments:>12,}  ({completed:,} completed)")
        write(f"  lesson completions   {totals.completions:>12,}")
        write(f"  closed attempts      {totals.attempts:>12,}")
        write(
            f"  certificates         {totals.certificates:>12,}  (valid {certificates['valid']:,}, "
            f"expired {certificates['expired']:,}, revoked {certificates['revoked']:,}, "
            f"superseded {certificates['superseded']:,})"
        )
        write(f"  headcounts           {totals.headcounts:>12,}")
        write(f"  requirements         {totals.requirements:>12,}")
        write(f"  assignments          {totals.assignments:>12,}")
        if totals.planted:
            planted = totals.planted
            write(
                f"  planted mistranslation: {planted.course_title!r}, question {planted.question_id} "
                f"({planted.text!r}) answered right {planted.gap:.0%} less often in {planted.language}"
            )
        write("  time per phase: " + ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in totals.seconds.items()))
        write(
            f"  gaps: nobody certified in agencies {sorted(country.NO_CERTIFICATES_AGENCIES)}, "
            f"regions {sorted(country.NO_CERTIFICATES_REGIONS)}; staff but no trainees in "
            f"{sorted('/'.join(cell) for cell in country.STAFF_WITHOUT_TRAINEES)}"
        )
