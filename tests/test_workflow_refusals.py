"""Every guard and right of the assessment half refuses, and leaves the file unchanged (WORKFLOW.md
§1.1 actors, §1.2 periods, §1.3-D assessment period, §1.4 steps 11-20).

One template sandbox is built once per module and copied per test. Its virtual clock stands at
2026-07-01 (Triwulan II open until its batas pengisian 2026-07-10) and it holds periods in every
useful state, so each test runs only the refused command (plus, where the case needs it, a clock
move first). Each refusal must raise `WorkflowRefused` with the expected code and leave
`content_hash` identical; an acting-as attempt instead leaves exactly one `integrity.acting_as`
audit row and nothing else.
"""

from __future__ import annotations

import math
import shutil

import pytest

from sandbox.store import content_hash, open_store
from sandbox.synth.office import demo_office
from sandbox.synth.persist import save_office
from sandbox.workflow import (
    ADMIN_INSTANSI,
    KEPALA_DAERAH,
    PENGELOLA_KINERJA,
    TRAINER,
    WorkflowRefused,
    ajukan,
    ajukan_keberatan,
    ajukan_revisi,
    atur_jam,
    beri_umpan_balik,
    buat_periode,
    buat_periode_triwulan,
    buat_skp,
    cek_kurva,
    dokumen_evaluasi,
    finalkan,
    hitung_angka_kredit,
    hitung_tpp,
    isi_ekspektasi_khusus,
    isi_lampiran,
    isi_realisasi,
    nilai,
    perpanjang_batas,
    pilih_paket,
    putuskan_keberatan,
    setujui,
    setujui_revisi,
    tambah_bukti,
    tambah_indikator,
    tambah_rencana_aksi,
    tambah_rhk,
    terbitkan_dokumen,
    tetapkan_capaian_organisasi,
    tolak_revisi,
)

# The demo office's Bidang Lalu Lintas chain (same NIPs as tests/test_workflow_skp.py).
KADIS = "197403192003012001"       # Kepala Dinas (JPT Pratama), leads U.01, rated by KEPALA_DAERAH
KABID = "197510172011101001"       # Kepala Bidang Lalu Lintas, leads U.01.B1, rated by KADIS
KASI = "198112092000061001"        # Kepala Seksi, leads U.01.B1.S1, rated by KABID
PELAKSANA = "199704292023112001"   # pelaksana under KASI; atasan pejabat penilai is KABID
PELAKSANA2 = "199009152021042001"  # second pelaksana under KASI (kualitatif SKP)
KABID_B2 = "197303112006072001"    # Kepala Bidang Angkutan: a stranger to the B1 chain
KASI_B2 = "198803132022011001"     # Kepala Seksi Angkutan Orang: another seksi head
UNKNOWN = "199999999999999999"
UNIT_SEKSI = "U.01.B1.S1"
UNIT_BIDANG = "U.01.B1"
TODAY = "2026-07-01"               # the template's virtual date


def full_skp(store, nip, induk_rhk_id=None, jpt=False, pendekatan="kuantitatif"):
    """A complete SKP (RHK utama + indikator + lampiran), submitted; returns (skp_id, rhk_id)."""
    skp_id = buat_skp(store, nip, 2026, pendekatan)
    rhk_id = tambah_rhk(store, nip, skp_id, f"Terlaksananya layanan unit {nip[-4:]}", "utama",
                        induk_rhk_id=induk_rhk_id, klasifikasi="organisasi" if jpt else None)
    tambah_indikator(store, nip, rhk_id, "Persentase layanan tepat waktu", aspek="kuantitas",
                     target_nilai=95, target_satuan="persen",
                     perspektif="penerima layanan" if jpt else None)
    isi_lampiran(store, nip, skp_id, dukungan_sd="1 PC", skema_pj="Laporan bulanan", konsekuensi="Teguran")
    ajukan(store, nip, skp_id)
    return skp_id, rhk_id


def _period(store, nip, master_id):
    return store.conn.execute("SELECT sp.id FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
                              " WHERE s.nip = ? AND sp.master_id = ?", [nip, master_id]).fetchone()[0]


def _indikator(store, skp_id):
    return store.conn.execute("SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id"
                              " WHERE rhk.skp_id = ? ORDER BY i.id", [skp_id]).fetchone()[0]


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """The sandbox every test copies; `ids` names its periods by the state they are in."""
    path = tmp_path_factory.mktemp("refusals") / "tpl.db"
    with open_store(path) as store:
        save_office(store, demo_office())
        tw1, tw2, _tw3, tw4, fin = buat_periode_triwulan(store, ADMIN_INSTANSI, 2026)
        ids = {"m_tw1": tw1, "m_tw2": tw2, "m_tw4": tw4, "m_fin": fin}
        for key, nip, induk, rater, jpt, pendekatan in [
                ("kadis", KADIS, None, KEPALA_DAERAH, True, "kuantitatif"),
                ("kabid", KABID, "kadis", KADIS, False, "kuantitatif"),
                ("kasi", KASI, "kabid", KABID, False, "kuantitatif"),
                ("pel", PELAKSANA, "kasi", KASI, False, "kuantitatif"),
                ("pel2", PELAKSANA2, "kasi", KASI, False, "kualitatif")]:
            skp_id, rhk_id = full_skp(store, nip, ids.get(f"rhk_{induk}"), jpt=jpt, pendekatan=pendekatan)
            setujui(store, rater, skp_id)
            ids[f"skp_{key}"], ids[f"rhk_{key}"] = skp_id, rhk_id
            ids[f"ind_{key}"] = _indikator(store, skp_id)

        # 2026-01-02: PELAKSANA's Triwulan I runs the whole way to FINAL through a refused keberatan.
        p = ids["p_final"] = _period(store, PELAKSANA, tw1)
        nilai(store, KASI, p, rating_hk="sesuai", rating_pk="sesuai")
        finalkan(store, KASI, p)
        terbitkan_dokumen(store, PELAKSANA, p)
        ids["k_decided"] = ajukan_keberatan(store, PELAKSANA, p, "Realisasi saya belum dihitung")
        putuskan_keberatan(store, KABID, ids["k_decided"], diterima=False, catatan="Sesuai bukti dukung")
        # PELAKSANA's Final period: open, with complete evidence (EVIDEN_LENGKAP).
        p = ids["p_open"] = _period(store, PELAKSANA, fin)
        tambah_rencana_aksi(store, PELAKSANA, p, ids["rhk_pel"], "Menyusun jadwal layanan", target_nilai=10,
                            target_satuan="jadwal")
        isi_realisasi(store, PELAKSANA, p, ids["ind_pel"], nilai=50)
        tambah_bukti(store, PELAKSANA, p, ids["ind_pel"], "Rekap layanan", "https://drive.example.go.id/rekap")
        # Final-period capaian: set for the Bidang and the Dinas, deliberately not for the Seksi.
        tetapkan_capaian_organisasi(store, KADIS, UNIT_BIDANG, fin, "baik")
        tetapkan_capaian_organisasi(store, KEPALA_DAERAH, "U.01", fin, "baik")

        # 2026-07-01: Triwulan II (and III) open; Triwulan I's batas (04-10) has passed.
        atur_jam(store, TRAINER, TODAY)
        tetapkan_capaian_organisasi(store, KABID, UNIT_SEKSI, tw2, "baik")
        tetapkan_capaian_organisasi(store, KADIS, UNIT_BIDANG, tw2, "baik")
        # PELAKSANA Triwulan II: issued today, keberatan pending with KABID.
        p = ids["p_keb"] = _period(store, PELAKSANA, tw2)
        nilai(store, KASI, p, rating_hk="sesuai", rating_pk="sesuai")
        finalkan(store, KASI, p)
        terbitkan_dokumen(store, KASI, p)
        ids["k_pending"] = ajukan_keberatan(store, PELAKSANA, p, "Umpan balik tidak pernah diberikan")
        # KASI Triwulan II: document issued today, keberatan window open (DOKUMEN_TERBIT).
        p = ids["p_terbit"] = _period(store, KASI, tw2)
        nilai(store, KABID, p, rating_pk="sesuai")
        finalkan(store, KABID, p)
        terbitkan_dokumen(store, KASI, p)
        # KABID Triwulan II: finalised by KADIS (TERKUNCI), document not issued yet.
        p = ids["p_kunci"] = _period(store, KABID, tw2)
        nilai(store, KADIS, p, rating_pk="di_atas")
        finalkan(store, KADIS, p)
        # PELAKSANA2 Triwulan II: rated, the Seksi's curve fails, re-rated: DINILAI under a MELANGGAR check.
        p = ids["p_dinilai"] = _period(store, PELAKSANA2, tw2)
        nilai(store, KASI, p, rating_hk="sesuai", rating_pk="sesuai")
        assert not cek_kurva(store, KASI, UNIT_SEKSI, tw2).sesuai
        nilai(store, KASI, p, rating_hk="sesuai", rating_pk="sesuai")
        # PELAKSANA2 asks for a revision: the SKP waits in REVISI_DIAJUKAN.
        ajukan_revisi(store, PELAKSANA2, ids["skp_pel2"], "Tugas baru dari Kepala Seksi")

        ids["p_belum"] = _period(store, PELAKSANA, tw4)
        ids["p_lewat"] = _period(store, PELAKSANA2, tw1)
        ids["p2_open"] = _period(store, PELAKSANA2, fin)
        ids["p_kasi_fin"] = _period(store, KASI, fin)
        ids["p_kadis_fin"] = _period(store, KADIS, fin)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, ids


