"""The SQLite store on real files: schema and migrations, refusals, the audit log, hashes, backups,
and several writer processes sharing one file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sandbox.store import (
    MIGRATIONS,
    ForeignDatabaseError,
    Migration,
    MigrationError,
    NewerSchemaError,
    StoreDamagedError,
    StoreError,
    StorePathError,
    backup,
    content_hash,
    default_db_path,
    open_store,
)
from tests.store_helpers.writer import ACTION, TABLE_KEYS, apply_command, numbers_by_table, seed

LATEST = len(MIGRATIONS)  # the schema version a new file gets

WRITER = Path(__file__).parent / "store_helpers" / "writer.py"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kelas" / "sandbox.db"


def add_instansi(store, ident: str = "I1", actor: str = "trainer") -> None:
    store.apply(actor, actor, "instansi.tambah", "instansi", ident, {"nama": ident},
                lambda db: db["instansi"].insert({"id": ident, "nama": f"Instansi {ident}"}))


# -- opening, schema, versions -----------------------------------------------------------------------

def test_new_file_gets_schema_version_and_pragmas(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert db_path.exists()  # parent folders were created
        assert store.version == len(MIGRATIONS) == LATEST
        assert [r["version"] for r in store.db["schema_version"].rows] == list(range(1, LATEST + 1))
        tables = set(store.db.table_names())
        for name in ("instansi", "unor", "pegawai", "periode_penilaian_master", "skp", "skp_status_log",
                     "rhk", "indikator", "lampiran", "perilaku_skp", "skp_periode", "rencana_aksi",
                     "realisasi", "bukti_dukung", "umpan_balik", "capaian_organisasi", "distribusi_check",
                     "keberatan", "audit_log", "clock", "evaluation_trace"):
            assert name in tables, name
        assert store.pragma("journal_mode") == "wal"
        assert store.pragma("busy_timeout") == 15000
        assert store.pragma("foreign_keys") == 1
        assert store.pragma("synchronous") == 1  # NORMAL
        assert store.virtual_now().startswith("2026-")
        assert store.db["skp"].foreign_keys  # relations are declared, not implied


def test_reopening_is_idempotent(db_path: Path) -> None:
    with open_store(db_path) as store:
        add_instansi(store)
        before = content_hash(store)
    with open_store(db_path) as store:
        assert store.version == LATEST
        assert store.db["schema_version"].count == LATEST
        assert content_hash(store) == before


def test_default_path_comes_from_env_or_user_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("EKINERJA_DB", str(tmp_path / "env" / "x.db"))
    assert default_db_path() == tmp_path / "env" / "x.db"
    with open_store() as store:
        assert store.path == tmp_path / "env" / "x.db"
    monkeypatch.delenv("EKINERJA_DB")
    assert default_db_path().name == "sandbox.db"
    assert "ekinerja-sandbox" in str(default_db_path())


def test_empty_v0_file_is_upgraded(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    sqlite3.connect(db_path).close()  # a zero-byte file: SQLite's "new database", version 0
    with open_store(db_path) as store:
        assert store.version == LATEST


def test_older_file_is_upgraded_in_one_step_and_keeps_its_data(db_path: Path) -> None:
    with open_store(db_path) as store:
        add_instansi(store)

    def add_column(db) -> None:
        db["instansi"].add_column("kode_bkn", str)

    def add_table(db) -> None:
        db["catatan"].create({"id": int, "teks": str}, pk="id")

    newer = (*MIGRATIONS, Migration(LATEST + 1, "kode_bkn", add_column),
             Migration(LATEST + 2, "catatan", add_table))
    with open_store(db_path, migrations=newer) as store:
        assert store.version == LATEST + 2
        assert [r["version"] for r in store.db["schema_version"].rows] == list(range(1, LATEST + 3))
        assert "kode_bkn" in store.db["instansi"].columns_dict
        assert store.db["instansi"].get("I1")["nama"] == "Instansi I1"


def test_failing_migration_leaves_file_at_old_version(db_path: Path) -> None:
    with open_store(db_path) as store:
        add_instansi(store)
        before = content_hash(store)

    def good(db) -> None:
        db["catatan"].create({"id": int}, pk="id")

    def bad(db) -> None:
        raise RuntimeError("sengaja gagal")

    with pytest.raises(MigrationError) as info:
        open_store(db_path, migrations=(*MIGRATIONS, Migration(LATEST + 1, "good", good),
                                             Migration(LATEST + 2, "bad", bad)))
    assert f"v{LATEST + 2}" in str(info.value) and "sengaja gagal" in str(info.value)
    with open_store(db_path) as store:
        assert store.version == LATEST
        assert "catatan" not in store.db.table_names()
        assert content_hash(store) == before


def test_newer_file_is_refused_untouched(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.db["schema_version"].insert({"version": 7, "name": "dari masa depan", "applied_wall_ts": "x"})
    raw = db_path.read_bytes()
    with pytest.raises(NewerSchemaError) as info:
        open_store(db_path)
    message = str(info.value)
    assert "versi e-Kinerja Sandbox yang lebih baru" in message
    assert "v7" in message and f"v{LATEST}" in message
    assert "Traceback" not in message
    assert db_path.read_bytes() == raw


@pytest.mark.parametrize("content", [b"ini bukan basis data\n" * 50, bytes(range(256)) * 40])
def test_non_database_file_is_refused(db_path: Path, content: bytes) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(StoreDamagedError) as info:
        open_store(db_path)
    assert "bukan basis data SQLite atau sudah rusak" in str(info.value)
    assert db_path.read_bytes() == content


def test_sqlite_header_with_garbage_body_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    with pytest.raises(StoreDamagedError):
        open_store(db_path)


def test_truncated_database_is_refused(db_path: Path) -> None:
    with open_store(db_path) as store:
        add_instansi(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db_path.stat().st_size
    assert size > 8 * 4096
    with db_path.open("r+b") as handle:
        handle.truncate(size // 2)
    with pytest.raises(StoreDamagedError) as info:
        open_store(db_path)
    assert "terpotong" in str(info.value)


def test_foreign_sqlite_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE resep (id INTEGER PRIMARY KEY, nama TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(ForeignDatabaseError) as info:
        open_store(db_path)
    assert "bukan milik e-Kinerja Sandbox" in str(info.value)


def test_folder_as_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorePathError) as info:
        open_store(tmp_path)
    assert isinstance(info.value, StoreError) and "folder" in str(info.value)


def test_damage_found_by_quick_check(db_path: Path) -> None:
    with open_store(db_path) as store:
        for i in range(300):
            add_instansi(store, f"I{i:04d}")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.quick_check()
    data = bytearray(db_path.read_bytes())
    data[4096 * 3 + 200: 4096 * 3 + 1200] = b"\x07" * 1000  # scribble over a page in the middle
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreDamagedError):
        with open_store(db_path) as store:
            store.quick_check()


# -- audit log and commands ----------------------------------------------------------------------------

def test_audit_log_refuses_update_and_delete(db_path: Path) -> None:
    with open_store(db_path) as store:
        add_instansi(store)
        with pytest.raises(sqlite3.IntegrityError, match="hanya boleh ditambah"):
            store.conn.execute("UPDATE audit_log SET action = 'lain'")
        with pytest.raises(sqlite3.IntegrityError, match="hanya boleh ditambah"):
            store.conn.execute("DELETE FROM audit_log")
        with pytest.raises(sqlite3.IntegrityError, match="hanya boleh ditambah"):
            store.apply("x", "x", "hapus", "audit_log", 1, {},
                        lambda db: db.execute("DELETE FROM audit_log WHERE id = 1"))
        assert store.db["audit_log"].count == 1


def test_apply_writes_command_and_audit_row_together(db_path: Path) -> None:
    with open_store(db_path) as store:
        seen = {}

        def fn(db):
            seen["ctx"] = store.current
            db["instansi"].insert({"id": "I9", "nama": "Sembilan"})
            return "hasil"

        assert store.apply("111", "222", "instansi.tambah", "instansi", "I9", {"nama": "Sembilan"}, fn,
                           device_id="lab-3", ip="10.0.0.3") == "hasil"
        row = list(store.db["audit_log"].rows)[-1]
        assert row["id"] == seen["ctx"].audit_id
        assert (row["session_nip"], row["acting_as_nip"], row["action"], row["entity"], row["entity_id"]) == (
            "111", "222", "instansi.tambah", "instansi", "I9")
        assert row["payload"] == '{"nama": "Sembilan"}'
        assert row["virtual_ts"] == store.virtual_now() and row["wall_ts"]
        assert (row["device_id"], row["ip"]) == ("lab-3", "10.0.0.3")
        assert store.current is None


def test_virtual_clock_moves_only_through_a_command(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.set_virtual_now("trainer", "2026-03-31T16:00:00+07:00")
        add_instansi(store)
        assert store.virtual_now() == "2026-03-31T16:00:00+07:00"
        rows = list(store.db["audit_log"].rows)
        assert [r["action"] for r in rows] == ["clock.set", "instansi.tambah"]
        assert rows[1]["virtual_ts"] == "2026-03-31T16:00:00+07:00"
        with pytest.raises(sqlite3.IntegrityError):
            store.db["clock"].insert({"id": 2, "virtual_now": "x"})


def test_failing_command_changes_nothing(db_path: Path) -> None:
    with open_store(db_path) as store:
        add_instansi(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        wal = db_path.with_name(db_path.name + "-wal")
        before_hash, before_bytes = content_hash(store), db_path.read_bytes()
        before_wal = wal.read_bytes() if wal.exists() else b""

        def fn(db):
            db["instansi"].insert({"id": "I2", "nama": "Dua"})
            db["unor"].insert({"id": "U2", "instansi_id": "I2", "nama": "Unit"})
            raise ValueError("gagal di tengah perintah")

        with pytest.raises(ValueError, match="gagal di tengah"):
            store.apply("x", "x", "gagal", "instansi", "I2", {}, fn)
        # a foreign-key violation inside the command also rolls everything back
        with pytest.raises(sqlite3.IntegrityError):
            store.apply("x", "x", "gagal.fk", "unor", "U3", {},
                        lambda db: db["unor"].insert({"id": "U3", "instansi_id": "TIDAK-ADA", "nama": "U"}))
        assert store.db["audit_log"].count == 1
        assert content_hash(store) == before_hash
        assert not store.conn.in_transaction
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert db_path.read_bytes() == before_bytes
        assert (wal.read_bytes() if wal.exists() else b"") == before_wal


# -- content hash and backup ---------------------------------------------------------------------------

def test_content_hash_equal_for_equal_content_and_changes_with_it(tmp_path: Path) -> None:
    a, b = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    try:
        for store in (a, b):
            add_instansi(store, "I1")
            add_instansi(store, "I2")
        assert content_hash(a) == content_hash(b)  # wall_ts differs, content does not
        assert len(content_hash(a)) == 64
        b.apply("x", "x", "ubah", "instansi", "I2", {},
                lambda db: db["instansi"].update("I2", {"nama": "Berubah"}))
        assert content_hash(a) != content_hash(b)
        a.apply("x", "x", "ubah", "instansi", "I2", {},
                lambda db: db["instansi"].update("I2", {"nama": "Berubah"}))
        assert content_hash(a) == content_hash(b)
        b.conn.execute("VACUUM")  # page layout is not content
        assert content_hash(a) == content_hash(b)
    finally:
        a.close()
        b.close()


def test_backup_is_openable_and_equal(db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        for i in range(20):
            add_instansi(store, f"I{i}")
        dest = backup(store, tmp_path / "cadangan" / "salinan.db")
        original = content_hash(store)
        add_instansi(store, "SESUDAH")  # later writes do not reach the backup
    assert not dest.with_name(dest.name + ".tmp").exists()
    with open_store(dest) as copy:
        copy.quick_check()
        assert content_hash(copy) == original
        assert copy.version == LATEST


# -- several processes ---------------------------------------------------------------------------------

def test_data_version_sees_other_connections_commits(db_path: Path) -> None:
    with open_store(db_path) as watcher, open_store(db_path) as writer:
        before = watcher.data_version()
        add_instansi(writer)
        assert watcher.data_version() != before


def test_eight_processes_share_one_file(db_path: Path) -> None:
    workers, per_worker = 8, 50
    with open_store(db_path) as store:
        seed(store)
    procs = [subprocess.Popen([sys.executable, str(WRITER), str(db_path), "--first", str(k * 1000),
                               "--count", str(per_worker), "--actor", f"pegawai-{k}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for k in range(1, workers + 1)]
    outputs = [p.communicate(timeout=60) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()
        assert b"locked" not in err
        assert len(out.split()) == per_worker + 1  # READY + every number
    expected = {k * 1000 + i for k in range(1, workers + 1) for i in range(per_worker)}
    with open_store(db_path) as store:
        found = numbers_by_table(store)
        for table, numbers in found.items():
            assert numbers == expected, table
        ids = [r[0] for r in store.conn.execute("SELECT entity_id FROM audit_log WHERE action = ?", [ACTION])]
        assert len(ids) == len(set(ids)) == workers * per_worker  # every command exactly once
        for table in TABLE_KEYS:
            assert store.db[table].count == workers * per_worker
        assert store.conn.execute("SELECT count(DISTINCT session_nip) FROM audit_log WHERE action = ?",
                                  [ACTION]).fetchone()[0] == workers
        store.quick_check()


def test_same_commands_give_same_hash(tmp_path: Path) -> None:
    hashes = []
    for name in ("a.db", "b.db"):
        with open_store(tmp_path / name) as store:
            seed(store)
            for n in range(1, 11):
                apply_command(store, n, "pegawai")
            hashes.append(content_hash(store))
    assert hashes[0] == hashes[1]
