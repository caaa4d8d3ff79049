"""The Matriks Peran Hasil and the first-timer's step list (WORKFLOW.md §1.3-C, §1.4), read from a
real demo office after real workflow commands; every figure is checked against the SQL it summarises.

Nothing here is mocked: the demo office is the one the app opens (`open_office`), the subordinates
draft through `sandbox.workflow`, and the matrix / step list are compared with direct queries.
"""

from __future__ import annotations

import pytest

from sandbox.tui.office import open_office
from sandbox.workflow import (
    TRAINER,
    ajukan,
    atur_jam,
    buat_skp,
    finalkan,
    isi_lampiran,
    isi_realisasi,
    kembalikan,
    nilai,
    setujui,
    tambah_bukti,
    tambah_indikator,
    tambah_rencana_aksi,
    tambah_rhk,
    terbitkan_dokumen,
)
from sandbox.workflow.langkah import langkah_pegawai, langkah_pejabat, next_step
from sandbox.workflow.matriks import KOSONG, SEBAGIAN, TERISI, matriks_peran_hasil
from sandbox.workflow.skp import ajukan_revisi, setujui_revisi
from sandbox.workflow.views import current_skp, parent_rhk_options, periods_of

KABID = "197510172011101001"  # Kepala Bidang Lalu Lintas, KASI's pejabat penilai
KASI = "198112092000061001"  # Kepala Seksi Manajemen dan Rekayasa Lalu Lintas: five pelaksana
PEGAWAI = "199704292023112001"  # Ade Haryanti, under KASI
SILVIA = "199009152021042001"  # Silvia Oktaviani, under KASI
DARIJAN = "199308072021101001"  # Darijan Nainggolan, under KASI
YEAR = 2026


@pytest.fixture
def store(tmp_path):
    store = open_office(tmp_path / "kantor.db")
    yield store
    store.close()


def kasi_rhk_ids(store) -> list[int]:
    return [r[0] for r in store.conn.execute(
        "SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.nip = ? AND s.status IN"
        " ('DRAFT', 'DIAJUKAN', 'DISETUJUI') ORDER BY r.id", [KASI])]


def subordinates(store) -> list[str]:
    """KASI's active direct subordinates, by name (the matrix's row order)."""
    return [r[0] for r in store.conn.execute(
        "SELECT nip FROM pegawai WHERE atasan_nip = ? AND aktif = 1 ORDER BY nama", [KASI])]


def sql_cell(store, nip: str, column: int) -> list[str]:
    return [r[0] for r in store.conn.execute(
        "SELECT r.teks FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.nip = ?"
        " AND substr(s.periode_awal, 1, 4) = ? AND r.induk_rhk_id = ? ORDER BY r.id",
        [nip, str(YEAR), column])]


def sql_keterlibatan(store, nip: str, columns: list[int]) -> int:
    marks = ", ".join("?" for _ in columns)
    return store.conn.execute(
        f"SELECT count(DISTINCT r.induk_rhk_id) FROM rhk r JOIN skp s ON s.id = r.skp_id"
        f" WHERE s.nip = ? AND r.induk_rhk_id IN ({marks})", [nip, *columns]).fetchone()[0]


def draft_skp(store, nip: str, rhk: list[tuple[int, str]], submit: bool = True) -> int:
    """An SKP whose RHK intervene the given leader's RHK ids, each with an indikator; submitted."""
    skp_id = buat_skp(store, nip, YEAR)
    for induk, teks in rhk:
        rhk_id = tambah_rhk(store, nip, skp_id, teks, induk_rhk_id=induk)
        tambah_indikator(store, nip, rhk_id, f"Jumlah {teks.lower()}", aspek="kuantitas",
                         target_nilai=12, target_satuan="dokumen")
    if submit:
        ajukan(store, nip, skp_id)
    return skp_id


