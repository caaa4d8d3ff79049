"""A crafted backup is not trusted (issue #16, fault 7).

Every page of these files is whole, so `integrity_check` passes them; only a comparison of the whole
schema with the one the code builds sees them: an extra trigger (an ordinary command later the
trainer's PIN, the join code and every seat token are gone), a view in place of a table, an empty
schema, an extra column or table, a missing or redefined index, a changed column type, a primary
key that now silently replaces the row in its way (ON CONFLICT REPLACE), and text that is no longer
valid UTF-8. `ekinerja restore` refuses each one, naming the difference, and
leaves the class file as it was; `ekinerja periksa` reports each one. Real files, the real CLI.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from sandbox.cli import main
from sandbox.store import MIGRATIONS, Migration, content_hash, open_store
from sandbox.store.backup import backup, restore
from sandbox.store.errors import RestoreRefusedError
from sandbox.store.schema_check import SchemaMismatchError, differences, expected_at
from tests.store_helpers.writer import apply_command, seed

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def genuine(tmp_path_factory) -> tuple[Path, Path]:
    """A class file made by `ekinerja class create` (PIN, join code) and a backup of it."""
    folder = tmp_path_factory.mktemp("asli")
    path = folder / "kelas.db"
    assert main(["class", "create", "--db", str(path), "--kursi", "2"]) == 0
    with open_store(path) as store:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, backup(path, folder / "asli-cadangan.db")


@pytest.fixture
def kelas(genuine: tuple[Path, Path], tmp_path: Path) -> Path:
    path = tmp_path / "kelas.db"
    shutil.copy(genuine[0], path)
    return path


def digest(path: Path) -> str:
    with open_store(path) as store:
        return content_hash(store)


def craft(genuine: tuple[Path, Path], folder: Path, name: str, *sql: str, writable: bool = False) -> Path:
    """A copy of the genuine backup changed by raw SQL (foreign keys off, as any SQLite tool has), each
    statement on a new connection so it sees the schema the previous one wrote."""
    path = folder / f"{name}.db"
    shutil.copy(genuine[1], path)
    for statement in sql:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            if writable:
                conn.execute("PRAGMA writable_schema = ON")
            conn.execute(statement)
        finally:
            conn.close()
    check = sqlite3.connect(path)
    try:  # every crafted file is whole page by page: only the schema comparison can see it
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        check.close()
    return path


def cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "kesalahan internal" not in err and "internal error" not in err
    return code, out, err


def _empty_schema(conn: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'")]
    return [f'DROP TABLE "{name}"' for name in names]


TRIGGER = ("CREATE TRIGGER kursi_bersih AFTER UPDATE OF posisi ON kursi BEGIN"
           " UPDATE kelas SET pin_hash = NULL, kode_gabung = NULL;"
           " UPDATE kursi SET token_hash = NULL WHERE token_hash IS NOT NULL; END")

# name -> (SQL, needs writable_schema, the difference in Indonesian, in English)
CRAFTED: dict[str, tuple[list[str] | Callable, bool, str, str]] = {
    "pemicu": ([TRIGGER], False, "pemicu tambahan 'kursi_bersih' pada tabel kursi tidak dikenal",
               "unknown extra trigger 'kursi_bersih' on table kursi"),
    "view": (["DROP TABLE kursi", "CREATE VIEW kursi AS SELECT 1 AS kelas_id, 1 AS no"], False,
             "'kursi' seharusnya tabel, tetapi berupa view", "'kursi' should be a table, but is a view"),
    "kosong": (_empty_schema, False, "skema kosong: tidak ada satu pun dari",
               "empty schema: none of the"),
    "kolom": (["ALTER TABLE kelas ADD COLUMN catatan_rahasia TEXT"], False,
              "kolom tambahan 'catatan_rahasia' pada tabel kelas tidak dikenal",
              "unknown extra column 'catatan_rahasia' in table kelas"),
    "indeks": (["DROP INDEX idx_kursi_token_hash"], False,
               "indeks 'idx_kursi_token_hash' pada tabel kursi tidak ada",
               "index 'idx_kursi_token_hash' on table kursi is missing"),
    "indeks_lain": (["UPDATE sqlite_master SET sql = replace(sql, '(\"unor_id\")', '(\"nama\")')"
                     " WHERE name = 'idx_pegawai_unor_id'", "REINDEX idx_pegawai_unor_id"], True,
                    "indeks 'idx_pegawai_unor_id' berupa pegawai(nama), seharusnya pegawai(unor_id)",
                    "index 'idx_pegawai_unor_id' is pegawai(nama), expected pegawai(unor_id)"),
    "tipe": (["UPDATE sqlite_master SET sql = replace(sql, '\"pin_hash\" TEXT', '\"pin_hash\" INTEGER')"
              " WHERE name = 'kelas'"], True,
             "kolom 'pin_hash' pada tabel kelas bertipe INTEGER, seharusnya TEXT",
             "column 'pin_hash' of table kelas has type INTEGER, expected TEXT"),
    "konflik": (["UPDATE sqlite_master SET sql = replace(sql, 'PRIMARY KEY (\"kelas_id\", \"no\")',"
                 " 'PRIMARY KEY (\"kelas_id\", \"no\") ON CONFLICT REPLACE') WHERE name = 'kursi'"], True,
                "tabel kursi memuat klausa ON CONFLICT yang tidak dikenal",
                "table kursi has an unknown ON CONFLICT clause"),
    "tabel": (["CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT)"], False,
              "tabel tambahan 'catatan' tidak dikenal", "unknown extra table 'catatan'"),
    "utf8": (["UPDATE kelas SET nama = CAST(x'4b656c6173ff20412b' AS TEXT) WHERE id = 1"], False,
             "teks yang bukan UTF-8 sah pada tabel kelas, kolom nama, baris (rowid) 1",
             "text that is not valid UTF-8 in table kelas, column nama, row (rowid) 1"),
}


def crafted(genuine: tuple[Path, Path], folder: Path, name: str) -> Path:
    sql, writable, _, _ = CRAFTED[name]
    if callable(sql):
        conn = sqlite3.connect(genuine[1])
        try:
            sql = sql(conn)
        finally:
            conn.close()
    return craft(genuine, folder, name, *sql, writable=writable)


def test_the_crafted_trigger_really_clears_the_pin_and_the_join_code(genuine, tmp_path: Path) -> None:
    """Why it matters: the crafted file opens and works, until a seat moves."""
    path = crafted(genuine, tmp_path, "pemicu")
    with open_store(path) as store:
        assert store.conn.execute("SELECT pin_hash IS NOT NULL, kode_gabung IS NOT NULL FROM kelas"
                                  ).fetchone() == (1, 1)
        store.apply(None, None, "kelas.pindah", "kursi", "1", {},
                    lambda db: db.execute("UPDATE kursi SET posisi = '{}' WHERE no = 1"))
        assert store.conn.execute("SELECT pin_hash, kode_gabung FROM kelas").fetchone() == (None, None)


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_restore_refuses_a_crafted_backup_and_leaves_the_class_file(genuine, kelas: Path, tmp_path: Path,
                                                                     capsys, name: str) -> None:
    bad = crafted(genuine, tmp_path, name)
    _, _, indonesian, english = CRAFTED[name]
    before_hash = digest(kelas)
    before_bytes = hashlib.sha256(kelas.read_bytes()).hexdigest()
    before_files = {p.name for p in tmp_path.iterdir()}
    code, out, err = cli(capsys, "restore", "--db", str(kelas), "--dari", str(bad))
    assert code == 1 and out == ""
    assert indonesian in err and "tidak dapat dipulihkan ke" in err and "tidak diubah" in err
    code, _, err = cli(capsys, "restore", "--db", str(kelas), "--dari", str(bad), "--lang", "en")
    assert code == 1 and english in err and "cannot be restored" in err and "was not changed" in err
    assert hashlib.sha256(kelas.read_bytes()).hexdigest() == before_bytes
    assert {p.name for p in tmp_path.iterdir()} == before_files  # no kept copy, no temporary file
    assert digest(kelas) == before_hash


@pytest.mark.parametrize("name", sorted(CRAFTED))
def test_periksa_reports_the_difference(genuine, tmp_path: Path, capsys, name: str) -> None:
    path = crafted(genuine, tmp_path, name)
    _, _, indonesian, english = CRAFTED[name]
    code, out, err = cli(capsys, "periksa", "--db", str(path))
    assert code == 1 and "utuh" not in out
    assert indonesian in err and "tidak sesuai dengan yang dibuat e-Kinerja Sandbox" in err
    assert "jangan pakai berkas ini" in err  # and what to do
    code, _, err = cli(capsys, "doctor", "--db", str(path), "--lang", "en")
    assert code == 1 and english in err and "do not use this file" in err


def test_the_refusal_names_the_cause_through_the_api(genuine, kelas: Path, tmp_path: Path) -> None:
    bad = crafted(genuine, tmp_path, "view")
    with pytest.raises(RestoreRefusedError) as info:
        restore(bad, kelas)
    cause = info.value.cause
    assert isinstance(cause, SchemaMismatchError)
    assert [d.code for d in cause.differences] == ["store.skema.jenis_beda"]  # its index is not named again


def test_many_differences_are_counted_not_all_spelled_out(genuine, tmp_path: Path) -> None:
    statements = [f"ALTER TABLE kelas ADD COLUMN tambahan_{n} TEXT" for n in range(12)]
    bad = craft(genuine, tmp_path, "banyak", *statements)
    with pytest.raises(RestoreRefusedError) as info:
        restore(bad, tmp_path / "baru.db")
    text = str(info.value)
    assert "tambahan_0" in text and "tambahan_11" not in text and "dan 4 perbedaan lain" in text
    assert "and 4 more differences" in info.value.render("en")
    assert not (tmp_path / "baru.db").exists()


def test_a_genuine_backup_restores_and_checks_clean(genuine, kelas: Path, capsys) -> None:
    with open_store(kelas) as store:  # the class file moved on since the backup
        store.apply(None, None, "kelas.ubah", "kelas", "1", {},
                    lambda db: db.execute("UPDATE kelas SET nama = 'Kelas Lain'"))
    code, out, err = cli(capsys, "restore", "--db", str(kelas), "--dari", str(genuine[1]))
    assert code == 0 and "dipulihkan dari" in out and err == ""
    assert digest(kelas) == digest(genuine[1])
    code, out, err = cli(capsys, "periksa", "--db", str(kelas))
    assert code == 0 and "utuh" in out and err == ""


def test_sqlites_own_objects_are_not_differences(genuine, kelas: Path, tmp_path: Path, capsys) -> None:
    analysed = craft(genuine, tmp_path, "analisa", "ANALYZE")  # sqlite_stat1; autoindexes are everywhere
    conn = sqlite3.connect(analysed)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() == (1,)
    conn.close()
    code, _, err = cli(capsys, "restore", "--db", str(kelas), "--dari", str(analysed))
    assert code == 0, err
    code, out, _ = cli(capsys, "periksa", "--db", str(kelas))
    assert code == 0 and "utuh" in out


def test_an_older_file_still_restores_and_is_brought_up_to_date(kelas: Path, tmp_path: Path, capsys) -> None:
    older = tmp_path / "lama.db"
    with open_store(older, migrations=MIGRATIONS[:-1]) as store:  # what the previous version made
        seed(store)
        apply_command(store, 1, "pegawai")
        assert store.version == len(MIGRATIONS) - 1
    code, _, err = cli(capsys, "restore", "--db", str(kelas), "--dari", str(older))
    assert code == 0, err
    with open_store(kelas) as store:
        assert store.version == len(MIGRATIONS)
    code, out, _ = cli(capsys, "periksa", "--db", str(kelas))
    assert code == 0 and "utuh" in out


def test_an_older_file_is_compared_with_its_own_version(kelas: Path, tmp_path: Path, capsys) -> None:
    """A file that says it is version 5 but already carries the PIN column migration 6 adds (the upgrade
    on open would fail on it) is refused: the comparison is with its own version."""
    assert {c.name for c in expected_at(6).tables["kelas"].columns} - \
        {c.name for c in expected_at(5).tables["kelas"].columns} == {"pin_hash"}
    older = tmp_path / "lama.db"
    with open_store(older, migrations=MIGRATIONS[:5]) as store:
        seed(store)
    conn = sqlite3.connect(older, isolation_level=None)
    conn.execute("ALTER TABLE kelas ADD COLUMN pin_hash TEXT")
    conn.close()
    before = kelas.read_bytes()
    code, _, err = cli(capsys, "restore", "--db", str(kelas), "--dari", str(older))
    assert code == 1 and "(skema v5): kolom tambahan 'pin_hash' pada tabel kelas tidak dikenal" in err
    assert kelas.read_bytes() == before


def test_the_expected_schema_comes_from_the_migrations(tmp_path: Path) -> None:
    """A new migration changes what is expected with no list to edit by hand."""
    def add_a_column(db) -> None:
        db["kelas"].add_column("catatan_baru", str)

    later = (*MIGRATIONS, Migration(len(MIGRATIONS) + 1, "uji", add_a_column))
    path = tmp_path / "kelas.db"
    with open_store(path, migrations=later) as store:
        assert differences(store.conn, store.version, later) == []
        found = differences(store.conn, store.version - 1, later)
    assert [d.render("en") for d in found] == ["unknown extra column 'catatan_baru' in table kelas"]
    assert "catatan_baru" not in {c.name for c in expected_at(len(MIGRATIONS)).tables["kelas"].columns}


def test_the_bench_handles_every_crafted_backup(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("crafted_backups", ROOT / "bench" / "crafted_backups.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        failures: list[str] = []
        handled, tried = module.run(tmp_path, variants=8, failures=failures)
    finally:
        sys.modules.pop(spec.name, None)
    assert tried >= 19 and handled == tried, failures
