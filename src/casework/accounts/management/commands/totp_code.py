import os
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from casework.accounts.models import TOTPDevice
from casework.accounts.services import totp_current_code


class Command(BaseCommand):
    help = (
        "Print the security code a user's authenticator app shows now. FOR DEMOS AND TESTS ONLY: "
        "refused unless DEBUG is on or CASEWORK_DEMO=1 is set. Exit codes: 0 printed, 1 refused, "
        "2 no such user or no authenticator app."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not (settings.DEBUG or os.environ.get("CASEWORK_DEMO") == "1"):
            raise CommandError("totp-code is for demos and tests only: set CASEWORK_DEMO=1 to use "
                               "it on a demo installation.", returncode=1)
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user {username!r}.", returncode=2)
        if not TOTPDevice.objects.filter(user=user).exists():
            raise CommandError(f"{username} has not set up two-factor authentication.", returncode=2)
        self.stdout.write(totp_current_code(user))
        self.stderr.write(f"(changes in {30 - int(time.time()) % 30} s; each code works once)")
