"""One seat's attempt at one scenario: staging it, hints and help, checking it, and its outcome.

Progress is read from the audit log (append-only evidence) rather than kept in counters that a
crash could lose: hints taken (`latihan.petunjuk`), help and status panels opened (`bantuan.dibuka`),
refusals met (`latihan.galat`), saves refused by an outage (`gangguan.ditolak`), acting-as attempts
(`integrity.acting_as`) and the trainer's "someone else did it" mark (`latihan.dibantu`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sandbox.rules.problems import Problem
from sandbox.store import Store
from sandbox.training.cast import Cast, build_cast, cast_seed
from sandbox.training.scenario import Scenario, ScenarioError, Text
from sandbox.training.vocab import Verdict, World
from sandbox.workflow.actors import TRAINER

# The four outcomes of the issue, in the order a summary lists them.
MANDIRI = "mandiri"  # unaided
DENGAN_PETUNJUK = "dengan_petunjuk"  # with hints
ORANG_LAIN = "dikerjakan_orang_lain"  # done by someone else
BELUM = "belum_selesai"  # not done
OUTCOMES = (MANDIRI, DENGAN_PETUNJUK, ORANG_LAIN, BELUM)
CANCELLED = "batal"  # staging failed; never counted in a summary (readers skip unready attempts)


@dataclass(frozen=True)
class TaskResult:
    task_id: str
    verdicts: tuple[Verdict, ...]

    @property
    def ok(self) -> bool:
        return all(v.ok for v in self.verdicts)

    def first_failure(self) -> Verdict | None:
        return next((v for v in self.verdicts if not v.ok), None)


@dataclass(frozen=True)
class Progress:
    attempt_id: int
    tasks: tuple[TaskResult, ...]
    hints: int
    errors: int
    help_opened: int
    refused_saves: int
    integrity_flags: int
    someone_else: bool
    outcome: str
    per_task_hints: dict = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return all(t.ok for t in self.tasks)

    @property
    def tasks_passed(self) -> int:
        return sum(t.ok for t in self.tasks)


def _now_wall() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def start_attempt(
    store: Store,
    kelas_id: int,
    kursi_no: int,
    scenario: Scenario,
    *,
    root_unor: str | None = None,
    workdir: str | None = None,
) -> int:
    """Stage `scenario` for one seat: its own cast, the setup steps, faults and timed events.

    Returns the attempt id. The setup goes through the workflow service at the class clock, so it
    obeys the same guards as the trainee; only what follows `audit_mulai` counts as the trainee's.
    """
    row = {
        "kelas_id": kelas_id,
        "kursi_no": kursi_no,
        "skenario_id": scenario.id,
        "skenario_file": str(Path(scenario.file).resolve()) if scenario.file else None,
        "folder": workdir,
        "pemeran": "{}",
        "mulai_virtual": store.virtual_now(),
        "mulai_wall_ts": _now_wall(),
    }

    def insert(db) -> tuple[int, int]:
        # the attempt number is read under the write lock, so two trainers starting at once
        # cannot both take the same one
        ke = db.execute("SELECT coalesce(max(ke), 0) + 1 FROM percobaan WHERE kelas_id = ? AND kursi_no = ?"
                        " AND skenario_id = ?", [kelas_id, kursi_no, scenario.id]).fetchone()[0]
        return db["percobaan"].insert(dict(row, ke=ke)).last_pk, ke

    attempt_id, ke = store.apply(TRAINER, None, "latihan.mulai", "percobaan", None,
                                 {"kursi": kursi_no, "skenario": scenario.id}, insert)
    try:
        _stage(store, attempt_id, kelas_id, kursi_no, ke, scenario, root_unor, workdir)
    except BaseException:
        # a setup step the workflow refused (a trainer's own scenario may ask the impossible): the
        # half-staged attempt is closed so the class stays usable, and the refusal goes up
        store.apply(TRAINER, None, "latihan.batal", "percobaan", attempt_id, {},
                    lambda db: db.execute("UPDATE percobaan SET selesai_wall_ts = ?, hasil = ? WHERE id = ?",
                                          [_now_wall(), CANCELLED, attempt_id]))
        raise
    return attempt_id


def _stage(store: Store, attempt_id: int, kelas_id: int, kursi_no: int, ke: int, scenario: Scenario,
           root_unor: str | None, workdir: str | None) -> None:
    prefix = f"LAT{kelas_id}.{kursi_no:02d}.{scenario.id}.{ke}"
    seed = cast_seed(kelas_id, kursi_no, scenario.id, ke)
    cast = build_cast(store, prefix, seed, scenario.team, root_unor, seat_label=f"{kursi_no:02d}")
    world = World(store, cast, attempt_id, 0, workdir)
    for use in scenario.langkah:
        try:
            use.word.fn(world, **use.params)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, LookupError) as error:
            # parameters the checker could not judge (a column the team lacks, a role with no SKP):
            # the trainer hears which step of which file, not "internal error"
            detail = f"{type(error).__name__}: {str(error)[:120]}"
            problem = Problem(scenario.file or scenario.id, use.line, "skenario.langkah_gagal",
                              {"langkah": use.word.name, "detail": detail})
            raise ScenarioError([problem]) from error
    fault_rows = [
        {
            "nip": cast.nip(role),
            "jenis": f.jenis,
            "mulai": f.mulai,
            "selesai": f.selesai,
            "porsi": f.porsi,
            "kode": f.kode,
            "percobaan_id": attempt_id,
        }
        for f in scenario.gangguan
        for role in f.untuk
    ]
    event_rows = [
        {
            "percobaan_id": attempt_id,
            "pada": e.pada,
            "jenis": e.jenis,
            "params": json.dumps(e.params, default=str),
        }
        for e in scenario.peristiwa
    ]

    def ready(db) -> None:
        if fault_rows:
            db["gangguan"].insert_all(fault_rows)
        if event_rows:
            db["peristiwa_terjadwal"].insert_all(event_rows)
        db.execute(
            "UPDATE percobaan SET pemeran = ?, unor_id = ?, audit_mulai = ? WHERE id = ?",
            [
                json.dumps({"roles": cast.roles, "units": cast.units}),
                cast.units["badan"],
                store.current.audit_id,
                attempt_id,
            ],
        )

    store.apply(TRAINER, None, "latihan.siap", "percobaan", attempt_id, {"pemeran": cast.roles}, ready)


def scenario_of(attempt: dict) -> Scenario:
    """The scenario an attempt was started from: its own file when it is still there (a trainer's
    scenario outside scenarios/ keeps working), else the shipped one with the same id."""
    from sandbox.training.scenario import load_scenario

    path = attempt.get("skenario_file")
    return load_scenario(path if path and Path(path).is_file() else attempt["skenario_id"])


def attempt_row(store: Store, attempt_id: int) -> dict:
    cursor = store.conn.execute("SELECT * FROM percobaan WHERE id = ?", [attempt_id])
    found = cursor.fetchone()
    if found is None:
        raise KeyError(attempt_id)
    return dict(zip([d[0] for d in cursor.description], found, strict=True))


def world_of(store: Store, attempt_id: int, workdir: str | None = None) -> World:
    row = attempt_row(store, attempt_id)
    cast_data = json.loads(row["pemeran"] or "{}")
    cast = Cast(cast_data.get("roles", {}), cast_data.get("units", {}))
    # the seat's own folder (T20 writes there) is remembered by the attempt, so the board and the
    # round's close judge it without being told again
    return World(store, cast, attempt_id, row["audit_mulai"] or 0, workdir or row["folder"])


def trainee_nip(store: Store, attempt_id: int, scenario: Scenario) -> str | None:
    roles = world_of(store, attempt_id).cast.roles
    return roles.get(scenario.trainee_role)


# -- what the trainee does besides the work ----------------------------------------------------------
def take_hint(store: Store, attempt_id: int, scenario: Scenario, task_id: str, actor: str) -> Text | None:
    """The next graded hint of a task (first the gentle one), recorded; None when none are left."""
    task = scenario.task(task_id)
    taken = store.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'latihan.petunjuk' AND entity = 'percobaan'"
        " AND entity_id = ? AND json_extract(payload, '$.tugas') = ?",
        [str(attempt_id), task_id],
    ).fetchone()[0]
    if taken >= len(task.petunjuk):
        return None
    store.apply(
        actor,
        actor,
        "latihan.petunjuk",
        "percobaan",
        attempt_id,
        {"tugas": task_id, "tingkat": taken + 1},
        lambda db: None,
    )
    return task.petunjuk[taken]


def record_help(store: Store, actor: str, topic: str, attempt_id: int | None = None) -> None:
    """A help page or the service status panel was opened (T06 checks it; the board counts it)."""
    store.apply(actor, actor, "bantuan.dibuka", "percobaan", attempt_id, {"topik": topic}, lambda db: None)


def record_error(store: Store, actor: str, attempt_id: int, code: str) -> None:
    """A refusal the trainee met (a validation error): counted, never blocking."""
    store.apply(actor, actor, "latihan.galat", "percobaan", attempt_id, {"kode": code}, lambda db: None)


def mark_assisted(store: Store, attempt_id: int, note: str = "") -> None:
    """The trainer saw someone else do the seat's work: the outcome becomes 'done by someone else'."""
    store.apply(TRAINER, None, "latihan.dibantu", "percobaan", attempt_id, {"catatan": note}, lambda db: None)


