"""Opening the sandbox database safely and running each command as one audited transaction.

The classroom recipe (STYLE.md "SQLite under a classroom"):

- WAL, set once per file: readers never block the single writer, so thirty trainee processes can
  share one file on local disk.
- `busy_timeout` on every connection, then `BEGIN IMMEDIATE` for every command: the write lock is
  taken up front, so a command never fails half-way on a lock upgrade, and the busy handler waits
  instead of failing at once. A few outer retries cover the rare SQLITE_BUSY the handler cannot
  wait out (WAL recovery after a crash, a checkpoint racing a new writer).
- `synchronous=NORMAL`: in WAL mode a commit survives any *process* crash (a closed browser tab,
  SIGKILL) because the WAL is in the OS cache; only an OS crash or power cut can roll back the last
  few commits, and never corrupts the file. FULL would fsync on every click for a risk a training
  laptop rarely has. `open_store(..., synchronous="FULL")` is there for those who want it.
- `foreign_keys=ON` on every connection (SQLite's default is off, per connection).

The connection uses `isolation_level=None` so Python never opens transactions behind our back: the
only transactions are the explicit `BEGIN IMMEDIATE` below (sqlite-utils nests into them with
savepoints). `fn` passed to `Store.apply` may be run more than once (on retry), so it must only
touch the database.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlite_utils import Database

if TYPE_CHECKING:  # backup imports core: the name only, for the annotation
    from sandbox.store.backup import Repair

from sandbox.store.errors import (
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StorePathError,
    StoreUnavailableError,
)
from sandbox.store.migrations import MIGRATIONS, Migration, check_known, read_version, upgrade

APP_NAME = "ekinerja-sandbox"
DB_ENV = "EKINERJA_DB"
DEFAULT_BUSY_TIMEOUT_MS = 15_000
SQLITE_MAGIC = b"SQLite format 3\x00"
# `open_store` reads every page (`PRAGMA quick_check`, about 2 ms per MB: 0.4 ms for the demo office)
# of files up to this size, database and WAL together; bigger ones are checked by `ekinerja periksa`
# and by every `ekinerja backup`.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024

# Files this process holds open through a Store, by real path. POSIX drops *all* of a process's
# locks on a file when *any* descriptor of it is closed; SQLite works around that for its own
# connections, but a plain `open()`/`close()` of the file (the header check) in a process that
# already has a connection to it silently releases that connection's locks — another process may
# then checkpoint and delete the WAL under it (lost commits, "disk I/O error"). So the header is
# read only for the first Store of a file in this process.
_OPEN_HERE: dict[str, int] = {}
_OPEN_HERE_LOCK = threading.Lock()
# Records of what happened around a command (help opened, a hint taken, a refused save): they must
# be written even while the "server" is down, or the outage would hide the trainee's good habits.
FAULT_EXEMPT_PREFIXES = ("bantuan.", "latihan.", "gangguan.", "integrity.", "clock.", "kelas.")

T = TypeVar("T")


def default_db_path() -> Path:
    """`$EKINERJA_DB` if set, else `sandbox.db` in the user's data folder."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir  # only needed when nobody chose a path

    return Path(user_data_dir(APP_NAME)) / "sandbox.db"


@dataclass(frozen=True)
class CommandContext:
    """What a running command may want to know: its audit row and the virtual time it runs at."""

    audit_id: int
    virtual_now: str
    session_nip: str | None
    acting_as_nip: str | None


@dataclass(frozen=True)
class _Fault:
    id: int
    jenis: str
    selesai: str
    kode: str