def give_kasi_a_second_rhk(store) -> tuple[int, int]:
    """KASI revises the approved SKP (through KABID) to carry a second RHK; returns both RHK ids."""
    kasi_skp = current_skp(store, KASI, YEAR)["id"]
    ajukan_revisi(store, KASI, kasi_skp, "Menambah RHK pengelolaan data lalu lintas")
    setujui_revisi(store, KABID, kasi_skp)
    parent = parent_rhk_options(store, KASI, YEAR)[0]["id"]
    second = tambah_rhk(store, KASI, kasi_skp, "Terkelolanya data volume lalu lintas harian",
                        induk_rhk_id=parent)
    tambah_indikator(store, KASI, second, "Jumlah ruas jalan yang datanya mutakhir", aspek="kuantitas",
                     target_nilai=20, target_satuan="ruas")
    ajukan(store, KASI, kasi_skp)
    setujui(store, KABID, kasi_skp)
    first, again = kasi_rhk_ids(store)
    assert again == second
    assert [o["id"] for o in parent_rhk_options(store, PEGAWAI, YEAR)] == [first, second]
    return first, second


def check_against_sql(store, matriks) -> None:
    columns = [k["id"] for k in matriks.kolom]
    assert columns == kasi_rhk_ids(store)
    assert [b.nip for b in matriks.baris] == subordinates(store)
    for baris in matriks.baris:
        assert set(baris.sel) == set(columns)
        for column in columns:
            assert baris.sel[column] == sql_cell(store, baris.nip, column), (baris.nama, column)
        assert baris.keterlibatan == sql_keterlibatan(store, baris.nip, columns), baris.nama


# -- Matriks Peran Hasil -------------------------------------------------------------------------------
def test_matrix_cells_and_keterlibatan_follow_the_subordinates_skp_and_flag_uneven_work(store):
    fresh = matriks_peran_hasil(store, KASI, YEAR)
    texts = [r[0] for r in store.conn.execute(
        "SELECT r.teks FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.nip = ? ORDER BY r.id", [KASI])]
    assert [k["teks"] for k in fresh.kolom] == texts and len(texts) == 1
    assert len(fresh.baris) == 5
    check_against_sql(store, fresh)
    assert fresh.state == KOSONG
    assert fresh.sebaran() == {"0": 5, "1": 0, "2+": 0}
    assert not fresh.tidak_merata
    assert all(b.skp_status is None for b in fresh.baris)

    first, second = give_kasi_a_second_rhk(store)
    # Ade carries both of KASI's results (two RHK on the first, one on the second); Silvia one;
    # the other three none: the uneven workload of §4 rank 10.
    draft_skp(store, PEGAWAI, [(first, "Terverifikasinya berkas izin trayek"),
                               (second, "Tersusunnya rekap volume lalu lintas"),
                               (first, "Terlayaninya permohonan andalalin")])
    draft_skp(store, SILVIA, [(second, "Termutakhirkannya data ruas jalan")], submit=False)
    matriks = matriks_peran_hasil(store, KASI, YEAR)
    check_against_sql(store, matriks)
    ade = next(b for b in matriks.baris if b.nip == PEGAWAI)
    assert ade.sel == {first: ["Terverifikasinya berkas izin trayek", "Terlayaninya permohonan andalalin"],
                       second: ["Tersusunnya rekap volume lalu lintas"]}
    assert ade.keterlibatan == 2 and ade.skp_status == "DIAJUKAN"
    silvia = next(b for b in matriks.baris if b.nip == SILVIA)
    assert silvia.keterlibatan == 1 and silvia.skp_status == "DRAFT"
    assert matriks.sebaran() == {"0": 3, "1": 1, "2+": 1}
    assert matriks.tidak_merata
    assert matriks.state == SEBAGIAN

    # a returned SKP still shows what it intervenes (it is the live SKP of the year)
    kembalikan(store, KASI, current_skp(store, PEGAWAI, YEAR)["id"], "Bagi satu RHK ke rekan")
    again = matriks_peran_hasil(store, KASI, YEAR)
    check_against_sql(store, again)
    assert next(b for b in again.baris if b.nip == PEGAWAI).skp_status == "DIKEMBALIKAN"
    assert again.tidak_merata


