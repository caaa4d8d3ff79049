"""SKP planning workflow (WORKFLOW.md §1.3-B, §1.4 steps 3-9) on a real SQLite file."""

from __future__ import annotations

import shutil

import pytest

from sandbox.store import content_hash, open_store
from sandbox.synth.office import demo_office
from sandbox.synth.persist import save_office
from sandbox.workflow import (
    KEPALA_DAERAH,
    TRAINER,
    WorkflowRefused,
    ajukan,
    buat_skp,
    checklist,
    isi_lampiran,
    kembalikan,
    setujui,
    status_log,
    tambah_indikator,
    tambah_rhk,
)

KADIS = "197403192003012001"      # Kepala Dinas (JPT Pratama), no atasan in the office
KABID = "197510172011101001"      # Kepala Bidang Lalu Lintas (administrator)
KASI = "198112092000061001"       # Kepala Seksi Manajemen dan Rekayasa Lalu Lintas (pengawas)
PELAKSANA = "199704292023112001"  # Operator Layanan Operasional under KASI
KABID_B2 = "197303112006072001"   # Kepala Bidang Angkutan
KASI_B2 = "198803132022011001"    # Kepala Seksi Angkutan Orang, under KABID_B2
UNKNOWN = "199999999999999999"


def full_skp(store, nip, induk_rhk_id=None, jpt=False, submit=True):
    """A complete SKP (RHK utama + indikator + lampiran), submitted; returns (skp_id, rhk_id)."""
    skp_id = buat_skp(store, nip, 2026, "kuantitatif")
    rhk_id = tambah_rhk(store, nip, skp_id, f"Terlaksananya layanan unit {nip[-4:]}", "utama",
                        induk_rhk_id=induk_rhk_id, klasifikasi="organisasi" if jpt else None)
    tambah_indikator(store, nip, rhk_id, "Persentase layanan tepat waktu", aspek="kuantitas",
                     target_nilai=95, target_satuan="persen",
                     perspektif="penerima layanan" if jpt else None)
    isi_lampiran(store, nip, skp_id, dukungan_sd="1 PC", skema_pj="Laporan bulanan", konsekuensi="Teguran")
    if submit:
        ajukan(store, nip, skp_id)
    return skp_id, rhk_id


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """An office whose kadis → kabid B1 → kasi B1 chain already has approved SKPs (built once)."""
    path = tmp_path_factory.mktemp("tpl") / "tpl.db"
    with open_store(path) as store:
        save_office(store, demo_office())
        kadis_skp, kadis_rhk = full_skp(store, KADIS, jpt=True)
        setujui(store, KEPALA_DAERAH, kadis_skp)
        kabid_skp, kabid_rhk = full_skp(store, KABID, kadis_rhk)
        setujui(store, KADIS, kabid_skp)
        kasi_skp, kasi_rhk = full_skp(store, KASI, kabid_rhk)
        setujui(store, KABID, kasi_skp)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ids = {"kadis_skp": kadis_skp, "kadis_rhk": kadis_rhk, "kabid_skp": kabid_skp, "kabid_rhk": kabid_rhk,
           "kasi_skp": kasi_skp, "kasi_rhk": kasi_rhk}
    return path, ids


@pytest.fixture
def office(template, tmp_path):
    path, ids = template
    target = tmp_path / "sandbox.db"
    shutil.copy(path, target)
    store = open_store(target)
    yield store, ids
    store.close()


def status(store, skp_id):
    return store.conn.execute("SELECT status FROM skp WHERE id = ?", [skp_id]).fetchone()[0]


def refused(store, code, command, *args, **kwargs):
    before = content_hash(store)
    with pytest.raises(WorkflowRefused) as info:
        command(store, *args, **kwargs)
    assert info.value.code == code, info.value.render("en")
    assert content_hash(store) == before
    return info.value


