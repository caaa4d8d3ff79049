"""Running a population through a year under one pack (simulate) or two, paired (compare).

Offices are the units of work. With more than one office and more than one core they run in
worker processes (each loads its own packs and memo); the parent writes each finished office's rows
to the run's SQLite file and folds it into the `Summary`, so memory holds a few offices at most.
A cluster engine would do the same with `population.WorkUnit` as its task: `_work` is the task
body, `ResultStore.add` and `Summary.add` the reduction.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.rules.registry import find_pack_file
from sandbox.sim.behaviour import Assumptions
from sandbox.sim.population import WorkUnit, database_units, load, synthetic_units
from sandbox.sim.results import ResultStore, Summary
from sandbox.sim.rulebook import SimError, SimRulebook
from sandbox.sim.year import OfficeOutcome, run_office


@dataclass
class Request:
    packs: list  # one (simulate) or two (compare: base, reform) pack ids or files
    staff: int | None = None  # synthetic population size; or
    db: str | None = None  # a sandbox database to read the offices from
    seed: int = 1
    year: int | None = None
    out: Path | None = None  # where the SQLite file and exports go; None: nothing written
    workers: int = 0  # 0: as many as useful on this machine
    assumptions: Assumptions = field(default_factory=Assumptions)


@dataclass
class Outcome:
    summary: Summary
    labels: list
    sources: dict  # label -> {decision: pack id}
    year: int
    seconds: float
    database: Path | None


_BOOKS: list = []
_SETTINGS: dict = {}


def _init(references: list, labels: list, year: int, seed: int, assumptions: Assumptions) -> None:
    """A spawned worker's setup (forked workers inherit the parent's instead)."""
    _BOOKS[:] = [SimRulebook(ref, year) for ref in references]
    for book, label in zip(_BOOKS, labels, strict=True):
        book.label = label
    _SETTINGS.update(seed=seed, assumptions=assumptions)


def _work(work: WorkUnit) -> OfficeOutcome:
    """The task body: load one office, run its year under every rulebook (timed, for bench/)."""
    started = time.perf_counter()
    office = load(work)
    loaded = time.perf_counter()
    outcome = run_office(office, work.index, _BOOKS, _SETTINGS["seed"], _SETTINGS["assumptions"])
    outcome.seconds = {"load": loaded - started, "run": time.perf_counter() - loaded}
    return outcome


def default_out(references: list, population: str, seed: int) -> Path:
    """Where a run's files go unless told: ./hasil-simulasi/<packs>__<population>-s<seed>."""
    names = "__".join(Path(r).stem for r in references)
    return Path("hasil-simulasi") / f"{names}__{population}-s{seed}"


def resolve(reference: str) -> str:
    """A pack id or file as a path workers can load from any folder."""
    found = find_pack_file(reference)
    if found is None:
        raise SimError("sim.pack_not_found", pack=reference)
    return str(Path(found).resolve())


def run(request: Request, progress: Callable[[int, int], None] | None = None) -> Outcome:
    """Run the request; `progress(done, total)` counts staff after each office."""
    started = time.perf_counter()
    references = [resolve(ref) for ref in request.packs]
    books = [SimRulebook(ref, request.year) for ref in references]
    year = request.year or max(book.year for book in books)
    if request.year is None and any(book.year != year for book in books):
        books = [SimRulebook(ref, year) for ref in references]
    labels = [book.label for book in books]
    if len(set(labels)) != len(labels):
        labels = [f"{label} ({k + 1})" for k, label in enumerate(labels)]
        for book, label in zip(books, labels, strict=True):
            book.label = label
    if request.db:
        if not Path(request.db).is_file():
            raise SimError("sim.db_not_found", path=request.db)
        work = database_units(request.db)
        total = _count_staff(request.db)
    else:
        work = synthetic_units(request.staff or 0, request.seed)
        total = request.staff or 0
    if not work or total == 0:
        raise SimError("sim.empty_population")
    summary = Summary(labels)
    store = None
    if request.out is not None:
        store = ResultStore(Path(request.out) / "hasil.sqlite", {
            "paket": labels, "sumber_keputusan": {b.label: b.sources() for b in books}, "tahun": year,
            "seed": request.seed, "pegawai": total, "populasi": request.db or f"sintetis {total}"})
    done = 0

    def fold(office: OfficeOutcome) -> None:
        nonlocal done
        started = time.perf_counter()
        summary.add(office)
        if store is not None:
            store.add(office)
        for phase, seconds in office.seconds.items():
            summary.seconds[phase] = summary.seconds.get(phase, 0.0) + seconds
        summary.seconds["store"] = summary.seconds.get("store", 0.0) + time.perf_counter() - started
        done += len(office.people.nip)
        if progress is not None:
            progress(done, total)

    workers = request.workers or os.cpu_count() or 1
    workers = min(workers, len(work))
    if progress is not None:
        progress(0, total)
    _BOOKS[:] = books  # forked workers inherit the loaded packs and what they remember
    _SETTINGS.update(seed=request.seed, assumptions=request.assumptions)
    if workers <= 1:
        for unit in work:
            fold(_work(unit))
    else:
        forking = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if forking else "spawn")
        options = {} if forking else {"initializer": _init,
                                      "initargs": (references, labels, year, request.seed,
                                                   request.assumptions)}
        with context.Pool(workers, **options) as pool:
            for office in pool.imap(_work, work, chunksize=1):
                fold(office)
    if store is not None:
        store.finish({"pegawai": summary.pegawai, "kantor": summary.offices})
    return Outcome(summary, labels, {b.label: b.sources() for b in books}, year,
                   time.perf_counter() - started, store.path if store else None)


def _count_staff(path: str) -> int:
    from sandbox.sim.population import _read_only

    with _read_only(path) as conn:
        return conn.execute("SELECT count(*) FROM pegawai WHERE aktif = 1").fetchone()[0]
