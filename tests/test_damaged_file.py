"""A damaged class file on start (issue #7): `open_store` repairs what it can rebuild without losing
anything, and refuses the rest in one sentence that names the file and what to do — the newest
backup to restore when there is one — never a traceback. Each kind of damage is met through
`open_store` and through the command line (`ekinerja class board --db ...`, `ekinerja periksa`).

What happens to each:
- truncated file, random bytes, damaged table or schema page: refused, file untouched;
- damaged index page: rebuilt from the tables on open, the damaged file kept as `<name>.rusak-*`;
- wrong index entries (only `integrity_check` sees them): `ekinerja periksa` re-indexes;
- WAL left by a killed process: replayed by SQLite on open, every committed command there;
- a WAL of garbage: ignored by SQLite (its checksums fail), the file opens as it was;
- zero-length file: a new database (SQLite's rule), unless backups of it exist: then refused.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sandbox.cli import main
from sandbox.store import StoreDamagedError, open_store
from sandbox.store import core as store_core
from sandbox.store.backup import backup, latest_backup
from tests.store_helpers.writer import numbers_by_table, seed

ROOT = Path(__file__).resolve().parents[1]
WRITER = ROOT / "tests" / "store_helpers" / "writer.py"


@pytest.fixture(scope="module")
def class_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kelas") / "kelas.db"
    assert main(["class", "create", "--db", str(path), "--kursi", "2"]) == 0
    with open_store(path) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def kelas(class_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "kelas.db"
    shutil.copy(class_file, path)
    return path


def page_of(path: Path, btree: str) -> tuple[int, int]:
    """(offset, page size) of the last page of a table's or index's b-tree."""
    conn = sqlite3.connect(path)
    try:
        page = conn.execute("SELECT max(pageno) FROM dbstat WHERE name = ?", [btree]).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    assert page, btree
    return (page - 1) * size, size


def scribble(path: Path, *btrees: str) -> bytes:
    """Overwrite the page header of each b-tree's last page (a bad sector, a stray write)."""
    data = bytearray(path.read_bytes())
    for btree in btrees:
        offset, _ = page_of(path, btree)
        data[offset:offset + 12] = b"\x07" * 12
    path.write_bytes(bytes(data))
    return bytes(data)


