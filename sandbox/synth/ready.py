"""Make a stored office ready to practise in: 2026 periods and approved SKPs for every leader.

A trainee drafting their SKP needs an approved parent SKP to intervene (§1.3-B guard 2); in a new
office nobody has one. This walks the office top-down — head of office, then every pejabat with
subordinates — and, through the real workflow commands, writes each leader's SKP (RHK, indikator,
lampiran), submits it and has it approved by their own pejabat penilai (the head of office by
`KEPALA_DAERAH`). Staff without subordinates are left at BELUM_DIBUAT: that is the trainee's work.

Everything goes through `sandbox.workflow`, so the demo obeys the same guards as a trainee, and
every step is in the audit log like a real one. Same office → same content.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.store import Store
from sandbox.synth.office import Office, demo_office
from sandbox.synth.persist import SavedOffice, save_office
from sandbox.workflow import (
    ADMIN_INSTANSI,
    KEPALA_DAERAH,
    ajukan,
    buat_periode_triwulan,
    buat_skp,
    isi_lampiran,
    setujui,
    tambah_indikator,
    tambah_rhk,
)

YEAR = 2026  # the year the practice office plays: defined here only (screens and scenarios import it)

# (RHK text, indikator text, target, satuan) by level; "{unit}" is the leader's unit name.
RHK_BY_LEVEL = {
    "jpt": [("Meningkatnya kinerja layanan {unit}", "Indeks kepuasan masyarakat atas layanan {unit}",
             82, "indeks", "penerima layanan"),
            ("Terwujudnya tata kelola {unit} yang akuntabel", "Nilai SAKIP {unit}", 70, "nilai",
             "penguatan internal")],
    "administrator": [("Terlaksananya program {unit} sesuai rencana", "Persentase program {unit} yang"
                       " terlaksana tepat waktu", 90, "persen", None)],
    "pengawas": [("Tersusunnya dan terlaksananya kegiatan {unit}", "Jumlah kegiatan {unit} yang"
                  " terlaksana", 12, "kegiatan", None)],
}


@dataclass(frozen=True)
class Readiness:
    periods: int
    approved_skp: int


def _leaders_top_down(store: Store) -> list[dict]:
    """Pegawai with at least one subordinate, each after their own atasan."""
    cursor = store.conn.execute(
        "WITH RECURSIVE chain(nip, depth) AS ("
        " SELECT nip, 0 FROM pegawai WHERE atasan_nip IS NULL AND aktif = 1"
        " UNION ALL SELECT p.nip, c.depth + 1 FROM pegawai p JOIN chain c ON p.atasan_nip = c.nip"
        "  WHERE p.aktif = 1)"
        " SELECT p.nip, p.jenis_jabatan, p.atasan_nip, u.nama AS unit, c.depth FROM chain c"
        " JOIN pegawai p ON p.nip = c.nip LEFT JOIN unor u ON u.pimpinan_nip = p.nip"
        " WHERE EXISTS (SELECT 1 FROM pegawai s WHERE s.atasan_nip = p.nip AND s.aktif = 1)"
        " ORDER BY c.depth, p.nip")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def prepare_for_practice(store: Store) -> Readiness:
    """Create the year's periods and an approved SKP for every leader; returns what was made.

    Safe to call on an office that is already prepared: it then does nothing.
    """
    if store.conn.execute("SELECT count(*) FROM periode_penilaian_master").fetchone()[0]:
        return Readiness(0, 0)
    periods = buat_periode_triwulan(store, ADMIN_INSTANSI, YEAR)
    rhk_of: dict[str, int] = {}
    approved = 0
    for leader in _leaders_top_down(store):
        nip, level = leader["nip"], leader["jenis_jabatan"]
        parent_rhk = rhk_of.get(leader["atasan_nip"]) if leader["atasan_nip"] else None
        if leader["atasan_nip"] and parent_rhk is None:
            continue  # a leader under a non-leader: cannot happen in generated offices
        unit = leader["unit"] or "unit kerja"
        skp_id = buat_skp(store, nip, YEAR, "kuantitatif")
        first = None
        plan = RHK_BY_LEVEL.get(level, RHK_BY_LEVEL["pengawas"])
        for rhk_text, ind_text, target, satuan, perspektif in plan:
            rhk_id = tambah_rhk(store, nip, skp_id, rhk_text.format(unit=unit), "utama",
                                induk_rhk_id=None if level == "jpt" else parent_rhk,
                                klasifikasi="organisasi")
            tambah_indikator(store, nip, rhk_id, ind_text.format(unit=unit), aspek="kuantitas",
                             target_nilai=target, target_satuan=satuan, perspektif=perspektif)
            first = first or rhk_id
        isi_lampiran(store, nip, skp_id, dukungan_sd="Anggaran DPA dan staf unit",
                     skema_pj="Laporan kinerja triwulanan kepada atasan",
                     konsekuensi="Predikat kinerja menjadi dasar TPP")
        ajukan(store, nip, skp_id)
        setujui(store, leader["atasan_nip"] or KEPALA_DAERAH, skp_id)
        rhk_of[nip] = first
        approved += 1
    return Readiness(len(periods), approved)


def practice_office(store: Store, office: Office | None = None, *,
                    action: str = "synth.demo") -> tuple[SavedOffice, Readiness | None]:
    """The one way an office to practise in is made (the app's first run, `ekinerja demo`, a class):
    save it (the demo office unless another is given) and, when it was new, prepare its year."""
    saved = save_office(store, office or demo_office(), action=action)
    return saved, prepare_for_practice(store) if saved.created else None
