"""Store problems a user can meet (damaged file, newer file, busy classroom), in plain Indonesian.

Their messages are in `sandbox.i18n.catalog` under `store.*`, Indonesian first.
"""

from __future__ import annotations

from sandbox.errors import SandboxError
from sandbox.i18n import message


def store_message(code: str, lang: str = "id", **params: object) -> str:
    """The text of one store message, from the one catalog."""
    return message(code, lang, **params)


class StoreError(SandboxError):
    """Base of every problem the store reports; `str()` is the Indonesian message and what to do."""

    code = "store.damaged"

    def __init__(self, **params: object):
        super().__init__(**params)
        self.args = (self.render("id"),)


class StoreDamagedError(StoreError):
    """The file is not SQLite at all, or its pages are truncated or malformed.

    `cadangan`, when given, is the newest backup of the file (`ekinerja backup`): the message then
    says exactly which `ekinerja restore` to run.
    """

    code = "store.damaged"

    def render(self, lang: str = "id") -> str:
        fix = "store.damaged.fix_cadangan" if self.params.get("cadangan") else self.code + ".fix"
        return f"{self.reason(lang)} — {store_message(fix, lang, **self.params)}"


class ForeignDatabaseError(StoreError):
    """A valid SQLite file that holds someone else's tables; we refuse to write into it."""

    code = "store.foreign"


class NewerSchemaError(StoreError):
    """The file's schema version is above the newest migration this code knows."""

    code = "store.newer"


class StoreLockedError(StoreError):
    """Other writers kept the database busy past the timeout and every retry."""

    code = "store.locked"


class StorePathError(StoreError):
    """The path cannot be used as a database file (a folder, no permission, no space)."""

    code = "store.path"


class MigrationError(StoreError):
    """A migration raised; the whole upgrade was rolled back and the file kept its old version."""

    code = "store.migration"


class StoreUnavailableError(StoreError):
    """A training scenario's outage: the "server" refused this save and wrote nothing of it."""

    code = "store.unavailable"

    def _code(self) -> str:
        jenis = self.params.get("jenis")
        return f"store.unavailable.{jenis}" if jenis in ("pemeliharaan", "tanpa_jawaban") else self.code

    def reason(self, lang: str = "id") -> str:
        return store_message(self._code(), lang, **self.params)

    def render(self, lang: str = "id") -> str:
        return f"{self.reason(lang)} — {store_message(self._code() + '.fix', lang)}"


class StoreInUseError(StoreError):
    """Another process has the database open (a seat, the trainer's console, `ekinerja serve`)."""

    code = "store.in_use"


class RestoreRefusedError(StoreError):
    """The file offered as a backup cannot be restored; the live database was not touched."""

    code = "store.restore_refused"

    def __init__(self, *, path: object, db: object, cause: StoreError):
        self.cause = cause
        super().__init__(path=path, db=db)

    def reason(self, lang: str = "id") -> str:
        return f"{store_message(self.code, lang, **self.params)}: {self.cause.reason(lang)}"


class StoreMissingError(StoreError):
    """A backup or restore was asked of a file that does not exist, or holds no sandbox data yet."""

    code = "store.missing"