# -- happy paths ---------------------------------------------------------------------------------------
def test_cascade_head_then_kabid_then_kasi(office):
    store, ids = office
    assert status(store, ids["kadis_skp"]) == "DISETUJUI"
    assert status_log(store, ids["kadis_skp"]) == [
        ("BELUM_DIBUAT", "DRAFT", KADIS, None), ("DRAFT", "DIAJUKAN", KADIS, None),
        ("DIAJUKAN", "DISETUJUI", KEPALA_DAERAH, None)]
    sql = "SELECT pejabat_nip, atasan_pp_nip, induk_skp_id, status FROM skp WHERE id = ?"
    kabid = store.conn.execute(sql, [ids["kabid_skp"]]).fetchone()
    assert kabid == (KADIS, None, ids["kadis_skp"], "DISETUJUI")
    kasi = store.conn.execute(sql, [ids["kasi_skp"]]).fetchone()
    assert kasi == (KABID, KADIS, ids["kabid_skp"], "DISETUJUI")
    assert status_log(store, ids["kasi_skp"])[-1] == ("DIAJUKAN", "DISETUJUI", KABID, None)
    actions = [r[0] for r in store.conn.execute("SELECT action FROM audit_log WHERE action = 'skp.setujui'")]
    assert len(actions) == 3


def test_a_recommended_guard_made_required_for_one_pegawai_only(office):
    """§1.3-B guard 5 (lampiran) warns; a training scenario may make it required for its own trainee
    (`wajibkan_syarat`): then the checklist marks it blocking and Ajukan refuses, for that NIP only."""
    from sandbox.workflow.skp import SYARAT_AJUKAN, wajibkan_syarat

    store, ids = office
    assert SYARAT_AJUKAN["lampiran"] == "disarankan" and SYARAT_AJUKAN["induk"] == "wajib"
    refused(store, "workflow.hak.trainer_admin", wajibkan_syarat, KASI, PELAKSANA, ["lampiran"])
    with pytest.raises(ValueError):  # a required guard cannot be "raised"; a typo is a programming error
        wajibkan_syarat(store, TRAINER, PELAKSANA, ["induk"])
    wajibkan_syarat(store, TRAINER, PELAKSANA, ["lampiran"])
    skp_id = buat_skp(store, PELAKSANA, 2026, "kuantitatif")
    rhk = tambah_rhk(store, PELAKSANA, skp_id, "Tersusunnya naskah dinas yang tepat waktu", "utama",
                     induk_rhk_id=ids["kasi_rhk"])
    tambah_indikator(store, PELAKSANA, rhk, "Jumlah naskah", aspek="kuantitas", target_nilai=100,
                     target_satuan="naskah")
    guard = next(g for g in checklist(store, skp_id) if g.name == "lampiran")
    assert guard.blocking and not guard.ok
    refused(store, "workflow.ajukan.lampiran", ajukan, PELAKSANA, skp_id)
    isi_lampiran(store, PELAKSANA, skp_id, dukungan_sd="1 PC", skema_pj="Laporan", konsekuensi="Teguran")
    ajukan(store, PELAKSANA, skp_id)
    assert status(store, skp_id) == "DIAJUKAN"
    # everyone else keeps the warning: the kasi's own SKP lists the lampiran as recommended
    assert not next(g for g in checklist(store, ids["kasi_skp"]) if g.name == "lampiran").blocking


