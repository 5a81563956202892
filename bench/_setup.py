"""Shared by the benchmarks: Django on a throwaway SQLite database with the reference data."""

import os
import tempfile
from pathlib import Path


def django_on_scratch_database(prefix: str) -> Path:
    """Point Casework at a new empty folder, set Django up, migrate and load reference data."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["CASEWORK_VAR"] = str(tmp)
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "casework.settings.dev"
    import django

    django.setup()
    from django.core.management import call_command

    from casework.reference.services import reference_data_load

    call_command("migrate", verbosity=0)
    reference_data_load()
    return tmp
