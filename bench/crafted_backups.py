"""Crafted backups (issue #16, fault 7): how many does `ekinerja restore` refuse as it should?

Each crafted backup is a genuine one changed by raw SQL so that every page is still whole (an extra
trigger, a view in place of a table, an empty schema, an extra column or table, a missing index, a
changed column type, text that is no longer UTF-8, ...): the fixed set of tests/test_backup_schema.py
plus variants generated from the schema the code builds (random tables, columns, indexes). One is
"handled" when `ekinerja restore` refuses it with a message that names the difference, without a
traceback, leaving the class file byte for byte and content hash as it was, and `ekinerja periksa`
on a copy of it names the same difference. Run from the repository root:

    .venv/bin/python bench/crafted_backups.py [--variants 24]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import random
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sandbox.cli import main  # noqa: E402
from sandbox.store import MIGRATIONS, content_hash, open_store  # noqa: E402
from sandbox.store.backup import backup  # noqa: E402
from sandbox.store.schema_check import Schema, expected_at  # noqa: E402

TRIGGER_PIN = ("CREATE TRIGGER kursi_bersih AFTER UPDATE OF posisi ON kursi BEGIN"
               " UPDATE kelas SET pin_hash = NULL, kode_gabung = NULL;"
               " UPDATE kursi SET token_hash = NULL WHERE token_hash IS NOT NULL; END")
TRIGGER_AUDIT = ("CREATE TRIGGER setiap_perintah AFTER INSERT ON audit_log BEGIN"
                 " UPDATE kelas SET pin_hash = NULL, kode_gabung = NULL;"
                 " UPDATE kursi SET token_hash = NULL; END")
# Tables whose rows a class file has from its first minute (UTF-8 damage needs a row to sit in).
WITH_ROWS = ("kelas", "clock", "perilaku_master", "umpan_balik_master", "schema_version")


@dataclass(frozen=True)
class Craft:
    name: str
    statements: tuple[str, ...]
    named: str  # what the Indonesian refusal must say
    writable: bool = False  # needs PRAGMA writable_schema (a changed declaration)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def fixed(schema: Schema) -> list[Craft]:
    core = [t for t in schema.tables if t != "schema_version"]
    return [
        Craft("pemicu", (TRIGGER_PIN,), "pemicu tambahan 'kursi_bersih' pada tabel kursi tidak dikenal"),
        Craft("pemicu_audit", (TRIGGER_AUDIT,), "pemicu tambahan 'setiap_perintah' pada tabel audit_log"),
        Craft("view", ("DROP TABLE kursi", "CREATE VIEW kursi AS SELECT 1 AS kelas_id, 1 AS no"),
              "'kursi' seharusnya tabel, tetapi berupa view"),
        Craft("kosong", tuple(f"DROP TABLE {_q(t)}" for t in core), "skema kosong"),
        Craft("kolom", ("ALTER TABLE kelas ADD COLUMN catatan_rahasia TEXT",),
              "kolom tambahan 'catatan_rahasia' pada tabel kelas"),
        Craft("indeks", ("DROP INDEX idx_kursi_token_hash",),
              "indeks 'idx_kursi_token_hash' pada tabel kursi tidak ada"),
        Craft("tipe", ("UPDATE sqlite_master SET sql = replace(sql, '\"pin_hash\" TEXT',"
                       " '\"pin_hash\" INTEGER') WHERE name = 'kelas'",),
              "kolom 'pin_hash' pada tabel kelas bertipe INTEGER, seharusnya TEXT", writable=True),
        Craft("konflik", ("UPDATE sqlite_master SET sql = replace(sql, 'PRIMARY KEY (\"kelas_id\", \"no\")',"
                          " 'PRIMARY KEY (\"kelas_id\", \"no\") ON CONFLICT REPLACE') WHERE name = 'kursi'",),
              "tabel kursi memuat klausa ON CONFLICT yang tidak dikenal", writable=True),
        Craft("check", ("UPDATE sqlite_master SET sql = replace(sql, '\"nama\" TEXT NOT NULL',"
                        " '\"nama\" TEXT NOT NULL CHECK (length(nama) < 1000)') WHERE name = 'kelas'",),
              "tabel kelas memuat klausa CHECK yang tidak dikenal", writable=True),
        Craft("tabel", ("CREATE TABLE catatan (id INTEGER PRIMARY KEY, isi TEXT)",),
              "tabel tambahan 'catatan'"),
        Craft("utf8", ("UPDATE kelas SET nama = CAST(x'4b656c6173ff' AS TEXT) WHERE id = 1",),
              "bukan UTF-8 sah pada tabel kelas, kolom nama, baris (rowid) 1"),
        Craft("pemicu_hilang", ("DROP TRIGGER audit_log_no_update",),
              "pemicu 'audit_log_no_update' pada tabel audit_log tidak ada"),
        Craft("pemicu_diubah", ("UPDATE sqlite_master SET sql = replace(sql, 'BEGIN', 'WHEN 0 BEGIN')"
                                " WHERE name = 'audit_log_no_delete'",),  # the guard never fires
              "pemicu 'audit_log_no_delete' pada tabel audit_log berbeda", writable=True),
    ]


def generated(schema: Schema, rng: random.Random, count: int) -> list[Craft]:
    """`count` variants over random tables, columns and indexes of the schema the code builds."""
    tables = sorted(t for t in schema.tables if t != "schema_version")
    indexes = sorted(schema.indexes)
    makers = [
        lambda n, t: Craft(f"v{n}-pemicu", (f"CREATE TRIGGER picu_{n} AFTER INSERT ON {_q(t)} BEGIN"
                                            f" DELETE FROM kursi; END",),
                           f"pemicu tambahan 'picu_{n}' pada tabel {t}"),
        lambda n, t: Craft(f"v{n}-view", (f"DROP TABLE {_q(t)}", f"CREATE VIEW {_q(t)} AS SELECT 1 AS id"),
                           f"'{t}' seharusnya tabel, tetapi berupa view"),
        lambda n, t: Craft(f"v{n}-kolom", (f"ALTER TABLE {_q(t)} ADD COLUMN kolom_{n} TEXT",),
                           f"kolom tambahan 'kolom_{n}' pada tabel {t}"),
        lambda n, t: Craft(f"v{n}-tabel", (f"CREATE TABLE tabel_{n} (id INTEGER PRIMARY KEY)",),
                           f"tabel tambahan 'tabel_{n}'"),
        lambda n, t: Craft(f"v{n}-indeks_tambahan", (f"CREATE INDEX indeks_{n} ON {_q(t)} "
                                                     f"({_q(schema.tables[t].columns[-1].name)})",),
                           f"indeks tambahan 'indeks_{n}' pada tabel {t}"),
    ]
    crafts = []
    for n in range(count):
        kind = n % (len(makers) + 3)
        if kind < len(makers):
            crafts.append(makers[kind](n, rng.choice(tables)))
        elif kind == len(makers):
            index = rng.choice(indexes)
            crafts.append(Craft(f"v{n}-indeks", (f"DROP INDEX {_q(index)}",),
                                f"indeks '{index}' pada tabel {schema.indexes[index].table} tidak ada"))
        elif kind == len(makers) + 1:
            table = rng.choice([t for t in tables if any(not c.pk for c in schema.tables[t].columns)])
            column = rng.choice([c for c in schema.tables[table].columns if not c.pk])  # a key keeps its type
            new = "BLOB" if column.type != "BLOB" else "TEXT"
            old = f'"{column.name}" {column.type}'
            crafts.append(Craft(f"v{n}-tipe", (f"UPDATE sqlite_master SET sql = replace(sql, '{old}', "
                                               f"'\"{column.name}\" {new}') WHERE name = '{table}'",),
                                f"kolom '{column.name}' pada tabel {table} bertipe {new}", writable=True))
        else:
            table = rng.choice(WITH_ROWS)
            texts = [c.name for c in schema.tables[table].columns if c.type == "TEXT"]
            column = rng.choice(texts)
            crafts.append(Craft(f"v{n}-utf8", (f"UPDATE {_q(table)} SET {_q(column)} = CAST(x'c328' AS TEXT)"
                                               f" WHERE _rowid_ = (SELECT min(_rowid_) FROM {_q(table)})",),
                                f"bukan UTF-8 sah pada tabel {table}, kolom {column}, baris"))
    return crafts


def make(source: Path, folder: Path, craft: Craft) -> Path | None:
    """The crafted file, or None when SQLite would not make it (not a valid variant: not tried)."""
    path = folder / f"{craft.name}.db"
    shutil.copy(source, path)
    try:
        for statement in craft.statements:
            conn = sqlite3.connect(path, isolation_level=None)
            try:
                if craft.writable:
                    conn.execute("PRAGMA writable_schema = ON")
                conn.execute(statement)
            finally:
                conn.close()
        conn = sqlite3.connect(path)
        try:
            whole = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    if not whole or path.read_bytes() == source.read_bytes():
        return None
    return path


def _cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except BaseException as exc:  # noqa: BLE001 — an escaped exception is what this counts
            return -1, f"{type(exc).__name__}: {exc}"
    return code, out.getvalue() + err.getvalue()


def _digest(path: Path) -> tuple[str, str]:
    with open_store(path) as store:
        content = content_hash(store)
    return hashlib.sha256(path.read_bytes()).hexdigest(), content


def attempt(craft: Craft, bad: Path, target: Path, folder: Path) -> str | None:
    """None when handled; else what went wrong."""
    before = _digest(target)
    code, text = _cli("restore", "--db", str(target), "--dari", str(bad))
    if code != 1:
        return f"restore exit {code}: {text[:200]}"
    if "Traceback" in text or craft.named not in text or "tidak diubah" not in text:
        return f"restore said: {text[:300]}"
    if _digest(target) != before:
        return "the class file changed"
    copy = folder / f"periksa-{craft.name}.db"
    shutil.copy(bad, copy)
    code, text = _cli("periksa", "--db", str(copy))
    if code != 1 or "Traceback" in text or craft.named not in text:
        return f"periksa exit {code}: {text[:300]}"
    return None


def run(folder: Path, *, variants: int = 24, seed: int = 16, failures: list[str] | None = None
        ) -> tuple[int, int]:
    """(handled, tried) over the fixed crafted backups and `variants` generated ones."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "kelas.db"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["class", "create", "--db", str(target), "--kursi", "2"]) == 0
    genuine = backup(target, folder / "asli.db")
    schema = expected_at(len(MIGRATIONS))
    handled = tried = 0
    for craft in [*fixed(schema), *generated(schema, random.Random(seed), variants)]:
        bad = make(genuine, folder, craft)
        if bad is None:
            continue
        tried += 1
        problem = attempt(craft, bad, target, folder)
        if problem is None:
            handled += 1
        elif failures is not None:
            failures.append(f"{craft.name}: {problem}")
    return handled, tried


def _main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=24, help="generated variants beside the fixed set")
    args = parser.parse_args()
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        handled, tried = run(Path(folder), variants=args.variants, failures=failures)
    print(f"crafted backups: {handled} of {tried} refused with the difference named, class file unchanged")
    for failure in failures[:10]:
        print(f"  NOT handled: {failure}")


if __name__ == "__main__":
    _main()
