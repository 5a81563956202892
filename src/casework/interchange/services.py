"""Importing and exporting case files.

An import is an upsert keyed by URN and all-or-nothing per file: a file that fails any check is
refused with every problem listed, and nothing from it is written. Importing a file that matches
what the database already holds changes nothing at all (no write, no timeline entry).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.db import transaction

from casework.audit.services import change_record
from casework.cases import events
from casework.cases.models import Case
from casework.deadlines.services import calendar_build, case_deadlines_recompute, settings_load

from .export import casefile_build, casefile_docs, casefile_dumps
from .validate import Problem, ReferenceCache, check_envelope, check_facts, check_schema
from .writer import Resolver, casefile_apply, casefiles_bulk_create

SECTIONS = ["case", "defendants", "witnesses", "materials", "hearings", "submissions",
            "decisions", "action_plans", "tasks", "finding_overrides", "contacts", "file_returns"]


@dataclass
class ImportOutcome:
    name: str
    status: str  # created | updated | unchanged | refused
    urn: str = ""
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)


class Importer:
    """Imports many files in one run, sharing the reference lookups between them."""

    def __init__(self, *, today: date, actor=None) -> None:
        self.today = today
        self.actor = actor
        self.resolver = Resolver()
        self.reference = ReferenceCache()
        self.calendar = calendar_build()
        self.deadline_settings = settings_load()
        self._deadlines_due: list[int] = []

    def deadlines_flush(self) -> None:
        """Recompute the deadlines of the cases imported since the last flush (derived data: a
        batch at a time is far cheaper than a file at a time)."""
        if self._deadlines_due:
            case_deadlines_recompute(case_ids=self._deadlines_due, calendar=self.calendar,
                                     settings=self.deadline_settings, today=self.today)
            self._deadlines_due = []

    def parse(self, raw: bytes, name: str) -> tuple[dict | None, list[Problem]]:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            return None, [Problem("(file)", f"is not UTF-8 text (byte {e.start} cannot be read)")]
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            return None, [Problem("(file)", f"is not valid JSON: {e.msg} at line {e.lineno}, column {e.colno}")]
        problems = check_envelope(doc) or check_schema(doc)
        return doc, problems

    def import_bytes(self, raw: bytes, name: str, *, batch: bool = False) -> ImportOutcome:
        """Import one file; its deadlines are recomputed at once unless `batch` (then call
        `deadlines_flush`)."""
        outcome = self._import(raw, name)
        if not batch:
            self.deadlines_flush()
        return outcome

    def _import(self, raw: bytes, name: str) -> ImportOutcome:
        doc, problems = self.parse(raw, name)
        urn = doc.get("case", {}).get("urn", "") if isinstance(doc, dict) and isinstance(doc.get("case"), dict) else ""
        if problems:
            return ImportOutcome(name, "refused", urn, problems)
        problems, warnings = check_facts(doc, today=self.today, resolver=self.resolver,
                                         reference=self.reference)
        if problems:
            return ImportOutcome(name, "refused", urn, problems, warnings)
        try:
            outcome = self._write(doc, name)
        except Exception:
            self.resolver.forget_users()
            raise
        outcome.warnings = warnings
        return outcome

    @transaction.atomic
    def _write(self, doc: dict, name: str) -> ImportOutcome:
        urn = doc["case"]["urn"]
        existing = Case.objects.select_for_update().filter(urn=urn).first()
        if existing is None:
            casefiles_bulk_create([doc], resolver=self.resolver, via=f"file {name}")
            case = Case.objects.get(urn=urn)
            change_record(case=case, user=self.actor, change="case.created", part="case file", before=None,
                          after=casefile_build(case), summary=f"Case created from file {name}.")
            self._deadlines_due.append(case.pk)
            return ImportOutcome(name, "created", urn)
        before = casefile_build(existing)
        if doc == before:
            # The usual re-import: the file is what this database would export. Nothing to do.
            return ImportOutcome(name, "unchanged", urn)
        # Otherwise apply it and compare what the database would then export: a file that differs
        # only in ways the database does not keep (an officer's name spelt differently for an
        # existing user, an empty offence title) also changes nothing.
        savepoint = transaction.savepoint()
        casefile_apply(existing, doc, resolver=self.resolver)
        after = casefile_build(existing)
        changes = [s for s in SECTIONS if before.get(s) != after.get(s)]
        if not changes:
            transaction.savepoint_rollback(savepoint)
            self.resolver.forget_users()
            return ImportOutcome(name, "unchanged", urn)
        transaction.savepoint_commit(savepoint)
        event = events.case_imported(existing, actor=self.actor, filename=name,
                                     changes=[s.replace("_", " ") for s in changes])
        for section in changes:
            change_record(case=existing, user=self.actor, change=event.kind, part=section.replace("_", " "),
                          before=before.get(section), after=after.get(section), summary=event.summary)
        self._deadlines_due.append(existing.pk)
        return ImportOutcome(name, "updated", urn, changes=changes)

    def import_paths(self, paths: Iterable[Path],
                     progress: Callable[[int, int, ImportOutcome], None] | None = None
                     ) -> list[ImportOutcome]:
        files = list(paths)
        outcomes = []
        for n, path in enumerate(files, 1):
            try:
                raw = path.read_bytes()
            except OSError as e:
                outcome = ImportOutcome(str(path), "refused",
                                        problems=[Problem("(file)", f"cannot be read: {e.strerror}")])
            else:
                outcome = self.import_bytes(raw, str(path), batch=True)
            outcomes.append(outcome)
            if n % 200 == 0:
                self.deadlines_flush()
            if progress:
                progress(n, len(files), outcome)
        self.deadlines_flush()
        return outcomes


def casefile_paths(args: Iterable[str]) -> tuple[list[Path], list[str]]:
    """Files named, and *.json files inside folders named (sorted); plus names that don't exist."""
    files, missing = [], []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            files.extend(sorted(q for q in p.glob("*.json") if q.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            missing.append(arg)
    return files, missing


def casefile_export_text(case: Case) -> str:
    return casefile_dumps(casefile_build(case))


def casefiles_export_all(*, chunk_size: int = 500) -> Iterator[tuple[str, str]]:
    """(URN, document text) for every case, in URN order, a chunk of cases at a time."""
    ids = list(Case.objects.order_by("urn").values_list("pk", flat=True))
    for i in range(0, len(ids), chunk_size):
        chunk = ids[i:i + chunk_size]
        docs = casefile_docs(chunk)
        for pk in chunk:
            yield docs[pk]["case"]["urn"], casefile_dumps(docs[pk])


def casefiles_read(paths: Iterable[str]) -> Iterator[tuple[str, dict | None, list[str]]]:
    """(name, document, problems) for each case file named or in a folder named, checked for
    encoding, JSON, format, version and schema only (no database): for commands that read files
    without importing them. A document is None when there are problems."""
    files, missing = casefile_paths(paths)
    for name in missing:
        yield name, None, ["no such file or folder"]
    parser = Importer.__new__(Importer)  # only its file checks: no database
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as e:
            yield str(path), None, [f"cannot be read: {e.strerror}"]
            continue
        doc, problems = Importer.parse(parser, raw, str(path))
        yield str(path), (None if problems else doc), [str(p) for p in problems]
