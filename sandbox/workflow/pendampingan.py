"""Assisted sessions (*pendampingan*, WORKFLOW.md §1.1 `operator_unit`, scenario T04): the pegawai
sits at the keyboard under their own account and a coach (usually the unit's operator) sits beside
them. The session is a record, not a login: it links the two NIPs for the time the coaching lasts,
so a grader can tell "the employee typed, the operator coached" from "the operator typed for them".

- `mulai_pendampingan(store, pegawai_nip, pendamping_nip)`: the pegawai opens a session naming the
  coach. Refused for an unknown or inactive NIP, for coaching oneself, and while the pegawai already
  has an open session.
- `selesai_pendampingan(store, actor, pendampingan_id)`: either of the two closes it.

Each is one audited command whose audit row names the session (`entity = 'pendampingan'`,
`entity_id` = its id), so the session and its evidence are found together. The audit log is
append-only, so the id is reserved before the transaction and confirmed inside it (under the write
lock); if another seat took it in between, the command is tried again with the next id.
"""

from __future__ import annotations

from typing import Any

from sandbox.store import Store
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.support import MAKS_NAMA, check_acting_as, check_texts, row
from sandbox.workflow.support import pegawai as _pegawai

_ID_ATTEMPTS = 20


class _IdTaken(Exception):
    """The reserved id was taken by another writer before our transaction; reserve again."""


def _next_id(store: Store) -> int:
    return store.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM pendampingan").fetchone()[0]


def open_session(db, pegawai_nip: str) -> dict[str, Any] | None:
    """The pegawai's assisted session still open, if any."""
    return row(db, "SELECT * FROM pendampingan WHERE pegawai_nip = ? AND selesai IS NULL"
                   " ORDER BY id DESC LIMIT 1", [pegawai_nip])


def mulai_pendampingan(store: Store, actor: str, pendamping_nip: str, *,
                       acting_as_nip: str | None = None) -> int:
    """The pegawai (`actor`) starts an assisted session with `pendamping_nip` as coach; returns its id.

    Only the pegawai can open it, from their own session: an operator opening one "as" the pegawai
    is the very breach the session replaces, so it is refused and recorded like any acting-as write.
    """
    check_acting_as(store, actor, acting_as_nip, "pendampingan.mulai", "pendampingan", None)
    check_texts(("NIP pendamping", pendamping_nip, MAKS_NAMA))
    coach = (pendamping_nip or "").strip()

    for _ in range(_ID_ATTEMPTS):
        new_id = _next_id(store)

        def fn(db, new_id: int = new_id) -> int:
            _pegawai(db, actor)
            if coach == actor:
                raise WorkflowRefused("workflow.pendampingan.diri_sendiri", nip=actor)
            if row(db, "SELECT nip FROM pegawai WHERE nip = ? AND aktif = 1", [coach]) is None:
                raise WorkflowRefused("workflow.pendampingan.pendamping_tidak_dikenal", nip=coach or "-")
            already = open_session(db, actor)
            if already is not None:
                raise WorkflowRefused("workflow.pendampingan.masih_terbuka", id=already["id"],
                                      pendamping=already["pendamping_nip"])
            if row(db, "SELECT id FROM pendampingan WHERE id = ?", [new_id]) is not None:
                raise _IdTaken
            db.execute("INSERT INTO pendampingan (id, pendamping_nip, pegawai_nip, mulai, selesai)"
                       " VALUES (?, ?, ?, ?, NULL)", [new_id, coach, actor, store.current.virtual_now])
            return new_id

        payload = {"pendampingan_id": new_id, "pegawai_nip": actor, "pendamping_nip": coach}
        try:
            return store.apply(actor, actor, "pendampingan.mulai", "pendampingan", new_id, payload, fn)
        except _IdTaken:
            continue
    raise RuntimeError("pendampingan: no free id after several attempts")  # pragma: no cover


def selesai_pendampingan(store: Store, actor: str, pendampingan_id: int, *,
                         acting_as_nip: str | None = None) -> None:
    """Close an open assisted session; the pegawai or the coach may close it."""
    check_acting_as(store, actor, acting_as_nip, "pendampingan.selesai", "pendampingan", pendampingan_id)

    def fn(db) -> None:
        _pegawai(db, actor)
        session = row(db, "SELECT * FROM pendampingan WHERE id = ?", [pendampingan_id])
        if session is None:
            raise WorkflowRefused("workflow.pendampingan.tidak_ada", id=pendampingan_id)
        if actor not in (session["pegawai_nip"], session["pendamping_nip"]):
            raise WorkflowRefused("workflow.pendampingan.bukan_peserta", id=pendampingan_id, actor=actor)
        if session["selesai"] is not None:
            raise WorkflowRefused("workflow.pendampingan.sudah_selesai", id=pendampingan_id,
                                  selesai=session["selesai"])
        db.execute("UPDATE pendampingan SET selesai = ? WHERE id = ?",
                   [store.current.virtual_now, pendampingan_id])

    store.apply(actor, actor, "pendampingan.selesai", "pendampingan", pendampingan_id,
                {"pendampingan_id": pendampingan_id}, fn)
