"""Running a population through a year under one pack (simulate) or several, paired (compare).

`compare DASAR R1 R2 …` is one run: each office is drawn once per seed and every pack is evaluated on
those draws (`year.run_office`), so each reform is set against the base on the same people and
behaviour as a two-pack compare of the base and that reform alone would be.

Offices are the units of work. With more than one office and more than one core they run in
worker processes (each loads its own packs and memo); the parent writes each finished office's rows
to the run's SQLite file and folds it into the `Summary`, so memory holds a few offices at most.
A cluster engine would do the same with `population.WorkUnit` as its task: `_work` is the task
body, `ResultStore.add` and `Summary.add` the reduction.

`seeds = K` runs K paired replications (seeds S, S+1, …, S+K−1: for a synthetic population a new
population and new behaviour each; for `--db` the same offices with new behaviour), each folded into
its own `Summary` and stored in the same file (column `seed`); `report` gives every headline figure
as the mean over the replications with a 90 % percentile interval.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.rules.registry import find_pack_file
from sandbox.sim.assumptions import default_assumptions
from sandbox.sim.behaviour import Assumptions
from sandbox.sim.importer import sources_line
from sandbox.sim.messages_banyak import MAX_PACKS
from sandbox.sim.population import WorkUnit, database_units, load, synthetic_units
from sandbox.sim.results import ResultStore, Summary
from sandbox.sim.rulebook import SimError, SimRulebook
from sandbox.sim.year import OfficeOutcome, run_office


@dataclass
class Request:
    packs: list  # one (simulate) or more (compare: the base, then each reform) pack ids or files
    staff: int | None = None  # synthetic population size; or
    db: str | None = None  # a sandbox database to read the offices from
    seed: int = 1
    year: int | None = None
    out: Path | None = None  # where the SQLite file and exports go; None: nothing written
    workers: int = 0  # 0: as many as useful on this machine
    assumptions: Assumptions = field(default_factory=default_assumptions)
    seeds: int = 1  # paired replications: seeds seed, seed+1, …


@dataclass
class Outcome:
    summary: Summary  # the first replication (the detailed tables)
    labels: list
    sources: dict  # label -> {decision: pack id}
    year: int
    seconds: float
    database: Path | None
    replications: list = field(default_factory=list)  # one Summary per seed
    assumptions: Assumptions | None = None
    models: dict = field(default_factory=dict)  # label -> kuadran / nilai / iki
    given: list = field(default_factory=list)  # what the data gave and what was drawn (id, en)
    money: dict = field(default_factory=dict)  # label -> (rulebook.MoneyPlan, year paid or None)


_BOOKS: list = []
_SETTINGS: dict = {}


def _init(references: list, labels: list, year: int, assumptions: Assumptions) -> None:
    """A spawned worker's setup (forked workers inherit the parent's instead)."""
    _BOOKS[:] = [SimRulebook(ref, year) for ref in references]
    for book, label in zip(_BOOKS, labels, strict=True):
        book.label = label
    _SETTINGS.update(assumptions=assumptions)


def _work(task: tuple[WorkUnit, int]) -> OfficeOutcome:
    """The task body: load one office, run its year under every rulebook (timed, for bench/)."""
    work, seed = task
    started = time.perf_counter()
    office = load(work)
    loaded = time.perf_counter()
    outcome = run_office(office, work.index, _BOOKS, seed, _SETTINGS["assumptions"])
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
    if len(request.packs) > MAX_PACKS:
        raise SimError("sim.banyak.terlalu_banyak", jumlah=len(request.packs), batas=MAX_PACKS,
                       reformasi=MAX_PACKS - 1)
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
    money = {b.label: (b.money, b.paid_year()) for b in books if b.money is not None}  # before the run
    if request.db:
        if not Path(request.db).is_file():
            raise SimError("sim.db_not_found", path=request.db)
        per_seed = _count_staff(request.db)
    else:
        per_seed = request.staff or 0
    seeds = [request.seed + r for r in range(max(1, request.seeds))]
    tasks = [[(unit, seed) for unit in (database_units(request.db) if request.db
                                        else synthetic_units(request.staff or 0, seed))] for seed in seeds]
    if not tasks[0] or per_seed == 0:
        raise SimError("sim.empty_population")
    total = per_seed * len(seeds)
    summaries = {seed: Summary(labels, seed=seed) for seed in seeds}
    store = None
    if request.out is not None:
        store = ResultStore(Path(request.out) / "hasil.sqlite", {
            "paket": labels, "sumber_keputusan": {b.label: b.sources() for b in books}, "tahun": year,
            "seed": request.seed, "pegawai": per_seed, "populasi": request.db or f"sintetis {per_seed}",
            "replikasi": seeds, "asumsi": request.assumptions.source})
    done = 0

    def fold(office: OfficeOutcome, seed: int) -> None:
        nonlocal done
        started = time.perf_counter()
        summary = summaries[seed]
        summary.add(office)
        if store is not None:
            store.add(office, seed)
        for phase, seconds in office.seconds.items():
            summary.seconds[phase] = summary.seconds.get(phase, 0.0) + seconds
        summary.seconds["store"] = summary.seconds.get("store", 0.0) + time.perf_counter() - started
        done += len(office.people.nip)
        if progress is not None:
            progress(done, total)

    flat = [task for group in tasks for task in group]
    workers = request.workers or os.cpu_count() or 1
    workers = min(workers, len(flat))
    if progress is not None:
        progress(0, total)
    _BOOKS[:] = books  # forked workers inherit the loaded packs and what they remember
    _SETTINGS.update(assumptions=request.assumptions)
    if workers <= 1:
        for task in flat:
            fold(_work(task), task[1])
    else:
        forking = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if forking else "spawn")
        options = {} if forking else {"initializer": _init,
                                      "initargs": (references, labels, year, request.assumptions)}
        with context.Pool(workers, **options) as pool:
            for task, office in zip(flat, pool.imap(_work, flat, chunksize=1), strict=True):
                fold(office, task[1])
    replications = [summaries[seed] for seed in seeds]
    if store is not None:
        for summary in replications:
            store.add_replication(summary.seed, {key: values for key, _, values in summary.headline()})
        store.finish({"pegawai": replications[0].pegawai, "kantor": replications[0].offices,
                      "replikasi": len(replications)})
    return Outcome(replications[0], labels, {b.label: b.sources() for b in books}, year,
                   time.perf_counter() - started, store.path if store else None, replications,
                   request.assumptions, {b.label: b.model for b in books},
                   [sources_line(request.db, lang) for lang in ("id", "en")], money)


def _count_staff(path: str) -> int:
    from sandbox.sim.population import _read_only

    with _read_only(path) as conn:
        return conn.execute("SELECT count(*) FROM pegawai WHERE aktif = 1").fetchone()[0]