@pytest.fixture
def office(template, tmp_path):
    path, ids = template
    target = tmp_path / "sandbox.db"
    shutil.copy(path, target)
    store = open_store(target)
    yield store, ids
    store.close()


def refused(store, code, command, *args, **kwargs) -> WorkflowRefused:
    """Run a command that must be refused with `code`; the file's content must not change."""
    before = content_hash(store)
    with pytest.raises(WorkflowRefused) as info:
        command(store, *args, **kwargs)
    err = info.value
    assert err.code == code, err.render("en")
    assert content_hash(store) == before
    # Every refusal explains itself in both languages, with its placeholders filled.
    assert str(err) == err.render("id")
    assert err.render("en") != err.render("id")
    assert "{" not in err.render("id") and "{" not in err.render("en"), err.render("id")
    return err


def state(store, skp_periode_id):
    return store.conn.execute("SELECT state FROM skp_periode WHERE id = ?", [skp_periode_id]).fetchone()[0]


def test_template_holds_every_state(office):
    store, ids = office
    assert store.conn.execute("SELECT virtual_now FROM clock").fetchone()[0].startswith(TODAY)
    expected = {"p_final": "FINAL", "p_open": "EVIDEN_LENGKAP", "p_keb": "KEBERATAN",
                "p_terbit": "DOKUMEN_TERBIT", "p_kunci": "TERKUNCI", "p_dinilai": "DINILAI",
                "p_belum": "BELUM_DIBUKA", "p_lewat": "TERBUKA", "p2_open": "TERBUKA",
                "p_kasi_fin": "TERBUKA", "p_kadis_fin": "TERBUKA"}
    assert {key: state(store, ids[key]) for key in expected} == expected
    assert store.conn.execute("SELECT status FROM skp WHERE id = ?", [ids["skp_pel2"]]).fetchone() == (
        "REVISI_DIAJUKAN",)


# -- the clock (trainer only, forward only) -------------------------------------------------------------
@pytest.mark.parametrize("actor", [ADMIN_INSTANSI, KEPALA_DAERAH, KADIS, PELAKSANA])
def test_clock_moved_by_non_trainer(office, actor):
    store, _ = office
    refused(store, "workflow.hak.trainer", atur_jam, actor, "2026-08-01")


@pytest.mark.parametrize("when", ["2026-06-30", "2026-07-01T07:59:59+07:00", "2026-01-01"])
def test_clock_moved_backwards(office, when):
    store, _ = office
    refused(store, "workflow.jam.mundur", atur_jam, TRAINER, when)


@pytest.mark.parametrize("when", ["besok", "2026-13-01", "", "2026-08-01T10:00:00", "01-08-2026"])
def test_clock_bad_format(office, when):
    store, _ = office
    refused(store, "workflow.jam.format", atur_jam, TRAINER, when)


# -- assessment periods (admin instansi or trainer) -----------------------------------------------------
PERIOD_CASES = [
    pytest.param("workflow.hak.trainer_admin", KADIS, ("Juli 2026", "2026-07-01", "2026-07-31", "2026-08-10",
                                                       "triwulanan", 2026), id="by-pegawai"),
    pytest.param("workflow.hak.trainer_admin", KEPALA_DAERAH, ("Khusus", "2026-07-01", "2026-07-31",
                                                               "2026-08-10", "tahunan", 2026),
                 id="by-kepala-daerah"),
    pytest.param("workflow.periode.terbalik", ADMIN_INSTANSI, ("Terbalik", "2026-05-01", "2026-04-01",
                                                               "2026-05-10", "tahunan", 2026),
                 id="end-before-start"),
    pytest.param("workflow.periode.batas_sebelum_akhir", ADMIN_INSTANSI, (
        "Semester", "2027-01-01", "2027-06-30", "2027-06-29", "semesteran", 2027), id="batas-before-end"),
    pytest.param("workflow.periode.jenis_campur", ADMIN_INSTANSI, (
        "Januari 2026", "2026-01-01", "2026-01-31", "2026-02-10", "bulanan", 2026),
        id="bulanan-into-triwulan"),
    pytest.param("workflow.periode.jenis_campur", ADMIN_INSTANSI, (
        "Semester I 2026", "2026-01-01", "2026-06-30", "2026-07-10", "semesteran", 2026),
        id="semesteran-into-triwulan"),
    pytest.param("workflow.periode.nama_ganda", ADMIN_INSTANSI, (
        "  triwulan ii 2026 ", "2026-04-01", "2026-06-30", "2026-07-10", "triwulanan", 2026),
        id="duplicate-name"),
    pytest.param("workflow.periode.tumpang_tindih", ADMIN_INSTANSI, (
        "Triwulan Khusus 2026", "2026-03-01", "2026-05-31", "2026-06-10", "triwulanan", 2026),
        id="overlapping-triwulan"),
    pytest.param("workflow.periode.tumpang_tindih", ADMIN_INSTANSI, (
        "Tahunan Kedua 2026", "2026-06-01", "2026-12-31", "2027-01-10", "tahunan", 2026),
        id="overlapping-tahunan"),
    pytest.param("workflow.periode.beda_tahun", ADMIN_INSTANSI, (
        "Triwulan I 2027", "2027-01-01", "2027-03-31", "2027-04-10", "triwulanan", 2026), id="other-year"),
    pytest.param("workflow.periode.tanggal", ADMIN_INSTANSI, (
        "Februari", "2027-02-01", "2027-02-30", "2027-03-10", "bulanan", 2027), id="impossible-date"),
    pytest.param("workflow.periode.jenis", ADMIN_INSTANSI, (
        "Minggu 1", "2027-01-01", "2027-01-07", "2027-01-10", "mingguan", 2027), id="unknown-jenis"),
    pytest.param("workflow.periode.nama_kosong", TRAINER, (
        "   ", "2027-01-01", "2027-03-31", "2027-04-10", "triwulanan", 2027), id="empty-name"),
]


