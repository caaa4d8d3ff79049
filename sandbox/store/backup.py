"""Backups and restores of a sandbox database, and the repair of a damaged one.

- `backup` copies a live file with SQLite's online backup API while seats keep writing. It holds one
  read snapshot for the whole copy (WAL readers never block writers), so the copy is one consistent
  moment even when it is taken in steps to report progress. The copy is written to a hidden
  temporary file, checked (`PRAGMA integrity_check`, the SQLite header, a sandbox schema this
  version knows), flushed to disk, and only then renamed to its name: a backup under its final name
  is always whole. By default it goes to `cadangan/<name>-<YYYYmmdd-HHMMSS>.db` beside the file.
- `restore` first checks the backup the same way and refuses a damaged, foreign or newer one before
  touching anything, and one whose schema is not exactly what this code makes at its version (an
  extra trigger, a view in place of a table, a missing index...) or that holds text which is not
  valid UTF-8 (`schema_check`): every page of such a file is whole, so only a comparison sees it.
  It refuses while another process has the file open (read from /proc/locks on Linux; elsewhere
  this cannot be seen). It keeps the replaced content as
  `<name>.sebelum-pulih-<YYYYmmdd-HHMMSS>`, so a restore never loses anything, then writes the
  backup into the live file through the backup API: one write transaction, so a crash mid-restore
  leaves the old content and any connection still open reads either all old or all new. Only when
  the live file is too damaged for SQLite to write into is it replaced by a rename instead.
- `check_pages` is what `open_store` runs on a file small enough (`QUICK_CHECK_MAX_BYTES`): a
  `PRAGMA quick_check` (about 2 ms per MB). Damage confined to indexes is repaired, because indexes
  are derived from the tables: wrong index entries by `REINDEX`, a malformed index page by
  rebuilding the file from its tables (every table read in full, without any index) and writing
  the rebuilt file back through the backup API, after keeping the damaged file as
  `<name>.rusak-<YYYYmmdd-HHMMSS>`. Damage in a table, or anything it cannot attribute to an index,
  is refused with a `StoreDamagedError` naming the newest backup to restore. Rebuilding is only
  done while no other process has the file open, so no one's commit can fall between the rebuild's
  read and its write-back.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sandbox.store.core import DEFAULT_BUSY_TIMEOUT_MS, Store, check_header, is_locked_error
from sandbox.store.errors import (
    RestoreRefusedError,
    StoreDamagedError,
    StoreError,
    StoreInUseError,
    StoreLockedError,
    StoreMissingError,
    StorePathError,
    store_message,
)
from sandbox.store.migrations import MIGRATIONS, check_known, read_version
from sandbox.store.schema_check import SchemaMismatchError, differences

BACKUP_DIR = "cadangan"
KEPT_TAG = "sebelum-pulih"
DAMAGED_TAG = "rusak"
STEP_PAGES = 256  # 1 MiB of 4 KiB pages between two progress reports
_STAMP = "%Y%m%d-%H%M%S"
_PAGE_REF = re.compile(r"\b(?:[Pp]age|Tree) (\d+)")
_INDEX_CONTENT = re.compile(r"(?:missing from index|wrong # of entries in index|non-unique entry in"
                            r" UNIQUE index) (\S+)")

log = logging.getLogger("sandbox.store")

Progress = Callable[[int, int], None]


# -- names ---------------------------------------------------------------------------------------------
def backup_dir(db_path: str | os.PathLike[str]) -> Path:
    """The `cadangan/` folder beside a database, where its backups go by default."""
    return Path(db_path).expanduser().parent / BACKUP_DIR


def _stamp() -> str:
    return datetime.now().strftime(_STAMP)


def _unique(path: Path) -> Path:
    if not path.exists():
        return path
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}") if path.suffix == ".db" \
            else path.with_name(f"{path.name}-{n}")
        if not candidate.exists():
            return candidate
    raise StorePathError(path=path, detail="terlalu banyak berkas dengan nama yang sama")


def default_backup_path(db_path: str | os.PathLike[str]) -> Path:
    db = Path(db_path).expanduser()
    return _unique(backup_dir(db) / f"{db.stem}-{_stamp()}.db")


def backups_of(db_path: str | os.PathLike[str]) -> list[Path]:
    """The backups `ekinerja backup` made of a file in its `cadangan/` folder, oldest first."""
    db = Path(db_path).expanduser()
    pattern = re.compile(rf"{re.escape(db.stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?\.db")
    found = []
    try:
        entries = list(backup_dir(db).iterdir())
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and entry.is_file() and entry.stat().st_size > 0:
            found.append(((match.group(1), int(match.group(2) or 1)), entry))
    return [entry for _, entry in sorted(found)]


def latest_backup(db_path: str | os.PathLike[str]) -> Path | None:
    found = backups_of(db_path)
    return found[-1] if found else None


def damaged(path: Path, detail: object) -> StoreDamagedError:
    """A StoreDamagedError that names the newest backup to restore, if there is one."""
    newest = latest_backup(path)
    if newest is None:
        return StoreDamagedError(path=path, detail=detail)
    return StoreDamagedError(path=path, detail=detail, cadangan=newest)


# -- who else has the file open -------------------------------------------------------------------------
def other_processes(db_path: str | os.PathLike[str]) -> list[int]:
    """Ids of other processes holding a SQLite lock on the file or its `-shm` (every open connection
    holds one). Read from /proc/locks, so Linux only; elsewhere the answer is always empty."""
    if not sys.platform.startswith("linux"):
        return []
    db = Path(db_path).expanduser()
    wanted = set()
    for path in (db, db.with_name(db.name + "-shm")):
        try:
            st = path.stat()
        except OSError:
            continue
        wanted.add(f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}")
    if not wanted:
        return []
    try:
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return []
    pids = set()
    for line in lines:
        fields = line.split()
        if "->" in fields:  # a process waiting for a lock: "1: -> POSIX ..."
            fields.remove("->")
        if len(fields) >= 6 and fields[5] in wanted and fields[4].isdigit():
            pid = int(fields[4])
            if pid not in (0, os.getpid()):
                pids.add(pid)
    return sorted(pids)


# -- connections -----------------------------------------------------------------------------------------
def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    conn = sqlite3.connect(target, uri=read_only, isolation_level=None,
                           timeout=DEFAULT_BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {DEFAULT_BUSY_TIMEOUT_MS}")
    return conn


@contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a backup; the empty `-wal`/`-shm` SQLite makes beside a WAL-mode
    file for a reader are removed again, so checking a backup leaves nothing behind."""
    wal, shm = _sidecars(path)[:2]
    made = [side for side in (wal, shm) if not side.exists()]
    conn = _connect(path, read_only=True)
    try:
        yield conn
    finally:
        conn.close()
        try:
            if wal in made and wal.exists() and wal.stat().st_size == 0:
                wal.unlink()
            if shm in made and not wal.exists() and sys.platform.startswith("linux") \
                    and not other_processes(path):
                shm.unlink(missing_ok=True)  # the index of a WAL that is gone, used by no one
        except OSError:
            pass