def test_everyone_carrying_one_result_is_even_and_all_approved_is_terisi(store):
    (column,) = kasi_rhk_ids(store)
    staff = subordinates(store)
    ids = [draft_skp(store, nip, [(column, f"Terselesaikannya tugas layanan {nip[-4:]}")]) for nip in staff]
    matriks = matriks_peran_hasil(store, KASI, YEAR)
    check_against_sql(store, matriks)
    assert matriks.sebaran() == {"0": 0, "1": 5, "2+": 0}
    assert not matriks.tidak_merata
    assert matriks.state == SEBAGIAN  # all carry a result, none approved yet

    for skp_id in ids[:-1]:
        setujui(store, KASI, skp_id)
    assert matriks_peran_hasil(store, KASI, YEAR).state == SEBAGIAN  # one still waiting
    setujui(store, KASI, ids[-1])
    final = matriks_peran_hasil(store, KASI, YEAR)
    assert final.state == TERISI
    assert {b.skp_status for b in final.baris} == {"DISETUJUI"}
    check_against_sql(store, final)


def test_two_or_more_without_anyone_idle_is_not_uneven(store):
    first, second = give_kasi_a_second_rhk(store)
    staff = subordinates(store)
    draft_skp(store, staff[0], [(first, "Tersusunnya kajian simpang"), (second, "Terekamnya data simpang")])
    for nip in staff[1:]:
        draft_skp(store, nip, [(first, f"Terlaksananya survei {nip[-4:]}")], submit=False)
    matriks = matriks_peran_hasil(store, KASI, YEAR)
    check_against_sql(store, matriks)
    assert matriks.sebaran() == {"0": 0, "1": 4, "2+": 1}
    assert not matriks.tidak_merata  # someone carries two, but nobody carries none


def test_a_leader_without_an_skp_has_no_columns(store):
    # A pelaksana leads nobody and has no SKP: no columns, no rows, KOSONG.
    matriks = matriks_peran_hasil(store, PEGAWAI, YEAR)
    assert matriks.kolom == [] and matriks.baris == []
    assert matriks.state == KOSONG and not matriks.tidak_merata


# -- the step list ---------------------------------------------------------------------------------------
def done(steps) -> list[str]:
    return [s.kunci for s in steps if s.selesai]


def pegawai_steps(store):
    return langkah_pegawai(store, PEGAWAI, YEAR)


SKP_STEPS = ["buat_skp", "rhk", "indikator", "lampiran", "ajukan", "disetujui"]