@pytest.mark.parametrize("code,actor,args", PERIOD_CASES)
def test_period_refused(office, code, actor, args):
    store, _ = office
    refused(store, code, buat_periode, actor, *args)


@pytest.mark.parametrize("code,actor,master,batas", [
    ("workflow.hak.trainer_admin", KASI, "m_tw2", "2026-07-31"),
    ("workflow.periode.batas_sebelum_akhir", ADMIN_INSTANSI, "m_tw2", "2026-06-29"),
    ("workflow.periode.batas_lampau", ADMIN_INSTANSI, "m_tw1", "2026-04-30"),
    ("workflow.periode.tidak_ada", TRAINER, None, "2026-12-31"),
], ids=["by-pegawai", "before-end", "in-the-past", "unknown-period"])
def test_deadline_change_refused(office, code, actor, master, batas):
    store, ids = office
    refused(store, code, perpanjang_batas, actor, ids[master] if master else 9999, batas)


# -- the pegawai's entries: rencana aksi, realisasi, bukti dukung ---------------------------------------
def _entry(store, kind, ids, actor, period, **kw):
    """One entry command of kind 'rencana_aksi' / 'realisasi' / 'bukti' on `period` of PELAKSANA's SKP."""
    if kind == "rencana_aksi":
        return tambah_rencana_aksi(store, actor, period, kw.get("rhk", ids["rhk_pel"]), "Menyusun laporan")
    if kind == "realisasi":
        return isi_realisasi(store, actor, period, kw.get("ind", ids["ind_pel"]), nilai=40)
    return tambah_bukti(store, actor, period, kw.get("ind", ids["ind_pel"]), "Rekap",
                        "https://drive.example.go.id/x")


ENTRY_KINDS = ["rencana_aksi", "realisasi", "bukti"]


@pytest.mark.parametrize("kind", ENTRY_KINDS)
@pytest.mark.parametrize("actor,code", [
    (KASI, "workflow.periode.bukan_pemilik"),             # the pejabat penilai fills for the pegawai
    (PELAKSANA2, "workflow.periode.bukan_pemilik"),       # a colleague
    (UNKNOWN, "workflow.pegawai_tidak_dikenal"),
    (TRAINER, "workflow.pegawai_tidak_dikenal"),          # pseudo-actors have no SKP
], ids=["atasan", "colleague", "unknown-nip", "trainer"])
def test_entry_by_non_owner(office, kind, actor, code):
    store, ids = office
    refused(store, code, _entry, kind, ids, actor, ids["p_open"])


@pytest.mark.parametrize("kind", ENTRY_KINDS)
def test_entry_in_unopened_period(office, kind):
    store, ids = office
    err = refused(store, "workflow.periode.belum_dibuka", _entry, kind, ids, PELAKSANA, ids["p_belum"])
    assert "Triwulan IV 2026" in str(err) and "1 Oktober 2026" in str(err)  # the date in words


@pytest.mark.parametrize("kind", ENTRY_KINDS)
def test_entry_after_batas_pengisian_clock_moved(office, kind):
    store, ids = office
    atur_jam(store, TRAINER, "2027-01-11")  # the Final period's batas is 2027-01-10
    assert state(store, ids["p_open"]) == "EVIDEN_LENGKAP"  # still open: only the date refuses
    refused(store, "workflow.periode.lewat_batas", _entry, kind, ids, PELAKSANA, ids["p_open"])


def test_entry_after_batas_of_a_still_open_period(office):
    store, ids = office
    # PELAKSANA2's Triwulan I was never rated: TERBUKA, but its batas (2026-04-10) has passed.
    refused(store, "workflow.periode.lewat_batas", isi_realisasi, PELAKSANA2, ids["p_lewat"],
            ids["ind_pel2"], uraian="Laporan selesai")


@pytest.mark.parametrize("kind", ENTRY_KINDS)
@pytest.mark.parametrize("owner,period,code", [
    ("pel2", "p_dinilai", "workflow.periode.sudah_dinilai"),
    ("kabid", "p_kunci", "workflow.periode.sudah_dinilai"),
    ("kasi", "p_terbit", "workflow.periode.sudah_dinilai"),
    ("pel", "p_keb", "workflow.periode.sudah_dinilai"),
    ("pel", "p_final", "workflow.periode.lewat_batas"),  # Triwulan I: its batas passed, checked first
], ids=["dinilai", "terkunci", "dokumen-terbit", "keberatan", "final"])
def test_entry_after_rating(office, kind, owner, period, code):
    store, ids = office
    who = {"pel": PELAKSANA, "pel2": PELAKSANA2, "kasi": KASI, "kabid": KABID}[owner]
    refused(store, code, _entry, kind, ids, who, ids[period], rhk=ids[f"rhk_{owner}"],
            ind=ids[f"ind_{owner}"])


def test_realisasi_without_number_on_kuantitatif(office):
    store, ids = office
    refused(store, "workflow.realisasi.angka_wajib", isi_realisasi, PELAKSANA, ids["p_open"], ids["ind_pel"],
            uraian="Sudah dilaksanakan sebagian")


def test_realisasi_empty_on_kualitatif(office):
    store, ids = office
    refused(store, "workflow.realisasi.kosong", isi_realisasi, PELAKSANA2, ids["p2_open"], ids["ind_pel2"],
            uraian="   ")


@pytest.mark.parametrize("value", [-1, -0.5, math.nan, math.inf, -math.inf, True, False, "40", 1e13],
                         ids=["neg", "neg-frac", "nan", "inf", "-inf", "true", "false", "string", "huge"])
def test_realisasi_bad_number(office, value):
    store, ids = office
    refused(store, "workflow.angka_salah", isi_realisasi, PELAKSANA, ids["p_open"], ids["ind_pel"],
            nilai=value)


def test_rencana_aksi_bad_target_and_empty_text(office):
    store, ids = office
    refused(store, "workflow.angka_salah", tambah_rencana_aksi, PELAKSANA, ids["p_open"], ids["rhk_pel"],
            "Menyusun laporan", target_nilai=-3)
    refused(store, "workflow.rencana_aksi.kosong", tambah_rencana_aksi, PELAKSANA, ids["p_open"],
            ids["rhk_pel"], "  ")


