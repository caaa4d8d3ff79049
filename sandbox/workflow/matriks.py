"""Matriks Peran Hasil (WORKFLOW.md §1.3-C): who carries which of the leader's results.

Rows are the leader's direct subordinates, columns the leader's RHK; a cell holds the subordinate's
RHK that intervene that column. *Keterlibatan* counts the columns a person carries (0, 1, or 2 or
more, as the C1 dashboard does); a matrix where some carry none while others carry two or more
shows the uneven workload of the field studies (§4 rank 10, scenario T07).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sandbox.domain.status import SKP_WITH_PERIODS
from sandbox.store import Store
from sandbox.workflow.support import rows
from sandbox.workflow.views import current_skp

KOSONG, TERISI, SEBAGIAN = "KOSONG", "TERISI", "SEBAGIAN"


@dataclass(frozen=True)
class Baris:
    nip: str
    nama: str
    jabatan: str
    skp_status: str | None
    sel: dict[int, list[str]] = field(default_factory=dict)  # leader's RHK id → intervening RHK texts

    @property
    def keterlibatan(self) -> int:
        return sum(1 for texts in self.sel.values() if texts)


@dataclass(frozen=True)
class Matriks:
    kolom: list[dict]  # the leader's RHK: id, teks, jenis, klasifikasi
    baris: list[Baris]

    @property
    def state(self) -> str:
        if not any(b.keterlibatan for b in self.baris):
            return KOSONG
        approved = all(b.skp_status in SKP_WITH_PERIODS for b in self.baris)
        return TERISI if approved else SEBAGIAN

    def sebaran(self) -> dict[str, int]:
        """How many people carry no result, one, and two or more."""
        counts = {"0": 0, "1": 0, "2+": 0}
        for b in self.baris:
            counts["0" if b.keterlibatan == 0 else "1" if b.keterlibatan == 1 else "2+"] += 1
        return counts

    def perlu_perhatian(self, baris: Baris) -> bool:
        """Flag this person: carries nothing, or carries two or more in a matrix that is uneven."""
        return baris.keterlibatan == 0 or (baris.keterlibatan >= 2 and self.tidak_merata)

    @property
    def tidak_merata(self) -> bool:
        """The uneven-workload signal: someone carries nothing while someone else carries two or more."""
        spread = self.sebaran()
        return spread["0"] > 0 and spread["2+"] > 0


def matriks_peran_hasil(store: Store, nip: str, year: int) -> Matriks:
    """The matrix of this leader's SKP of the year (empty columns when the leader has none)."""
    own = current_skp(store, nip, year)
    kolom = rows(store.db, "SELECT id, teks, jenis, klasifikasi FROM rhk WHERE skp_id = ? ORDER BY id",
                 [own["id"]]) if own else []
    ids = {k["id"] for k in kolom}
    baris = []
    for sub in rows(store.db, "SELECT nip, nama, jabatan FROM pegawai WHERE atasan_nip = ? AND aktif = 1"
                              " ORDER BY nama", [nip]):
        skp = current_skp(store, sub["nip"], year)
        cells: dict[int, list[str]] = {k["id"]: [] for k in kolom}
        if skp:
            for rhk in rows(store.db, "SELECT induk_rhk_id, teks FROM rhk WHERE skp_id = ? ORDER BY id",
                            [skp["id"]]):
                if rhk["induk_rhk_id"] in ids:
                    cells[rhk["induk_rhk_id"]].append(rhk["teks"])
        baris.append(Baris(sub["nip"], sub["nama"], sub["jabatan"], skp["status"] if skp else None, cells))
    return Matriks(kolom, baris)
