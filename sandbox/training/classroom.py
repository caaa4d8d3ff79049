"""A class: one SQLite file holding one office, N seats, the scenarios assigned, and every attempt.

The trainer creates the class (`create_class`), assigns scenarios, starts a round (every seat gets
its own fresh cast and situation; the class clock jumps to the scenario's start), moves the clock
(timed scenario events fire), watches the board and finally closes the round and exports. Seats
are separate processes on the same file (WAL + `BEGIN IMMEDIATE`, see `sandbox.store.core`). Who may
enter (the join code, seat claims, the trainer's PIN) is `sandbox.training.access`.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sandbox.errors import SandboxError
from sandbox.store import Store, open_store
from sandbox.synth.office import demo_office, generate_office
from sandbox.synth.ready import practice_office
from sandbox.training import access_messages  # noqa: F401  (registers akses.*)
from sandbox.training.attempt import attempt_row, finish, progress, scenario_of, start_attempt, world_of
from sandbox.training.pin import PIN_MIN, hash_pin
from sandbox.training.scenario import SEAT_ONLY_ROLES, Scenario, load_scenario
from sandbox.usertext import name_problem
from sandbox.workflow import ADMIN_INSTANSI, TRAINER, atur_jam, kembalikan, perpanjang_batas
from sandbox.workflow.support import MAKS_NAMA, check_text

MAX_SEATS = 200
STUCK_AFTER_SECONDS = 300  # no action for five minutes on an unfinished attempt


class ClassError(SandboxError):
    """A class command that cannot run; carries a catalog message."""

    def __init__(self, code: str, **params: object):
        super().__init__(code, **params)
        self.args = (self.reason("id"),)


class AccessRefused(ClassError):
    """Someone may not enter (wrong code, full class, wrong PIN) or may not read this; its messages
    (`akses.*`) are the door's (`sandbox.training.access`)."""


@dataclass(frozen=True)
class ClassInfo:
    id: int
    nama: str
    kursi: int
    kode_gabung: str
    instansi_id: str


def create_class(
    store: Store, nama: str, kursi: int, *, staff: int | None = None, seed: int | None = None,
    pin: str | None = None,
) -> ClassInfo:
    """A class of `kursi` seats over the demo office (or a generated one), ready to practise; with
    `pin`, the trainer's console asks for it (`ekinerja class create` always sets one)."""
    if not 1 <= kursi <= MAX_SEATS:
        raise ClassError("kelas.kursi", kursi=kursi, maks=MAX_SEATS)
    if not (nama or "").strip():
        raise ClassError("kelas.nama")
    pin_hash = None
    if pin is not None:  # checked before anything is written; stored with the class, as a hash only
        if len(pin.strip()) < PIN_MIN:
            raise AccessRefused("akses.pin_pendek", minimal=PIN_MIN)
        pin_hash = hash_pin(pin.strip())
    office = demo_office() if staff is None else generate_office(seed or 1, staff)
    saved, _ = practice_office(store, office, action="synth.office")
    code = f"{secrets.randbelow(10**6):06d}"
    row = {
        "nama": nama.strip(),
        "kursi": kursi,
        "kode_gabung": code,
        "instansi_id": saved.instansi_id,
        "dibuat_wall_ts": datetime.now(UTC).isoformat(timespec="seconds"),
        "pin_hash": pin_hash,
    }

    def fn(db) -> int:
        kelas_id = db["kelas"].insert(row).last_pk
        db["kursi"].insert_all(
            [{"kelas_id": kelas_id, "no": n, "nama_peserta": None} for n in range(1, kursi + 1)]
        )
        return kelas_id

    kelas_id = store.apply(TRAINER, None, "kelas.buat", "kelas", None, {"nama": nama, "kursi": kursi}, fn)
    return ClassInfo(kelas_id, row["nama"], kursi, code, saved.instansi_id)


def class_info(store: Store, kelas_id: int | None = None) -> ClassInfo:
    """The class in this file (the only one, or `kelas_id`); a clear refusal when there is none."""
    sql = "SELECT id, nama, kursi, kode_gabung, instansi_id FROM kelas"
    found = store.conn.execute(
        sql + (" WHERE id = ?" if kelas_id else " ORDER BY id DESC LIMIT 1"), [kelas_id] if kelas_id else []
    ).fetchone()
    if found is None:
        raise ClassError("kelas.tidak_ada", path=store.path)
    return ClassInfo(*found)


