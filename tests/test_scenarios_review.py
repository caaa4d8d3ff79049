"""Scenarios T02, T07, T09, T10 and T11 (WORKFLOW.md §5), each played twice through the workflow
service on a real class file: once correctly (every task passes, outcome `mandiri`) and once with the
typical mistake (the right task fails, for the right reason, and its debrief is what the trainee
reads)."""

from __future__ import annotations

import pytest

from sandbox.store import open_store
from sandbox.training.attempt import progress, take_hint, world_of
from sandbox.training.classroom import create_class, start_round
from sandbox.training.scenario import load_scenario
from sandbox.training.vocab.review import expectation_cues, is_activity
from sandbox.training.vocab.world import YEAR
from sandbox.workflow import (
    KEPALA_DAERAH,
    WorkflowRefused,
    ajukan,
    buat_skp,
    hapus_rhk,
    isi_lampiran,
    kembalikan,
    setujui,
    tambah_indikator,
    tambah_rhk,
    ubah_indikator,
    ubah_rhk,
)
from sandbox.workflow.matriks import matriks_peran_hasil

LAMPIRAN = dict(
    dukungan_sd="Akses aplikasi dan satu komputer",
    skema_pj="Laporan triwulanan ke atasan",
    konsekuensi="Predikat menjadi dasar TPP",
)


def play(tmp_path, sid):
    store = open_store(tmp_path / "kelas.db")
    info = create_class(store, "Uji", 1)
    scenario = load_scenario(sid)
    (attempt_id,) = start_round(store, info.id, scenario)
    return store, scenario, attempt_id, world_of(store, attempt_id)


def not_done_yet(store, scenario, attempt_id) -> None:
    before = progress(store, attempt_id, scenario)
    assert before.outcome == "belum_selesai" and not any(t.ok for t in before.tasks)


def passed(store, scenario, attempt_id) -> None:
    p = progress(store, attempt_id, scenario)
    assert [t.task_id for t in p.tasks if not t.ok] == []
    assert p.outcome == "mandiri"


def failed(store, scenario, attempt_id) -> list:
    p = progress(store, attempt_id, scenario)
    assert p.outcome == "belum_selesai"
    return [t for t in p.tasks if not t.ok]


def _dicts(store, sql, params):
    cursor = store.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def rhk_of(store, skp_id):
    return _dicts(store, "SELECT * FROM rhk WHERE skp_id = ? ORDER BY id", [skp_id])


def indikator_of(store, skp_id):
    return _dicts(
        store,
        "SELECT i.* FROM indikator i JOIN rhk ON rhk.id = i.rhk_id WHERE rhk.skp_id = ?"
        " ORDER BY rhk.id, i.id",
        [skp_id],
    )


# -- T02 ---------------------------------------------------------------------------------------------
def t02_fix_and_approve(store, w, skp_id) -> None:
    """The pegawai fixes what the note names and resubmits; the kasi approves."""
    pegawai, kasi = w.nip("pegawai"), w.nip("kasi")
    rhks = rhk_of(store, skp_id)
    inds = indikator_of(store, skp_id)
    ubah_indikator(store, pegawai, inds[1]["id"], target_nilai=4, target_satuan="laporan")
    ubah_indikator(store, pegawai, inds[2]["id"], target_nilai=300, target_satuan="permohonan")
    ubah_rhk(store, pegawai, rhks[3]["id"], teks="Terlaksananya koordinasi layanan yang ditindaklanjuti")
    ajukan(store, pegawai, skp_id)
    setujui(store, kasi, skp_id)


def test_t02_correct(tmp_path):
    store, scenario, a, w = play(tmp_path, "T02")
    skp = w.skp("pegawai")
    assert skp["status"] == "DIAJUKAN"
    assert [is_activity(r["teks"]) for r in rhk_of(store, skp["id"])] == [False, False, False, True]
    assert [i["target_nilai"] for i in indikator_of(store, skp["id"])] == [12, 0, 0, 12]
    not_done_yet(store, scenario, a)
    kembalikan(
        store,
        w.nip("kasi"),
        skp["id"],
        "Indikator RHK 2 dan 3 belum punya target angka; RHK 4 masih berupa kegiatan (rapat),"
        " tulis sebagai hasil.",
    )
    t02_fix_and_approve(store, w, skp["id"])
    passed(store, scenario, a)
    verdict = progress(store, a, scenario).tasks[0].verdicts[0]
    assert verdict.code == "cek.review.catatan.ok" and "RHK 2" in verdict.params["rujukan"]