@pytest.mark.parametrize("url", ["ftp://files.example.go.id/rekap.pdf", "javascript:alert(1)",
                                 "www.example.go.id/rekap", "https://", "https://drive.example .go.id/x",
                                 "file:///C:/rekap.pdf", ""])
def test_bukti_non_http_url(office, url):
    store, ids = office
    refused(store, "workflow.bukti.url", tambah_bukti, PELAKSANA, ids["p_open"], ids["ind_pel"], "Rekap", url)


@pytest.mark.parametrize("nama", ["", "   ", None])
def test_bukti_without_name(office, nama):
    store, ids = office
    refused(store, "workflow.bukti.nama_kosong", tambah_bukti, PELAKSANA, ids["p_open"], ids["ind_pel"], nama,
            "https://drive.example.go.id/rekap")


@pytest.mark.parametrize("other", ["kasi", "pel2"])
def test_indikator_or_rhk_of_another_skp(office, other):
    store, ids = office
    p = ids["p_open"]
    refused(store, "workflow.indikator.bukan_skp_ini", isi_realisasi, PELAKSANA, p, ids[f"ind_{other}"],
            nilai=10)
    refused(store, "workflow.indikator.bukan_skp_ini", tambah_bukti, PELAKSANA, p, ids[f"ind_{other}"],
            "Rekap", "https://drive.example.go.id/rekap")
    refused(store, "workflow.rhk.bukan_skp_ini", tambah_rencana_aksi, PELAKSANA, p, ids[f"rhk_{other}"],
            "Menyusun laporan")


def test_entry_on_unknown_period(office):
    store, ids = office
    refused(store, "workflow.periode_skp_tidak_ada", isi_realisasi, PELAKSANA, 99999, ids["ind_pel"], nilai=1)


def test_entry_after_revision_reopened_the_skp(office):
    store, ids = office
    setujui_revisi(store, KASI, ids["skp_pel2"], "Silakan perbarui RHK")  # SKP back to DRAFT
    refused(store, "workflow.periode.skp_tidak_aktif", isi_realisasi, PELAKSANA2, ids["p2_open"],
            ids["ind_pel2"], uraian="Laporan selesai")


# -- umpan balik (only the pejabat penilai) ------------------------------------------------------------
FEEDBACK_CASES = [
    pytest.param("workflow.nilai.diri_sendiri", PELAKSANA, "rhk", "rhk_pel", {"tambahan": "Sudah baik"},
                 id="pegawai-on-own"),
    pytest.param("workflow.nilai.bukan_pejabat_penilai", KABID, "rhk", "rhk_pel", {"tambahan": "Tingkatkan"},
                 id="atasan-pp-not-rater"),
    pytest.param("workflow.nilai.bukan_pejabat_penilai", KASI_B2, "rhk", "rhk_pel",
                 {"tambahan": "Tingkatkan"}, id="other-seksi-head"),
    pytest.param("workflow.nilai.bukan_pejabat_penilai", PENGELOLA_KINERJA, "rhk", "rhk_pel",
                 {"pilihan": [1]}, id="pengelola-kinerja"),
    pytest.param("workflow.umpan_balik.pilihan", KASI, "rhk", "rhk_pel", {"pilihan": [1, 999]},
                 id="unknown-pilihan"),
    pytest.param("workflow.umpan_balik.pilihan", KASI, "rhk", "rhk_pel", {"pilihan": ["1"]},
                 id="pilihan-as-text"),
    pytest.param("workflow.umpan_balik.kosong", KASI, "rhk", "rhk_pel", {"tambahan": "   "}, id="empty"),
    pytest.param("workflow.umpan_balik.jenis", KASI, "skp", "skp_pel", {"tambahan": "Bagus"},
                 id="unknown-target-type"),
    pytest.param("workflow.perilaku.tidak_dikenal", KASI, "perilaku", "disiplin", {"tambahan": "Bagus"},
                 id="unknown-perilaku"),
    pytest.param("workflow.indikator.bukan_skp_ini", KASI, "indikator", "ind_kasi", {"tambahan": "Bagus"},
                 id="indikator-of-other-skp"),
    pytest.param("workflow.rhk.bukan_skp_ini", KASI, "rhk", "rhk_kasi", {"tambahan": "Bagus"},
                 id="rhk-of-other-skp"),
]


@pytest.mark.parametrize("code,actor,kind,target,kw", FEEDBACK_CASES)
def test_umpan_balik_refused(office, code, actor, kind, target, kw):
    store, ids = office
    refused(store, code, beri_umpan_balik, actor, ids["p_open"], kind, ids.get(target, target), **kw)


def test_umpan_balik_on_locked_period(office):
    store, ids = office
    refused(store, "workflow.periode.status_salah", beri_umpan_balik, KADIS, ids["p_kunci"], "rhk",
            ids["rhk_kabid"], tambahan="Pertahankan")


def test_umpan_balik_bool_pilihan(office):
    store, ids = office
    refused(store, "workflow.umpan_balik.pilihan", beri_umpan_balik, KASI, ids["p_open"], "rhk",
            ids["rhk_pel"], pilihan=[True])


# -- ratings -------------------------------------------------------------------------------------------
NILAI_CASES = [
    pytest.param("workflow.nilai.diri_sendiri", PELAKSANA, "p_open", {"rating_hk": "sesuai",
                                                                      "rating_pk": "sesuai"}, id="self"),
    pytest.param("workflow.nilai.diri_sendiri", KASI, "p_kasi_fin", {"rating_pk": "sesuai"}, id="self-head"),
    pytest.param("workflow.nilai.bukan_pejabat_penilai", KABID, "p_open", {"rating_hk": "sesuai",
                                                                           "rating_pk": "sesuai"},
                 id="kabid-rates-pelaksana"),
    pytest.param("workflow.nilai.bukan_pejabat_penilai", KADIS, "p_kasi_fin", {"rating_pk": "sesuai"},
                 id="kadis-rates-kasi"),
    pytest.param("workflow.nilai.bukan_pejabat_penilai", KEPALA_DAERAH, "p_open",
                 {"rating_hk": "sesuai", "rating_pk": "sesuai"}, id="kepala-daerah-rates-pelaksana"),
    pytest.param("workflow.nilai.diri_sendiri", KADIS, "p_kadis_fin", {"rating_pk": "sesuai"},
                 id="head-of-office-rates-self"),  # his rater is KEPALA_DAERAH
    pytest.param("workflow.pegawai_tidak_dikenal", UNKNOWN, "p_open", {"rating_hk": "sesuai",
                                                                       "rating_pk": "sesuai"},
                 id="unknown-nip"),
    pytest.param("workflow.nilai.rating_salah", KASI, "p_open", {"rating_hk": "sesuai",
                                                                 "rating_pk": "luar biasa"},
                 id="unknown-rating-pk"),
    pytest.param("workflow.nilai.rating_salah", KASI, "p_open", {"rating_hk": "bagus", "rating_pk": "sesuai"},
                 id="unknown-rating-hk"),
    pytest.param("workflow.nilai.rating_salah", KASI, "p_open", {"rating_hk": "sesuai", "rating_pk": None},
                 id="missing-rating-pk"),
    pytest.param("workflow.nilai.hk_wajib", KASI, "p_open", {"rating_pk": "sesuai"}, id="no-hk-non-leader"),
    pytest.param("workflow.nilai.capaian_belum_ada", KABID, "p_kasi_fin", {"rating_pk": "sesuai"},
                 id="unit-head-without-capaian"),
    pytest.param("workflow.nilai.capaian_belum_ada", KABID, "p_kasi_fin",
                 {"rating_hk": "sesuai", "rating_pk": "sesuai"}, id="unit-head-without-capaian-hk-given"),
    pytest.param("workflow.nilai.hk_pimpinan", KEPALA_DAERAH, "p_kadis_fin",
                 {"rating_hk": "di_atas", "rating_pk": "sesuai"}, id="hk-contradicts-capaian"),
    pytest.param("workflow.periode.status_salah", KASI, "p_keb",
                 {"rating_hk": "sesuai", "rating_pk": "sesuai"}, id="re-rate-during-keberatan"),
    pytest.param("workflow.periode.status_salah", KADIS, "p_kunci", {"rating_pk": "sesuai"},
                 id="re-rate-after-finalkan"),
    pytest.param("workflow.periode.belum_dibuka", KASI, "p_belum", {"rating_hk": "sesuai",
                                                                    "rating_pk": "sesuai"},
                 id="unopened-period"),
    pytest.param("workflow.periode.lewat_batas", KASI, "p_lewat", {"rating_hk": "sesuai",
                                                                   "rating_pk": "sesuai"},
                 id="after-batas"),
]