def test_pelaksana_returned_fixed_resubmitted_approved(office):
    store, ids = office
    skp_id = buat_skp(store, PELAKSANA, 2026, "kuantitatif")
    assert status(store, skp_id) == "DRAFT"
    assert store.conn.execute("SELECT induk_skp_id, pejabat_nip FROM skp WHERE id = ?",
                              [skp_id]).fetchone() == (ids["kasi_skp"], KASI)
    rhk = tambah_rhk(store, PELAKSANA, skp_id, "Mengetik surat", "utama", induk_rhk_id=ids["kasi_rhk"])
    tambah_indikator(store, PELAKSANA, rhk, "Jumlah surat", aspek="kuantitas", target_nilai=100,
                     target_satuan="surat")
    assert [g.code for g in checklist(store, skp_id) if not g.ok] == ["workflow.ajukan.lampiran"]
    ajukan(store, PELAKSANA, skp_id)  # lampiran only warns
    assert status(store, skp_id) == "DIAJUKAN"
    kembalikan(store, KASI, skp_id, "RHK masih berupa kegiatan; tulis hasilnya")
    assert status(store, skp_id) == "DIKEMBALIKAN"
    rhk2 = tambah_rhk(store, PELAKSANA, skp_id, "Tersusunnya naskah dinas yang benar dan tepat waktu",
                      "utama", induk_rhk_id=ids["kasi_rhk"])
    assert status(store, skp_id) == "DRAFT"
    tambah_indikator(store, PELAKSANA, rhk2, "Naskah dinas tepat waktu", aspek="waktu", target_nilai=12,
                     target_satuan="bulan")
    isi_lampiran(store, PELAKSANA, skp_id, dukungan_sd="1 PC", skema_pj="Laporan", konsekuensi="Teguran")
    assert all(g.ok for g in checklist(store, skp_id))
    ajukan(store, PELAKSANA, skp_id)
    setujui(store, KASI, skp_id)
    assert status(store, skp_id) == "DISETUJUI"
    assert status_log(store, skp_id) == [
        ("BELUM_DIBUAT", "DRAFT", PELAKSANA, None),
        ("DRAFT", "DIAJUKAN", PELAKSANA, None),
        ("DIAJUKAN", "DIKEMBALIKAN", KASI, "RHK masih berupa kegiatan; tulis hasilnya"),
        ("DIKEMBALIKAN", "DRAFT", PELAKSANA, None),
        ("DRAFT", "DIAJUKAN", PELAKSANA, None),
        ("DIAJUKAN", "DISETUJUI", KASI, None)]


def test_kualitatif_needs_no_target(office):
    store, ids = office
    skp_id = buat_skp(store, PELAKSANA, 2026, "Kualitatif")
    rhk = tambah_rhk(store, PELAKSANA, skp_id, "Tersusunnya laporan lalu lintas",
                     induk_rhk_id=ids["kasi_rhk"])
    tambah_indikator(store, PELAKSANA, rhk, "Laporan diterima pimpinan tanpa perbaikan")
    ajukan(store, PELAKSANA, skp_id)
    assert status(store, skp_id) == "DIAJUKAN"


# -- refusals (each leaves the file unchanged) -------------------------------------------------------
@pytest.fixture
def submitted(office):
    store, ids = office
    skp_id, _ = full_skp(store, PELAKSANA, ids["kasi_rhk"])
    return store, ids, skp_id


def test_refuse_self_approval(submitted):
    store, _, skp_id = submitted
    refused(store, "workflow.putus.diri_sendiri", setujui, PELAKSANA, skp_id)


def test_refuse_approval_by_someone_elses_atasan(submitted):
    store, _, skp_id = submitted
    refused(store, "workflow.putus.bukan_pejabat_penilai", setujui, KASI_B2, skp_id)
    refused(store, "workflow.putus.bukan_pejabat_penilai", setujui, KABID, skp_id)  # atasan PP is not PP


def test_refuse_return_without_note(submitted):
    store, _, skp_id = submitted
    refused(store, "workflow.kembalikan.catatan_wajib", kembalikan, KASI, skp_id, "   ")


def test_refuse_submit_twice(submitted):
    store, _, skp_id = submitted
    refused(store, "workflow.skp.status_salah", ajukan, PELAKSANA, skp_id)