def test_pegawai_steps_tick_in_order_and_a_return_unticks_ajukan(store):
    steps = pegawai_steps(store)
    assert [(s.nomor, s.kunci) for s in steps] == [
        ("4", "buat_skp"), ("5", "rhk"), ("6", "indikator"), ("7", "lampiran"), ("8", "ajukan"),
        ("9", "disetujui"), ("11", "rencana_aksi"), ("13", "realisasi"), ("15", "dinilai"),
        ("17", "dokumen"), ("20", "final")]
    assert done(steps) == []
    assert next_step(steps).kunci == "buat_skp"

    skp_id = buat_skp(store, PEGAWAI, YEAR)
    assert done(pegawai_steps(store)) == SKP_STEPS[:1]
    assert next_step(pegawai_steps(store)).kunci == "rhk"

    parent = parent_rhk_options(store, PEGAWAI, YEAR)[0]["id"]
    rhk = tambah_rhk(store, PEGAWAI, skp_id, "Terverifikasinya berkas izin trayek", induk_rhk_id=parent)
    assert done(pegawai_steps(store)) == SKP_STEPS[:2]
    assert next_step(pegawai_steps(store)).kunci == "indikator"

    ind = tambah_indikator(store, PEGAWAI, rhk, "Jumlah berkas terverifikasi", aspek="kuantitas",
                           target_nilai=30, target_satuan="berkas")
    assert done(pegawai_steps(store)) == SKP_STEPS[:3]
    # a second RHK without an indikator un-ticks step 6 until it gets one
    second = tambah_rhk(store, PEGAWAI, skp_id, "Terlayaninya permohonan andalalin", induk_rhk_id=parent)
    assert done(pegawai_steps(store)) == SKP_STEPS[:2]
    tambah_indikator(store, PEGAWAI, second, "Jumlah permohonan dilayani", aspek="kuantitas",
                     target_nilai=10, target_satuan="permohonan")
    assert done(pegawai_steps(store)) == SKP_STEPS[:3]
    assert next_step(pegawai_steps(store)).kunci == "lampiran"

    isi_lampiran(store, PEGAWAI, skp_id, dukungan_sd="Satu komputer", skema_pj="Laporan bulanan",
                 konsekuensi="Teguran")
    assert done(pegawai_steps(store)) == SKP_STEPS[:4]
    assert next_step(pegawai_steps(store)).kunci == "ajukan"

    ajukan(store, PEGAWAI, skp_id)
    assert done(pegawai_steps(store)) == SKP_STEPS[:5]
    assert next_step(pegawai_steps(store)).kunci == "disetujui"

    kembalikan(store, KASI, skp_id, "Target terlalu rendah")
    assert done(pegawai_steps(store)) == SKP_STEPS[:4]
    assert next_step(pegawai_steps(store)).kunci == "ajukan"

    ajukan(store, PEGAWAI, skp_id)
    setujui(store, KASI, skp_id)
    assert done(pegawai_steps(store)) == SKP_STEPS
    assert next_step(pegawai_steps(store)).kunci == "rencana_aksi"

    # the period steps read Triwulan I, open since 1 January
    q1 = next(p["id"] for p in periods_of(store, skp_id, reader=TRAINER) if p["nama"] == "Triwulan I 2026")
    tambah_rencana_aksi(store, PEGAWAI, q1, rhk, "Memverifikasi 10 berkas per bulan")
    assert done(pegawai_steps(store)) == [*SKP_STEPS, "rencana_aksi"]
    isi_realisasi(store, PEGAWAI, q1, ind, nilai=12)
    assert next_step(pegawai_steps(store)).kunci == "realisasi"  # realisasi without a link: not yet
    tambah_bukti(store, PEGAWAI, q1, ind, "Rekap", "https://drive.google.com/rekap")
    ind2 = store.conn.execute("SELECT id FROM indikator WHERE rhk_id = ?", [second]).fetchone()[0]
    assert next_step(pegawai_steps(store)).kunci == "realisasi"  # the second indikator still lacks both
    isi_realisasi(store, PEGAWAI, q1, ind2, nilai=4)
    tambah_bukti(store, PEGAWAI, q1, ind2, "Register", "https://drive.google.com/register")
    assert done(pegawai_steps(store)) == [*SKP_STEPS, "rencana_aksi", "realisasi"]
    assert next_step(pegawai_steps(store)).kunci == "dinilai"


def test_pejabat_decides_once_no_subordinate_skp_waits(store):
    def putuskan() -> bool:
        steps = langkah_pejabat(store, KASI, YEAR)
        assert [(s.nomor, s.kunci) for s in steps] == [("9", "putuskan_bawahan"), ("10", "matriks"),
                                                       ("15", "nilai_bawahan")]
        return steps[0].selesai

    assert not putuskan()  # nobody has an SKP: nothing decided yet
    (column,) = kasi_rhk_ids(store)
    ade = draft_skp(store, PEGAWAI, [(column, "Terverifikasinya berkas izin trayek")])
    assert not putuskan()  # Ade's SKP waits (DIAJUKAN)
    darijan = draft_skp(store, DARIJAN, [(column, "Tersusunnya laporan survei")])
    setujui(store, KASI, ade)
    assert not putuskan()  # Darijan's still waits
    kembalikan(store, KASI, darijan, "Tambah indikator waktu")
    assert putuskan()  # both decided (one approved, one returned)
    ajukan(store, DARIJAN, darijan)
    assert not putuskan()
    setujui(store, KASI, darijan)
    assert putuskan()
    # step 10 needs every subordinate approved: three have no SKP yet
    assert not langkah_pejabat(store, KASI, YEAR)[1].selesai