@pytest.mark.parametrize("code,actor,period,kw", NILAI_CASES)
def test_nilai_refused(office, code, actor, period, kw):
    store, ids = office
    refused(store, code, nilai, actor, ids[period], **kw)


def test_nilai_unit_head_hk_contradiction_in_words(office):
    store, ids = office
    err = refused(store, "workflow.nilai.hk_pimpinan", nilai, KEPALA_DAERAH, ids["p_kadis_fin"],
                  rating_hk="Di Bawah Ekspektasi", rating_pk="sesuai")
    assert err.params["capaian"] == "baik" and err.params["turunan"] == "sesuai"
    assert err.params["diberikan"] == "di_bawah"


def test_nilai_after_batas_clock_moved(office):
    store, ids = office
    atur_jam(store, TRAINER, "2027-01-11")
    refused(store, "workflow.periode.lewat_batas", nilai, KASI, ids["p_open"], rating_hk="sesuai",
            rating_pk="sesuai")


def test_nilai_while_skp_is_draft_after_revision(office):
    store, ids = office
    setujui_revisi(store, KASI, ids["skp_pel2"], "Silakan perbarui RHK")
    refused(store, "workflow.periode.skp_tidak_aktif", nilai, KASI, ids["p2_open"], rating_hk="sesuai",
            rating_pk="sesuai")


# -- capaian organisasi ----------------------------------------------------------------------------------
CAPAIAN_CASES = [
    pytest.param("workflow.capaian.bukan_atasan", KASI, UNIT_SEKSI, "m_fin", "baik", id="head-sets-own-unit"),
    pytest.param("workflow.capaian.bukan_atasan", KADIS, UNIT_SEKSI, "m_fin", "baik", id="two-levels-up"),
    pytest.param("workflow.capaian.bukan_atasan", PENGELOLA_KINERJA, UNIT_SEKSI, "m_fin", "baik",
                 id="pengelola-kinerja"),
    pytest.param("workflow.capaian.bukan_atasan", KADIS, "U.01", "m_fin", "baik", id="head-of-office-own"),
    pytest.param("workflow.capaian.bukan_atasan", KABID_B2, UNIT_SEKSI, "m_fin", "baik", id="other-bidang"),
    pytest.param("workflow.capaian.nilai", KABID, UNIT_SEKSI, "m_fin", "luar biasa", id="unknown-value"),
    pytest.param("workflow.capaian.nilai", KABID, UNIT_SEKSI, "m_fin", "sangat_baik",
                 id="predikat-pegawai-is-not-capaian"),
    pytest.param("workflow.capaian.terkunci", KADIS, UNIT_BIDANG, "m_tw2", "istimewa",
                 id="head-already-locked"),
    pytest.param("workflow.capaian.terkunci", KABID, UNIT_SEKSI, "m_tw2", "kurang",
                 id="head-document-issued"),
    pytest.param("workflow.unor_tidak_ada", KABID, "U.99", "m_fin", "baik", id="unknown-unit"),
    pytest.param("workflow.periode.tidak_ada", KABID, UNIT_SEKSI, None, "baik", id="unknown-period"),
]


@pytest.mark.parametrize("code,actor,unit,master,value", CAPAIAN_CASES)
def test_capaian_refused(office, code, actor, unit, master, value):
    store, ids = office
    refused(store, code, tetapkan_capaian_organisasi, actor, unit, ids[master] if master else 9999, value)


# -- the distribution curve ------------------------------------------------------------------------------
KURVA_CASES = [
    pytest.param("workflow.kurva.hak", KABID, UNIT_SEKSI, "m_tw2", id="bidang-head-on-seksi"),
    pytest.param("workflow.kurva.hak", PELAKSANA, UNIT_SEKSI, "m_tw2", id="pegawai"),
    pytest.param("workflow.kurva.hak", TRAINER, UNIT_SEKSI, "m_tw2", id="trainer"),
    pytest.param("workflow.kurva.belum_semua_dinilai", KABID, UNIT_BIDANG, "m_fin", id="not-everyone-rated"),
    pytest.param("workflow.kurva.belum_semua_dinilai", PENGELOLA_KINERJA, UNIT_BIDANG, "m_fin",
                 id="not-everyone-rated-pengelola"),
    pytest.param("workflow.kurva.capaian_belum_ada", PENGELOLA_KINERJA, UNIT_SEKSI, "m_fin",
                 id="without-capaian"),
    pytest.param("workflow.kurva.capaian_belum_ada", KASI, UNIT_SEKSI, "m_tw4", id="without-capaian-head"),
    pytest.param("workflow.unor_tidak_ada", PENGELOLA_KINERJA, "U.99", "m_fin", id="unknown-unit"),
]


@pytest.mark.parametrize("code,actor,unit,master", KURVA_CASES)
def test_cek_kurva_refused(office, code, actor, unit, master):
    store, ids = office
    err = refused(store, code, cek_kurva, actor, unit, ids[master])
    if code == "workflow.kurva.belum_semua_dinilai":
        assert err.params["jumlah"] == 3 and err.params["total"] == 3  # KASI, PELAKSANA, PELAKSANA2


def test_cek_kurva_on_unit_nobody_is_assessed_in(office):
    store, ids = office
    tetapkan_capaian_organisasi(store, KABID_B2, "U.01.B2.S1", ids["m_fin"], "baik")
    refused(store, "workflow.kurva.kosong", cek_kurva, PENGELOLA_KINERJA, "U.01.B2.S1", ids["m_fin"])


