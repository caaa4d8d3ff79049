"""One pegawai and their atasan through a whole year, only through the workflow service.

SKP → approval → four quarterly periods (rencana aksi, realisasi, bukti dukung, umpan balik, rating,
lock, document, keberatan in one of them) → the Final period → TPP; each state, the predikat and its
stored trace are checked against the pack (and against the kuadran written out by hand).
"""

from __future__ import annotations

import pytest

from sandbox.rules.engine import Engine
from sandbox.rules.loader import load_pack
from sandbox.store import open_store
from sandbox.synth.office import demo_office
from sandbox.synth.persist import save_office
from sandbox.workflow import (
    ADMIN_INSTANSI,
    KEPALA_DAERAH,
    TRAINER,
    WorkflowRefused,
    ajukan_keberatan,
    atur_jam,
    beri_umpan_balik,
    buat_periode_triwulan,
    dokumen_evaluasi,
    evidence_gaps,
    finalkan,
    hitung_tpp,
    isi_ekspektasi_khusus,
    isi_realisasi,
    nilai,
    putuskan_keberatan,
    setujui,
    tambah_bukti,
    tambah_rencana_aksi,
    terbitkan_dokumen,
    traces,
)
from tests.kuadran_oracle import KUADRAN
from tests.test_workflow_skp import KABID, KADIS, KASI, PELAKSANA, full_skp

# Quarter name, virtual day the pegawai fills it in, day the atasan rates, ratings (HK, PK).
QUARTERS = [
    ("Triwulan I 2026", "2026-03-20", "2026-04-02", "sesuai", "sesuai"),
    ("Triwulan II 2026", "2026-06-20", "2026-07-02", "di_atas", "di_atas"),
    ("Triwulan III 2026", "2026-09-20", "2026-10-02", "di_bawah", "sesuai"),
    ("Triwulan IV 2026", "2026-12-20", "2027-01-02", "sesuai", "di_atas"),
]


def state(store, skp_periode_id):
    return store.conn.execute("SELECT state FROM skp_periode WHERE id = ?", [skp_periode_id]).fetchone()[0]


def skp_status(store, skp_id):
    return store.conn.execute("SELECT status FROM skp WHERE id = ?", [skp_id]).fetchone()[0]


def periods_by_name(store, skp_id):
    return {name: pid for pid, name in store.conn.execute(
        "SELECT sp.id, m.nama FROM skp_periode sp JOIN periode_penilaian_master m ON m.id = sp.master_id"
        " WHERE sp.skp_id = ?", [skp_id])}


def expected_predikat(hk, pk, on="2026-06-30"):
    """The pack's own answer, evaluated apart from the workflow."""
    import datetime as dt

    pack = load_pack("permenpanrb-6-2022")
    return Engine().evaluate(pack, "predikat", {"rating_hasil_kerja": hk, "rating_perilaku": pk},
                             on=dt.date.fromisoformat(on)).outputs["predikat"]


def check_predikat_trace(store, skp_periode_id, hk, pk):
    """The last stored predikat trace: inputs, outcome, the fired rule and the pack version."""
    stored = [t for t in traces(store, skp_periode_id) if t["decision"] == "predikat"][-1]
    assert stored["inputs"] == {"rating_hasil_kerja": hk, "rating_perilaku": pk}
    assert stored["outputs"]["predikat"] == KUADRAN[(hk, pk)] == expected_predikat(hk, pk)
    assert stored["rule_pack_version"].startswith("permenpanrb-6-2022@")
    fired = [step for step in stored["trace"] if step["kind"] == "rule"]
    assert len(fired) == 1, stored["trace"]
    version = stored["rule_pack_version"]
    yaml_text = store.conn.execute("SELECT source_yaml FROM rule_pack WHERE version = ?",
                                   [version]).fetchone()[0]
    assert "pack: permenpanrb-6-2022" in yaml_text  # the pack text used is kept in the file


