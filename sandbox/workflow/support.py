"""Reads and checks every workflow command shares; they run inside the command's transaction."""

from __future__ import annotations

from typing import Any

from sandbox.store import Store
from sandbox.workflow.errors import WorkflowRefused


def row(db, sql: str, params: list[Any]) -> dict[str, Any] | None:
    """The first row of a query as a dict, or None."""
    cursor = db.execute(sql, params)
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cursor.description], found, strict=True))


def rows(db, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, found, strict=True)) for found in cursor.fetchall()]


def pegawai(db, nip: str) -> dict[str, Any]:
    """The active pegawai with this NIP, or a refusal that names it."""
    found = row(db, "SELECT * FROM pegawai WHERE nip = ? AND aktif = 1", [nip])
    if found is None:
        raise WorkflowRefused("workflow.pegawai_tidak_dikenal", nip=nip)
    return found


def skp(db, skp_id: int) -> dict[str, Any]:
    found = row(db, "SELECT * FROM skp WHERE id = ?", [skp_id])
    if found is None:
        raise WorkflowRefused("workflow.skp_tidak_ada", skp_id=skp_id)
    return found


def today(store: Store) -> str:
    """The virtual date (YYYY-MM-DD) the running command happens on."""
    return store.current.virtual_now[:10]


def check_acting_as(store: Store, actor_nip: str, acting_as_nip: str | None, action: str,
                    entity: str, entity_id: object) -> None:
    """Refuse a write made "as" someone else, recording the attempt first (§1.1, scenario T04).

    The attempt is evidence, so it is committed as its own audit row (`integrity.acting_as`, a no-op
    command) before the refusal; nothing else is written.
    """
    if acting_as_nip is None or acting_as_nip == actor_nip:
        return
    store.apply(actor_nip, acting_as_nip, "integrity.acting_as", entity, entity_id,
                {"attempted": action}, lambda db: None)
    raise WorkflowRefused("workflow.acting_as", actor=actor_nip, acting_as=acting_as_nip)