# -- finalkan ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("code,actor,period", [
    ("workflow.periode.status_salah", KASI, "p_open"),          # EVIDEN_LENGKAP: not rated yet
    ("workflow.periode.status_salah", KADIS, "p_kunci"),        # already TERKUNCI
    ("workflow.periode.status_salah", KASI, "p_keb"),           # KEBERATAN
    ("workflow.periode.status_salah", KABID, "p_terbit"),       # DOKUMEN_TERBIT
    ("workflow.finalkan.kurva_melanggar", KASI, "p_dinilai"),   # DINILAI, but the Seksi's curve fails
    ("workflow.nilai.bukan_pejabat_penilai", KABID, "p_dinilai"),
    ("workflow.nilai.diri_sendiri", PELAKSANA2, "p_dinilai"),
], ids=["open", "locked", "keberatan", "issued", "curve-violated", "non-rater", "self"])
def test_finalkan_refused(office, code, actor, period):
    store, ids = office
    refused(store, code, finalkan, actor, ids[period])


# -- the evaluation document -------------------------------------------------------------------------------
@pytest.mark.parametrize("code,actor,period", [
    ("workflow.dokumen.hak", KABID_B2, "p_kunci"),              # a stranger
    ("workflow.dokumen.hak", KEPALA_DAERAH, "p_kunci"),         # atasan PP of KABID, not his rater
    ("workflow.dokumen.hak", KABID, "p_dinilai"),               # atasan PP of PELAKSANA2
    ("workflow.periode.status_salah", KASI, "p_dinilai"),       # DINILAI, not TERKUNCI yet
    ("workflow.periode.status_salah", PELAKSANA, "p_open"),
    ("workflow.periode.status_salah", KASI, "p_terbit"),        # issued twice
    ("workflow.periode.status_salah", PELAKSANA, "p_final"),
], ids=["stranger", "kepala-daerah", "atasan-pp", "dinilai", "open", "twice", "final"])
def test_terbitkan_dokumen_refused(office, code, actor, period):
    store, ids = office
    refused(store, code, terbitkan_dokumen, actor, ids[period])


def test_dokumen_not_readable_before_rating(office):
    store, ids = office
    refused(store, "workflow.dokumen.belum_dinilai", dokumen_evaluasi, ids["p_open"], reader=PELAKSANA)


# -- keberatan ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("code,actor,period,alasan", [
    ("workflow.periode.bukan_pemilik", PELAKSANA, "p_terbit", "Bukan milik saya"),
    ("workflow.periode.bukan_pemilik", KABID, "p_terbit", "Atas nama bawahan"),
    ("workflow.pegawai_tidak_dikenal", KEPALA_DAERAH, "p_terbit", "Pseudo-aktor"),
    ("workflow.keberatan.alasan_wajib", KASI, "p_terbit", "   "),
    ("workflow.keberatan.alasan_wajib", KASI, "p_terbit", None),
    ("workflow.periode.status_salah", PELAKSANA, "p_keb", "Keberatan kedua"),
    ("workflow.periode.status_salah", PELAKSANA, "p_final", "Sesudah final"),
    ("workflow.periode.status_salah", PELAKSANA, "p_open", "Belum dinilai"),
    ("workflow.periode.status_salah", KABID, "p_kunci", "Dokumen belum terbit"),
], ids=["colleague", "atasan", "kepala-daerah", "blank-alasan", "no-alasan", "second", "final", "open",
        "locked"])
def test_ajukan_keberatan_refused(office, code, actor, period, alasan):
    store, ids = office
    refused(store, code, ajukan_keberatan, actor, ids[period], alasan)


def test_keberatan_after_14_days_clock_moved(office):
    store, ids = office
    moved = atur_jam(store, TRAINER, "2026-07-16")  # 15 days after the document was issued
    assert moved["final"] >= 1 and state(store, ids["p_terbit"]) == "FINAL"
    refused(store, "workflow.periode.status_salah", ajukan_keberatan, KASI, ids["p_terbit"],
            "Rating perilaku tidak sesuai")


def test_keberatan_window_guard_itself(office):
    store, ids = office
    # The low-level clock (no sweep) leaves the period DOKUMEN_TERBIT on day 15: the pack's window refuses.
    store.set_virtual_now(TRAINER, "2026-07-16T08:00:00+07:00")
    assert state(store, ids["p_terbit"]) == "DOKUMEN_TERBIT"
    err = refused(store, "workflow.keberatan.lewat", ajukan_keberatan, KASI, ids["p_terbit"],
                  "Rating perilaku tidak sesuai")
    assert "14" in str(err) and "15" in str(err)


def test_keberatan_on_day_14_is_still_accepted(office):
    """Control for the two tests above: the refusal is the window, not the clock move."""
    store, ids = office
    atur_jam(store, TRAINER, "2026-07-15")
    ajukan_keberatan(store, KASI, ids["p_terbit"], "Rating perilaku tidak sesuai")
    assert state(store, ids["p_terbit"]) == "KEBERATAN"


PUTUS_CASES = [
    pytest.param("workflow.keberatan.bukan_atasan_pp", KASI, "k_pending",
                 {"diterima": False, "catatan": "x"}, id="pejabat-penilai"),
    pytest.param("workflow.keberatan.bukan_atasan_pp", KADIS, "k_pending",
                 {"diterima": False, "catatan": "x"}, id="too-high"),
    pytest.param("workflow.keberatan.bukan_atasan_pp", KEPALA_DAERAH, "k_pending", {"diterima": False},
                 id="kepala-daerah"),
    pytest.param("workflow.keberatan.diri_sendiri", PELAKSANA, "k_pending", {"diterima": True,
                                                                             "rating_hk": "di_atas",
                                                                             "rating_pk": "di_atas"},
                 id="self"),
    pytest.param("workflow.pegawai_tidak_dikenal", UNKNOWN, "k_pending", {"diterima": False},
                 id="unknown-nip"),
    pytest.param("workflow.keberatan.sudah_diputus", KABID, "k_decided", {"diterima": False, "catatan": "x"},
                 id="decided-twice"),
    pytest.param("workflow.keberatan.sudah_diputus", KABID, "k_decided", {"diterima": True,
                                                                          "rating_hk": "di_atas",
                                                                          "rating_pk": "di_atas"},
                 id="decided-twice-accepting"),
    pytest.param("workflow.keberatan.rating_wajib", KABID, "k_pending", {"diterima": True},
                 id="accepted-without-ratings"),
    pytest.param("workflow.keberatan.rating_wajib", KABID, "k_pending", {"diterima": True,
                                                                         "rating_hk": "di_atas"},
                 id="accepted-without-rating-pk"),
    pytest.param("workflow.keberatan.rating_wajib", KABID, "k_pending", {"diterima": True,
                                                                         "rating_hk": "hebat",
                                                                         "rating_pk": "sesuai"},
                 id="accepted-with-unknown-rating"),
    pytest.param("workflow.keberatan.tidak_ada", KABID, None, {"diterima": False}, id="unknown-keberatan"),
]


