from django.core.management.base import BaseCommand

from casework.reference.services import reference_data_load


class Command(BaseCommand):
    help = "Load the shipped reference data (offence codes, OUs, forces, code lists, bank holidays)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reload even if unchanged.")

    def handle(self, *args, force=False, **options):
        for line in reference_data_load(force=force):
            self.stdout.write(line)