# -- after the rating: the period steps should stay on the rated quarter ---------------------------------
def approved_with_q1(store) -> tuple[int, int, int]:
    (column,) = kasi_rhk_ids(store)
    skp_id = buat_skp(store, PEGAWAI, YEAR)
    rhk = tambah_rhk(store, PEGAWAI, skp_id, "Terverifikasinya berkas izin trayek", induk_rhk_id=column)
    ind = tambah_indikator(store, PEGAWAI, rhk, "Jumlah berkas terverifikasi", aspek="kuantitas",
                           target_nilai=30, target_satuan="berkas")
    isi_lampiran(store, PEGAWAI, skp_id, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
    ajukan(store, PEGAWAI, skp_id)
    setujui(store, KASI, skp_id)
    q1 = next(p["id"] for p in periods_of(store, skp_id, reader=TRAINER) if p["nama"] == "Triwulan I 2026")
    tambah_rencana_aksi(store, PEGAWAI, q1, rhk, "Memverifikasi 10 berkas per bulan")
    isi_realisasi(store, PEGAWAI, q1, ind, nilai=32)
    tambah_bukti(store, PEGAWAI, q1, ind, "Rekap", "https://drive.google.com/rekap")
    return skp_id, q1, ind


def test_rating_the_quarter_ticks_dinilai_for_both_sides(store):
    """§1.4 step 15: once KASI rates Ade's Triwulan I, Ade's list shows it rated (her rencana aksi and
    realisasi stay ticked: the annual Final period, open all year, does not take the quarter's place)
    and KASI, whose only approved subordinate is rated, has step 15 done."""
    _skp_id, q1, _ind = approved_with_q1(store)
    before = done(pegawai_steps(store))
    assert before == [*SKP_STEPS, "rencana_aksi", "realisasi"]
    assert not langkah_pejabat(store, KASI, YEAR)[2].selesai
    nilai(store, KASI, q1, rating_hk="sesuai", rating_pk="sesuai")
    assert store.conn.execute("SELECT predikat FROM skp_periode WHERE id = ?", [q1]).fetchone() == ("baik",)
    assert done(pegawai_steps(store)) == [*SKP_STEPS, "rencana_aksi", "realisasi", "dinilai"]
    assert next_step(pegawai_steps(store)).kunci == "dokumen"
    assert langkah_pejabat(store, KASI, YEAR)[2].selesai


def test_document_and_final_steps_then_the_next_quarter(store):
    """Steps 17 and 20 tick from the quarter's issued document and the end of its keberatan window;
    when the clock opens Triwulan II, the period steps start again on the new quarter."""
    _skp_id, q1, _ind = approved_with_q1(store)
    atur_jam(store, TRAINER, "2026-03-02")
    nilai(store, KASI, q1, rating_hk="di_atas", rating_pk="sesuai")
    finalkan(store, KASI, q1)  # locked by the rater before the batas pengisian
    assert next_step(pegawai_steps(store)).kunci == "dokumen"
    terbitkan_dokumen(store, PEGAWAI, q1)
    assert done(pegawai_steps(store))[-2:] == ["dinilai", "dokumen"]
    assert next_step(pegawai_steps(store)).kunci == "final"
    atur_jam(store, TRAINER, "2026-03-17")  # 15 days after the document: the window has passed
    assert store.conn.execute("SELECT state FROM skp_periode WHERE id = ?", [q1]).fetchone() == ("FINAL",)
    steps = pegawai_steps(store)
    assert all(s.selesai for s in steps) and next_step(steps) is None

    atur_jam(store, TRAINER, "2026-04-01")  # Triwulan II opens: its own rencana aksi is next
    assert done(pegawai_steps(store)) == SKP_STEPS
    assert next_step(pegawai_steps(store)).kunci == "rencana_aksi"