@pytest.mark.parametrize("code,actor,case,kw", PUTUS_CASES)
def test_putuskan_keberatan_refused(office, code, actor, case, kw):
    store, ids = office
    refused(store, code, putuskan_keberatan, actor, ids[case] if case else 9999, **kw)


# -- allowances: TPP and angka kredit ------------------------------------------------------------------------
@pytest.mark.parametrize("period", ["p_open", "p_dinilai", "p_kunci", "p_terbit", "p_keb"])
def test_hitung_tpp_on_non_final_period(office, period):
    store, ids = office
    refused(store, "workflow.periode.status_salah", hitung_tpp, TRAINER, ids[period], 5_000_000)


@pytest.mark.parametrize("kehadiran", [{"alpha": 1}, {"tl1": 1, "terlambat": 2}, {"TL1": 1}])
def test_hitung_tpp_unknown_attendance_key(office, kehadiran):
    store, ids = office
    err = refused(store, "workflow.tpp.kolom", hitung_tpp, TRAINER, ids["p_final"], 5_000_000,
                  kehadiran=kehadiran)
    assert "hari_tanpa_keterangan" in err.render("en")


@pytest.mark.parametrize("besaran,kw", [(-5, {}), (5_000_000, {"kehadiran": {"tl1": -3}}),
                                         (5_000_000, {"hukuman_disiplin": "berat sekali"})],
                         ids=["negative-tpp", "negative-attendance", "unknown-hukdis"])
def test_hitung_tpp_inputs_the_pack_rejects(office, besaran, kw):
    store, ids = office
    refused(store, "workflow.paket.gagal", hitung_tpp, TRAINER, ids["p_final"], besaran, **kw)


def test_hitung_angka_kredit_for_non_fungsional(office):
    store, ids = office
    refused(store, "workflow.angka_kredit.bukan_fungsional", hitung_angka_kredit, TRAINER, ids["p_final"])


def test_hitung_angka_kredit_on_non_final_period(office):
    store, ids = office
    refused(store, "workflow.periode.status_salah", hitung_angka_kredit, TRAINER, ids["p_keb"])


def test_hitung_on_unknown_period(office):
    store, _ = office
    refused(store, "workflow.periode_skp_tidak_ada", hitung_tpp, TRAINER, 99999, 5_000_000)
    refused(store, "workflow.periode_skp_tidak_ada", hitung_angka_kredit, TRAINER, 99999)


# -- SKP revision -------------------------------------------------------------------------------------------
REVISI_CASES = [
    pytest.param("workflow.bukan_pemilik", ajukan_revisi, KASI, "skp_pel", ("RHK berubah",),
                 id="ask-non-owner"),
    pytest.param("workflow.revisi.alasan_wajib", ajukan_revisi, PELAKSANA, "skp_pel", ("  ",),
                 id="ask-no-alasan"),
    pytest.param("workflow.skp.status_salah", ajukan_revisi, PELAKSANA2, "skp_pel2", ("Lagi",),
                 id="ask-twice"),
    pytest.param("workflow.putus.bukan_pejabat_penilai", setujui_revisi, KABID, "skp_pel2", ("Oke",),
                 id="approve-non-rater"),
    pytest.param("workflow.putus.bukan_pejabat_penilai", setujui_revisi, KEPALA_DAERAH, "skp_pel2", (),
                 id="approve-kepala-daerah"),
    pytest.param("workflow.putus.diri_sendiri", setujui_revisi, PELAKSANA2, "skp_pel2", (),
                 id="approve-self"),
    pytest.param("workflow.putus.bukan_pejabat_penilai", tolak_revisi, KABID, "skp_pel2", ("Tidak",),
                 id="refuse-non-rater"),
    pytest.param("workflow.revisi.catatan_wajib", tolak_revisi, KASI, "skp_pel2", ("   ",),
                 id="refuse-without-catatan"),
    pytest.param("workflow.skp.status_salah", setujui_revisi, KASI, "skp_pel", (),
                 id="approve-nothing-asked"),
    pytest.param("workflow.skp.status_salah", tolak_revisi, KASI, "skp_pel", ("Tidak",),
                 id="refuse-nothing-asked"),
]


@pytest.mark.parametrize("code,command,actor,skp,args", REVISI_CASES)
def test_revisi_refused(office, code, command, actor, skp, args):
    store, ids = office
    refused(store, code, command, actor, ids[skp], *args)


# -- ekspektasi khusus ------------------------------------------------------------------------------------
@pytest.mark.parametrize("code,actor,kode,teks", [
    ("workflow.nilai.diri_sendiri", PELAKSANA, "akuntabel", "Laporan tepat waktu"),
    ("workflow.nilai.bukan_pejabat_penilai", KABID, "akuntabel", "Laporan tepat waktu"),
    ("workflow.perilaku.tidak_dikenal", KASI, "disiplin", "Datang tepat waktu"),
    ("workflow.perilaku.ekspektasi_kosong", KASI, "akuntabel", "  "),
], ids=["self", "non-rater", "unknown-perilaku", "empty"])
def test_ekspektasi_khusus_refused(office, code, actor, kode, teks):
    store, ids = office
    refused(store, code, isi_ekspektasi_khusus, actor, ids["skp_pel"], kode, teks)


# -- which rule pack decides --------------------------------------------------------------------------------
@pytest.mark.parametrize("code,actor,decision,pack", [
    ("workflow.hak.trainer_admin", KADIS, "predikat", "permenpanrb-8-2021"),
    ("workflow.hak.trainer_admin", PENGELOLA_KINERJA, "kurva", "permenpanrb-6-2022"),
    ("workflow.hak.trainer_admin", KEPALA_DAERAH, "predikat", "permenpanrb-6-2022"),
    ("workflow.paket.keputusan_tidak_dikenal", TRAINER, "gaji", "permenpanrb-6-2022"),
    ("workflow.paket.tanpa_keputusan", ADMIN_INSTANSI, "tpp", "pp-30-2019"),
    ("workflow.paket.rusak", TRAINER, "predikat", "paket-yang-tidak-ada"),
], ids=["pegawai", "pengelola", "kepala-daerah", "unknown-decision", "pack-without-decision",
        "unknown-pack"])
def test_pilih_paket_refused(office, code, actor, decision, pack):
    store, _ = office
    refused(store, code, pilih_paket, actor, decision, pack)


