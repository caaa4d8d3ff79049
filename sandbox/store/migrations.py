"""Ordered schema migrations: plain functions numbered 1..n, applied together in one transaction.

A file's version is the highest row of `schema_version`; a file with no tables at all is version 0.
Upgrading runs every missing migration inside the caller's `BEGIN IMMEDIATE`, so an upgrade that
fails half-way leaves the file exactly at its old version. Migrations are append-only: never edit a
released one, add the next number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from sandbox.store.errors import ForeignDatabaseError, MigrationError, NewerSchemaError
from sandbox.store.schema import (
    migration_1_initial_schema,
    migration_2_pegawai_details,
    migration_3_assessment,
    migration_4_drafts,
    migration_5_classroom,
    migration_6_class_access,
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[Database], None]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial_schema", migration_1_initial_schema),
    Migration(2, "pegawai_details", migration_2_pegawai_details),
    Migration(3, "assessment", migration_3_assessment),
    Migration(4, "drafts", migration_4_drafts),
    Migration(5, "classroom", migration_5_classroom),
    Migration(6, "class_access", migration_6_class_access),
)


def read_version(conn: sqlite3.Connection, path: str) -> int:
    """The file's schema version; 0 for an empty file; refuses a foreign SQLite database."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "schema_version" in names:
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0)
    if {n for n in names if not n.startswith("sqlite_")}:
        raise ForeignDatabaseError(path=path)
    return 0


def check_known(version: int, path: str, migrations: Sequence[Migration]) -> None:
    known = migrations[-1].version if migrations else 0
    if version > known:
        raise NewerSchemaError(path=path, found=version, known=known)


def upgrade(db: Database, path: str, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the missing migrations; the caller holds an open write transaction. Returns the version."""
    for expected, migration in enumerate(migrations, start=1):
        if migration.version != expected:  # a programming error, caught by the test suite
            raise ValueError(f"migrations must be numbered 1..n, found {migration.version} at {expected}")
    current = read_version(db.conn, path)
    check_known(current, path, migrations)
    if current == 0:
        db["schema_version"].create({"version": int, "name": str, "applied_wall_ts": str}, pk="version")
    for migration in migrations[current:]:
        try:
            migration.apply(db)
        except Exception as exc:
            raise MigrationError(version=migration.version, name=migration.name, detail=exc) from exc
        db["schema_version"].insert({
            "version": migration.version, "name": migration.name,
            "applied_wall_ts": datetime.now(UTC).isoformat(timespec="seconds"),
        })
    return migrations[-1].version if migrations else current