def fill_quarter(store, pid, rhk_id, indikator_id, realisasi):
    assert state(store, pid) == "TERBUKA"
    tambah_rencana_aksi(store, PELAKSANA, pid, rhk_id, "Melayani permohonan izin operasional",
                        target_nilai=30, target_satuan="berkas")
    assert state(store, pid) == "RENCANA_AKSI_ADA"
    isi_realisasi(store, PELAKSANA, pid, indikator_id, nilai=realisasi, sumber="Register layanan")
    assert state(store, pid) == "RENCANA_AKSI_ADA"  # a realisasi without a link is not yet complete
    assert evidence_gaps(store.db, {"skp_id": skp_of(store, pid), "id": pid}) == [indikator_id]
    tambah_bukti(store, PELAKSANA, pid, indikator_id, "Rekap layanan", "https://drive.google.com/file/d/abc")
    assert state(store, pid) == "EVIDEN_LENGKAP"


def skp_of(store, pid):
    return store.conn.execute("SELECT skp_id FROM skp_periode WHERE id = ?", [pid]).fetchone()[0]


@pytest.fixture
def year(tmp_path):
    store = open_store(tmp_path / "tahun.db")
    save_office(store, demo_office())
    buat_periode_triwulan(store, ADMIN_INSTANSI, 2026)
    kadis_skp, kadis_rhk = full_skp(store, KADIS, jpt=True)
    setujui(store, KEPALA_DAERAH, kadis_skp)
    kabid_skp, kabid_rhk = full_skp(store, KABID, kadis_rhk)
    setujui(store, KADIS, kabid_skp)
    kasi_skp, kasi_rhk = full_skp(store, KASI, kabid_rhk)
    setujui(store, KABID, kasi_skp)
    yield store, kasi_rhk
    store.close()


