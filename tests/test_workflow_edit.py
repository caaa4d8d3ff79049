"""Editing drafts and revising an approved SKP mid-year (WORKFLOW.md §1.3-B, C7)."""

from __future__ import annotations

import pytest

from sandbox.store import open_store
from sandbox.synth.office import demo_office
from sandbox.synth.persist import save_office
from sandbox.workflow import (
    ADMIN_INSTANSI,
    KEPALA_DAERAH,
    WorkflowRefused,
    ajukan,
    ajukan_revisi,
    buat_periode_triwulan,
    hapus_indikator,
    hapus_rhk,
    isi_realisasi,
    kembalikan,
    setujui,
    setujui_revisi,
    status_log,
    tambah_indikator,
    tambah_rhk,
    tolak_revisi,
    ubah_indikator,
    ubah_rhk,
)
from sandbox.workflow.actors import TRAINER
from sandbox.workflow.penilaian import entries_open
from sandbox.workflow.views import period_entries
from tests.test_workflow_skp import KABID, KADIS, KASI, full_skp


@pytest.fixture
def chain(tmp_path):
    store = open_store(tmp_path / "edit.db")
    save_office(store, demo_office())
    buat_periode_triwulan(store, ADMIN_INSTANSI, 2026)
    kadis_skp, kadis_rhk = full_skp(store, KADIS, jpt=True)
    setujui(store, KEPALA_DAERAH, kadis_skp)
    kabid_skp, kabid_rhk = full_skp(store, KABID, kadis_rhk)
    setujui(store, KADIS, kabid_skp)
    yield store, kabid_rhk
    store.close()


def one(store, sql, params):
    return store.conn.execute(sql, params).fetchone()


def test_a_returned_draft_is_edited_and_resubmitted(chain):
    store, kabid_rhk = chain
    skp_id, rhk_id = full_skp(store, KASI, kabid_rhk)
    kembalikan(store, KABID, skp_id, "RHK masih berupa kegiatan")
    ubah_rhk(store, KASI, rhk_id, teks="Meningkatnya ketertiban lalu lintas di ruas utama")
    assert one(store, "SELECT status FROM skp WHERE id = ?", [skp_id]) == ("DRAFT",)
    ind_id = one(store, "SELECT id FROM indikator WHERE rhk_id = ?", [rhk_id])[0]
    ubah_indikator(store, KASI, ind_id, target_nilai=98, aspek="Kualitas")
    assert one(store, "SELECT aspek, target_nilai, target_satuan FROM indikator WHERE id = ?",
               [ind_id]) == ("kualitas", 98.0, "persen")
    extra = tambah_indikator(store, KASI, rhk_id, "Jumlah rekayasa lalu lintas", aspek="kuantitas",
                             target_nilai=4, target_satuan="lokasi")
    hapus_indikator(store, KASI, extra)
    spare = tambah_rhk(store, KASI, skp_id, "RHK cadangan", "tambahan", induk_rhk_id=kabid_rhk)
    hapus_rhk(store, KASI, spare)
    assert one(store, "SELECT count(*) FROM rhk WHERE skp_id = ?", [skp_id]) == (1,)
    ajukan(store, KASI, skp_id)
    setujui(store, KABID, skp_id)
    assert [to for _f, to, _a, _c in status_log(store, skp_id)] == [
        "DRAFT", "DIAJUKAN", "DIKEMBALIKAN", "DRAFT", "DIAJUKAN", "DISETUJUI"]
    # once approved, editing is refused: change goes through a revision
    with pytest.raises(WorkflowRefused) as refused:
        ubah_rhk(store, KASI, rhk_id, teks="diam-diam")
    assert refused.value.code == "workflow.skp.terkunci"


