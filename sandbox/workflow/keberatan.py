"""*Keberatan*: the pegawai's objection to a result (PP 30/2019 Pasal 59; WORKFLOW.md §1.2).

Filed by the pegawai with the atasan pejabat penilai while the pack's window is open (14 days from
receiving the result in the rules in force), decided by that atasan, whose decision is final. For
staff whose atasan pejabat penilai is the head of region (administrators, the head of office) the
decision is the `KEPALA_DAERAH` pseudo-actor's.
"""

from __future__ import annotations

import datetime as dt

from sandbox.rules.problems import EvaluationError
from sandbox.store import Store
from sandbox.workflow.actors import KEPALA_DAERAH, PSEUDO_ACTORS
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.penilaian import RATINGS, normalise_rating, period_row
from sandbox.workflow.periode import (
    DOKUMEN_TERBIT,
    FINAL,
    KEBERATAN,
    close_skp_if_final,
    keberatan_window_open,
    log_state,
)
from sandbox.workflow.rulebook import ENGINE, decide, pack_for
from sandbox.workflow.support import MAKS_NAMA, MAKS_PANJANG, check_acting_as, check_texts, pegawai, row

HARI_MAKS = 3660  # no window is longer than ten years: the search for its last day stops there


def batas_keberatan(store: Store, skp_periode_id: int) -> str | None:
    """The last day (ISO date) a keberatan on this period may be filed: the last day after the
    document's issue on which the pack's `keberatan` decision in force still says yes, so a screen
    shows the date instead of "within the days the rules allow". None before the document is issued
    or when the pack allows no day at all."""
    period = row(store.db, "SELECT id, dokumen_terbit_at FROM skp_periode WHERE id = ?", [skp_periode_id])
    if period is None or not period["dokumen_terbit_at"]:
        return None
    pack, on = pack_for(store.db, "keberatan"), dt.date.fromisoformat(store.virtual_now()[:10])

    def open_on(days: int) -> bool:  # the pack in force today, as `keberatan_window_open` asks it
        verdict = ENGINE.evaluate(pack, "keberatan", {"hari_sejak_hasil_diterima": days}, on=on)
        return verdict.outputs["keberatan_dapat_diajukan"]

    try:
        if not open_on(0):
            return None
        low, high = 0, HARI_MAKS  # open on `low`; the window is one stretch of days from the issue
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if open_on(middle) else (low, middle - 1)
    except EvaluationError:  # a pack that cannot answer: the screen shows no date rather than fail
        return None
    return (dt.date.fromisoformat(period["dokumen_terbit_at"][:10]) + dt.timedelta(days=low)).isoformat()


def ajukan_keberatan(store: Store, actor: str, skp_periode_id: int, alasan: str, *,
                     acting_as_nip: str | None = None) -> int:
    """File a keberatan on one's own issued result; DOKUMEN_TERBIT → KEBERATAN."""
    check_acting_as(store, actor, acting_as_nip, "periode.keberatan", "skp_periode", skp_periode_id)
    check_texts(("Alasan keberatan", alasan, MAKS_PANJANG))

    def fn(db) -> int:
        pegawai(db, actor)
        period = period_row(db, skp_periode_id)
        if period["nip"] != actor:
            raise WorkflowRefused("workflow.periode.bukan_pemilik", skp_periode_id=skp_periode_id,
                                  pemilik=period["nip"], actor=actor)
        if period["state"] != DOKUMEN_TERBIT:
            raise WorkflowRefused("workflow.periode.status_salah", periode=period["periode_nama"],
                                  state=period["state"], perintah="ajukan keberatan", boleh=DOKUMEN_TERBIT)
        if not (alasan or "").strip():
            raise WorkflowRefused("workflow.keberatan.alasan_wajib")
        verdict = keberatan_window_open(store, db, period, record=True)
        if not verdict.outputs["keberatan_dapat_diajukan"]:
            batas = next((t["value"] for t in verdict.trace if t.get("kind") == "parameter"
                          and t.get("name") == "batas_hari_keberatan"), "-")
            days = (dt.date.fromisoformat(store.current.virtual_now[:10])
                    - dt.date.fromisoformat(period["dokumen_terbit_at"][:10])).days
            raise WorkflowRefused("workflow.keberatan.lewat", batas=batas, hari=days)
        cursor = db.execute("INSERT INTO keberatan (skp_periode_id, alasan, filed_at) VALUES (?, ?, ?)",
                            [skp_periode_id, alasan.strip(), store.current.virtual_now])
        log_state(db, store, period, KEBERATAN, actor, alasan.strip())
        return cursor.lastrowid

    return store.apply(actor, acting_as_nip, "periode.keberatan", "skp_periode", skp_periode_id,
                       {"skp_periode_id": skp_periode_id, "alasan": alasan}, fn)