def test_a_whole_year_through_the_workflow(year):
    store, kasi_rhk = year
    skp_id, rhk_id = full_skp(store, PELAKSANA, kasi_rhk)
    assert skp_status(store, skp_id) == "DIAJUKAN"
    isi_ekspektasi_khusus(store, KASI, skp_id, "akuntabel", "Laporan layanan diserahkan tiap Jumat")
    setujui(store, KASI, skp_id)
    assert skp_status(store, skp_id) == "DISETUJUI"
    indikator_id = store.conn.execute("SELECT id FROM indikator WHERE rhk_id = ?", [rhk_id]).fetchone()[0]

    # Approval attaches every period of 2026; on 2 January only Q1 and the Final period have begun.
    periods = periods_by_name(store, skp_id)
    assert sorted(periods) == ["Final 2026", "Triwulan I 2026", "Triwulan II 2026", "Triwulan III 2026",
                               "Triwulan IV 2026"]
    assert {n: state(store, p) for n, p in periods.items()} == {
        "Triwulan I 2026": "TERBUKA", "Triwulan II 2026": "BELUM_DIBUKA", "Triwulan III 2026": "BELUM_DIBUKA",
        "Triwulan IV 2026": "BELUM_DIBUKA", "Final 2026": "TERBUKA"}

    for number, (name, fill_day, rate_day, hk, pk) in enumerate(QUARTERS, start=1):
        pid = periods[name]
        atur_jam(store, TRAINER, fill_day)
        fill_quarter(store, pid, rhk_id, indikator_id, realisasi=25 + number * 3)
        beri_umpan_balik(store, KASI, pid, "indikator", indikator_id, pilihan=[2],
                         tambahan="Lampirkan rekap bulanan, bukan foto")
        beri_umpan_balik(store, KASI, pid, "perilaku", "akuntabel", pilihan=[7])
        atur_jam(store, TRAINER, rate_day)
        assert state(store, pid) == "EVIDEN_LENGKAP"  # the rater's clock move does not rate anything
        predikat = nilai(store, KASI, pid, rating_hk=hk, rating_pk=pk)
        assert predikat == KUADRAN[(hk, pk)]
        assert state(store, pid) == "DINILAI"
        check_predikat_trace(store, pid, hk, pk)
        finalkan(store, KASI, pid)
        assert state(store, pid) == "TERKUNCI"
        doc = terbitkan_dokumen(store, PELAKSANA, pid)
        assert state(store, pid) == "DOKUMEN_TERBIT"
        assert doc.predikat == predikat and doc.pejabat_penilai["nip"] == KASI
        assert doc.atasan_pejabat_penilai["nip"] == KABID
        assert doc.hasil_kerja[0]["indikator"][0]["realisasi"] == 25 + number * 3
        akuntabel = next(p for p in doc.perilaku_kerja if p["kode"] == "akuntabel")
        assert akuntabel["ekspektasi_khusus"] == "Laporan layanan diserahkan tiap Jumat"
        assert akuntabel["umpan_balik"] == ["Perilaku sesuai ekspektasi, pertahankan"]

        if name == "Triwulan III 2026":
            # Butuh Perbaikan is contested within the window; the atasan pejabat penilai (KABID)
            # accepts and re-rates; the decision is final at once.
            atur_jam(store, TRAINER, "2026-10-10")
            case = ajukan_keberatan(store, PELAKSANA, pid, "Realisasi September belum dihitung")
            assert state(store, pid) == "KEBERATAN"
            final = putuskan_keberatan(store, KABID, case, diterima=True, rating_hk="sesuai",
                                       rating_pk="sesuai", catatan="Bukti September diterima")
            assert final == "baik" and state(store, pid) == "FINAL"
            check_predikat_trace(store, pid, "sesuai", "sesuai")
        elif name != "Triwulan IV 2026":
            # 14 days pass without keberatan: the clock makes the result final.
            atur_jam(store, TRAINER, (_plus_days(rate_day, 15)))
            assert state(store, pid) == "FINAL"
        if state(store, pid) == "FINAL":
            with pytest.raises(WorkflowRefused) as refused:
                ajukan_keberatan(store, PELAKSANA, pid, "terlambat")
            assert refused.value.code == "workflow.periode.status_salah"

    # The Final (annual) period: evidence for the year, then the annual rating early in January,
    # while Q4's keberatan window is still open.
    q4 = periods["Triwulan IV 2026"]
    assert state(store, q4) == "DOKUMEN_TERBIT"
    final_id = periods["Final 2026"]
    assert state(store, final_id) == "TERBUKA"
    fill_quarter(store, final_id, rhk_id, indikator_id, realisasi=124)
    nilai(store, KASI, final_id, rating_hk="sesuai", rating_pk="sesuai")
    check_predikat_trace(store, final_id, "sesuai", "sesuai")
    # Nobody finalises by hand: passing batas pengisian (10 January) locks it.
    atur_jam(store, TRAINER, "2027-01-11")
    assert state(store, final_id) == "TERKUNCI"
    terbitkan_dokumen(store, KASI, final_id)
    assert skp_status(store, skp_id) == "DISETUJUI"
    assert state(store, q4) == "DOKUMEN_TERBIT"  # 9 days after its document: window still open
    atur_jam(store, TRAINER, "2027-01-26")
    assert state(store, final_id) == "FINAL" and state(store, q4) == "FINAL"
    assert skp_status(store, skp_id) == "DITUTUP"

    # The year's result feeds TPP through its pack, with the trace kept.
    tpp = hitung_tpp(store, TRAINER, final_id, 2_000_000, kehadiran={"tl1": 2})
    assert tpp.outputs["tpp_diterima"] == pytest.approx(2_000_000 * (1 - 0.4 * 0.01))
    assert [t["decision"] for t in traces(store, final_id)][-1] == "tpp"

    # The whole history is in the logs: each quarter walked the §1.3-D machine in order.
    q1 = [row[0] for row in store.conn.execute(
        "SELECT to_state FROM periode_status_log WHERE skp_periode_id = ? ORDER BY id",
        [periods["Triwulan I 2026"]])]
    assert q1 == ["BELUM_DIBUKA", "TERBUKA", "RENCANA_AKSI_ADA", "EVIDEN_LENGKAP", "DINILAI", "TERKUNCI",
                  "DOKUMEN_TERBIT", "FINAL"]
    assert dokumen_evaluasi(store, final_id, reader=TRAINER).state == "FINAL"
    skp_states = [row[0] for row in store.conn.execute(
        "SELECT to_status FROM skp_status_log WHERE skp_id = ? ORDER BY id", [skp_id])]
    assert skp_states == ["DRAFT", "DIAJUKAN", "DISETUJUI", "DITUTUP"]


