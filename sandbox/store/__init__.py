"""The embedded SQLite store: schema and migrations, safe connections, audited commands, backups.

`sandbox.store.backup` names both a module and, here, its function: import the module's other names
with `from sandbox.store.backup import ...` (`import sandbox.store.backup as m` gives the function).
"""

from sandbox.store.backup import backup, restore
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
from sandbox.store.integrity import content_hash
from sandbox.store.migrations import MIGRATIONS, Migration

__all__ = [
    "MIGRATIONS", "CommandContext", "ForeignDatabaseError", "Migration", "MigrationError",
    "NewerSchemaError", "Store", "StoreDamagedError", "StoreError", "StoreLockedError", "StorePathError",
    "StoreUnavailableError",
    "backup", "content_hash", "default_db_path", "open_store", "restore",
]