def test_refuse_submit_without_rhk(office):
    store, _ = office
    skp_id = buat_skp(store, PELAKSANA, 2026)
    err = refused(store, "workflow.ajukan.rhk_utama_kosong", ajukan, PELAKSANA, skp_id)
    assert "SKP belum memiliki RHK Utama" in str(err)


def test_refuse_submit_rhk_without_indikator(office):
    store, ids = office
    skp_id = buat_skp(store, PELAKSANA, 2026)
    tambah_rhk(store, PELAKSANA, skp_id, "Tersusunnya data lalu lintas", induk_rhk_id=ids["kasi_rhk"])
    refused(store, "workflow.ajukan.rhk_tanpa_indikator", ajukan, PELAKSANA, skp_id)


def test_refuse_kuantitatif_indikator_without_target(office):
    store, ids = office
    skp_id = buat_skp(store, PELAKSANA, 2026)
    rhk = tambah_rhk(store, PELAKSANA, skp_id, "Tersusunnya data lalu lintas", induk_rhk_id=ids["kasi_rhk"])
    refused(store, "workflow.indikator.target_wajib", tambah_indikator, PELAKSANA, rhk, "Jumlah data",
            aspek="kuantitas")
    refused(store, "workflow.indikator.aspek", tambah_indikator, PELAKSANA, rhk, "Jumlah data",
            target_nilai=5, target_satuan="laporan")


@pytest.mark.parametrize("awal,akhir", [("2026-01-01", "2026-01-31"), ("2026-01-01", "2026-03-31"),
                                        ("2026-04-01", "2026-12-31"), ("2026-01-01", "2027-12-31")])
def test_refuse_monthly_or_quarterly_period(office, awal, akhir):
    store, _ = office
    refused(store, "workflow.skp.periode_bukan_tahunan", buat_skp, PELAKSANA, 2026,
            periode_awal=awal, periode_akhir=akhir)


def test_refuse_overlapping_skp(office):
    store, ids = office
    refused(store, "workflow.skp.periode_tumpang_tindih", buat_skp, KASI, 2026)
    buat_skp(store, KASI, 2027)  # another year is fine


def test_refuse_rhk_without_induk_for_non_jpt(office):
    store, _ = office
    skp_id = buat_skp(store, PELAKSANA, 2026)
    refused(store, "workflow.rhk.induk_wajib", tambah_rhk, PELAKSANA, skp_id, "Tersusunnya data")


def test_refuse_rhk_when_parent_skp_not_approved(office):
    store, _ = office
    skp_id = buat_skp(store, KASI_B2, 2026)  # KABID_B2 has no approved SKP
    err = refused(store, "workflow.rhk.induk_belum_disetujui", tambah_rhk, KASI_B2, skp_id,
                  "Tersusunnya data")
    assert "SKP induk harus disetujui terlebih dahulu" in err.render("id")
    assert "parent SKP must be approved first" in err.render("en")


def test_refuse_induk_rhk_from_non_atasan_skp(office):
    store, ids = office
    skp_id = buat_skp(store, PELAKSANA, 2026)
    refused(store, "workflow.rhk.induk_bukan_atasan", tambah_rhk, PELAKSANA, skp_id, "Tersusunnya data",
            induk_rhk_id=ids["kabid_rhk"])
    refused(store, "workflow.rhk_tidak_ada", tambah_rhk, PELAKSANA, skp_id, "Tersusunnya data",
            induk_rhk_id=424242)


def test_refuse_edit_after_approval(office):
    store, ids = office
    refused(store, "workflow.skp.terkunci", tambah_rhk, KASI, ids["kasi_skp"], "Tersusunnya hal baru",
            induk_rhk_id=ids["kabid_rhk"])
    refused(store, "workflow.skp.terkunci", tambah_indikator, KASI, ids["kasi_rhk"], "Baru",
            aspek="waktu", target_nilai=1, target_satuan="bulan")
    refused(store, "workflow.skp.terkunci", isi_lampiran, KASI, ids["kasi_skp"], dukungan_sd="x")


