"""Store problems a user can meet (damaged file, newer file, busy classroom), in plain Indonesian.

The messages live here rather than in `sandbox.i18n.catalog` only because that file is being edited
by others this issue; they use the same shape (`code` and `code.fix`, Indonesian first) so they can
be moved into the catalog unchanged.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "store.damaged": {"id": "berkas {path} bukan basis data SQLite atau sudah rusak ({detail})",
                      "en": "{path} is not an SQLite database or is damaged ({detail})"},
    "store.damaged.fix": {"id": "pulihkan dari salinan cadangan, atau pilih berkas lain "
                                "dengan --db / EKINERJA_DB",
                          "en": "restore it from a backup, or choose another file with --db / EKINERJA_DB"},
    "store.foreign": {"id": "berkas {path} adalah basis data SQLite, tetapi bukan milik e-Kinerja Sandbox",
                      "en": "{path} is an SQLite database, but not an e-Kinerja Sandbox one"},
    "store.foreign.fix": {"id": "pilih berkas lain, atau biarkan Sandbox membuat berkas baru",
                          "en": "choose another file, or let the sandbox create a new one"},
    "store.newer": {"id": "berkas {path} dibuat oleh versi e-Kinerja Sandbox yang lebih baru "
                          "(skema v{found}; versi ini hanya mengenal sampai v{known})",
                    "en": "{path} was written by a newer e-Kinerja Sandbox (schema v{found}; "
                          "this version knows up to v{known})"},
    "store.newer.fix": {"id": "perbarui aplikasi e-Kinerja Sandbox; berkas ini tidak diubah",
                        "en": "upgrade e-Kinerja Sandbox; the file was not changed"},
    "store.locked": {"id": "basis data {path} sedang sibuk dipakai proses lain terlalu lama "
                           "({attempts} kali dicoba)",
                     "en": "database {path} stayed busy in another process for too long "
                           "({attempts} attempts)"},
    "store.locked.fix": {"id": "tunggu sebentar lalu ulangi; jangan simpan berkas di folder jaringan",
                         "en": "wait a moment and try again; do not keep the file on a network share"},
    "store.path": {"id": "berkas basis data {path} tidak dapat dibuka ({detail})",
                   "en": "database file {path} cannot be opened ({detail})"},
    "store.path.fix": {"id": "periksa bahwa path itu berkas (bukan folder) dan Anda berhak menulis di sana",
                       "en": "check the path is a file (not a folder) and that you may write there"},
    "store.migration": {"id": "pembaruan skema ke v{version} ({name}) gagal: {detail}",
                        "en": "upgrading the schema to v{version} ({name}) failed: {detail}"},
    "store.migration.fix": {"id": "berkas dibiarkan pada versi lamanya; laporkan pesan ini ke pengembang",
                            "en": "the file kept its old version; report this message to the developers"},
}


def store_message(code: str, lang: str = "id", **params: object) -> str:
    """The text of one store message; unknown parameters are left visible rather than crashing."""
    template = MESSAGES[code].get(lang) or MESSAGES[code]["id"]
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


class StoreError(Exception):
    """Base of every problem the store reports; `str()` is the Indonesian message and what to do."""

    code = "store.damaged"

    def __init__(self, **params: object):
        self.params = params
        super().__init__(self.render("id"))

    def render(self, lang: str = "id") -> str:
        return f"{store_message(self.code, lang, **self.params)} — {store_message(self.code + '.fix', lang)}"


class StoreDamagedError(StoreError):
    """The file is not SQLite at all, or its pages are truncated or malformed."""

    code = "store.damaged"


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