# -- acting as someone else: refused, and the attempt is the only thing written -----------------------------
ACTING_AS_CASES = [
    pytest.param("periode.rencana_aksi", KASI, PELAKSANA,
                 lambda s, i: tambah_rencana_aksi(s, KASI, i["p_open"], i["rhk_pel"], "Menyusun laporan",
                                                  acting_as_nip=PELAKSANA), id="rencana-aksi"),
    pytest.param("periode.realisasi", KASI, PELAKSANA,
                 lambda s, i: isi_realisasi(s, KASI, i["p_open"], i["ind_pel"], nilai=60,
                                            acting_as_nip=PELAKSANA), id="realisasi"),
    pytest.param("periode.bukti", KASI, PELAKSANA,
                 lambda s, i: tambah_bukti(s, KASI, i["p_open"], i["ind_pel"], "Rekap", "https://x.example/r",
                                           acting_as_nip=PELAKSANA), id="bukti"),
    pytest.param("periode.umpan_balik", KABID, KASI,
                 lambda s, i: beri_umpan_balik(s, KABID, i["p_open"], "rhk", i["rhk_pel"], tambahan="Bagus",
                                               acting_as_nip=KASI), id="umpan-balik"),
    pytest.param("periode.nilai", KABID, KASI,
                 lambda s, i: nilai(s, KABID, i["p_open"], rating_hk="di_atas", rating_pk="di_atas",
                                    acting_as_nip=KASI), id="nilai"),
    pytest.param("periode.finalkan", PELAKSANA2, KASI,
                 lambda s, i: finalkan(s, PELAKSANA2, i["p_dinilai"], acting_as_nip=KASI), id="finalkan"),
    pytest.param("periode.dokumen", KABID, KADIS,
                 lambda s, i: terbitkan_dokumen(s, KABID, i["p_kunci"], acting_as_nip=KADIS), id="dokumen"),
    pytest.param("periode.keberatan", KABID, KASI,
                 lambda s, i: ajukan_keberatan(s, KABID, i["p_terbit"], "Atas nama bawahan",
                                               acting_as_nip=KASI), id="ajukan-keberatan"),
    pytest.param("keberatan.putus", KASI, KABID,
                 lambda s, i: putuskan_keberatan(s, KASI, i["k_pending"], diterima=True, rating_hk="di_atas",
                                                 rating_pk="di_atas", acting_as_nip=KABID),
                 id="putuskan-keberatan"),
    pytest.param("unor.capaian", KASI, KABID,
                 lambda s, i: tetapkan_capaian_organisasi(s, KASI, UNIT_SEKSI, i["m_fin"], "istimewa",
                                                          acting_as_nip=KABID), id="capaian"),
    pytest.param("skp.ekspektasi_khusus", PELAKSANA, KASI,
                 lambda s, i: isi_ekspektasi_khusus(s, PELAKSANA, i["skp_pel"], "akuntabel", "Apa saja",
                                                    acting_as_nip=KASI), id="ekspektasi-khusus"),
    pytest.param("skp.revisi.ajukan", KASI, PELAKSANA,
                 lambda s, i: ajukan_revisi(s, KASI, i["skp_pel"], "RHK berubah", acting_as_nip=PELAKSANA),
                 id="ajukan-revisi"),
    pytest.param("skp.revisi.tolak", PELAKSANA2, KASI,
                 lambda s, i: tolak_revisi(s, PELAKSANA2, i["skp_pel2"], "Tidak perlu", acting_as_nip=KASI),
                 id="tolak-revisi"),
]


def _rows_by_table(store):
    rows = {}
    for (name,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                      " AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name"):
        rows[name] = store.conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
    return rows


@pytest.mark.parametrize("action,actor,victim,run", ACTING_AS_CASES)
def test_acting_as_refused_and_recorded(office, action, actor, victim, run):
    store, ids = office
    before_rows = _rows_by_table(store)
    before_counts = {name: len(rows) for name, rows in before_rows.items()}
    audit_sql = ("SELECT id, virtual_ts, session_nip, acting_as_nip, action, entity, entity_id, payload"
                 " FROM audit_log")
    before_audit = store.conn.execute(f"{audit_sql} ORDER BY id").fetchall()
    with pytest.raises(WorkflowRefused) as info:
        run(store, ids)
    assert info.value.code == "workflow.acting_as"
    assert info.value.params == {"actor": actor, "acting_as": victim}
    after_rows = _rows_by_table(store)
    assert {name: len(rows) for name, rows in after_rows.items()} == before_counts
    assert after_rows == before_rows
    after_audit = store.conn.execute(f"{audit_sql} ORDER BY id").fetchall()
    assert after_audit[:len(before_audit)] == before_audit
    new = [row[2:5] + row[7:] for row in after_audit[len(before_audit):]]
    assert new == [(actor, victim, "integrity.acting_as", f'{{"attempted": "{action}"}}')]


# -- the messages themselves: Indonesian first, English on request -------------------------------------------
BILINGUAL_CASES = [
    pytest.param(lambda s, i: nilai(s, KABID, i["p_open"], rating_hk="sesuai", rating_pk="sesuai"),
                 "bukan pejabat penilai", "is not the pejabat penilai", id="non-rater"),
    pytest.param(lambda s, i: atur_jam(s, TRAINER, "2026-06-01"), "jam virtual hanya boleh maju",
                 "only moves forward", id="clock-backwards"),
    pytest.param(lambda s, i: atur_jam(s, KADIS, "2026-08-01"), "hanya pelatih", "only the trainer",
                 id="clock-non-trainer"),
    pytest.param(lambda s, i: putuskan_keberatan(s, KASI, i["k_pending"], diterima=False),
                 "bukan atasan pejabat penilai", "is not the atasan pejabat penilai", id="keberatan-decider"),
    pytest.param(lambda s, i: tambah_bukti(s, PELAKSANA, i["p_open"], i["ind_pel"], "Rekap", "ftp://x/y"),
                 "bukan alamat web yang sah", "is not a valid web address", id="bukti-url"),
    pytest.param(lambda s, i: isi_realisasi(s, PELAKSANA, i["p_belum"], i["ind_pel"], nilai=5),
                 "belum dibuka", "is not open yet", id="unopened"),
]


@pytest.mark.parametrize("run,text_id,text_en", BILINGUAL_CASES)
def test_refusal_speaks_indonesian_then_english(office, run, text_id, text_en):
    store, ids = office
    before = content_hash(store)
    with pytest.raises(WorkflowRefused) as info:
        run(store, ids)
    err = info.value
    assert content_hash(store) == before
    indonesian, english = str(err), err.render("en")
    assert indonesian == err.render("id") != english
    assert text_id in indonesian and text_id not in english
    assert text_en in english and text_en not in indonesian
    assert " — " in indonesian and " — " in english  # what went wrong — what to do
    assert "{" not in indonesian + english and "}" not in indonesian + english


def test_pack_failure_detail_is_english_in_english(office):
    store, ids = office
    err = refused(store, "workflow.paket.gagal", hitung_tpp, TRAINER, ids["p_final"], -5)
    assert "terlalu kecil" in str(err)
    assert "terlalu kecil" not in err.render("en")


@pytest.mark.parametrize("actor", [KADIS, UNKNOWN, "PENGELOLA_KINERJA"])
def test_allowances_computed_by_someone_unrelated(office, actor):
    """Only the pegawai, their pejabat penilai, the admin instansi or the trainer computes them."""
    store, ids = office
    refused(store, "workflow.tunjangan.hak", hitung_tpp, actor, ids["p_final"], 5_000_000)
    refused(store, "workflow.tunjangan.hak", hitung_angka_kredit, actor, ids["p_final"])


def test_keberatan_window_message_is_plain_in_both_languages(office):
    store, ids = office
    store.set_virtual_now(TRAINER, "2026-12-31T08:00:00+07:00")  # past the window, without the sweep
    err = refused(store, "workflow.keberatan.lewat", ajukan_keberatan, KASI, ids["p_terbit"], "alasan")
    assert "14 hari" in str(err) and "14-day" in err.render("en")