def _plus_days(day: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def test_unit_head_is_rated_from_capaian_organisasi_and_the_curve_is_checked(year):
    """KASI heads a seksi: their Rating HK is the capaian set by KABID (W9), through the pack."""
    from sandbox.workflow import PENGELOLA_KINERJA, cek_kurva, tetapkan_capaian_organisasi

    store, kasi_rhk = year
    kasi_skp = store.conn.execute("SELECT id FROM skp WHERE nip = ?", [KASI]).fetchone()[0]
    pid = periods_by_name(store, kasi_skp)["Triwulan I 2026"]
    master_id = store.conn.execute("SELECT master_id FROM skp_periode WHERE id = ?", [pid]).fetchone()[0]
    unit = store.conn.execute("SELECT id FROM unor WHERE pimpinan_nip = ?", [KASI]).fetchone()[0]
    atur_jam(store, TRAINER, "2026-04-02")
    tetapkan_capaian_organisasi(store, KABID, unit, master_id, "istimewa")
    assert nilai(store, KABID, pid, rating_pk="di_atas") == "sangat_baik"
    stored = [t["decision"] for t in traces(store, pid)]
    assert stored == ["rating_hasil_kerja_pimpinan", "predikat"]
    assert store.conn.execute("SELECT rating_hk, capaian_org FROM skp_periode WHERE id = ?",
                              [pid]).fetchone() == ("di_atas", "istimewa")

    # The curve of KABID's bidang: KASI is the only rated member besides the head; Sangat Baik
    # 1 of 1 is above the Istimewa cap of 70 %, so the check fails and KASI's rating goes back.
    bidang = store.conn.execute("SELECT id FROM unor WHERE pimpinan_nip = ?", [KABID]).fetchone()[0]
    tetapkan_capaian_organisasi(store, KADIS, bidang, master_id, "istimewa")
    result = cek_kurva(store, PENGELOLA_KINERJA, bidang, master_id)
    assert not result.sesuai and result.jumlah["sangat_baik"] == 1
    assert [v["rule"] for v in result.pelanggaran] == ["istimewa_sangat_baik_melebihi_batas"]
    assert state(store, pid) == "DIKEMBALIKAN_KURVA"
    with pytest.raises(WorkflowRefused) as refused:
        finalkan(store, KABID, pid)
    assert refused.value.code == "workflow.periode.status_salah"
    # Re-rating (Rating PK sesuai → Baik) and checking again clears it; finalising is then allowed.
    assert nilai(store, KABID, pid, rating_pk="sesuai") == "baik"
    with pytest.raises(WorkflowRefused) as refused:
        finalkan(store, KABID, pid)
    assert refused.value.code == "workflow.finalkan.kurva_melanggar"
    result = cek_kurva(store, PENGELOLA_KINERJA, bidang, master_id)
    assert result.sesuai, result.pelanggaran
    finalkan(store, KABID, pid)
    assert state(store, pid) == "TERKUNCI"
    checks = [r[0] for r in store.conn.execute(
        "SELECT result FROM distribusi_check WHERE unor_id = ? ORDER BY id", [bidang])]
    assert checks == ["MELANGGAR", "SESUAI"]