def is_locked_error(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class Store:
    """One connection to one sandbox file; open it with `open_store`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, version: int):
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        self.version = version
        self.current: CommandContext | None = None
        # What `open_store` repaired in a damaged file (`store.backup.Repair`), None if nothing.
        self.repaired: Repair | None = None
        # Called with (actor, code) when a command is refused (a classroom seat counts them).
        self.refusal_listener: Callable[[str | None, str], None] | None = None

    # -- lifecycle ---------------------------------------------------------------------------------
    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        key, self._open_key = getattr(self, "_open_key", None), None
        if key is not None:
            with _OPEN_HERE_LOCK:
                _OPEN_HERE[key] -= 1
                if not _OPEN_HERE[key]:
                    del _OPEN_HERE[key]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reads -------------------------------------------------------------------------------------
    def pragma(self, name: str) -> Any:
        return self.conn.execute(f"PRAGMA {name}").fetchone()[0]

    def data_version(self) -> int:
        """Changes whenever *another* connection commits: a cheap poll for a live board."""
        return int(self.pragma("data_version"))

    def virtual_now(self) -> str:
        return self.conn.execute("SELECT virtual_now FROM clock WHERE id = 1").fetchone()[0]

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every query inside sees the same committed state. Outside one, each
        statement of this autocommit connection sees the file as it is at that moment, so two reads
        can straddle another seat's commit (an audit row read before it, its data row after).
        Inside a transaction already open on this connection it adds nothing (that one is the view)."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN DEFERRED")
        try:
            yield self.conn
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")  # nothing was written: COMMIT only ends the read

    def quick_check(self) -> None:
        """Read every page (O(size)); raise StoreDamagedError if SQLite finds any damage."""
        try:
            rows = [r[0] for r in self.conn.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError as exc:
            raise StoreDamagedError(path=self.path, detail=exc) from exc
        if rows != ["ok"]:
            raise StoreDamagedError(path=self.path, detail="; ".join(rows[:3]))

    # -- writes ------------------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Database]:
        """One `BEGIN IMMEDIATE` transaction, committed on success and rolled back on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def retrying(self, body: Callable[[], T], attempts: int = 5) -> T:
        """Run `body` (a whole transaction); retry a few times if the database stays locked."""
        for attempt in range(1, attempts + 1):
            try:
                return body()
            except sqlite3.OperationalError as exc:
                if not is_locked_error(exc):
                    raise
                if attempt == attempts:
                    raise StoreLockedError(path=self.path, attempts=attempts) from exc
                time.sleep(0.05 * 2**attempt * (0.5 + random.random()))
        raise AssertionError("unreachable")

    def apply(
        self,
        actor_nip: str | None,
        acting_as_nip: str | None,
        action: str,
        entity: str | None,
        entity_id: object,
        payload: Any,
        fn: Callable[[Database], T],
        *,
        device_id: str | None = None,
        ip: str | None = None,
    ) -> T:
        """Run `fn(db)` and append its audit row in one transaction: all of it is written, or none.

        The audit row is written first so `fn` can link to it through `store.current.audit_id`.
        `actor_nip` is the logged-in session; `acting_as_nip` differs when someone acts for another
        person (an operator filling a pegawai's SKP, the integrity case of scenario T04).
        """
        payload_json = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        entity_key = None if entity_id is None else str(entity_id)

        lost_answer: list[_Fault | None] = [None]

        def body() -> T:
            with self.write() as db:
                now = self.virtual_now()
                fault = self._fault_for(actor_nip, action, now)
                if fault is not None and fault.jenis != "tanpa_jawaban":
                    return fault  # a refusal to raise after the rollback, see below
                lost_answer[0] = fault
                cursor = self.conn.execute(
                    "INSERT INTO audit_log (virtual_ts, wall_ts, session_nip, acting_as_nip, action, entity,"
                    " entity_id, payload, device_id, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (now, datetime.now(UTC).isoformat(timespec="microseconds"), actor_nip, acting_as_nip,
                     action, entity, entity_key, payload_json, device_id, ip),
                )
                self.current = CommandContext(cursor.lastrowid, now, actor_nip, acting_as_nip)
                try:
                    return fn(db)
                finally:
                    self.current = None

        try:
            result = self.retrying(body)
        except Exception as exc:
            code = getattr(exc, "code", None)
            listener = self.refusal_listener
            if listener is not None and isinstance(code, str) and not isinstance(exc, StoreError):
                listener(actor_nip, code)
            raise
        if isinstance(result, _Fault):
            self._refuse(result, actor_nip, acting_as_nip, action, entity, entity_key, device_id, ip)
        if lost_answer[0] is not None:  # saved, but the "network" lost the answer
            self._refuse(lost_answer[0], actor_nip, acting_as_nip, action, entity, entity_key, device_id, ip)
        return result

    # -- injected faults (training scenarios) ------------------------------------------------------
    def _fault_for(self, actor_nip: str | None, action: str, now: str) -> _Fault | None:
        """The outage window (table `gangguan`) that refuses this command now, if any.

        A `pemeliharaan` window refuses every save; a `gagal_simpan` window refuses a share `porsi`
        of them, drawn from the person's own count of commands so a run is repeatable and a retry
        gets a fresh draw; nothing of a refused command is written. A `tanpa_jawaban` window saves a
        share of commands but reports a lost connection, as a gateway timeout does: a blind retry
        then saves the entry twice, which is the habit scenario T06 teaches to avoid.
        """
        if actor_nip is None or action.startswith(FAULT_EXEMPT_PREFIXES):
            return None
        windows = self.conn.execute(
            "SELECT id, jenis, selesai, porsi, kode FROM gangguan"
            " WHERE nip = ? AND mulai <= ? AND ? < selesai ORDER BY id", [actor_nip, now, now]).fetchall()
        for fault_id, jenis, selesai, porsi, kode in windows:
            if jenis == "pemeliharaan":
                return _Fault(fault_id, jenis, selesai, kode or "503")
            if jenis not in ("gagal_simpan", "tanpa_jawaban"):
                continue  # another kind of fault (e.g. a sync error) is asked for where it applies
            done = self.conn.execute("SELECT count(*) FROM audit_log WHERE session_nip = ?",
                                     [actor_nip]).fetchone()[0]
            draw = zlib.crc32(f"{actor_nip}|{fault_id}|{done}".encode()) % 1000
            if draw < round((porsi or 0) * 1000):
                return _Fault(fault_id, jenis, selesai, kode or "503")
        return None

    def _refuse(self, fault: _Fault, actor_nip, acting_as_nip, action, entity, entity_key, device_id,
                ip) -> None:
        """Record the refused attempt (evidence for the trainer's board), then refuse the command."""
        payload = {"ditolak": action, "gangguan": fault.id, "kode": fault.kode, "jenis": fault.jenis}

        def body() -> None:
            with self.write():
                self.conn.execute(
                    "INSERT INTO audit_log (virtual_ts, wall_ts, session_nip, acting_as_nip, action, entity,"
                    " entity_id, payload, device_id, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (self.virtual_now(), datetime.now(UTC).isoformat(timespec="microseconds"), actor_nip,
                     acting_as_nip, "gangguan.ditolak", entity, entity_key,
                     json.dumps(payload, sort_keys=True), device_id, ip))

        self.retrying(body)
        raise StoreUnavailableError(jenis=fault.jenis, sampai=fault.selesai[11:16], kode=fault.kode)

    def set_virtual_now(self, actor_nip: str | None, virtual_now: str) -> None:
        """Move the trainer's clock; audited like any other command."""
        self.apply(actor_nip, actor_nip, "clock.set", "clock", 1, {"virtual_now": virtual_now},
                   lambda db: db.execute("UPDATE clock SET virtual_now = ? WHERE id = 1", [virtual_now]))


