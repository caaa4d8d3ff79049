"""What a final result is worth: TPP and angka kredit through their packs (§1.4 step 20).

Both read a FINAL period only (after any keberatan), so an allowance never rests on a result that
can still change. The attendance figures TPP needs are not part of e-Kinerja; they are given by
whoever runs the calculation (in the sandbox: the trainer, a scenario or the simulator).
"""

from __future__ import annotations

import datetime as dt

from sandbox.rules.engine import Evaluation
from sandbox.store import Store
from sandbox.workflow.actors import ADMIN_INSTANSI, TRAINER
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.penilaian import period_row, rater_of
from sandbox.workflow.periode import FINAL
from sandbox.workflow.rulebook import decide
from sandbox.workflow.support import row

ATTENDANCE_FIELDS = ("hari_tanpa_keterangan", "tl1", "tl2", "tl3", "tl4", "psw1", "psw2", "psw3", "psw4")


def _final_period(db, skp_periode_id: int, actor: str) -> dict:
    period = period_row(db, skp_periode_id)
    allowed = (period["nip"], rater_of(period), TRAINER, ADMIN_INSTANSI)
    if actor not in allowed:
        raise WorkflowRefused("workflow.tunjangan.hak", actor=actor, nip=period["nip"])
    if period["state"] != FINAL:
        raise WorkflowRefused("workflow.periode.status_salah", periode=period["periode_nama"],
                              state=period["state"], perintah="hitung", boleh=FINAL)
    return period


def hitung_tpp(store: Store, actor: str, skp_periode_id: int, besaran_tpp: float, *,
               kehadiran: dict | None = None, hukuman_disiplin: str = "tidak_ada") -> Evaluation:
    """TPP of one FINAL period from its predikat, attendance and discipline; trace stored."""
    given = dict(kehadiran or {})
    unknown = sorted(set(given) - set(ATTENDANCE_FIELDS))
    if unknown:
        raise WorkflowRefused("workflow.tpp.kolom", kolom=", ".join(unknown),
                              boleh=", ".join(ATTENDANCE_FIELDS))

    def fn(db) -> Evaluation:
        period = _final_period(db, skp_periode_id, actor)
        inputs = {"besaran_tpp": besaran_tpp, "predikat": period["predikat"],
                  "hukuman_disiplin": hukuman_disiplin,
                  **{f: given.get(f, 0) for f in ATTENDANCE_FIELDS}}
        return decide(store, db, "tpp", inputs, skp_periode_id=skp_periode_id)

    payload = {"skp_periode_id": skp_periode_id, "besaran_tpp": besaran_tpp, "kehadiran": given,
               "hukuman_disiplin": hukuman_disiplin}
    return store.apply(actor, None, "tunjangan.tpp", "skp_periode", skp_periode_id, payload, fn)


def _months(awal: str, akhir: str) -> int:
    start, end = dt.date.fromisoformat(awal), dt.date.fromisoformat(akhir)
    return max(1, min(12, (end.year - start.year) * 12 + end.month - start.month + 1))


def hitung_angka_kredit(store: Store, actor: str, skp_periode_id: int, *,
                        angka_kredit_tahun_ini: float = 0) -> Evaluation:
    """Angka kredit of a jabatan fungsional for one FINAL period (bulan = months the period spans)."""

    def fn(db) -> Evaluation:
        period = _final_period(db, skp_periode_id, actor)
        owner = row(db, "SELECT jenis_jabatan, jenjang, nama FROM pegawai WHERE nip = ?", [period["nip"]])
        if not owner or owner["jenis_jabatan"] != "fungsional" or not owner["jenjang"]:
            raise WorkflowRefused("workflow.angka_kredit.bukan_fungsional", nip=period["nip"])
        inputs = {"jenjang": owner["jenjang"], "predikat": period["predikat"],
                  "bulan": _months(period["awal"], period["akhir"]),
                  "angka_kredit_tahun_ini": angka_kredit_tahun_ini}
        return decide(store, db, "angka_kredit", inputs, skp_periode_id=skp_periode_id)

    payload = {"skp_periode_id": skp_periode_id, "angka_kredit_tahun_ini": angka_kredit_tahun_ini}
    return store.apply(actor, None, "tunjangan.angka_kredit", "skp_periode", skp_periode_id, payload, fn)