def test_t02_typical_mistake_vague_note(tmp_path):
    store, scenario, a, w = play(tmp_path, "T02")
    skp = w.skp("pegawai")
    # long enough, but it names nothing: the pegawai has to guess what is wrong
    kembalikan(store, w.nip("kasi"), skp["id"], "Mohon SKP diperbaiki sesuai ketentuan yang berlaku.")
    t02_fix_and_approve(store, w, skp["id"])
    wrong = failed(store, scenario, a)
    assert [t.task_id for t in wrong] == ["catatan_jelas"]
    verdict = wrong[0].first_failure()
    assert verdict.code == "cek.review.catatan.tanpa_rujukan"
    assert verdict.params["cacat"] == "RHK 2, RHK 3, RHK 4"  # RHK 1 is sound
    assert "terlalu umum" in scenario.task("catatan_jelas").pembahasan.id


def test_t02_note_naming_only_the_sound_rhk_or_too_short_fails(tmp_path):
    store, scenario, a, w = play(tmp_path, "T02")
    skp = w.skp("pegawai")
    kembalikan(store, w.nip("kasi"), skp["id"], "Perbaiki.")
    verdict = progress(store, a, scenario).tasks[0].first_failure()
    assert verdict.code == "cek.review.catatan.pendek"
    # the second return names only RHK 1, which is sound; the note quotes no flawed text either
    ajukan(store, w.nip("pegawai"), skp["id"])
    kembalikan(store, w.nip("kasi"), skp["id"], "RHK 1 perlu dirumuskan ulang agar lebih tajam.")
    assert progress(store, a, scenario).tasks[0].first_failure().code == "cek.review.catatan.tanpa_rujukan"
    # quoting the activity RHK's words is as good as its number
    ajukan(store, w.nip("pegawai"), skp["id"])
    kembalikan(store, w.nip("kasi"), skp["id"], "Ganti 'melakukan rapat koordinasi' menjadi hasil kerja.")
    assert progress(store, a, scenario).tasks[0].ok


def test_t02_approving_without_fixing_fails_the_last_task(tmp_path):
    store, scenario, a, w = play(tmp_path, "T02")
    skp = w.skp("pegawai")
    kembalikan(store, w.nip("kasi"), skp["id"], "Indikator RHK 2 belum punya target angka yang jelas.")
    ajukan(store, w.nip("pegawai"), skp["id"])  # resubmitted unchanged
    setujui(store, w.nip("kasi"), skp["id"])
    tasks = {t.task_id: t for t in progress(store, a, scenario).tasks}
    assert tasks["catatan_jelas"].ok
    assert tasks["skp_diperbaiki"].first_failure().code == "cek.review.perbaikan.target"
    assert tasks["disetujui"].first_failure().code == "cek.review.persetujuan.masih_lemah"


def t02_returned(tmp_path):
    """T02 with the SKP returned by a note that names the flaws: where the pegawai's fixing starts."""
    store, scenario, a, w = play(tmp_path, "T02")
    skp = w.skp("pegawai")
    note = "Indikator RHK 2 dan 3 belum punya target angka; RHK 4 masih kegiatan."
    kembalikan(store, w.nip("kasi"), skp["id"], note)
    return store, scenario, a, w, skp


def test_t02_deleting_the_flaws_is_not_fixing_them(tmp_path):
    """The loophole a trainee found: delete the weak RHK instead of rewriting them, resubmit, approve."""
    store, scenario, a, w, skp = t02_returned(tmp_path)
    pegawai, kasi = w.nip("pegawai"), w.nip("kasi")
    rhks = rhk_of(store, skp["id"])
    for rhk in rhks[1:]:
        hapus_rhk(store, pegawai, rhk["id"])
    ajukan(store, pegawai, skp["id"])
    setujui(store, kasi, skp["id"])
    tasks = {t.task_id: t for t in progress(store, a, scenario).tasks}
    assert tasks["catatan_jelas"].ok
    gone = tasks["skp_diperbaiki"].first_failure()
    assert gone.code == "cek.review.perbaikan.dihapus" and gone.params == {"rhk": 3, "indikator": 3}
    assert tasks["disetujui"].first_failure().code == "cek.review.persetujuan.dihapus"


