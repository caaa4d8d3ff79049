"""The distribution check of a unit's predikat against its capaian organisasi (§1.3-F, §1.7).

The pengelola kinerja (or the unit head) runs it once everyone in the unit is rated. The rule pack's
`kurva` decision says which constraints are broken; every check is kept in `distribusi_check`, so
the MELANGGAR → SESUAI history stays visible. A failed check sends the unit's DINILAI periods back
to DIKEMBALIKAN_KURVA for re-rating; `finalkan` refuses while the latest check is MELANGGAR.

Population: every pegawai whose unit is this unit or below it and whose SKP has this period, except
the unit head, whose Rating HK is the capaian organisasi itself (W9).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sandbox.store import Store
from sandbox.workflow.actors import PENGELOLA_KINERJA
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.periode import DIKEMBALIKAN_KURVA, DINILAI, LOCKED_STATES, log_state
from sandbox.workflow.rulebook import decide
from sandbox.workflow.support import check_acting_as, row, rows

PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")


@dataclass(frozen=True)
class KurvaResult:
    check_id: int
    unor_id: str
    master_id: int
    capaian: str
    sesuai: bool
    jumlah: dict
    pelanggaran: list


def population(db, unor_id: str, master_id: int) -> list[dict]:
    """The skp_periode rows the curve of this unit and period counts."""
    return rows(db, """
        WITH RECURSIVE subtree(id) AS (
            SELECT id FROM unor WHERE id = ?
            UNION SELECT u.id FROM unor u JOIN subtree s ON u.parent_id = s.id)
        SELECT sp.id, sp.state, sp.predikat, sp.skp_id, s.nip, sp.dokumen_terbit_at
        FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id JOIN pegawai p ON p.nip = s.nip
        WHERE sp.master_id = ? AND p.unor_id IN (SELECT id FROM subtree)
          AND s.nip IS NOT (SELECT pimpinan_nip FROM unor WHERE id = ?)
          AND s.status IN ('DISETUJUI', 'REVISI_DIAJUKAN', 'DITUTUP')
        ORDER BY sp.id""", [unor_id, master_id, unor_id])


def cek_kurva(store: Store, actor: str, unor_id: str, master_id: int, *,
              acting_as_nip: str | None = None) -> KurvaResult:
    """Check the unit's spread for one period; the unit head or the pengelola kinerja runs it."""
    check_acting_as(store, actor, acting_as_nip, "unor.kurva", "unor", unor_id)

    def fn(db) -> KurvaResult:
        unit = row(db, "SELECT * FROM unor WHERE id = ?", [unor_id])
        if unit is None:
            raise WorkflowRefused("workflow.unor_tidak_ada", unor_id=unor_id)
        if actor not in (PENGELOLA_KINERJA, unit["pimpinan_nip"]):
            raise WorkflowRefused("workflow.kurva.hak", actor=actor, unit=unit["nama"],
                                  pimpinan=unit["pimpinan_nip"] or "-")
        capaian = row(db, "SELECT predikat_org FROM capaian_organisasi WHERE unor_id = ?"
                          " AND periode_master_id = ?", [unor_id, master_id])
        if capaian is None:
            raise WorkflowRefused("workflow.kurva.capaian_belum_ada", unit=unit["nama"])
        people = population(db, unor_id, master_id)
        if not people:
            raise WorkflowRefused("workflow.kurva.kosong", unit=unit["nama"])
        unrated = [p["nip"] for p in people if p["state"] not in (DINILAI, *LOCKED_STATES)]
        if unrated:
            raise WorkflowRefused("workflow.kurva.belum_semua_dinilai", jumlah=len(unrated),
                                  total=len(people), contoh=", ".join(unrated[:3]))
        counts = {k: sum(1 for p in people if p["predikat"] == k) for k in PREDIKAT}
        inputs = {"predikat_organisasi": capaian["predikat_org"],
                  **{f"jumlah_{k}": v for k, v in counts.items()}}
        outputs = decide(store, db, "kurva", inputs).outputs
        sesuai = bool(outputs["kurva_sesuai"])
        violations = list(outputs["pelanggaran"] or [])
        cursor = db.execute("INSERT INTO distribusi_check (unor_id, periode_master_id, result, violations,"
                            " checked_by, virtual_ts) VALUES (?, ?, ?, ?, ?, ?)",
                            [unor_id, master_id, "SESUAI" if sesuai else "MELANGGAR",
                             json.dumps(violations, ensure_ascii=False), actor, store.current.virtual_now])
        if not sesuai:
            for period in people:
                if period["state"] == DINILAI:
                    log_state(db, store, period, DIKEMBALIKAN_KURVA, actor, "kurva melanggar")
        return KurvaResult(cursor.lastrowid, unor_id, master_id, capaian["predikat_org"], sesuai, counts,
                           violations)

    return store.apply(actor, None, "unor.kurva", "unor", unor_id,
                       {"unor_id": unor_id, "master_id": master_id}, fn)


def monitoring(store: Store, master_id: int, within: str | None = None) -> list[dict]:
    """The pengelola kinerja's board for one period (§2.1 Monitoring Pengisian / Kurva): per led unit,
    how many of its people are rated, its capaian organisasi, and the latest curve check.
    `within` keeps one unit and the units below it (a classroom seat sees only its own)."""
    board = []
    scope, params = "", []
    if within is not None:
        escaped = within.replace("!", "!!").replace("%", "!%").replace("_", "!_")
        scope, params = " AND (id = ? OR id LIKE ? ESCAPE '!')", [within, escaped + ".%"]
    for unit in rows(store.db, "SELECT id, nama, pimpinan_nip FROM unor WHERE aktif = 1"
                               f" AND pimpinan_nip IS NOT NULL{scope} ORDER BY id", params):
        people = population(store.db, unit["id"], master_id)
        capaian = row(store.db, "SELECT predikat_org FROM capaian_organisasi WHERE unor_id = ?"
                                " AND periode_master_id = ?", [unit["id"], master_id])
        check = row(store.db, "SELECT result, violations FROM distribusi_check WHERE unor_id = ?"
                              " AND periode_master_id = ? ORDER BY id DESC LIMIT 1", [unit["id"], master_id])
        board.append({
            "unor_id": unit["id"], "nama": unit["nama"], "jumlah": len(people),
            "dinilai": sum(1 for p in people if p["state"] in (DINILAI, *LOCKED_STATES)),
            "capaian": capaian["predikat_org"] if capaian else None,
            "cek": check["result"] if check else None,
            "pelanggaran": json.loads(check["violations"]) if check and check["violations"] else [],
        })
    return board
