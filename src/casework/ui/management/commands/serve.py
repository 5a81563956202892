import os

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve Casework with waitress (a production-grade WSGI server) on 127.0.0.1."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-worker", action="store_true",
                            help="don't also run the background job worker (run `casework db_worker` yourself)")

    def handle(self, *args, host, port, threads, no_worker=False, **options):
        import subprocess
        import sys

        from django.core.wsgi import get_wsgi_application
        from waitress import serve

        worker = None
        if not no_worker:
            # Background jobs (deadline recomputes queued by administrators' changes, the nightly job).
            worker = subprocess.Popen([sys.executable, "-m", "casework.cli", "db_worker", "--interval", "5"])
        self.stdout.write(f"Casework is running at http://{host}:{port}/ (Ctrl+C to stop)")
        try:
            serve(get_wsgi_application(), host=host, port=port, threads=threads, ident="Casework")
        finally:
            if worker:
                worker.terminate()