def test_an_intervened_rhk_cannot_be_deleted(chain):
    """KABID reopens their SKP by revision; KASI's approved RHK still hangs on KABID's RHK."""
    store, kabid_rhk = chain
    kasi_skp, _ = full_skp(store, KASI, kabid_rhk)
    setujui(store, KABID, kasi_skp)
    kabid_skp = one(store, "SELECT skp_id FROM rhk WHERE id = ?", [kabid_rhk])[0]
    ajukan_revisi(store, KABID, kabid_skp, "Penugasan baru dari Kepala Dinas")
    setujui_revisi(store, KADIS, kabid_skp)
    with pytest.raises(WorkflowRefused) as refused:
        hapus_rhk(store, KABID, kabid_rhk)
    assert refused.value.code == "workflow.rhk.diintervensi"
    ubah_rhk(store, KABID, kabid_rhk, teks="Terlaksananya program lalu lintas dan uji petik")
    assert one(store, "SELECT teks FROM rhk WHERE id = ?", [kabid_rhk]) == (
        "Terlaksananya program lalu lintas dan uji petik",)


def test_revision_approved_reopens_the_skp_and_keeps_its_periods(chain):
    store, kabid_rhk = chain
    skp_id, rhk_id = full_skp(store, KASI, kabid_rhk)
    setujui(store, KABID, skp_id)
    periods = one(store, "SELECT count(*) FROM skp_periode WHERE skp_id = ?", [skp_id])[0]
    assert periods == 5
    q1 = one(store, "SELECT sp.id FROM skp_periode sp JOIN periode_penilaian_master m ON m.id = sp.master_id"
                    " WHERE sp.skp_id = ? AND m.nama = 'Triwulan I 2026'", [skp_id])[0]
    ind_id = one(store, "SELECT id FROM indikator WHERE rhk_id = ?", [rhk_id])[0]
    isi_realisasi(store, KASI, q1, ind_id, nilai=40)
    assert entries_open(period_entries(store, q1, reader=TRAINER)["period"], store.virtual_now()[:10]) is True

    ajukan_revisi(store, KASI, skp_id, "Ada penugasan tambahan uji petik kendaraan")
    assert one(store, "SELECT status, version FROM skp WHERE id = ?", [skp_id]) == ("REVISI_DIAJUKAN", 1)
    # periods keep running on the approved version while the request waits
    isi_realisasi(store, KASI, q1, ind_id, nilai=42)
    setujui_revisi(store, KABID, skp_id, "Silakan tambahkan RHK tambahan")
    assert one(store, "SELECT status, version FROM skp WHERE id = ?", [skp_id]) == ("DRAFT", 2)
    with pytest.raises(WorkflowRefused) as refused:
        isi_realisasi(store, KASI, q1, ind_id, nilai=43)
    assert refused.value.code == "workflow.periode.skp_tidak_aktif"
    # what a screen reads to hide the forms agrees with the refusal
    today = store.virtual_now()[:10]
    assert entries_open(period_entries(store, q1, reader=TRAINER)["period"], today) is False
    # a used indikator stays: history must remain intact
    with pytest.raises(WorkflowRefused) as refused:
        hapus_indikator(store, KASI, ind_id)
    assert refused.value.code == "workflow.hapus.sudah_dipakai"
    extra = tambah_rhk(store, KASI, skp_id, "Terlaksananya uji petik kendaraan angkutan", "tambahan",
                       induk_rhk_id=kabid_rhk)
    tambah_indikator(store, KASI, extra, "Jumlah kendaraan diuji petik", aspek="kuantitas", target_nilai=50,
                     target_satuan="kendaraan")
    ajukan(store, KASI, skp_id)
    setujui(store, KABID, skp_id)
    assert one(store, "SELECT count(*) FROM skp_periode WHERE skp_id = ?", [skp_id])[0] == periods
    assert one(store, "SELECT nilai FROM realisasi WHERE skp_periode_id = ? AND indikator_id = ?",
               [q1, ind_id]) == (42.0,)


def test_revision_refused_keeps_the_approved_version(chain):
    store, kabid_rhk = chain
    skp_id, _ = full_skp(store, KASI, kabid_rhk)
    setujui(store, KABID, skp_id)
    ajukan_revisi(store, KASI, skp_id, "Ingin mengganti target")
    tolak_revisi(store, KABID, skp_id, "Target sudah disepakati di perjanjian kinerja")
    assert one(store, "SELECT status, version FROM skp WHERE id = ?", [skp_id]) == ("DISETUJUI", 1)
    last = status_log(store, skp_id)[-1]
    assert last[:3] == ("REVISI_DIAJUKAN", "DISETUJUI", KABID)
    assert "Target sudah disepakati" in last[3]
