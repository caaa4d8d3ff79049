"""Whole-file facts: a stable content hash ("same seed → identical data"); backups are `store.backup`.

`content_hash` reads every user table in name order and every row in primary-key order, and hashes
a canonical JSON form of each row. Left out, because they differ between two otherwise identical
runs: SQLite's own tables (`sqlite_*`) and every column named `wall_ts` or ending in `_wall_ts`
(today `audit_log.wall_ts` and `schema_version.applied_wall_ts`), and the `draf_isian` table of
half-typed form text, which is not a record of anything done. Virtual-time columns are content and
are hashed. Only content counts: two files with equal rows hash equal whatever their page
layout, journal mode or free pages.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator

from sandbox.store.core import Store

NOT_CONTENT = frozenset({"draf_isian"})


def is_wall_clock_column(name: str) -> bool:
    return name == "wall_ts" or name.endswith("_wall_ts")


def _canonical(value: object) -> object:
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if isinstance(value, float):
        return {"$real": repr(value)}  # keeps 1.0 distinct from 1 and is exact
    return value


def table_names(conn: sqlite3.Connection) -> list[str]:
    """The file's own tables (SQLite's internal ones left out), in name order."""
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def table_rows(conn: sqlite3.Connection, table: str, where: str = "", args: list | tuple = ()
               ) -> tuple[list[str], Iterator[bytes]]:
    """A table's content columns (wall-clock ones left out) and its rows, `where` applied, in
    primary-key order, each as canonical JSON: what every content hash reads."""
    info = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    columns = [row[1] for row in info if not is_wall_clock_column(row[1])]
    pk = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5] > 0]
    order = ", ".join(f'"{c}"' for c in pk) if pk else "rowid"
    select = ", ".join(f'"{c}"' for c in columns)
    cursor = conn.execute(f'SELECT {select} FROM "{table}"{where} ORDER BY {order}', list(args))
    rows = (json.dumps([_canonical(v) for v in row], ensure_ascii=False, separators=(",", ":")).encode()
            for row in cursor)
    return columns, rows


def content_hash(store: Store) -> str:
    """SHA-256 (hex) of all table contents; see the module docstring for what is excluded."""
    digest = hashlib.sha256()
    for table in table_names(store.conn):
        if table in NOT_CONTENT:
            continue
        columns, rows = table_rows(store.conn, table)
        digest.update(json.dumps(["table", table, columns]).encode())
        for row in rows:
            digest.update(row)
            digest.update(b"\n")
    return digest.hexdigest()


def invalid_text(conn: sqlite3.Connection, limit: int = 5) -> list[tuple[str, str, list[int | str], int]]:
    """Text values that are not valid UTF-8, as (table, column, the first `limit` row ids, how many).

    SQLite stores whatever bytes it is given as TEXT (a `CAST(x'ff' AS TEXT)`, a foreign tool), and
    Python then fails on the whole row when it reads it. So every TEXT value is read as bytes and
    decoded here. Row ids are rowids (a table without one is numbered by its place in a scan)."""
    found: list[tuple[str, str, list[int | str], int]] = []
    old_factory = conn.text_factory
    try:
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # names may be damaged too
        tables = table_names(conn)
        shapes = {t: [r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", [t])] for t in tables}
        conn.text_factory = bytes
        for table in tables:
            found.extend(_invalid_in_table(conn, table, shapes[table], limit))
    finally:
        conn.text_factory = old_factory
    return found


def _invalid_in_table(conn: sqlite3.Connection, table: str, columns: list[str], limit: int
                      ) -> list[tuple[str, str, list[int | str], int]]:
    if not columns:
        return []
    quoted = ['"' + c.replace('"', '""') + '"' for c in columns]
    texts = ", ".join(f"CASE WHEN typeof({q}) = 'text' THEN {q} END" for q in quoted)
    any_text = " OR ".join(f"typeof({q}) = 'text'" for q in quoted)
    name = '"' + table.replace('"', '""') + '"'
    try:
        rows = conn.execute(f"SELECT _rowid_, {texts} FROM {name} WHERE {any_text}")
        numbered = False
    except sqlite3.OperationalError:  # WITHOUT ROWID: no rowid to name
        rows = conn.execute(f"SELECT NULL, {texts} FROM {name} WHERE {any_text}")
        numbered = True
    bad: dict[str, list[int | str]] = {}
    counts: dict[str, int] = {}
    for place, row in enumerate(rows, start=1):
        for column, value in zip(columns, row[1:], strict=True):
            if value is None:
                continue
            try:
                value.decode("utf-8")
            except UnicodeDecodeError:
                ids = bad.setdefault(column, [])
                counts[column] = counts.get(column, 0) + 1
                if len(ids) < limit:
                    ids.append(f"#{place}" if numbered else row[0])
    return [(table, column, ids, counts[column]) for column, ids in bad.items()]