def test_t02_replacing_a_flawed_rhk_with_a_better_one_is_a_fix(tmp_path):
    store, scenario, a, w, skp = t02_returned(tmp_path)
    pegawai, kasi = w.nip("pegawai"), w.nip("kasi")
    rhks, inds = rhk_of(store, skp["id"]), indikator_of(store, skp["id"])
    ubah_indikator(store, pegawai, inds[1]["id"], target_nilai=4, target_satuan="laporan")
    ubah_indikator(store, pegawai, inds[2]["id"], target_nilai=300, target_satuan="permohonan")
    hapus_rhk(store, pegawai, rhks[3]["id"])
    new = tambah_rhk(store, pegawai, skp["id"], "Terlaksananya koordinasi layanan yang ditindaklanjuti",
                     induk_rhk_id=rhks[3]["induk_rhk_id"])
    tambah_indikator(store, pegawai, new, "Jumlah hasil koordinasi yang ditindaklanjuti", aspek="kuantitas",
                     target_nilai=12, target_satuan="laporan")
    ajukan(store, pegawai, skp["id"])
    setujui(store, kasi, skp["id"])
    tasks = progress(store, a, scenario).tasks
    assert all(t.ok for t in tasks), [(t.task_id, t.first_failure()) for t in tasks]


# -- T07 ---------------------------------------------------------------------------------------------
def test_t07_correct(tmp_path):
    store, scenario, a, w = play(tmp_path, "T07")
    kasi = w.nip("kasi")
    matriks = matriks_peran_hasil(store, kasi, YEAR)
    assert len(matriks.kolom) == 6
    assert sorted(b.keterlibatan for b in matriks.baris) == [0, 1, 1, 6, 6] and matriks.tidak_merata
    not_done_yet(store, scenario, a)
    columns = [k["id"] for k in matriks.kolom]
    # return the two heavy SKPs; each keeps three columns
    for role, drop in (("pegawai", columns[3:]), ("rekan1", columns[:3])):
        skp_id = w.skp(role)["id"]
        kembalikan(store, kasi, skp_id, "Beban terlalu berat: lepaskan tiga RHK agar dibagi ke rekan.")
        for rhk in rhk_of(store, skp_id):
            if rhk["induk_rhk_id"] in drop:
                hapus_rhk(store, w.nip(role), rhk["id"])
        ajukan(store, w.nip(role), skp_id)
    # the staff member without an SKP takes two released columns
    rekan4 = w.nip("rekan4")
    skp_id = buat_skp(store, rekan4, YEAR, "kuantitatif")
    for column in columns[4:]:
        rhk_id = tambah_rhk(store, rekan4, skp_id, "Tersusunnya bahan layanan seksi", induk_rhk_id=column)
        tambah_indikator(
            store,
            rekan4,
            rhk_id,
            "Jumlah bahan layanan",
            aspek="kuantitas",
            target_nilai=6,
            target_satuan="dokumen",
        )
    isi_lampiran(store, rekan4, skp_id, **LAMPIRAN)
    ajukan(store, rekan4, skp_id)
    for role in ("pegawai", "rekan1", "rekan2", "rekan3", "rekan4"):
        setujui(store, kasi, w.skp(role)["id"])
    passed(store, scenario, a)
    assert sorted(b.keterlibatan for b in matriks_peran_hasil(store, kasi, YEAR).baris) == [1, 1, 2, 3, 3]


def test_t07_typical_mistake_approving_as_submitted(tmp_path):
    store, scenario, a, w = play(tmp_path, "T07")
    kasi = w.nip("kasi")
    columns = [k["id"] for k in matriks_peran_hasil(store, kasi, YEAR).kolom]
    # the empty-handed staff member gets one column, but the two heavy SKPs are approved as they are
    rekan4 = w.nip("rekan4")
    skp_id = buat_skp(store, rekan4, YEAR, "kuantitatif")
    rhk_id = tambah_rhk(store, rekan4, skp_id, "Tersusunnya bahan layanan seksi", induk_rhk_id=columns[2])
    tambah_indikator(
        store,
        rekan4,
        rhk_id,
        "Jumlah bahan layanan",
        aspek="kuantitas",
        target_nilai=6,
        target_satuan="dokumen",
    )
    isi_lampiran(store, rekan4, skp_id, **LAMPIRAN)
    ajukan(store, rekan4, skp_id)
    for role in ("pegawai", "rekan1", "rekan2", "rekan3", "rekan4"):
        setujui(store, kasi, w.skp(role)["id"])
    wrong = failed(store, scenario, a)
    assert [t.task_id for t in wrong] == ["matriks_seimbang"]
    verdict = wrong[0].first_failure()
    assert verdict.code == "cek.review.matriks.lebih"
    assert (verdict.params["n"], verdict.params["peran"], verdict.params["maks"]) == (2, 6, 3)
    assert "SEBELUM SKP disetujui" in scenario.task("matriks_seimbang").pembahasan.id


