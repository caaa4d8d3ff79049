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
