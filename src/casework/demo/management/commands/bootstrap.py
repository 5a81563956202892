import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from casework.cases.models import Case
from casework.deadlines.services import deadlines_recompute_open, service_levels_ensure
from casework.demo.users import credentials_path, demo_users_ensure
from casework.reference.services import reference_data_load


class Command(BaseCommand):
    help = (
        "Prepare the database: migrate, load reference data, and with --demo seed the demo "
        "cases (first run only) and the demo logins. Safe to run on every start."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="seed demo data and demo logins")
        parser.add_argument("--cases", type=int, default=2000, help="demo cases on first run")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, demo=False, cases=2000, seed=1, **options):
        started = time.monotonic()
        call_command("migrate", interactive=False, verbosity=0)
        for line in reference_data_load():
            self.stderr.write(f"  reference data {line}")
        service_levels_ensure()
        if demo:
            from casework.demo.services import demo_data_seed, demo_workbench_seed

            if not Case.objects.exists():
                self.stderr.write(f"Seeding {cases:,} demo cases (first run only)…")

                def progress(done, total):
                    self.stderr.write(f"  {done:,} / {total:,} cases")

                demo_data_seed(cases=cases, seed=seed, today=timezone.localdate(),
                               progress=progress)
                extra = demo_workbench_seed(today=timezone.localdate(), seed=seed)
                self.stderr.write(f"  {extra['unassigned']} new files left in the intake queue; "
                                  f"{extra['requests']} requests from partner agencies; "
                                  f"{extra['assessed']} needs assessments already done")
                result = deadlines_recompute_open()
                self.stderr.write(f"  deadlines: {result['deadlines']:,} for {result['cases']:,} open cases in {result['seconds']} s")
                from casework.reporting.store import facts_refresh_all

                result = facts_refresh_all()
                self.stderr.write(f"  performance figures: {result['facts']:,} facts for {result['cases']:,} cases "
                                  f"in {result['seconds']} s")
            rows = demo_users_ensure()
            self.stdout.write("")
            self.stdout.write(f"Demo logins (also in {credentials_path()}):")
            for username, password, role, secret in rows:
                self.stdout.write(f"  {username:<20} {password:<20} {role}"
                                  + (f" (TOTP secret {secret})" if secret != "-" else ""))
            self.stdout.write("Administrators and auditors also need a security code: "
                              "CASEWORK_DEMO=1 casework totp-code admin.demo")
        self.stderr.write(f"Ready in {time.monotonic() - started:.1f} s.")