# -- T09 ---------------------------------------------------------------------------------------------
def pegawai_rhk(store, w) -> None:
    pegawai = w.nip("pegawai")
    skp_id = w.skp("pegawai")["id"]
    parent = rhk_of(store, w.skp("kasi")["id"])[0]["id"]
    rhk_id = tambah_rhk(store, pegawai, skp_id, "Tersusunnya analisis layanan seksi", induk_rhk_id=parent)
    tambah_indikator(
        store,
        pegawai,
        rhk_id,
        "Jumlah analisis layanan",
        aspek="kuantitas",
        target_nilai=4,
        target_satuan="dokumen",
    )
    isi_lampiran(store, pegawai, skp_id, **LAMPIRAN)
    ajukan(store, pegawai, skp_id)


def test_t09_correct(tmp_path):
    store, scenario, a, w = play(tmp_path, "T09")
    assert w.skp("kasi")["status"] == "DRAFT" and rhk_of(store, w.skp("pegawai")["id"]) == []
    not_done_yet(store, scenario, a)
    # "RHK atasan tidak muncul": the pegawai cannot attach an RHK yet
    with pytest.raises(WorkflowRefused) as refused:
        tambah_rhk(store, w.nip("pegawai"), w.skp("pegawai")["id"], "Tersusunnya analisis layanan")
    assert refused.value.code == "workflow.rhk.induk_belum_disetujui"
    ajukan(store, w.nip("kasi"), w.skp("kasi")["id"])
    setujui(store, w.nip("kabid"), w.skp("kasi")["id"])
    pegawai_rhk(store, w)
    passed(store, scenario, a)


def test_t09_typical_mistake_submitted_is_not_approved(tmp_path):
    store, scenario, a, w = play(tmp_path, "T09")
    ajukan(store, w.nip("kasi"), w.skp("kasi")["id"])  # ... and nobody approves it
    with pytest.raises(WorkflowRefused):
        pegawai_rhk(store, w)
    wrong = failed(store, scenario, a)
    # the cascade task fails first; the pegawai's own task cannot be done without it
    assert [t.task_id for t in wrong] == ["skp_atasan_disetujui", "rhk_atasan"]
    verdict = wrong[0].first_failure()
    assert (verdict.code, verdict.params["status"]) == ("cek.review.induk.belum_disetujui", "DIAJUKAN")
    assert wrong[1].first_failure().code == "cek.review.rhk.kosong"
    assert "atasan pejabat penilai menyetujui" in scenario.task("skp_atasan_disetujui").pembahasan.id


# -- T10 ---------------------------------------------------------------------------------------------
PK = (
    (
        "Meningkatnya kepuasan masyarakat atas layanan badan",
        "Indeks kepuasan masyarakat",
        85,
        "indeks",
        "penerima layanan",
    ),
    (
        "Meningkatnya profesionalitas ASN badan",
        "Indeks profesionalitas ASN",
        75,
        "indeks",
        "penguatan internal",
    ),
    (
        "Terselesaikannya layanan sesuai SOP",
        "Persentase permohonan selesai sesuai SOP",
        95,
        "persen",
        "proses bisnis",
    ),
    (
        "Terkelolanya anggaran badan secara akuntabel",
        "Persentase realisasi anggaran",
        95,
        "persen",
        "anggaran",
    ),
)


def jpt_skp(store, w, perspektif=None) -> int:
    kepala = w.nip("kepala")
    skp_id = buat_skp(store, kepala, YEAR, "kuantitatif")
    for rhk, ind, target, satuan, persp in PK:
        rhk_id = tambah_rhk(store, kepala, skp_id, rhk, klasifikasi="organisasi")
        tambah_indikator(
            store,
            kepala,
            rhk_id,
            ind,
            aspek="kuantitas",
            target_nilai=target,
            target_satuan=satuan,
            perspektif=perspektif or persp,
        )
    isi_lampiran(store, kepala, skp_id, **LAMPIRAN)
    ajukan(store, kepala, skp_id)
    return skp_id


def test_t10_correct(tmp_path):
    store, scenario, a, w = play(tmp_path, "T10")
    assert w.skp("kepala") is None
    not_done_yet(store, scenario, a)
    skp_id = jpt_skp(store, w)
    passed(store, scenario, a)
    setujui(store, KEPALA_DAERAH, skp_id)  # the head of region approves; still passes
    passed(store, scenario, a)