def assign(store: Store, kelas_id: int, scenario_ids: list[str]) -> list[Scenario]:
    """Set the class's list of scenarios (checked first); returns them in order."""
    scenarios = [load_scenario(s) for s in scenario_ids]

    def fn(db) -> None:
        db.execute("DELETE FROM penugasan WHERE kelas_id = ?", [kelas_id])
        db["penugasan"].insert_all(
            [
                {"kelas_id": kelas_id, "urutan": i, "skenario_id": s.id}
                for i, s in enumerate(scenarios, start=1)
            ]
        )

    store.apply(
        TRAINER, None, "kelas.tugaskan", "kelas", kelas_id, {"skenario": [s.id for s in scenarios]}, fn
    )
    return scenarios


def assigned(store: Store, kelas_id: int) -> list[str]:
    return [
        r[0]
        for r in store.conn.execute(
            "SELECT skenario_id FROM penugasan WHERE kelas_id = ? ORDER BY urutan", [kelas_id]
        )
    ]


def root_unor(store: Store, info: ClassInfo) -> str | None:
    found = store.conn.execute(
        "SELECT id FROM unor WHERE instansi_id = ? AND parent_id IS NULL", [info.instansi_id]
    ).fetchone()
    return found[0] if found else None


def start_round(
    store: Store,
    kelas_id: int,
    scenario: Scenario,
    seats: list[int] | None = None,
    on_seat: Callable[[int, int], None] | None = None,
    workdir: Path | None = None,
) -> list[int]:
    """Stage `scenario` for every seat: unfinished attempts are closed, the clock goes to the
    scenario's start and each seat gets a fresh attempt. Given `seats`, only those restart (a late
    trainee, a seat to redo): the others keep working and the class clock stays where it is."""
    info = class_info(store, kelas_id)
    chosen = seats or list(range(1, info.kursi + 1))
    bad = [s for s in chosen if not 1 <= s <= info.kursi]
    if bad:
        raise ClassError("kelas.kursi_salah", kursi=bad[0], jumlah=info.kursi)
    _rehearse(store, info, scenario, chosen[0], workdir, whole_class=not seats)
    close_round(store, kelas_id, workdir, seats=chosen)
    if not seats:
        # A round may start earlier than the last one ended (T01 in January after T03 in April):
        # the trainer's clock is set, not swept forward, and new casts only ever see their own rows.
        store.set_virtual_now(TRAINER, scenario.jam)
    root = root_unor(store, info)
    ids = []
    for done, seat in enumerate(chosen, start=1):
        folder = str(seat_dir(workdir, seat)) if workdir else None
        ids.append(start_attempt(store, kelas_id, seat, scenario, root_unor=root, workdir=folder))
        if on_seat:
            on_seat(done, len(chosen))
    return ids


def _rehearse(store: Store, info: ClassInfo, scenario: Scenario, seat: int, workdir: Path | None,
              whole_class: bool) -> None:
    """Stage the round for one seat on an in-memory copy of the class first, so a scenario whose
    setup the workflow refuses (a checker cannot foresee every situation a step asks for) is refused
    before the class file changes at all: no round closed, no clock moved, no half-made cast."""
    import sqlite3
    import tempfile

    copy = sqlite3.connect(":memory:", isolation_level=None)
    try:
        store.conn.backup(copy)
        copy.execute("PRAGMA foreign_keys = ON")
        rehearsal = Store(store.path, copy, store.version)
        with tempfile.TemporaryDirectory(prefix="ekinerja-gladi-") as folder:
            close_round(rehearsal, info.id, workdir, seats=[seat])  # judging reads, never writes files
            if whole_class:
                rehearsal.set_virtual_now(TRAINER, scenario.jam)
            start_attempt(rehearsal, info.id, seat, scenario, root_unor=root_unor(rehearsal, info),
                          workdir=str(seat_dir(Path(folder), seat)))
    finally:
        copy.close()


def workdir_for(db: str | Path) -> Path:
    """Each class file has a folder beside it for the seats' own files (reforms, reports)."""
    path = Path(db).expanduser()
    return path.with_name(path.stem + "-kursi")


def seat_dir(workdir: Path | None, seat: int) -> Path | None:
    return None if workdir is None else Path(workdir) / f"kursi-{seat:02d}"


def current_attempt(store: Store, kelas_id: int, seat: int) -> dict | None:
    """The seat's newest attempt (open or not), or None before the first round."""
    cursor = store.conn.execute(
        "SELECT * FROM percobaan WHERE kelas_id = ? AND kursi_no = ? AND audit_mulai IS NOT NULL"
        " ORDER BY id DESC LIMIT 1",
        [kelas_id, seat],
    )
    found = cursor.fetchone()
    return None if found is None else dict(zip([d[0] for d in cursor.description], found, strict=True))