def _fsync(path: Path) -> None:
    try:
        with path.open("rb+") as handle:
            os.fsync(handle.fileno())
        if os.name == "posix":
            fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError:
        pass  # a file system without fsync (some network shares): the rename below still applies


def _remove(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _sidecars(path: Path) -> tuple[Path, Path, Path]:
    return (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
            path.with_name(path.name + "-journal"))


def verify_copy(path: Path) -> int:
    """Check a stand-alone copy: an SQLite file, every page whole, a sandbox schema this version
    knows. Returns its schema version; raises the matching StoreError."""
    if not path.is_file() or path.stat().st_size == 0:
        raise StoreMissingError(path=path)
    check_header(path)
    try:
        with _reading(path) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            if rows != ["ok"]:
                raise StoreDamagedError(path=path, detail="; ".join(rows[:3]))
            version = read_version(conn, str(path))
            check_known(version, str(path), MIGRATIONS)
    except sqlite3.OperationalError as exc:  # "unable to open database file"
        raise StorePathError(path=path, detail=exc) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreDamagedError(path=path, detail=exc) from exc
    if version == 0:
        raise StoreMissingError(path=path)
    return version


def verify_content(path: Path, version: int) -> None:
    """Refuse a copy whose schema is not exactly what this code makes at its version, or that holds
    text which is not valid UTF-8 (SchemaMismatchError naming each difference): a crafted trigger or
    view passes every page check."""
    try:
        with _reading(path) as conn:
            found = differences(conn, version)
    except sqlite3.OperationalError as exc:
        raise StorePathError(path=path, detail=exc) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreDamagedError(path=path, detail=exc) from exc
    if found:
        raise SchemaMismatchError(path=path, versi=version, perbedaan=found)


def check_content(store: Store) -> None:
    """`ekinerja periksa`'s schema and text check of an open store; the refusal names the newest
    backup to restore. Reads only."""
    try:
        found = store.retrying(lambda: differences(store.conn, store.version))
    except sqlite3.DatabaseError as exc:
        raise damaged(store.path, exc) from exc
    if found:
        newest = latest_backup(store.path)
        raise SchemaMismatchError(path=store.path, versi=store.version, perbedaan=found, cadangan=newest)


# -- backup ---------------------------------------------------------------------------------------------
def backup(source: Store | str | os.PathLike[str], dest: str | os.PathLike[str] | None = None,
           progress: Progress | None = None, *, step_pages: int = STEP_PAGES) -> Path:
    """Copy the database `source` (a path, or an open Store) to `dest` while others keep writing.

    `dest` defaults to `cadangan/<name>-<timestamp>.db` beside the file; a folder means a file of
    that default name inside it. `progress(done_pages, total_pages)` is called after every step of
    `step_pages` pages.
    Returns the backup's path. Refuses (StoreError) a missing, damaged, foreign or newer source; a
    failed check leaves no file under the backup's name.
    """
    db = Path(source.path if isinstance(source, Store) else source).expanduser()
    if not db.is_file() or db.stat().st_size == 0:
        raise StoreMissingError(path=db)
    check_header(db)
    if dest is None:
        target = default_backup_path(db)
    else:
        target = Path(dest).expanduser()
        if target.is_dir():
            target = _unique(target / f"{db.stem}-{_stamp()}.db")
    if target.exists() and target.resolve() == db.resolve():
        raise StorePathError(path=target, detail="salinan tidak boleh menimpa berkas aslinya")
    tmp = target.with_name(f".{target.name}.sementara")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove(tmp, *_sidecars(tmp))
    except OSError as exc:
        raise StorePathError(path=target, detail=exc.strerror or exc) from exc
    try:
        src = _connect(db)
    except sqlite3.Error as exc:
        raise StorePathError(path=db, detail=exc) from exc
    try:
        # One read snapshot for the whole copy: the steps below all see the same moment, and the
        # backup never restarts however often seats commit meanwhile.
        src.execute("BEGIN")
        version = read_version(src, str(db))
        check_known(version, str(db), MIGRATIONS)
        if version == 0:
            raise StoreMissingError(path=db)
        out = sqlite3.connect(str(tmp))
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None:
                    progress(total - remaining, total)

            src.backup(out, pages=max(1, step_pages), progress=step, sleep=0.01)
            # One self-contained file: no -wal beside it to forget when copying it to a USB stick.
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        src.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        _remove(tmp, *_sidecars(tmp))
        if is_locked_error(exc):  # a checkpoint or recovery held the file past the busy timeout
            raise StoreLockedError(path=db, attempts=1) from exc
        raise damaged(db, exc) from exc
    except OSError as exc:
        _remove(tmp, *_sidecars(tmp))
        raise StorePathError(path=target, detail=exc.strerror or exc) from exc
    except BaseException:
        _remove(tmp, *_sidecars(tmp))
        raise
    finally:
        src.close()
    try:
        copied = verify_copy(tmp)
    except StoreError as exc:  # the pages were copied as they are: the source itself is damaged
        _remove(tmp, *_sidecars(tmp))
        raise damaged(db, exc.params.get("detail", exc)) from exc
    if copied != version:
        _remove(tmp, *_sidecars(tmp))
        raise StoreDamagedError(path=tmp, detail=f"salinan v{copied}, aslinya v{version}")
    try:
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync(target)
    except OSError as exc:
        _remove(tmp)
        raise StorePathError(path=target, detail=exc.strerror or exc) from exc
    return target


# -- restore --------------------------------------------------------------------------------------------
def _copy_into(src: sqlite3.Connection, target: Path) -> None:
    """A whole-file copy of `src` at `target` through SQLite's backup API, as one file (no WAL)."""
    out = sqlite3.connect(str(target))
    try:
        src.backup(out)
        out.execute("PRAGMA journal_mode = DELETE")
    finally:
        out.close()


def keep_copy(db: Path, tag: str, raw: bool = False) -> Path:
    """Keep the content of `db` as `<name>.<tag>-<timestamp>` before it is replaced or repaired.

    Through the backup API when SQLite can still read the file (the copy then includes what was in
    its WAL, and is consistent while others write); otherwise, or if `raw`, the file byte for byte,
    with its `-wal` beside the copy under the matching name.
    """
    target = _unique(db.with_name(f"{db.name}.{tag}-{_stamp()}"))
    try:
        if raw:
            raise sqlite3.DatabaseError("raw copy asked for")
        src = _connect(db)
        try:
            _copy_into(src, target)
        finally:
            src.close()
        _fsync(target)
        return target
    except sqlite3.Error:
        _remove(target, *_sidecars(target))
    try:
        shutil.copy2(db, target)
        wal = db.with_name(db.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            shutil.copy2(wal, target.with_name(target.name + "-wal"))
        _fsync(target)
    except OSError as exc:
        raise StorePathError(path=target, detail=exc.strerror or exc) from exc
    return target


def restore(backup_path: str | os.PathLike[str], db_path: str | os.PathLike[str], *,
            force: bool = False) -> Path | None:
    """Put the content of a backup into `db_path`; returns where the old content was kept (None
    when there was no file yet).

    Refuses, leaving `db_path` untouched: a backup that is missing, damaged, foreign, newer, or not
    exactly of this code's schema or not valid UTF-8 (RestoreRefusedError, its `cause` says which),
    and — unless `force` — a file another process has open (StoreInUseError).
    """
    bak = Path(backup_path).expanduser()
    db = Path(db_path).expanduser()
    if db.is_dir():
        raise StorePathError(path=db, detail="ini sebuah folder")
    if bak.exists() and db.exists() and bak.resolve() == db.resolve():
        raise StorePathError(path=bak, detail="salinan dan tujuannya berkas yang sama")
    try:
        verify_content(bak, verify_copy(bak))
    except StoreError as exc:
        raise RestoreRefusedError(path=bak, db=db, cause=exc) from exc
    live = db.exists() and (db.stat().st_size > 0 or db.with_name(db.name + "-wal").exists())
    if not live:
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorePathError(path=db, detail=exc.strerror or exc) from exc
        _replace_file(bak, db)
        return None
    others = other_processes(db)
    if others and not force:
        raise StoreInUseError(path=db, pids=", ".join(map(str, others)))
    kept = keep_copy(db, KEPT_TAG)
    try:
        _write_through(bak, db)
    except sqlite3.Error as exc:
        if is_locked_error(exc):  # someone is writing after all: never swap the file under them
            raise StoreLockedError(path=db, attempts=1) from exc
        _replace_file(bak, db)  # SQLite cannot write into what is there: replace the file
    except StoreError:
        _replace_file(bak, db)
    return kept


def _write_through(bak: Path, db: Path) -> None:
    """Copy every page of `bak` into the live `db` in one write transaction (backup API)."""
    check_header(db)
    with _reading(bak) as src:
        live = _connect(db)
        try:
            src.backup(live)
            rows = [r[0] for r in live.execute("PRAGMA quick_check")]
            if rows != ["ok"]:  # never seen; the kept copy and the backup are both still there
                raise StoreDamagedError(path=db, detail="; ".join(rows[:3]))
            live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            live.close()


def _replace_file(bak: Path, db: Path) -> None:
    """Copy `bak` beside `db` and rename it over `db`, after removing `db`'s WAL: a WAL left from
    the old file would otherwise be replayed into the new one."""
    tmp = db.with_name(f".{db.name}.pulih")
    try:
        _remove(tmp, *_sidecars(tmp))
        with _reading(bak) as src:  # through SQLite: a backup's own WAL, if it has one, comes along
            _copy_into(src, tmp)
        _fsync(tmp)
        wal, shm, journal = _sidecars(db)
        _remove(wal, shm, journal)
        os.replace(tmp, db)
        _fsync(db)
    except (OSError, sqlite3.Error) as exc:
        _remove(tmp, *_sidecars(tmp))
        raise StorePathError(path=db, detail=getattr(exc, "strerror", None) or exc) from exc


# -- damage found on open -------------------------------------------------------------------------------
def _problems(conn: sqlite3.Connection, pragma: str) -> tuple[list[str], bool]:
    """The lines of a quick_check/integrity_check (empty when whole), and whether SQLite raised."""
    try:
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        if is_locked_error(exc):
            raise  # busy, not damaged: Store.retrying waits and tries again
        return [str(exc)], True
    if rows == ["ok"]:
        return [], False
    lines = [line for row in rows for line in str(row).splitlines()]
    return [line for line in lines if not line.startswith("*** in database")], False


@dataclass(frozen=True)
class Repair:
    """What a check repaired in a damaged file: said to the user in their language, kept on the audit
    log in Indonesian (`str`)."""

    path: Path
    detail: str
    salinan: Path | str

    def render(self, lang: str = "id") -> str:
        return store_message("store.repaired", lang, path=self.path, detail=self.detail, salinan=self.salinan)

    def __str__(self) -> str:
        return self.render("id")


def check_pages(store: Store, pragma: str = "quick_check") -> Repair | None:
    """Check every page of an open store; repair damage confined to indexes.

    Returns None when the file is whole, what was repaired when it was;
    raises StoreDamagedError, naming the newest backup, when it cannot be repaired safely.
    """
    problems, raised = store.retrying(lambda: _problems(store.conn, pragma))
    if not problems:
        return None
    repaired = _repair(store, problems, raised, pragma)
    if repaired is None:
        raise damaged(store.path, "; ".join(problems[:3]))
    log.warning("%s", repaired)
    return repaired


def _repair(store: Store, problems: list[str], raised: bool, pragma: str) -> Repair | None:
    conn = store.conn
    if raised or conn.in_transaction:
        return None
    stale = [m.group(1) for m in map(_INDEX_CONTENT.search, problems) if m]
    try:
        if len(stale) == len(problems):  # wrong entries in sound index pages: rebuild them in place
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
            if not set(stale) <= names:
                return None
            salinan = keep_copy(store.path, DAMAGED_TAG)
            conn.execute("BEGIN IMMEDIATE")
            try:
                for name in sorted(set(stale)):
                    conn.execute(f'REINDEX "{name}"')
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            detail = ", ".join(sorted(set(stale)))
        else:
            detail = _damaged_indexes(conn, problems)
            if detail is None or other_processes(store.path):
                return None
            salinan = keep_copy(store.path, DAMAGED_TAG, raw=True)  # nobody else writes: exact bytes
            _rebuild(store)
    except (sqlite3.Error, StoreError, OSError) as exc:
        log.debug("repair of %s failed: %s", store.path, exc)
        return None
    if _problems(conn, pragma)[0]:
        return None
    return Repair(store.path, detail, salinan)


def _damaged_indexes(conn: sqlite3.Connection, problems: list[str]) -> str | None:
    """The indexes the damaged pages belong to, or None unless every damaged page is an index's."""
    pages = set()
    for line in problems:
        found = [int(n) for n in _PAGE_REF.findall(line)]
        if not found:
            return None  # a problem that names no page cannot be placed: do not guess
        pages.update(found)
    try:
        owners = conn.execute("SELECT name, pageno FROM dbstat").fetchall()
    except sqlite3.Error:
        return None  # SQLite built without dbstat: the pages cannot be placed
    kinds = dict(conn.execute("SELECT name, type FROM sqlite_master"))
    hit = {name for name, pageno in owners if pageno in pages}
    if not hit or any(kinds.get(name) != "index" for name in hit):
        return None
    if pages - {pageno for _, pageno in owners}:
        return None  # a page in no b-tree at all (the freelist): not what index repair is for
    return ", ".join(sorted(hit))


def _rebuild(store: Store) -> None:
    """Rebuild the file from its tables (read without any index) and write it back in one
    transaction through the backup API."""
    conn, db = store.conn, store.path
    tmp = db.with_name(f".{db.name}.perbaikan")
    _remove(tmp, *_sidecars(tmp))
    try:
        _rebuild_into(conn, tmp)
    finally:
        _remove(tmp, *_sidecars(tmp))


def _rebuild_into(conn: sqlite3.Connection, tmp: Path) -> None:
    schema = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                          " ORDER BY rowid").fetchall()
    tables = [name for kind, name, _ in schema if kind == "table" and not name.startswith("sqlite_")]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    user_version = conn.execute("PRAGMA user_version").fetchone()[0]
    out = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        out.execute(f"PRAGMA page_size = {int(page_size)}")
        out.execute("BEGIN")
        for kind, name, sql in schema:
            if kind == "table" and not name.startswith("sqlite_"):
                out.execute(sql)
        out.execute("COMMIT")
    finally:
        out.close()
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("ATTACH DATABASE ? AS perbaikan", [str(tmp)])
    try:
        conn.execute("BEGIN")
        try:
            for name in tables:
                conn.execute(f'INSERT INTO perbaikan."{name}" SELECT * FROM main."{name}" NOT INDEXED')
            if any(name == "sqlite_sequence" for _, name, _ in schema):
                conn.execute("DELETE FROM perbaikan.sqlite_sequence")
                conn.execute("INSERT INTO perbaikan.sqlite_sequence SELECT * FROM main.sqlite_sequence")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("DETACH DATABASE perbaikan")
        conn.execute("PRAGMA foreign_keys = ON")
    out = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        out.execute("BEGIN")
        for kind, _name, sql in schema:
            if kind in ("index", "trigger", "view"):
                out.execute(sql)
        out.execute(f"PRAGMA user_version = {int(user_version)}")
        out.execute("COMMIT")
        if [r[0] for r in out.execute("PRAGMA integrity_check")] != ["ok"]:
            raise StoreDamagedError(path=tmp, detail="hasil perbaikan tidak utuh")
        out.backup(conn)
    finally:
        out.close()


def integrity(store: Store) -> tuple[float, Repair | None]:
    """`ekinerja periksa`: the full `PRAGMA integrity_check` (also index contents), with the same
    repair as on open. Returns (milliseconds, what was repaired or None)."""
    import time

    started = time.perf_counter()
    repaired = check_pages(store, "integrity_check")
    return (time.perf_counter() - started) * 1000, repaired
