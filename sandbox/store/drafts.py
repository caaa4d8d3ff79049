"""Half-typed form text, saved as it is typed so a closed window or a crash loses nothing.

Drafts belong to a person (NIP or a pseudo-actor), a screen and a field. They are not workflow
records: no audit row, no rights, and `content_hash` leaves them out. Each save is its own short
transaction (WAL + synchronous=NORMAL: no fsync per keystroke, yet it survives a killed process).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sandbox.store.core import Store

MAX_DRAFT = 20_000  # characters kept per field; a pasted book is cut, never refused


def save_draft(store: Store, actor: str, screen: str, field: str, value: str) -> None:
    """Keep `value` for this field; an empty value forgets the draft."""

    def body() -> None:
        with store.write():
            if value:
                store.conn.execute(
                    "INSERT INTO draf_isian (actor, layar, kolom, nilai, diubah_at) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT (actor, layar, kolom) DO UPDATE SET nilai = excluded.nilai,"
                    " diubah_at = excluded.diubah_at",
                    [actor, screen, field, value[:MAX_DRAFT], datetime.now(UTC).isoformat()])
            else:
                store.conn.execute("DELETE FROM draf_isian WHERE actor = ? AND layar = ? AND kolom = ?",
                                   [actor, screen, field])

    store.retrying(body)


def drafts(store: Store, actor: str, screen: str) -> dict[str, str]:
    """Every draft this person left on this screen, field → text."""
    found = store.conn.execute("SELECT kolom, nilai FROM draf_isian WHERE actor = ? AND layar = ?",
                               [actor, screen])
    return dict(found.fetchall())