def test_refuse_edit_by_non_owner(office):
    store, ids = office
    skp_id = buat_skp(store, PELAKSANA, 2026)
    refused(store, "workflow.bukan_pemilik", tambah_rhk, KASI, skp_id, "Tersusunnya data",
            induk_rhk_id=ids["kasi_rhk"])
    refused(store, "workflow.bukan_pemilik", ajukan, KASI, skp_id)


def test_refuse_operator_acting_as_other_nip_and_record_it(office):
    store, _ = office

    def tables_without_audit():
        rows = {}
        for (name,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                          " AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log'"):
            rows[name] = store.conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
        return rows

    before_rows = tables_without_audit()
    before_audit = store.conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]
    with pytest.raises(WorkflowRefused) as info:
        buat_skp(store, KASI, 2026, acting_as_nip=PELAKSANA)
    assert info.value.code == "workflow.acting_as"
    assert tables_without_audit() == before_rows
    new = store.conn.execute("SELECT session_nip, acting_as_nip, action, payload FROM audit_log WHERE id > ?",
                             [before_audit]).fetchall()
    assert new == [(KASI, PELAKSANA, "integrity.acting_as", '{"attempted": "skp.buat"}')]


def test_refuse_unknown_nip(office):
    store, _ = office
    refused(store, "workflow.pegawai_tidak_dikenal", buat_skp, UNKNOWN, 2026)


def test_refuse_unknown_skp_id(office):
    store, _ = office
    refused(store, "workflow.skp_tidak_ada", ajukan, PELAKSANA, 99999)
    refused(store, "workflow.skp_tidak_ada", setujui, KASI, 99999)


def test_refuse_head_skp_approved_by_a_pegawai(office):
    store, _ = office
    # the 2026 SKP is taken; a 2027 one, submitted: only KEPALA_DAERAH may decide it
    skp_id = buat_skp(store, KADIS, 2027)
    rhk = tambah_rhk(store, KADIS, skp_id, "Meningkatnya keselamatan lalu lintas", klasifikasi="organisasi")
    tambah_indikator(store, KADIS, rhk, "Angka kecelakaan", aspek="kuantitas", target_nilai=10,
                     target_satuan="persen", perspektif="Penerima Layanan")
    ajukan(store, KADIS, skp_id)
    refused(store, "workflow.putus.bukan_pejabat_penilai", setujui, KABID, skp_id)
    refused(store, "workflow.putus.diri_sendiri", setujui, KADIS, skp_id)


def test_refuse_jpt_indikator_without_perspektif(office):
    store, _ = office
    skp_id = buat_skp(store, KADIS, 2027)
    rhk = tambah_rhk(store, KADIS, skp_id, "Meningkatnya keselamatan lalu lintas")
    tambah_indikator(store, KADIS, rhk, "Angka kecelakaan", aspek="kuantitas", target_nilai=10,
                     target_satuan="persen")
    refused(store, "workflow.ajukan.perspektif_kosong", ajukan, KADIS, skp_id)


def test_refuse_unknown_pendekatan_and_jenis(office):
    store, ids = office
    refused(store, "workflow.skp.pendekatan", buat_skp, PELAKSANA, 2026, "bulanan")
    skp_id = buat_skp(store, PELAKSANA, 2026)
    refused(store, "workflow.rhk.jenis", tambah_rhk, PELAKSANA, skp_id, "Tersusunnya data", "pokok",
            induk_rhk_id=ids["kasi_rhk"])


def test_every_code_has_both_languages_and_a_fix():
    from sandbox.i18n.catalog import MESSAGES

    workflow = {code: texts for code, texts in MESSAGES.items() if code.startswith("workflow.")}
    assert len(workflow) > 20
    for code, texts in workflow.items():
        assert set(texts) == {"id", "en"}, code
        if not code.endswith(".fix"):
            assert code + ".fix" in MESSAGES, code