# -- judging -----------------------------------------------------------------------------------------
def run_checks(
    store: Store, attempt_id: int, scenario: Scenario, workdir: str | None = None
) -> tuple[TaskResult, ...]:
    world = world_of(store, attempt_id, workdir)
    return tuple(
        TaskResult(task.id, tuple(use.word.fn(world, **use.params) for use in task.periksa))
        for task in scenario.tugas
    )


def progress(store: Store, attempt_id: int, scenario: Scenario, workdir: str | None = None) -> Progress:
    """Where the attempt stands: its checks, the help it needed, and the outcome so far — read in one
    snapshot, since other seats commit while a dozen queries run (a verdict `finish` records must not
    rest on an audit row seen without its data row)."""
    with store.snapshot():
        return _progress(store, attempt_id, scenario, workdir)


def _progress(store: Store, attempt_id: int, scenario: Scenario, workdir: str | None) -> Progress:
    world = world_of(store, attempt_id, workdir)
    tasks = run_checks(store, attempt_id, scenario, workdir)
    counts = dict(
        store.conn.execute(
            "SELECT action, count(*) FROM audit_log WHERE entity = 'percobaan' AND entity_id = ?"
            " GROUP BY action",
            [str(attempt_id)],
        ).fetchall()
    )
    nips = list(world.cast.roles.values())
    marks = ",".join("?" * len(nips)) or "NULL"
    refused = store.conn.execute(
        f"SELECT count(*) FROM audit_log WHERE id > ? AND action = 'gangguan.ditolak'"
        f" AND session_nip IN ({marks})",
        [world.audit_start, *nips],
    ).fetchone()[0]
    flags = store.conn.execute(
        f"SELECT count(*) FROM audit_log WHERE id > ? AND action = 'integrity.acting_as'"
        f" AND (session_nip IN ({marks}) OR acting_as_nip IN ({marks}))",
        [world.audit_start, *nips, *nips],
    ).fetchone()[0]
    help_opened = store.conn.execute(
        f"SELECT count(*) FROM audit_log WHERE id > ? AND action = 'bantuan.dibuka'"
        f" AND session_nip IN ({marks})",
        [world.audit_start, *nips],
    ).fetchone()[0]
    trainee = world.cast.roles.get(scenario.trainee_role)
    someone_else = bool(counts.get("latihan.dibantu"))
    if trainee:
        someone_else = someone_else or bool(
            store.conn.execute(
                "SELECT count(*) FROM audit_log WHERE id > ? AND acting_as_nip = ? AND session_nip IS NOT ?",
                [world.audit_start, trainee, trainee],
            ).fetchone()[0]
        )
        someone_else = someone_else or bool(
            store.conn.execute(
                "SELECT count(*) FROM pendampingan p JOIN audit_log a ON a.entity = 'pendampingan'"
                " AND a.entity_id = CAST(p.id AS TEXT) WHERE p.pegawai_nip = ? AND a.id > ?",
                [trainee, world.audit_start],
            ).fetchone()[0]
        )
    per_task = {}
    for (payload,) in store.conn.execute(
        "SELECT payload FROM audit_log WHERE entity = 'percobaan' AND entity_id = ?"
        " AND action = 'latihan.petunjuk'",
        [str(attempt_id)],
    ):
        task_id = json.loads(payload).get("tugas")
        per_task[task_id] = per_task.get(task_id, 0) + 1
    hints = counts.get("latihan.petunjuk", 0)
    if not all(t.ok for t in tasks):
        outcome = BELUM
    elif someone_else:
        outcome = ORANG_LAIN
    elif hints:
        outcome = DENGAN_PETUNJUK
    else:
        outcome = MANDIRI
    return Progress(
        attempt_id,
        tasks,
        hints,
        counts.get("latihan.galat", 0),
        help_opened,
        refused,
        flags,
        someone_else,
        outcome,
        per_task,
    )


def finish(
    store: Store, attempt_id: int, scenario: Scenario, actor: str = TRAINER, workdir: str | None = None
) -> Progress:
    """Close the attempt with its outcome (checked now); a finished attempt keeps its verdict."""
    result = progress(store, attempt_id, scenario, workdir)
    tasks = {t.task_id: t.ok for t in result.tasks}

    def fn(db) -> None:
        db.execute(
            "UPDATE percobaan SET hasil = ?, tugas = ?, selesai_wall_ts = ? WHERE id = ?"
            " AND selesai_wall_ts IS NULL",
            [result.outcome, json.dumps(tasks), _now_wall(), attempt_id],
        )

    store.apply(
        actor,
        actor,
        "latihan.selesai",
        "percobaan",
        attempt_id,
        {"hasil": result.outcome, "tugas": tasks},
        fn,
    )
    return result