def test_t10_typical_mistake_one_perspektif_for_everything(tmp_path):
    store, scenario, a, w = play(tmp_path, "T10")
    jpt_skp(store, w, perspektif="penerima layanan")  # the workflow's guard is satisfied
    wrong = failed(store, scenario, a)
    assert [t.task_id for t in wrong] == ["perspektif_lengkap"]
    verdict = wrong[0].first_failure()
    assert verdict.code == "cek.review.perspektif.kurang"
    assert verdict.params["ada"] == 1 and "anggaran" in verdict.params["belum"]
    assert "penerima layanan" in scenario.task("perspektif_lengkap").pembahasan.id


def test_t10_rhk_without_klasifikasi_fails_its_task(tmp_path):
    store, scenario, a, w = play(tmp_path, "T10")
    kepala = w.nip("kepala")
    skp_id = buat_skp(store, kepala, YEAR, "kuantitatif")
    for rhk, ind, target, satuan, persp in PK:
        rhk_id = tambah_rhk(store, kepala, skp_id, rhk)  # no klasifikasi: the workflow accepts it
        tambah_indikator(
            store,
            kepala,
            rhk_id,
            ind,
            aspek="kuantitas",
            target_nilai=target,
            target_satuan=satuan,
            perspektif=persp,
        )
    isi_lampiran(store, kepala, skp_id, **LAMPIRAN)
    ajukan(store, kepala, skp_id)
    wrong = failed(store, scenario, a)
    assert [t.task_id for t in wrong] == ["rhk_organisasi"]
    assert wrong[0].first_failure().code == "cek.review.klasifikasi.kosong"


# -- T11 ---------------------------------------------------------------------------------------------
MEASURE = (
    "Rekomendasi kebijakan diterima pimpinan tanpa revisi substansial dan disampaikan paling"
    " lambat akhir setiap semester"
)


def analyst_skp(store, w, pendekatan="kualitatif", teks=MEASURE, **target) -> None:
    pegawai = w.nip("pegawai")
    parent = rhk_of(store, w.skp("kasi")["id"])[0]["id"]
    skp_id = buat_skp(store, pegawai, YEAR, pendekatan)
    rhk_id = tambah_rhk(
        store, pegawai, skp_id, "Tersusunnya rekomendasi kebijakan pelayanan publik", induk_rhk_id=parent
    )
    tambah_indikator(store, pegawai, rhk_id, teks, aspek="kualitas", **target)
    isi_lampiran(store, pegawai, skp_id, **LAMPIRAN)
    ajukan(store, pegawai, skp_id)


def test_t11_correct(tmp_path):
    store, scenario, a, w = play(tmp_path, "T11")
    not_done_yet(store, scenario, a)
    analyst_skp(store, w)
    passed(store, scenario, a)
    assert indikator_of(store, w.skp("pegawai")["id"])[0]["target_nilai"] is None  # no number needed


def test_t11_typical_mistake_forcing_a_count(tmp_path):
    store, scenario, a, w = play(tmp_path, "T11")
    analyst_skp(
        store,
        w,
        "kuantitatif",
        "Jumlah rekomendasi kebijakan yang disusun",
        target_nilai=12,
        target_satuan="dokumen",
    )
    wrong = failed(store, scenario, a)
    assert [t.task_id for t in wrong] == ["ukuran_kualitatif"]
    verdict = wrong[0].first_failure()
    assert (verdict.code, verdict.params["pendekatan"]) == ("cek.review.kualitatif.pendekatan", "kuantitatif")
    assert "jumlah rekomendasi" in scenario.task("ukuran_kualitatif").pembahasan.id


def test_t11_short_or_cueless_measure_fails(tmp_path):
    store, scenario, a, w = play(tmp_path, "T11")
    analyst_skp(store, w, teks="Rekomendasi kebijakan yang baik bagi pimpinan daerah kita")
    verdict = progress(store, a, scenario).tasks[0].first_failure()
    assert verdict.code == "cek.review.kualitatif.tanpa_ekspektasi"
    assert expectation_cues(MEASURE) == ["hasil", "kualitas", "waktu"]


def test_t11_with_a_hint_is_dengan_petunjuk(tmp_path):
    store, scenario, a, w = play(tmp_path, "T11")
    hint = take_hint(store, a, scenario, "ukuran_kualitatif", w.nip("pegawai"))
    assert hint is not None and "Kualitatif" in hint.id
    analyst_skp(store, w)
    p = progress(store, a, scenario)
    assert all(t.ok for t in p.tasks)
    assert (p.outcome, p.hints, p.per_task_hints) == ("dengan_petunjuk", 1, {"ukuran_kualitatif": 1})
