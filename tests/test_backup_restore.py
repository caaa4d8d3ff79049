"""`ekinerja backup` and `ekinerja restore` (issue #7): an online backup taken while another process
writes is one consistent moment; a restore gives back exactly the backed-up content and keeps what it
replaced; a damaged, foreign, newer or empty backup is refused before the live file is touched; the
command line says all of it in a sentence, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sandbox.cli import main
from sandbox.store import StoreDamagedError, content_hash, open_store
from sandbox.store.backup import (
    backup,
    backup_dir,
    backups_of,
    latest_backup,
    other_processes,
    restore,
    verify_copy,
)
from sandbox.store.errors import (
    ForeignDatabaseError,
    NewerSchemaError,
    RestoreRefusedError,
    StoreInUseError,
    StoreMissingError,
    StorePathError,
)
from tests.store_helpers.writer import apply_command, numbers_by_table, seed

ROOT = Path(__file__).resolve().parents[1]
WRITER = ROOT / "tests" / "store_helpers" / "writer.py"
LINUX = sys.platform.startswith("linux")


def make_db(path: Path, commands: int = 20, first: int = 1) -> Path:
    with open_store(path) as store:
        seed(store)
        for n in range(first, first + commands):
            apply_command(store, n, "pegawai")
    return path


def digest(path: Path) -> str:
    with open_store(path) as store:
        return content_hash(store)


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return make_db(tmp_path / "kelas.db")


# -- backup ---------------------------------------------------------------------------------------------
def test_backup_goes_to_cadangan_beside_the_file_and_is_one_whole_file(db: Path) -> None:
    steps: list[tuple[int, int]] = []
    path = backup(db, progress=lambda done, total: steps.append((done, total)), step_pages=4)
    assert path.parent == backup_dir(db) == db.parent / "cadangan"
    assert path.name.startswith("kelas-") and path.suffix == ".db"
    assert not path.with_name(path.name + "-wal").exists()  # a single file, ready for a USB stick
    assert verify_copy(path) >= 1
    assert digest(path) == digest(db)
    assert len(steps) > 1 and steps[-1][0] == steps[-1][1]  # stepwise, and it reached the end
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    assert not [n for n in files_in(path.parent) if n.endswith(".sementara")]


def test_backups_in_one_second_get_distinct_names_and_the_newest_is_found(db: Path) -> None:
    first, second, third = backup(db), backup(db), backup(db)
    assert len({first, second, third}) == 3
    assert backups_of(db) == [first, second, third]
    assert latest_backup(db) == third


def test_backup_to_a_folder_or_file_the_user_names(db: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    inside = backup(db, usb)
    assert inside.parent == usb and inside.name.startswith("kelas-")
    named = backup(db, tmp_path / "salinan" / "senin.db")
    assert named == tmp_path / "salinan" / "senin.db" and digest(named) == digest(db)


def test_backup_while_another_process_writes_is_one_consistent_moment(tmp_path: Path) -> None:
    db = make_db(tmp_path / "kelas.db", commands=400)
    writer = subprocess.Popen([sys.executable, str(WRITER), str(db), "--first", "10000"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert writer.stdout.readline().strip() == b"READY"
        copies = []
        for i in range(4):
            steps: list[int] = []
            copies.append(backup(db, tmp_path / f"salinan-{i}.db", lambda d, t, seen=steps: seen.append(d),
                                 step_pages=8))
            assert len(steps) > 3  # many steps, with commits landing between them
            time.sleep(0.05)
    finally:
        writer.kill()
        writer.wait()
    counts = []
    for copy in copies:
        with open_store(copy) as store:
            store.quick_check()
            found = numbers_by_table(store)
        everywhere = set.intersection(*found.values())
        assert all(numbers == everywhere for numbers in found.values()), "a command is half in the copy"
        counts.append(len(everywhere))
    assert counts == sorted(counts) and counts[-1] > counts[0] >= 400  # the writer went on meanwhile


def test_backup_of_a_damaged_file_is_refused_and_leaves_no_backup(db: Path, tmp_path: Path) -> None:
    with sqlite3.connect(db) as conn:
        page = conn.execute("SELECT max(pageno) FROM dbstat WHERE name = 'pegawai'").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(db.read_bytes())
    data[(page - 1) * page_size:(page - 1) * page_size + 12] = b"\x07" * 12
    db.write_bytes(bytes(data))
    target = tmp_path / "salinan" / "rusak.db"
    with pytest.raises(StoreDamagedError) as info:
        backup(db, target)
    assert "kelas.db" in str(info.value)
    assert not target.exists() and files_in(target.parent) == set()


def test_backup_refuses_a_missing_or_empty_file_and_its_own_source(tmp_path: Path, db: Path) -> None:
    with pytest.raises(StoreMissingError):
        backup(tmp_path / "tidak-ada.db")
    (tmp_path / "kosong.db").write_bytes(b"")
    with pytest.raises(StoreMissingError):
        backup(tmp_path / "kosong.db")
    with pytest.raises(StorePathError):
        backup(db, db)
    assert not (tmp_path / "cadangan").exists()


def test_an_interrupted_backup_leaves_nothing_under_the_backup_name(db: Path, tmp_path: Path) -> None:
    def stop(done: int, total: int) -> None:
        if done < total:
            raise KeyboardInterrupt

    target = tmp_path / "salinan" / "putus.db"
    with pytest.raises(KeyboardInterrupt):
        backup(db, target, stop, step_pages=2)
    assert files_in(target.parent) == set()


# -- restore --------------------------------------------------------------------------------------------
def test_restore_round_trip_gives_back_the_backed_up_content_and_keeps_the_replaced(db: Path) -> None:
    before = digest(db)
    saved = backup(db)
    with open_store(db) as store:
        for n in range(500, 520):
            apply_command(store, n, "pegawai")
    changed = digest(db)
    assert changed != before
    kept = restore(saved, db)
    assert digest(db) == before
    assert kept is not None and kept.name.startswith("kelas.db.sebelum-pulih-")
    assert digest(kept) == changed  # nothing lost: the replaced content is still there
    with open_store(db) as store:  # and the file is a normal, writable sandbox file again
        store.quick_check()
        apply_command(store, 900, "pegawai")


def test_restore_through_the_live_file_keeps_open_readers_consistent(db: Path) -> None:
    saved = backup(db)
    with open_store(db) as reader, open_store(db) as writer:
        for n in range(500, 540):
            apply_command(writer, n, "pegawai")
        assert 539 in numbers_by_table(reader)["rhk"]
        restore(saved, db)  # both connections stay open, in this process
        found = numbers_by_table(reader)
        assert all(numbers == set(range(1, 21)) for numbers in found.values())
        assert reader.pragma("journal_mode") == "wal"
        apply_command(writer, 901, "pegawai")  # the old connection writes into the restored file
        assert 901 in numbers_by_table(reader)["skp"]


def test_restore_into_a_new_path_creates_it(db: Path, tmp_path: Path) -> None:
    saved = backup(db)
    target = tmp_path / "baru" / "kelas.db"
    assert restore(saved, target) is None
    assert digest(target) == digest(db)


def test_restoring_from_a_file_with_its_wal_takes_the_wal_too(tmp_path: Path) -> None:
    """A class file copied with the WAL a killed seat left (its last commits are only there)."""
    source = make_db(tmp_path / "lain" / "kelas.db")
    writer = subprocess.Popen([sys.executable, str(WRITER), str(source), "--first", "100"],
                              stdout=subprocess.PIPE)
    assert writer.stdout.readline().strip() == b"READY"
    confirmed = {int(writer.stdout.readline()) for _ in range(30)}
    writer.kill()
    writer.wait()
    assert source.with_name("kelas.db-wal").stat().st_size > 0
    beside = files_in(source.parent)
    target = tmp_path / "baru.db"
    assert restore(source, target) is None
    assert files_in(source.parent) == beside  # checking the backup left nothing next to it
    with open_store(target) as store:
        assert confirmed <= numbers_by_table(store)["indikator"]


@pytest.mark.parametrize("damage", ["random", "truncated", "zero"])
def test_restore_over_a_damaged_live_file(db: Path, damage: str) -> None:
    saved = backup(db)
    good = digest(db)
    size = db.stat().st_size
    if damage == "random":
        db.write_bytes(os.urandom(size))
    elif damage == "truncated":
        with db.open("r+b") as handle:
            handle.truncate(size // 3)
    else:
        db.write_bytes(b"")
    broken = db.read_bytes()
    kept = restore(saved, db)
    assert digest(db) == good
    if damage == "zero":
        assert kept is None  # an empty file held nothing to keep
    else:
        assert kept is not None and kept.read_bytes() == broken  # kept byte for byte


@pytest.mark.parametrize("kind", ["foreign", "newer", "damaged", "empty", "missing", "text"])
def test_refused_backups_leave_the_live_file_untouched(db: Path, tmp_path: Path, kind: str) -> None:
    bad = tmp_path / f"{kind}.db"
    if kind == "foreign":
        with sqlite3.connect(bad) as conn:
            conn.execute("CREATE TABLE resep (id INTEGER PRIMARY KEY, nama TEXT)")
        conn.close()
    elif kind == "newer":
        shutil.copy(backup(db), bad)
        with sqlite3.connect(bad) as conn:
            conn.execute("INSERT INTO schema_version (version, name, applied_wall_ts) VALUES (99, 'x', 'x')")
        conn.close()
    elif kind == "damaged":
        shutil.copy(backup(db), bad)
        data = bytearray(bad.read_bytes())
        data[len(data) // 2: len(data) // 2 + 4096] = os.urandom(4096)
        bad.write_bytes(bytes(data))
    elif kind == "empty":
        sqlite3.connect(bad).close()
    elif kind == "text":
        bad.write_text("bukan salinan\n" * 100)
    before_bytes, before_hash = db.read_bytes(), digest(db)
    before_files = files_in(tmp_path)
    with pytest.raises(RestoreRefusedError) as info:
        restore(bad, db)
    assert db.read_bytes() == before_bytes and digest(db) == before_hash
    assert not [n for n in files_in(tmp_path) - before_files if "sebelum-pulih" in n]
    cause = {"foreign": ForeignDatabaseError, "newer": NewerSchemaError, "damaged": StoreDamagedError,
             "empty": StoreMissingError, "missing": StoreMissingError, "text": StoreDamagedError}[kind]
    assert isinstance(info.value.cause, cause)
    text = str(info.value)
    assert f"{kind}.db tidak dapat dipulihkan ke" in text and "kelas.db tidak diubah" in text
    assert "cannot be restored" in info.value.render("en") and "was not changed" in info.value.render("en")


@pytest.mark.skipif(not LINUX, reason="other processes are seen through /proc/locks")
def test_restore_is_refused_while_another_process_has_the_file_open(db: Path) -> None:
    saved = backup(db)
    with open_store(db) as store:
        apply_command(store, 700, "pegawai")
    before = db.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom sandbox.store import open_store\n"
         "s = open_store(sys.argv[1]); print('OPEN', flush=True); time.sleep(60)", str(db)],
        stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == b"OPEN"
        assert other_processes(db) == [holder.pid]
        with pytest.raises(StoreInUseError) as info:
            restore(saved, db)
        assert str(holder.pid) in str(info.value) and "tutup" in str(info.value)
        assert db.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()
    assert other_processes(db) == []
    restore(saved, db)  # closed: now it goes through
    with open_store(db) as store:
        assert 700 not in numbers_by_table(store)["rhk"]


def test_other_processes_does_not_count_this_one(db: Path) -> None:
    with open_store(db):
        assert other_processes(db) == []


# -- the command line ------------------------------------------------------------------------------------
def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "kesalahan internal" not in err and "internal error" not in err
    return code, out, err


def test_cli_backup_and_restore(db: Path, tmp_path: Path, capsys) -> None:
    code, out, _ = run_cli(capsys, "backup", "--db", str(db))
    assert code == 0
    saved = latest_backup(db)
    assert saved is not None and str(saved) in out and "disimpan di" in out and "diperiksa utuh" in out
    code, out, _ = run_cli(capsys, "backup", "--db", str(db), "--ke", str(tmp_path / "usb.db"),
                           "--lang", "en")
    assert code == 0 and "backup of" in out and "usb.db" in out
    before = digest(db)
    with open_store(db) as store:
        apply_command(store, 600, "pegawai")
    code, out, _ = run_cli(capsys, "restore", "--db", str(db), "--dari", str(saved))
    assert code == 0 and "dipulihkan dari" in out and "sebelum-pulih" in out
    assert digest(db) == before


def test_cli_refusals_are_sentences(db: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "catatan.txt").write_text("bukan basis data\n" * 200)
    code, _, err = run_cli(capsys, "restore", "--db", str(db), "--dari", str(tmp_path / "catatan.txt"))
    assert code == 1 and "tidak dapat dipulihkan" in err and "tidak diubah" in err
    code, _, err = run_cli(capsys, "restore", "--db", str(db), "--dari", str(tmp_path / "x.db"),
                           "--lang", "en")
    assert code == 1 and "does not exist" in err and "was not changed" in err
    code, _, err = run_cli(capsys, "backup", "--db", str(tmp_path / "tidak-ada.db"))
    assert code == 1 and "tidak ada atau masih kosong" in err
    assert not (tmp_path / "tidak-ada.db").exists()  # asking for a backup creates no file
    code, _, err = run_cli(capsys, "restore", "--db", str(db))
    assert code == 2 and "--dari" in err


def test_the_real_command(db: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "sandbox", "backup", "--db", str(db)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "cadangan" in result.stdout and result.stderr == ""
    assert latest_backup(db) is not None
