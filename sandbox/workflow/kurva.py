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

from sandbox.domain.status import SKP_WITH_PERIODS, SkpStatus
from sandbox.store import Store
from sandbox.workflow.actors import PENGELOLA_KINERJA
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.periode import DIKEMBALIKAN_KURVA, DINILAI, LOCKED_STATES, OPEN_STATES, log_state
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
          AND s.status IN (?, ?, ?)
        ORDER BY sp.id""", [unor_id, master_id, unor_id, *SKP_WITH_PERIODS])


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


def led_units(db, within: str | None = None) -> list[dict]:
    """The active units that have a head, in tree order; `within` keeps one unit and those below."""
    scope, params = "", []
    if within is not None:
        escaped = within.replace("!", "!!").replace("%", "!%").replace("_", "!_")
        scope, params = " AND (id = ? OR id LIKE ? ESCAPE '!')", [within, escaped + ".%"]
    return rows(db, f"SELECT * FROM unor WHERE aktif = 1 AND pimpinan_nip IS NOT NULL{scope} ORDER BY id",
                params)


def monitoring(store: Store, master_id: int, within: str | None = None) -> list[dict]:
    """The pengelola kinerja's board for one period (§2.1 Monitoring Pengisian / Kurva): per led unit,
    how many of its people are rated, its capaian organisasi, the latest curve check, and the
    completion counts per SKP status and period state (`pengisian`).
    `within` keeps one unit and the units below it (a classroom seat sees only its own)."""
    board = []
    for unit in led_units(store.db, within):
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
            "pengisian": pengisian(store.db, unit["id"], master_id),
        })
    return board


# -- views for the Monitoring and Capaian screens ----------------------------------------------------
SKP_KOLOM = (SkpStatus.BELUM_DIBUAT, SkpStatus.DRAFT, SkpStatus.DIAJUKAN, SkpStatus.DIKEMBALIKAN,
             SkpStatus.DISETUJUI)
PERIODE_KOLOM = ("BELUM_DIBUKA", "DIISI", DINILAI, DIKEMBALIKAN_KURVA, *LOCKED_STATES)
# an approved SKP under revision, or closed at year end, was approved: it counts there
_SKP_AS = {s: SkpStatus.DISETUJUI for s in (SkpStatus.REVISI_DIAJUKAN, SkpStatus.REVISI_DITOLAK,
                                            SkpStatus.DITUTUP)}
_PERIODE_AS = {s: "DIISI" for s in OPEN_STATES}


def pengisian(db, unor_id: str, master_id: int) -> dict[str, int]:
    """The completion table's row of one unit (§2 S17): how many of the people the curve counts
    (the unit and below, its head excepted) have their SKP of the period in each status, and their
    period in each state. Someone with no SKP counts as BELUM_DIBUAT."""
    found = rows(db, """
        WITH RECURSIVE subtree(id) AS (
            SELECT id FROM unor WHERE id = ?
            UNION SELECT u.id FROM unor u JOIN subtree s ON u.parent_id = s.id)
        SELECT (SELECT s.status FROM skp s WHERE s.nip = p.nip AND s.periode_awal <= m.akhir
                  AND s.periode_akhir >= m.awal ORDER BY s.id DESC LIMIT 1) AS status,
               (SELECT sp.state FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id
                WHERE s.nip = p.nip AND sp.master_id = m.id ORDER BY sp.id DESC LIMIT 1) AS state
        FROM pegawai p JOIN periode_penilaian_master m ON m.id = ?
        WHERE p.aktif = 1 AND p.unor_id IN (SELECT id FROM subtree)
          AND p.nip IS NOT (SELECT pimpinan_nip FROM unor WHERE id = ?)""", [unor_id, master_id, unor_id])
    counts = dict.fromkeys((*SKP_KOLOM, *PERIODE_KOLOM), 0)
    for person in found:
        status = person["status"] or "BELUM_DIBUAT"
        status = _SKP_AS.get(status, status)
        counts[status] = counts.get(status, 0) + 1
        if person["state"]:
            state = _PERIODE_AS.get(person["state"], person["state"])
            counts[state] = counts.get(state, 0) + 1
    return counts


def capaian_units(store: Store, master_id: int, within: str | None = None) -> list[dict]:
    """Every led unit with its capaian organisasi for the period and who sets it (W9): the unit
    head's own superior, or the KEPALA_DAERAH for the head of the office."""
    from sandbox.workflow.penilaian import who_sets_capaian

    units = led_units(store.db, within)
    for unit in units:
        found = row(store.db, "SELECT predikat_org, ditetapkan_oleh FROM capaian_organisasi"
                              " WHERE unor_id = ? AND periode_master_id = ?", [unit["id"], master_id])
        unit["capaian"] = found["predikat_org"] if found else None
        unit["penetap"] = who_sets_capaian(store.db, unit)
    return units


def capaian_choices(store: Store) -> list[tuple[str, str]]:
    """The capaian values the workflow accepts, each with the pack's word for it (Istimewa, Baik,
    Butuh Perbaikan (Cukup), …): [(value, label)]."""
    from sandbox.workflow.rulebook import pack_for

    allowed = pack_for(store.db, "rating_hasil_kerja_pimpinan").decisions[
        "rating_hasil_kerja_pimpinan"].inputs["predikat_organisasi"].values
    words = pack_for(store.db, "kurva").decisions["kurva"].inputs["predikat_organisasi"].labels
    return [(v, words.get(v) or v.replace("_", " ").capitalize()) for v in allowed]
