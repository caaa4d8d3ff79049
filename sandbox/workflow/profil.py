"""The profile before everything else (WORKFLOW.md §1.3-A): *Sinkron SIASN* and reporting a sync
error to the admin instansi (scenario T08, §4 rank 2: a wrong superior is the most common complaint).

A profile marked `NEEDS_SYNC` (table `akun`) blocks creating an SKP, because the SKP takes its
pejabat penilai from the profile. Syncing copies the SIASN record (`siasn_profil`) into the profile;
a draft SKP made earlier follows the new superior and its RHK must intervene the new superior's RHK
again. A sync error injected by a scenario (`gangguan` of kind `sinkron_gagal`) refuses the sync
with its code; the attempt is kept as evidence so the trainee's report can be matched to it.
"""

from __future__ import annotations

import json

from sandbox.domain.status import SKP_EDITABLE
from sandbox.store import Store
from sandbox.workflow.actors import ADMIN_INSTANSI
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.support import MAKS_NAMA, MAKS_PANJANG, check_acting_as, check_texts, pegawai, row

READY, NEEDS_SYNC, ESCALATED = "READY", "NEEDS_SYNC", "ESCALATED_TO_ADMIN"
BLOCKING = (NEEDS_SYNC, ESCALATED)


def sync_state(db, nip: str) -> str | None:
    found = row(db, "SELECT sync_state FROM akun WHERE nip = ?", [nip])
    return found["sync_state"] if found else None


def last_sync_error(db, nip: str) -> str:
    """The error code the last failed SIASN sync showed this person ("" if none): the report to the
    admin instansi starts from it, as the real form asks for the code on screen."""
    found = row(db, "SELECT payload FROM audit_log WHERE action = 'sinkron.gagal' AND session_nip = ?"
                    " ORDER BY id DESC LIMIT 1", [nip])
    return json.loads(found["payload"]).get("kode", "") if found else ""


def require_synced(db, nip: str) -> None:
    """Refuse work that needs a correct profile while it waits for a sync (§1.3-A blocks downstream)."""
    state = sync_state(db, nip)
    if state in BLOCKING:
        raise WorkflowRefused("workflow.profil.belum_sinkron", state=state)


def sinkron_siasn(store: Store, actor: str, *, acting_as_nip: str | None = None) -> dict:
    """*Sinkron SIASN*: copy the SIASN record into the actor's profile; returns the new profile."""
    check_acting_as(store, actor, acting_as_nip, "profil.sinkron", "pegawai", actor)
    now = store.conn.execute("SELECT virtual_now FROM clock WHERE id = 1").fetchone()[0]
    fault = store.conn.execute(
        "SELECT kode FROM gangguan WHERE nip = ? AND jenis = 'sinkron_gagal' AND mulai <= ? AND ? < selesai"
        " ORDER BY id LIMIT 1", [actor, now, now]).fetchone()
    if fault is not None:
        store.apply(actor, actor, "sinkron.gagal", "pegawai", actor, {"kode": fault[0]}, lambda db: None)
        raise WorkflowRefused("workflow.profil.sinkron_gagal", kode=fault[0])

    def fn(db) -> dict:
        pegawai(db, actor)
        siasn = row(db, "SELECT * FROM siasn_profil WHERE nip = ?", [actor])
        if siasn is None:
            raise WorkflowRefused("workflow.profil.tidak_di_siasn", nip=actor)
        db.execute("UPDATE pegawai SET atasan_nip = ?, unor_id = ?, jabatan = coalesce(?, jabatan)"
                   " WHERE nip = ?", [siasn["atasan_nip"], siasn["unor_id"], siasn["jabatan"], actor])
        db["akun"].upsert({"nip": actor, "sync_state": READY}, pk="nip")
        atasan = siasn["atasan_nip"]
        atasan_pp = row(db, "SELECT atasan_nip FROM pegawai WHERE nip = ?", [atasan]) if atasan else None
        for draft in db.execute("SELECT id FROM skp WHERE nip = ? AND status IN (?, ?)"
                                " AND (pejabat_nip IS NOT ?)", [actor, *SKP_EDITABLE, atasan]).fetchall():
            # the draft follows the new superior; its RHK must intervene the new superior's RHK again
            db.execute("UPDATE skp SET pejabat_nip = ?, atasan_pp_nip = ?, induk_skp_id = NULL WHERE id = ?",
                       [atasan, atasan_pp["atasan_nip"] if atasan_pp else None, draft[0]])
            db.execute("UPDATE rhk SET induk_rhk_id = NULL WHERE skp_id = ?", [draft[0]])
        return {"atasan_nip": atasan, "unor_id": siasn["unor_id"], "sync_state": READY}

    return store.apply(actor, acting_as_nip, "profil.sinkron", "pegawai", actor, {}, fn)


def buat_tiket(store: Store, actor: str, pesan: str, *, kode_galat: str | None = None,
               kepada: str = ADMIN_INSTANSI, acting_as_nip: str | None = None) -> int:
    """A report to the admin instansi (the escalation path of §1.3-A); marks the profile ESCALATED."""
    check_acting_as(store, actor, acting_as_nip, "tiket.buat", "tiket", None)
    check_texts(("Pesan", pesan, MAKS_PANJANG), ("Kode galat", kode_galat, MAKS_NAMA))
    text = (pesan or "").strip()
    kode = (kode_galat or "").strip() or None

    def fn(db) -> int:
        pegawai(db, actor)
        if len(text) < 10:
            raise WorkflowRefused("workflow.tiket.pesan_pendek")
        ticket = db["tiket"].insert({"dari_nip": actor, "kepada": kepada, "kode_galat": kode, "pesan": text,
                                     "virtual_ts": store.current.virtual_now, "status": "BARU"}).last_pk
        if sync_state(db, actor) == NEEDS_SYNC:
            db.execute("UPDATE akun SET sync_state = ? WHERE nip = ?", [ESCALATED, actor])
        return ticket

    return store.apply(actor, acting_as_nip, "tiket.buat", "tiket", None,
                       {"kepada": kepada, "kode_galat": kode, "pesan": text}, fn)