def open_attempts(store: Store, kelas_id: int) -> list[dict]:
    cursor = store.conn.execute(
        "SELECT * FROM percobaan WHERE kelas_id = ? AND selesai_wall_ts IS NULL AND audit_mulai IS NOT NULL"
        " ORDER BY id", [kelas_id]
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def close_round(store: Store, kelas_id: int, workdir: Path | None = None,
                seats: list[int] | None = None) -> int:
    """Finish every open attempt (of `seats`, if given) with its outcome as it stands now; returns
    how many."""
    attempts = [a for a in open_attempts(store, kelas_id) if seats is None or a["kursi_no"] in seats]
    for attempt in attempts:
        folder = seat_dir(workdir, attempt["kursi_no"])
        finish(
            store,
            attempt["id"],
            scenario_of(attempt),
            workdir=str(folder) if folder else None,
        )
    return len(attempts)


def move_clock(store: Store, kelas_id: int, when: str) -> list[str]:
    """Move the class clock forward (periods open and lock as time passes) and fire the scenario
    events now due; returns the kinds of events fired."""
    atur_jam(store, TRAINER, _with_offset(when))
    now = store.virtual_now()
    fired = []
    due = store.conn.execute(
        "SELECT e.id, e.percobaan_id, e.jenis, e.params FROM peristiwa_terjadwal e JOIN percobaan p"
        " ON p.id = e.percobaan_id WHERE p.kelas_id = ? AND e.terjadi_at IS NULL AND e.pada <= ?"
        " AND p.selesai_wall_ts IS NULL ORDER BY e.id",
        [kelas_id, now],
    ).fetchall()
    for event_id, attempt_id, jenis, params_json in due:
        # claimed first, under the write lock: two trainer windows moving the clock together, or a
        # crash between claiming and firing, can never fire an event twice
        claimed = store.apply(
            TRAINER, None, "latihan.peristiwa", "peristiwa_terjadwal", event_id, {"jenis": jenis},
            lambda db, e=event_id: db.execute(
                "UPDATE peristiwa_terjadwal SET terjadi_at = ? WHERE id = ? AND terjadi_at IS NULL", [now, e]
            ).rowcount,
        )
        if not claimed:
            continue
        try:
            done = _fire(store, attempt_id, jenis, json.loads(params_json or "{}"))
        except SandboxError:
            done = False  # moot (the trainee already acted, an outage of the acting role): not fired
        if done:
            fired.append(jenis)
    return fired


def _with_offset(when: str) -> str:
    """A time typed without an offset is WIB (+07:00), like every time in a scenario file."""
    text = (when or "").strip()
    if len(text) > 10 and "+" not in text[10:] and "-" not in text[10:] and not text.endswith("Z"):
        return text + "+07:00"
    return text


def _fire(store: Store, attempt_id: int, jenis: str, params: dict) -> bool:
    """Run one due event; False when it no longer applies."""
    world = world_of(store, attempt_id)
    if jenis == "batas_digeser":
        master = world.master_id(params.get("triwulan", 1))
        perpanjang_batas(store, ADMIN_INSTANSI, master, params["batas"])
    elif jenis == "skp_dikembalikan":
        oleh, untuk = params.get("oleh", "kasi"), params.get("untuk", "pegawai")
        skp = world.skp(untuk)
        if skp is None:  # nothing to return yet: the event is moot
            return False
        kembalikan(
            store,
            world.nip(oleh),
            skp["id"],
            params.get("catatan") or "Mohon perbaiki indikator agar memiliki target angka yang jelas.",
        )
    return True


@dataclass(frozen=True)
class BoardRow:
    kursi: int
    peserta: str | None
    skenario: str | None
    ke: int | None
    tugas_lulus: int
    tugas_total: int
    petunjuk: int
    galat: int
    bantuan: int
    ditolak: int
    integritas: int
    hasil: str | None  # outcome so far (or final)
    macet: bool  # stuck: unfinished and nothing done for a while (never an empty seat)
    selesai: bool
    kosong: bool = False  # nobody ever sat here: never claimed, named or opened, nothing done
    diulang: int = 0  # attempts of this scenario the seat set aside itself (`restart_own`)


def board(store: Store, kelas_id: int, *, now_wall: datetime | None = None) -> list[BoardRow]:
    """Who is where, who is stuck, who needed help — one row per seat, read from the database in one
    snapshot (thirty seats commit while it reads)."""
    with store.snapshot():
        return _board(store, kelas_id, now_wall)


def _board(store: Store, kelas_id: int, now_wall: datetime | None) -> list[BoardRow]:
    info = class_info(store, kelas_id)
    names = dict(
        store.conn.execute("SELECT no, nama_peserta FROM kursi WHERE kelas_id = ?", [kelas_id]).fetchall()
    )
    present = seats_with_someone(store, kelas_id)
    set_aside = restarts(store, kelas_id)
    now_wall = now_wall or datetime.now(UTC)
    rows = []
    cache: dict[str, Scenario] = {}
    for seat in range(1, info.kursi + 1):
        attempt = current_attempt(store, kelas_id, seat)
        if attempt is None:
            rows.append(BoardRow(seat, names.get(seat), None, None, 0, 0, 0, 0, 0, 0, 0, None, False, False,
                                 kosong=seat not in present))
            continue
        key = attempt["skenario_file"] or attempt["skenario_id"]
        if key not in cache:  # one file read per scenario per board, not one per seat
            cache[key] = scenario_of(attempt)
        scenario = cache[key]
        state = progress(store, attempt["id"], scenario)
        last = store.conn.execute(
            "SELECT max(wall_ts) FROM audit_log WHERE id > ? AND (session_nip IN"
            " (SELECT value FROM json_each(json_extract(?, '$.roles')))"
            " OR (entity = 'percobaan' AND entity_id = ?))",
            [attempt["audit_mulai"] or 0, attempt["pemeran"], str(attempt["id"])],
        ).fetchone()[0]
        since = last or attempt["mulai_wall_ts"]
        finished = attempt["selesai_wall_ts"] is not None
        idle = (now_wall - datetime.fromisoformat(since)).total_seconds() if since else 0
        # the workbench and the pengelola act under pseudo-actor names the log cannot tie to a seat:
        # a seat whose own role is one of them is never called stuck on the log's evidence
        if scenario.trainee_role in SEAT_ONLY_ROLES:
            idle = 0
        # a seat nobody ever sat at is empty, not stuck: thirty seats for twenty trainees must not
        # show ten false alarms
        empty = seat not in present and not _acted(store, attempt)
        rows.append(
            BoardRow(
                seat,
                names.get(seat),
                scenario.id,
                attempt["ke"],
                state.tasks_passed,
                len(state.tasks),
                state.hints,
                state.errors,
                state.help_opened,
                state.refused_saves,
                state.integrity_flags,
                attempt["hasil"] if finished else state.outcome,
                not finished and not state.done and not empty and idle > STUCK_AFTER_SECONDS,
                finished,
                kosong=empty,
                diulang=len(set_aside.get((seat, scenario.id), ())),
            )
        )
    return rows


# What shows that a person is (or was) at a seat: a join claimed it, the seat app opened it, a name
# was given, a place was remembered. A seat with none of these and no action of its own is empty.
_SOMEONE = ("token_hash IS NOT NULL OR diklaim_wall_ts IS NOT NULL OR dilihat_wall_ts IS NOT NULL"
            " OR nama_peserta IS NOT NULL OR posisi IS NOT NULL")
# The seat's own doings on its attempt (the trainer's close and staging rows are not a person).
SEAT_ACTIONS = ("latihan.petunjuk", "bantuan.dibuka", "latihan.galat", "latihan.dibantu", "latihan.ulang")


def seats_with_someone(store: Store, kelas_id: int) -> set[int]:
    """Seats somebody has joined, opened or named (see `_SOMEONE`)."""
    return {no for (no,) in store.conn.execute(f"SELECT no FROM kursi WHERE kelas_id = ? AND ({_SOMEONE})",
                                               [kelas_id])}


def _acted(store: Store, attempt: dict) -> bool:
    """Did anyone of the attempt's cast act after staging, or the seat take a hint, open help, ...?"""
    marks = ",".join("?" * len(SEAT_ACTIONS))
    return store.conn.execute(
        "SELECT EXISTS (SELECT 1 FROM audit_log WHERE id > ? AND (session_nip IN"
        " (SELECT value FROM json_each(json_extract(?, '$.roles')))"
        f" OR (entity = 'percobaan' AND entity_id = ? AND action IN ({marks}))))",
        [attempt["audit_mulai"] or 0, attempt["pemeran"] or "{}", str(attempt["id"]), *SEAT_ACTIONS],
    ).fetchone()[0] == 1


def attempt_had_someone(store: Store, attempt: dict, present: set[int] | None = None) -> bool:
    """Whether an attempt belongs to a person: its seat was ever taken, or someone acted in it. An
    attempt staged for an empty seat is left out of every rate (it is nobody's failure)."""
    present = seats_with_someone(store, attempt["kelas_id"]) if present is None else present
    return attempt["kursi_no"] in present or _acted(store, attempt)


def restarts(store: Store, kelas_id: int) -> dict[tuple[int, str], list[int]]:
    """The attempts each seat set aside itself, by (seat, scenario id): one read for a whole board."""
    found: dict[tuple[int, str], list[int]] = {}
    for seat, sid, attempt_id in store.conn.execute(
        "SELECT p.kursi_no, p.skenario_id, p.id FROM audit_log a JOIN percobaan p ON a.entity = 'percobaan'"
        " AND a.entity_id = CAST(p.id AS TEXT) WHERE a.action = 'latihan.ulang' AND p.kelas_id = ?"
        " ORDER BY a.id", [kelas_id]):
        found.setdefault((seat, sid), []).append(attempt_id)
    return found


def restart_own(store: Store, kelas_id: int, seat: int, workdir: Path | None = None) -> int:
    """The seat starts its current scenario again (a trainee who lost the attempt, e.g. submitted an
    SKP too early): the open attempt is closed with its outcome as it stands and recorded as set
    aside by the seat (`latihan.ulang`, counted on the board and in the export), then the seat
    alone gets a fresh attempt at the class clock. A round the trainer closed is not reopened
    from a seat. Returns the new attempt id."""
    attempt = current_attempt(store, kelas_id, seat)
    if attempt is None:
        raise ClassError("kelas.belum_mulai", kursi=seat)
    scenario = scenario_of(attempt)
    if attempt["selesai_wall_ts"] is not None:
        raise ClassError("kelas.ulang_ditutup", kursi=seat, judul=scenario.judul.id,
                         judul_en=scenario.judul.en)
    new_id = start_round(store, kelas_id, scenario, seats=[seat], workdir=workdir)[0]
    # recorded once the new attempt stands (a refused restart leaves no mark)
    store.apply(None, None, "latihan.ulang", "percobaan", attempt["id"],
                {"kursi": seat, "skenario": scenario.id, "ke": attempt["ke"], "baru": new_id},
                lambda db: None)
    return new_id


def seat_name(store: Store, kelas_id: int, seat: int) -> str | None:
    """Who sits at a seat, as typed (by the trainer or the trainee), or None."""
    found = store.conn.execute("SELECT nama_peserta FROM kursi WHERE kelas_id = ? AND no = ?",
                               [kelas_id, seat]).fetchone()
    return found[0] if found else None


def name_seat(store: Store, kelas_id: int, seat: int, nama: str, actor: str | None = TRAINER) -> None:
    """Who sits at a seat, for the board and the exported results (typed by the trainer or by the
    trainee at the seat); an empty name clears it."""
    check_text("nama peserta", nama, MAKS_NAMA)  # no control characters or a pasted document
    # bidi overrides and zero-width characters let one name pose as another on the board
    # (ordinary line breaks and tabs are only spaces, as below)
    problem = name_problem((nama or "").translate({9: " ", 10: " ", 13: " "}))
    if problem is not None:
        raise ClassError("kelas.nama_karakter", posisi=problem[0], kode=problem[1])
    info = class_info(store, kelas_id)
    if not 1 <= seat <= info.kursi:
        raise ClassError("kelas.kursi_salah", kursi=seat, jumlah=info.kursi)
    text = " ".join((nama or "").split())[:80] or None
    store.apply(actor, None, "kelas.peserta", "kursi", seat, {"nama": text},
                lambda db: db.execute("UPDATE kursi SET nama_peserta = ? WHERE kelas_id = ? AND no = ?",
                                      [text, kelas_id, seat]))


def open_class(path: str | Path) -> tuple[Store, ClassInfo]:
    """Open a class file for a command; refuses a file that holds no class."""
    if not Path(path).expanduser().is_file():
        raise ClassError("kelas.tidak_ada", path=path)
    store = open_store(path)
    try:
        return store, class_info(store)
    except ClassError:
        store.close()
        raise


__all__ = [
    "BoardRow",
    "ClassError",
    "ClassInfo",
    "assign",
    "assigned",
    "attempt_row",
    "board",
    "class_info",
    "close_round",
    "create_class",
    "current_attempt",
    "move_clock",
    "name_seat",
    "open_class",
    "restart_own",
    "restarts",
    "seats_with_someone",
    "start_round",
]
