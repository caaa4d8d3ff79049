"""Comparisons started over HTTP: a few at a time, each in its own thread and folder.

A compare takes seconds to minutes, so POST /v1/compare answers at once with a job id (random,
unguessable: whoever knows it may read the report) and GET /v1/jobs/{id} tells the progress. The
run itself is `sandbox.sim.compare.run`, the exports `sandbox.sim.report.write_exports`: the same
calls as `ekinerja compare`.
"""

from __future__ import annotations

import logging
import math
import secrets
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger("sandbox.api")

KEEP_FINISHED = 50  # finished jobs kept (with their folders); older ones are removed


class Busy(Exception):
    """As many jobs running as allowed."""

    def __init__(self, running: int, limit: int):
        super().__init__("busy")
        self.running, self.limit = running, limit


@dataclass
class JobState:
    id: str
    packs: list
    staff: int
    folder: Path
    state: str = "running"
    done: int = 0
    total: int = 0
    error: object = None  # a SimError (rendered per request language) or "internal"
    report: dict | None = None
    files: list = field(default_factory=list)  # names inside `folder`


def _cell(value):
    """A table cell as JSON: numpy scalars as numbers, NaN as null."""
    if hasattr(value, "item") and not isinstance(value, list | dict | str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list | tuple):
        return [_cell(v) for v in value]
    return value


def report_json(outcome) -> dict:
    """The report `ekinerja compare` prints, as data: header lines, every table (raw and as shown)."""
    from sandbox.sim.report import closing_note, header_lines, markdown, rendered_rows, tables

    laid_out = tables(outcome)
    return {
        "year": outcome.year, "labels": list(outcome.labels), "seconds": round(outcome.seconds, 3),
        "header": header_lines(outcome), "note": closing_note(outcome), "markdown": markdown(outcome),
        "tables": [{"key": t.key, "title": t.title, "columns": [str(c) for c in t.columns],
                    "kinds": list(t.kinds), "rows": [[_cell(v) for v in row] for row in t.rows],
                    "shown": rendered_rows(t)} for t in laid_out],
    }


class JobRunner:
    def __init__(self, out_root: Path | None = None, max_running: int = 2):
        self._root = Path(out_root) if out_root else None  # a temporary folder on the first job
        self.max_running = max_running
        self._jobs: dict[str, JobState] = {}
        self._lock = threading.Lock()

    def running(self) -> int:
        return sum(1 for job in self._jobs.values() if job.state == "running")

    def get(self, job_id: str) -> JobState | None:
        return self._jobs.get(job_id)

    def start(self, packs: list[str], labels: list[str], staff: int, seed: int, seeds: int,
              year: int | None, workers: int) -> JobState:
        """Start a compare of pack files (already resolved from ids); raise Busy at the limit."""
        with self._lock:
            running = self.running()
            if running >= self.max_running:
                raise Busy(running, self.max_running)
            if self._root is None:
                self._root = Path(tempfile.mkdtemp(prefix="ekinerja-api-"))
            job_id = secrets.token_urlsafe(18)
            folder = self._root / job_id
            job = JobState(job_id, labels, staff, folder, total=staff * seeds)
            self._jobs[job_id] = job
            self._forget_old()
        thread = threading.Thread(target=self._run, name=f"compare-{job_id[:6]}", daemon=True,
                                  args=(job, packs, staff, seed, seeds, year, workers))
        thread.start()
        return job

    def _run(self, job: JobState, packs, staff, seed, seeds, year, workers) -> None:
        from sandbox.sim.assumptions import default_assumptions
        from sandbox.sim.compare import Request, run
        from sandbox.sim.report import write_exports
        from sandbox.sim.rulebook import SimError

        def progress(done: int, total: int) -> None:
            job.done, job.total = done, total

        try:
            outcome = run(Request(list(packs), staff=staff, seed=seed, year=year, out=job.folder,
                                  workers=workers, assumptions=default_assumptions(), seeds=seeds), progress)
            written = write_exports(outcome, job.folder)
            job.report = report_json(outcome)
            names = ["hasil.sqlite"] if (job.folder / "hasil.sqlite").is_file() else []
            job.files = names + [p.name for p in written]
            job.state = "done"
        except SimError as error:
            job.error, job.state = error, "failed"
        except Exception:  # noqa: BLE001 - logged here; the client reads a sentence, never a traceback
            log.exception("compare job %s failed", job.id)
            job.error, job.state = "internal", "failed"

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.state != "running"]
        for job in finished[:max(0, len(finished) - KEEP_FINISHED)]:
            self._jobs.pop(job.id, None)
            shutil.rmtree(job.folder, ignore_errors=True)
