"""The embedded SQLite store: schema and migrations, safe connections, audited commands, backups."""

from sandbox.store.core import CommandContext, Store, default_db_path, open_store
from sandbox.store.errors import (
    ForeignDatabaseError,
    MigrationError,
    NewerSchemaError,
    StoreDamagedError,
    StoreError,
    StoreLockedError,
    StorePathError,
    StoreUnavailableError,
)
from sandbox.store.integrity import backup, content_hash
from sandbox.store.migrations import MIGRATIONS, Migration

__all__ = [
    "MIGRATIONS", "CommandContext", "ForeignDatabaseError", "Migration", "MigrationError",
    "NewerSchemaError", "Store", "StoreDamagedError", "StoreError", "StoreLockedError", "StorePathError",
    "StoreUnavailableError",
    "backup", "content_hash", "default_db_path", "open_store",
]