def putuskan_keberatan(store: Store, actor: str, keberatan_id: int, *, diterima: bool,
                       catatan: str | None = None, rating_hk: str | None = None, rating_pk: str | None = None,
                       acting_as_nip: str | None = None) -> str:
    """The atasan pejabat penilai decides; the result is final. Returns the predikat that stands.

    Accepting requires the new ratings; the new predikat comes from the pack.
    """
    check_acting_as(store, actor, acting_as_nip, "keberatan.putus", "keberatan", keberatan_id)
    check_texts(("Catatan", catatan, MAKS_PANJANG),
                ("Rating Hasil Kerja", rating_hk if isinstance(rating_hk, str) else None, MAKS_NAMA),
                ("Rating Perilaku", rating_pk if isinstance(rating_pk, str) else None, MAKS_NAMA))
    hk, pk = normalise_rating(rating_hk), normalise_rating(rating_pk)

    def fn(db) -> str:
        case = row(db, "SELECT * FROM keberatan WHERE id = ?", [keberatan_id])
        if case is None:
            raise WorkflowRefused("workflow.keberatan.tidak_ada", keberatan_id=keberatan_id)
        period = period_row(db, case["skp_periode_id"])
        decider = period["atasan_pp_nip"] or KEPALA_DAERAH
        if actor not in PSEUDO_ACTORS:
            pegawai(db, actor)
        if actor == period["nip"]:
            raise WorkflowRefused("workflow.keberatan.diri_sendiri")
        if actor != decider:
            raise WorkflowRefused("workflow.keberatan.bukan_atasan_pp", actor=actor, pemutus=decider)
        if period["state"] != KEBERATAN or case["decision"] is not None:
            raise WorkflowRefused("workflow.keberatan.sudah_diputus", keberatan_id=keberatan_id)
        predikat = period["predikat"]
        if diterima:
            if hk not in RATINGS or pk not in RATINGS:
                raise WorkflowRefused("workflow.keberatan.rating_wajib")
            predikat = decide(store, db, "predikat", {"rating_hasil_kerja": hk, "rating_perilaku": pk},
                              skp_periode_id=period["id"]).outputs["predikat"]
            db.execute("UPDATE skp_periode SET rating_hk = ?, rating_pk = ?, predikat = ? WHERE id = ?",
                       [hk, pk, predikat, period["id"]])
        db.execute("UPDATE keberatan SET decided_by = ?, decided_at = ?, decision = ?, new_predikat = ?"
                   " WHERE id = ?",
                   [None if actor in PSEUDO_ACTORS else actor, store.current.virtual_now,
                    "DITERIMA" if diterima else "DITOLAK", predikat if diterima else None, keberatan_id])
        log_state(db, store, period, FINAL, actor, (catatan or "").strip() or None)
        close_skp_if_final(db, store, period["skp_id"], actor)
        return predikat

    payload = {"keberatan_id": keberatan_id, "diterima": diterima, "catatan": catatan,
               "rating_hk": rating_hk, "rating_pk": rating_pk}
    return store.apply(actor, acting_as_nip, "keberatan.putus", "keberatan", keberatan_id, payload, fn)