def board(capsys, path: Path, *extra: str) -> tuple[int, str, str]:
    code = main(["class", "board", "--db", str(path), *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "kesalahan internal" not in err and "internal error" not in err
    return code, out, err


def rows_of(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                             " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" NOT INDEXED ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


# -- refused -------------------------------------------------------------------------------------------
def test_truncated_file_is_refused_and_left_as_it_was(kelas: Path, capsys) -> None:
    with kelas.open("r+b") as handle:
        handle.truncate(kelas.stat().st_size // 2)
    before = kelas.read_bytes()
    with pytest.raises(StoreDamagedError) as info:
        open_store(kelas)
    assert "terpotong" in str(info.value) and str(kelas) in str(info.value)
    code, out, err = board(capsys, kelas)
    assert code == 1 and out == "" and "terpotong" in err and "pulihkan dari salinan cadangan" in err
    code, _, err = board(capsys, kelas, "--lang", "en")
    assert "is not an SQLite database or is damaged" in err and "restore it from a backup" in err
    assert kelas.read_bytes() == before


def test_random_bytes_are_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "kelas.db"
    path.write_bytes(os.urandom(64 * 1024))
    before = path.read_bytes()
    with pytest.raises(StoreDamagedError) as info:
        open_store(path)
    assert "header SQLite tidak ditemukan" in str(info.value)
    code, _, err = board(capsys, path)
    assert code == 1 and "bukan basis data SQLite atau sudah rusak" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("btree", ["pegawai", "audit_log", "sqlite_schema"])
def test_damaged_table_page_is_refused_naming_the_newest_backup(kelas: Path, capsys, btree: str) -> None:
    older = backup(kelas)
    newest = backup(kelas)
    damaged = scribble(kelas, btree)
    with pytest.raises(StoreDamagedError) as info:
        open_store(kelas)
    text = str(info.value)
    assert "sudah rusak" in text and f"ekinerja restore --db {kelas} --dari {newest}" in text
    assert str(older) not in text
    assert kelas.read_bytes() == damaged  # refused untouched: no repair was attempted on table data
    code, _, err = board(capsys, kelas)
    assert code == 1 and f"--dari {newest}" in err
    # what the message says to do works
    code = main(["restore", "--db", str(kelas), "--dari", str(newest)])
    capsys.readouterr()
    assert code == 0
    code, out, _ = board(capsys, kelas)
    assert code == 0 and out


def test_damaged_table_page_beyond_the_open_check_is_found_by_periksa(kelas: Path, capsys,
                                                                       monkeypatch) -> None:
    scribble(kelas, "pegawai")
    monkeypatch.setattr(store_core, "QUICK_CHECK_MAX_BYTES", 0)  # a file too big to check on every open
    code = main(["periksa", "--db", str(kelas)])
    out, err = capsys.readouterr()
    assert code == 1 and "sudah rusak" in err and "Traceback" not in out + err


# -- repaired ------------------------------------------------------------------------------------------
def test_damaged_index_pages_are_rebuilt_on_open_and_nothing_is_lost(kelas: Path, capsys) -> None:
    before = rows_of(kelas)
    with open_store(kelas) as store:
        last_audit = store.conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    damaged = scribble(kelas, "idx_pegawai_unor_id", "idx_audit_log_action")
    with open_store(kelas) as store:
        assert store.repaired and "idx_audit_log_action, idx_pegawai_unor_id" in str(store.repaired)
        assert "tidak ada data yang hilang" in str(store.repaired)
        assert "nothing was lost" in store.repaired.render("en")
        assert [r[0] for r in store.conn.execute("PRAGMA integrity_check")] == ["ok"]
        record = store.conn.execute("SELECT id, action, session_nip FROM audit_log WHERE id > ?",
                                    [last_audit]).fetchall()
        assert [(r[1], r[2]) for r in record] == [("integrity.perbaikan", None)]  # on record
    after = rows_of(kelas)
    after["audit_log"] = [r for r in after["audit_log"] if r[0] <= last_audit]
    assert after == before
    kept = list(kelas.parent.glob("kelas.db.rusak-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged  # the damaged file, byte for byte
    with open_store(kelas) as store:
        assert store.repaired is None  # repaired once, whole since
    code, out, _ = board(capsys, kelas)
    assert code == 0 and out


def test_wrong_index_entries_are_reindexed_by_periksa(kelas: Path, capsys) -> None:
    # The index is filled from another column than it claims; its definition is then put back as the code
    # made it (a redefined index is a schema difference, refused: tests/test_backup_schema.py).
    conn = sqlite3.connect(kelas)
    original = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'idx_pegawai_unor_id'").fetchone()[0]
    assert '("unor_id")' in original
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'idx_pegawai_unor_id'",
                 [original.replace('("unor_id")', '("nama")')])
    conn.commit()
    conn.close()
    conn = sqlite3.connect(kelas)
    conn.execute("REINDEX idx_pegawai_unor_id")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = 'idx_pegawai_unor_id'", [original])
    conn.commit()
    conn.close()
    with open_store(kelas) as store:
        assert store.repaired is None  # quick_check does not compare index contents
    code = main(["periksa", "--db", str(kelas)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "idx_pegawai_unor_id" in out and "dibangun ulang" in out and "utuh" in out
    code = main(["doctor", "--db", str(kelas), "--lang", "en"])
    out, _ = capsys.readouterr()
    assert code == 0 and "whole" in out and "dibangun ulang" not in out
    assert list(kelas.parent.glob("kelas.db.rusak-*"))


def test_periksa_on_a_whole_file_and_on_none(kelas: Path, tmp_path: Path, capsys) -> None:
    assert main(["periksa", "--db", str(kelas)]) == 0
    assert "utuh (integrity_check" in capsys.readouterr().out
    assert main(["periksa", "--db", str(tmp_path / "tidak-ada.db")]) == 1
    assert "tidak ada atau masih kosong" in capsys.readouterr().err
    assert not (tmp_path / "tidak-ada.db").exists()


# -- the WAL -------------------------------------------------------------------------------------------
def test_wal_left_by_a_killed_writer_is_replayed(tmp_path: Path) -> None:
    db = tmp_path / "kelas.db"
    with open_store(db) as store:
        seed(store)
    writer = subprocess.Popen([sys.executable, str(WRITER), str(db), "--first", "1"], stdout=subprocess.PIPE)
    confirmed: set[int] = set()
    assert writer.stdout.readline().strip() == b"READY"
    while len(confirmed) < 200:
        confirmed.add(int(writer.stdout.readline()))
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    confirmed |= {int(x) for x in writer.stdout.read().split()}
    wal = db.with_name("kelas.db-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the commits are in the WAL, not yet in the file
    # the state a crash leaves, copied elsewhere as a trainer might (without the -shm index)
    elsewhere = tmp_path / "salinan"
    elsewhere.mkdir()
    shutil.copy(db, elsewhere / "kelas.db")
    shutil.copy(wal, elsewhere / "kelas.db-wal")
    for path in (db, elsewhere / "kelas.db"):
        with open_store(path) as store:
            assert store.repaired is None
            found = numbers_by_table(store)
        assert confirmed <= set.intersection(*found.values())
        assert set.union(*found.values()) == set.intersection(*found.values())  # none half-applied


def test_a_wal_of_garbage_is_ignored(kelas: Path) -> None:
    before = rows_of(kelas)
    kelas.with_name("kelas.db-wal").write_bytes(os.urandom(32 * 1024))
    with open_store(kelas) as store:
        store.quick_check()
    assert rows_of(kelas) == before


# -- zero-length ----------------------------------------------------------------------------------------
def test_zero_length_file_without_backups_is_a_new_database(tmp_path: Path, capsys) -> None:
    path = tmp_path / "kelas.db"
    path.write_bytes(b"")
    with open_store(path) as store:
        assert store.version >= 1
    code, _, err = board(capsys, path)
    assert code == 1 and err  # a new file holds no class: said in a sentence


def test_zero_length_file_with_backups_is_refused(kelas: Path, capsys) -> None:
    saved = backup(kelas)
    kelas.write_bytes(b"")
    with pytest.raises(StoreDamagedError) as info:
        open_store(kelas)
    assert "berkas kosong (0 byte)" in str(info.value) and f"--dari {saved}" in str(info.value)
    assert kelas.stat().st_size == 0  # not made into a fresh database behind the trainer's back
    code, _, err = board(capsys, kelas)
    assert code == 1 and err  # `class` refuses an empty file itself ("holds no class")
    assert main(["periksa", "--db", str(kelas)]) == 1
    assert "berkas kosong (0 byte)) — pulihkan salinan cadangan terakhir" in capsys.readouterr().err
    assert main(["restore", "--db", str(kelas), "--dari", str(latest_backup(kelas))]) == 0
    capsys.readouterr()
    code, out, _ = board(capsys, kelas)
    assert code == 0 and out


def test_the_real_command_on_a_damaged_file(kelas: Path) -> None:
    scribble(kelas, "kursi")
    result = subprocess.run([sys.executable, "-m", "sandbox", "class", "board", "--db", str(kelas)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.strip().startswith(f"berkas {kelas} bukan basis data SQLite atau sudah rusak")


def test_the_app_says_what_it_repaired_on_open(kelas: Path) -> None:
    """A trainee opening a repaired file hears it in the app (Indonesian first; English on request)."""
    import asyncio

    from sandbox.tui.app import SandboxApp

    scribble(kelas, "idx_pegawai_unor_id")

    async def notices(lang: str, path: Path) -> list[str]:
        app = SandboxApp(lang, db_path=str(path))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            return [n.message for n in app._notifications]

    shown = asyncio.run(notices("id", kelas))
    assert any("indeks sudah dibangun ulang" in m and "kelas.db.rusak-" in m for m in shown), shown
    again = kelas.parent / "lagi.db"
    shutil.copy(kelas, again)
    assert not any("dibangun ulang" in m for m in asyncio.run(notices("id", again)))  # whole since
    english = kelas.parent / "en.db"
    shutil.copy(again, english)
    scribble(english, "idx_pegawai_unor_id")
    assert any("rebuilt from the data" in m for m in asyncio.run(notices("en", english)))