def check_header(path: Path) -> None:
    """Refuse files that are not SQLite, or whose header promises pages the file no longer has.

    SQLite itself only notices a truncated file when a query reaches a missing page, which may be
    much later and mid-lesson; this check is cheap and catches the usual copy-that-stopped-early.
    """
    try:
        size = path.stat().st_size
        if size == 0:
            return  # SQLite treats an empty file as a new database
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StorePathError(path=path, detail=exc.strerror or exc) from exc
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreDamagedError(path=path, detail="header SQLite tidak ditemukan")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    count_valid = header[24:28] == header[92:96] and page_count > 0
    wal = path.with_name(path.name + "-wal")
    # With a non-empty WAL the main file may legitimately be short (a checkpoint cut off by a
    # crash is finished from the WAL on the next open), so the size check only applies without one.
    wal_pending = wal.exists() and wal.stat().st_size > 0
    if count_valid and not wal_pending and size < page_count * page_size:
        raise StoreDamagedError(
            path=path, detail=f"berkas terpotong: {size} byte, seharusnya {page_count * page_size} byte")


def _connect(path: Path, busy_timeout_ms: int, synchronous: str) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout_ms / 1000)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA synchronous = {synchronous}")
    except BaseException:
        conn.close()
        raise
    return conn


def _file_size(path: Path) -> int:
    """The database and its WAL together, in bytes (0 for a file not there)."""
    total = 0
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            total += part.stat().st_size
        except OSError:
            pass
    return total


