"""The single `casework` command-line entry point.

Every verb (export, import, demo-data, load-reference, serve, bootstrap …) is a Django management
command, so `casework VERB --help` documents each one. Exit codes: 0 ok, 1 finding or failure,
2 bad input.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casework.settings.dev")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    # Verbs are spelt with dashes (demo-data); Django names commands after their modules.
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