def _named_backup(exc: StoreDamagedError, path: Path) -> StoreDamagedError:
    """The same refusal, naming the newest backup of the file to restore if there is one."""
    from sandbox.store.backup import damaged

    return exc if "cadangan" in exc.params else damaged(path, exc.params.get("detail", ""))


def open_store(
    path: str | os.PathLike[str] | None = None,
    *,
    busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
    synchronous: str = "NORMAL",
    migrations: Sequence[Migration] = MIGRATIONS,
) -> Store:
    """Open (creating or upgrading as needed) the sandbox database; every failure is a StoreError."""
    if synchronous.upper() not in {"NORMAL", "FULL", "EXTRA"}:
        raise ValueError(f"synchronous must be NORMAL, FULL or EXTRA, not {synchronous!r}")
    db_path = Path(path).expanduser() if path is not None else default_db_path()
    if db_path.is_dir():
        raise StorePathError(path=db_path, detail="ini sebuah folder")
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorePathError(path=db_path, detail=exc.strerror or exc) from exc
    try:
        return _open(db_path, busy_timeout_ms, synchronous.upper(), migrations)
    except StoreDamagedError as exc:
        raise _named_backup(exc, db_path) from exc


def _open(db_path: Path, busy_timeout_ms: int, synchronous: str, migrations: Sequence[Migration]) -> Store:
    key = os.path.realpath(db_path)
    with _OPEN_HERE_LOCK:
        already_open_here = _OPEN_HERE.get(key, 0) > 0
    if db_path.exists() and not already_open_here:  # see _OPEN_HERE: never open() a file in use here
        check_header(db_path)
        if _file_size(db_path) == 0:
            from sandbox.store.backup import latest_backup

            # SQLite makes an empty file a new database; but an empty file with backups beside it was
            # a class file emptied by a failed copy or a full disk: say so rather than start afresh.
            if latest_backup(db_path) is not None:
                raise StoreDamagedError(path=db_path, detail="berkas kosong (0 byte)")
    try:
        conn = _connect(db_path, busy_timeout_ms, synchronous)
    except sqlite3.OperationalError as exc:  # "unable to open database file": the path, not the data
        raise StorePathError(path=db_path, detail=exc) from exc
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        raise StoreDamagedError(path=db_path, detail=exc) from exc
    except sqlite3.Error as exc:
        raise StorePathError(path=db_path, detail=exc) from exc
    try:
        store = Store(db_path, conn, version=0)
        # Refuse a newer or foreign file before changing anything in it (not even its journal mode).
        check_known(store.retrying(lambda: read_version(conn, str(db_path))), str(db_path), migrations)
        # Every page read, indexes repaired — once per process: a repair copies the file aside,
        # which must not happen while another connection of this process holds it (_OPEN_HERE).
        if not already_open_here and 0 < _file_size(db_path) <= QUICK_CHECK_MAX_BYTES:
            from sandbox.store.backup import check_pages

            store.repaired = check_pages(store)
        if store.pragma("journal_mode") != "wal":
            store.retrying(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())

        def migrate() -> int:
            with store.write() as db:  # re-reads the version under the write lock: races are safe
                return upgrade(db, str(db_path), migrations)

        latest = migrations[-1].version if migrations else 0
        store.version = store.retrying(lambda: read_version(conn, str(db_path)))
        if store.version < latest:
            store.version = store.retrying(migrate)
        if store.repaired and store.version >= 1:  # the repair goes on record like any command
            store.apply(None, None, "integrity.perbaikan", "berkas", db_path.name,
                        {"perbaikan": str(store.repaired)}, lambda db: None)
        with _OPEN_HERE_LOCK:
            _OPEN_HERE[key] = _OPEN_HERE.get(key, 0) + 1
        store._open_key = key
        return store
    except StoreError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:  # "file is not a database", "disk image is malformed"
        conn.close()
        raise StoreDamagedError(path=db_path, detail=exc) from exc
    except BaseException:
        conn.close()
        raise
