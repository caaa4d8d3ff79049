"""Scenarios T05, T13, T17, T18 and T21 played through the workflow service, each once correctly (every
task passes, outcome `mandiri`; `belum_selesai` before the trainee acts) and once with its typical
mistake (the right task fails for the right reason, and that task's debrief is what the trainee
reads). Real parts: a class SQLite file, the classroom staging, the workflow and the rule packs."""

from __future__ import annotations

import pytest

from sandbox.store import open_store
from sandbox.training.attempt import progress, world_of
from sandbox.training.classroom import create_class, move_clock, start_round
from sandbox.training.scenario import load_scenario
from sandbox.workflow import (
    PENGELOLA_KINERJA,
    WorkflowRefused,
    ajukan_keberatan,
    beri_umpan_balik,
    cek_kurva,
    finalkan,
    nilai,
    putuskan_keberatan,
    tambah_bukti,
    tetapkan_capaian_organisasi,
)

STAFF10 = ["pegawai"] + [f"rekan{i}" for i in range(1, 10)]
# UMPAN_BALIK_STANDAR ids (sandbox/store/schema.py)
PUJIAN_KINERJA, BUKTI_TIDAK_DAPAT_DIBUKA, PUJIAN_PERILAKU, PERILAKU_BELUM_SESUAI = 1, 4, 7, 8


def play(tmp_path, sid):
    store = open_store(tmp_path / "kelas.db")
    info = create_class(store, "Uji", 1)
    scenario = load_scenario(sid)
    (attempt_id,) = start_round(store, info.id, scenario)
    return store, info, scenario, attempt_id, world_of(store, attempt_id)


def failures(p):
    return [t for t in p.tasks if not t.ok]


def first_rhk(w, period):
    return w.one("SELECT id FROM rhk WHERE skp_id = ? ORDER BY id LIMIT 1", [period["skp_id"]])["id"]


# -- T05: everybody Di Atas, the curve, the pengelola kinerja ------------------------------------------
# A fitting spread for a Baik unit of 10 (§1.7: Baik the largest group ≤ 70%, ≥ 1 BP/Kurang).
T05_SPREAD = {
    "pegawai": ("di_atas", "di_atas"),
    "rekan1": ("di_atas", "di_atas"),
    "rekan2": ("di_bawah", "sesuai"),
}  # everyone else Sesuai / Sesuai: 2 Sangat Baik, 7 Baik, 1 Butuh Perbaikan


def t05_rerate(store, w, *, with_reason: bool) -> None:
    kasi = w.nip("kasi")
    for role in STAFF10:
        period = w.period(role, 1)
        hk, pk = T05_SPREAD.get(role, ("sesuai", "sesuai"))
        if with_reason and (hk, pk) != ("di_atas", "di_atas"):
            beri_umpan_balik(
                store,
                kasi,
                period["id"],
                "rhk",
                first_rhk(w, period),
                pilihan=[3] if hk == "di_bawah" else [],
                tambahan="Layanan selesai sesuai target, tetapi tidak melampaui; belum ada inovasi yang"
                " menaikkan mutu layanan pada triwulan ini.",
            )
        nilai(store, kasi, period["id"], rating_hk=hk, rating_pk=pk)


def test_t05_correct(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T05")
    assert progress(store, a, scenario).outcome == "belum_selesai"
    kasi, seksi, master = w.nip("kasi"), w.cast.units["seksi"], w.master_id(1)
    assert {w.period(r, 1)["predikat"] for r in STAFF10} == {"sangat_baik"}

    first = cek_kurva(store, PENGELOLA_KINERJA, seksi, master)
    assert not first.sesuai and first.jumlah["sangat_baik"] == 10
    # BAIK-1 (Baik is the largest group) and BAIK-2 (at least one Butuh Perbaikan/Kurang) both fire.
    assert sorted(v["rule"] for v in first.pelanggaran) == [
        "baik_bukan_kelompok_terbesar",
        "baik_tanpa_butuh_perbaikan_atau_kurang",
    ]
    assert w.period("pegawai", 1)["state"] == "DIKEMBALIKAN_KURVA"
    with pytest.raises(WorkflowRefused):  # nothing can be re-locked before re-rating
        finalkan(store, kasi, w.period("pegawai", 1)["id"])

    t05_rerate(store, w, with_reason=True)
    second = cek_kurva(store, PENGELOLA_KINERJA, seksi, master)
    assert second.sesuai and second.jumlah == {
        "sangat_baik": 2,
        "baik": 7,
        "butuh_perbaikan": 1,
        "kurang": 0,
        "sangat_kurang": 0,
    }
    p = progress(store, a, scenario)
    assert [t.task_id for t in failures(p)] == ["kurva_pengelola"]
    assert failures(p)[0].first_failure().code == "cek.rating.kunci.belum"  # not locked yet

    for role in STAFF10:
        finalkan(store, kasi, w.period(role, 1)["id"])
    p = progress(store, a, scenario)
    assert p.outcome == "mandiri" and all(t.ok for t in p.tasks)
    assert [v.code for v in p.tasks[0].verdicts] == ["cek.rating.kurva.diperbaiki", "cek.rating.kunci.ok"]


def test_t05_typical_mistake_rerates_without_reasons(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T05")
    seksi, master = w.cast.units["seksi"], w.master_id(1)
    cek_kurva(store, PENGELOLA_KINERJA, seksi, master)
    t05_rerate(store, w, with_reason=False)  # ratings flipped to fit the curve, nobody told why
    assert cek_kurva(store, PENGELOLA_KINERJA, seksi, master).sesuai
    for role in STAFF10:
        finalkan(store, w.nip("kasi"), w.period(role, 1)["id"])
    p = progress(store, a, scenario)
    failed = failures(p)
    assert [t.task_id for t in failed] == ["nilai_ulang_beralasan"]
    verdict = failed[0].first_failure()
    assert verdict.code == "cek.rating.ubah.tanpa_alasan"
    assert (verdict.params["n"], verdict.params["total"]) == (8, 8)
    assert "tanpa umpan balik" in scenario.task("nilai_ulang_beralasan").pembahasan.id


def test_t05_locking_without_any_curve_check_is_caught(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T05")
    for role in STAFF10:  # the app lets the unit head lock a 100% Sangat Baik unit nobody checked
        finalkan(store, w.nip("kasi"), w.period(role, 1)["id"])
    p = progress(store, a, scenario)
    assert [t.task_id for t in failures(p)] == ["kurva_pengelola", "nilai_ulang_beralasan"]
    assert [v.code for v in p.tasks[0].verdicts] == [
        "cek.rating.kurva.belum_dicek",
        "cek.rating.kunci.tanpa_cek",
    ]
    assert "tanpa kurva yang SESUAI" in scenario.task("kurva_pengelola").pembahasan.id


def test_t05_the_unit_head_checking_his_own_curve_is_not_the_pengelola(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T05")
    kasi, seksi, master = w.nip("kasi"), w.cast.units["seksi"], w.master_id(1)
    assert not cek_kurva(store, kasi, seksi, master).sesuai  # the workflow lets the unit head check
    t05_rerate(store, w, with_reason=True)
    assert cek_kurva(store, kasi, seksi, master).sesuai
    for role in STAFF10:
        finalkan(store, kasi, w.period(role, 1)["id"])
    p = progress(store, a, scenario)
    assert [t.task_id for t in failures(p)] == ["kurva_pengelola"]
    assert failures(p)[0].first_failure().code == "cek.rating.kunci.bukan_pengelola"


# -- T13: broken or private evidence links --------------------------------------------------------------
def t13_bad_links(w):
    out = []
    for role in ("pegawai", "rekan1"):
        period = w.period(role, 1)
        for link in w.all(
            "SELECT id, indikator_id, link_status FROM bukti_dukung WHERE skp_periode_id = ?"
            " AND link_status <> 'OK' ORDER BY id",
            [period["id"]],
        ):
            out.append((role, period["id"], link))
    return out


def test_t13_correct(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T13")
    assert progress(store, a, scenario).outcome == "belum_selesai"
    bad = t13_bad_links(w)
    total = w.one(
        "SELECT count(*) AS n FROM bukti_dukung WHERE skp_periode_id IN (?, ?)",
        [w.period("pegawai", 1)["id"], w.period("rekan1", 1)["id"]],
    )["n"]
    assert total == 8 and sorted(b[2]["link_status"] for b in bad) == ["BROKEN", "PRIVATE", "PRIVATE"]

    kasi = w.nip("kasi")
    for _, period_id, link in bad:
        beri_umpan_balik(
            store, kasi, period_id, "indikator", link["indikator_id"], pilihan=[BUKTI_TIDAK_DAPAT_DIBUKA]
        )
    for role, period_id, link in bad:
        tambah_bukti(
            store,
            w.nip(role),
            period_id,
            link["indikator_id"],
            "Laporan kegiatan (dibagikan)",
            f"https://drive.example.go.id/bukti/baru/{link['id']}",
        )
    p = progress(store, a, scenario)
    assert [t.task_id for t in failures(p)] == ["dinilai"]
    for role in ("pegawai", "rekan1"):
        nilai(store, kasi, w.period(role, 1)["id"], rating_hk="sesuai", rating_pk="sesuai")
    p = progress(store, a, scenario)
    assert p.outcome == "mandiri" and all(t.ok for t in p.tasks)
    assert p.tasks[1].verdicts[0].code == "cek.rating.tautan.diganti"


def test_t13_typical_mistake_rates_blindly(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T13")
    kasi = w.nip("kasi")
    bad = t13_bad_links(w)
    for _, period_id, link in bad:  # praise on a link that does not open is not a correction
        beri_umpan_balik(store, kasi, period_id, "indikator", link["indikator_id"], pilihan=[PUJIAN_KINERJA])
    for role in ("pegawai", "rekan1"):
        nilai(store, kasi, w.period(role, 1)["id"], rating_hk="sesuai", rating_pk="sesuai")
    role, period_id, link = bad[0]
    with pytest.raises(WorkflowRefused) as refused:  # once rated, the link can no longer be replaced
        tambah_bukti(store, w.nip(role), period_id, link["indikator_id"], "Laporan", "https://x.go.id/b")
    assert refused.value.code == "workflow.periode.sudah_dinilai"
    p = progress(store, a, scenario)
    failed = failures(p)
    assert [t.task_id for t in failed] == ["umpan_balik_tautan", "tautan_diganti"]
    assert failed[0].first_failure().code == "cek.rating.tautan.tanpa_umpan_balik"
    assert failed[1].first_failure().code == "cek.rating.tautan.belum_diganti"
    assert "menilai buta" in scenario.task("umpan_balik_tautan").pembahasan.id


# -- T17: keberatan ---------------------------------------------------------------------------------------
ALASAN = (
    "Seluruh indikator Triwulan I tercapai 24 dari target 24 layanan dan setiap bukti dukung dapat"
    " dibuka; mohon rating hasil kerja ditinjau."
)


def test_t17_correct(tmp_path):
    store, info, scenario, a, w = play(tmp_path, "T17")
    assert progress(store, a, scenario).outcome == "belum_selesai"
    period = w.period("pegawai", 1)
    assert (period["state"], period["predikat"]) == ("DOKUMEN_TERBIT", "butuh_perbaikan")
    move_clock(store, info.id, "2026-04-22T15:00:00")  # day 14: still in time
    case = ajukan_keberatan(store, w.nip("pegawai"), period["id"], ALASAN)
    with pytest.raises(WorkflowRefused) as refused:  # the rater does not judge his own rating
        putuskan_keberatan(store, w.nip("kasi"), case, diterima=False, catatan="Ditolak.")
    assert refused.value.code == "workflow.keberatan.bukan_atasan_pp"
    predikat = putuskan_keberatan(
        store,
        w.nip("kabid"),
        case,
        diterima=True,
        rating_hk="sesuai",
        rating_pk="sesuai",
        catatan="Setelah mendengar pegawai dan Kepala Seksi serta memeriksa bukti dukung, realisasi"
        " memenuhi target; rating hasil kerja diubah menjadi Sesuai Ekspektasi.",
    )
    assert predikat == "baik"
    p = progress(store, a, scenario)
    assert p.outcome == "mandiri" and all(t.ok for t in p.tasks)
    assert p.tasks[0].verdicts[0].params == {"hari": 14}
    assert (w.period("pegawai", 1)["state"], w.period("pegawai", 1)["predikat"]) == ("FINAL", "baik")


def test_t17_typical_mistake_decides_without_a_note(tmp_path):
    store, info, scenario, a, w = play(tmp_path, "T17")
    move_clock(store, info.id, "2026-04-10T09:00:00")
    case = ajukan_keberatan(store, w.nip("pegawai"), w.period("pegawai", 1)["id"], ALASAN)
    putuskan_keberatan(store, w.nip("kabid"), case, diterima=False)  # "ditolak", no reason given
    p = progress(store, a, scenario)
    failed = failures(p)
    assert [t.task_id for t in failed] == ["keberatan_diputus"]
    assert failed[0].first_failure().code == "cek.rating.keberatan.tanpa_catatan"
    assert w.period("pegawai", 1)["state"] == "FINAL"  # final all the same: the reason is lost for good
    assert "tanpa catatan" in scenario.task("keberatan_diputus").pembahasan.id


def test_t17_a_late_filing_is_rejected_by_the_system(tmp_path):
    store, info, scenario, a, w = play(tmp_path, "T17")
    period = w.period("pegawai", 1)
    move_clock(store, info.id, "2026-04-23T09:00:00")  # day 15
    with pytest.raises(WorkflowRefused) as refused:
        ajukan_keberatan(store, w.nip("pegawai"), period["id"], ALASAN)
    # The clock's sweep already made the result FINAL, so the refusal names the state, not the days.
    assert refused.value.code in ("workflow.keberatan.lewat", "workflow.periode.status_salah")
    assert w.period("pegawai", 1)["state"] == "FINAL"
    assert w.one("SELECT count(*) AS n FROM keberatan", [])["n"] == 0
    p = progress(store, a, scenario)
    failed = failures(p)
    assert [t.task_id for t in failed] == ["keberatan_diajukan", "keberatan_diputus"]
    assert failed[0].first_failure().code == "cek.rating.keberatan.belum"
    assert "14 hari" in scenario.task("keberatan_diajukan").pembahasan.id


# -- T18: the unit head as rated person -------------------------------------------------------------------
def test_t18_correct(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T18")
    assert progress(store, a, scenario).outcome == "belum_selesai"
    kepala, period = w.nip("kepala"), w.period("kabid", 1)
    with pytest.raises(WorkflowRefused) as refused:  # the rater cannot pick the leader's HK
        nilai(store, kepala, period["id"], rating_hk="di_atas", rating_pk="di_atas")
    assert refused.value.code == "workflow.nilai.hk_pimpinan"
    assert nilai(store, kepala, period["id"], rating_pk="di_atas") == "butuh_perbaikan"
    result = cek_kurva(store, PENGELOLA_KINERJA, w.cast.units["bidang"], w.master_id(1))
    assert result.sesuai and result.capaian == "butuh_perbaikan" and result.jumlah["butuh_perbaikan"] == 3
    p = progress(store, a, scenario)
    assert p.outcome == "mandiri" and all(t.ok for t in p.tasks)
    assert w.period("kabid", 1)["rating_hk"] == "di_bawah"


def test_t18_typical_mistake_raises_the_capaian(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T18")
    kepala, bidang, master = w.nip("kepala"), w.cast.units["bidang"], w.master_id(1)
    tetapkan_capaian_organisasi(store, kepala, bidang, master, "baik")  # "he worked hard, really"
    assert nilai(store, kepala, w.period("kabid", 1)["id"], rating_pk="di_atas") == "baik"
    assert cek_kurva(store, PENGELOLA_KINERJA, bidang, master).capaian == "baik"
    p = progress(store, a, scenario)
    failed = failures(p)
    assert [t.task_id for t in failed] == ["nilai_kabid", "kurva_bidang"]
    verdict = failed[0].first_failure()
    assert verdict.code == "cek.rating.pimpinan.capaian_diubah"
    assert (verdict.params["awal"], verdict.params["sekarang"]) == ("butuh_perbaikan", "baik")
    assert failed[1].first_failure().code == "cek.rating.kurva.capaian_lain"
    assert "Mengatrol capaian" in scenario.task("nilai_kabid").pembahasan.id


# -- T21: behaviour-specific feedback ----------------------------------------------------------------------
def test_t21_correct(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T21")
    assert progress(store, a, scenario).outcome == "belum_selesai"
    kasi = w.nip("kasi")
    pegawai, rekan = w.period("pegawai", 1)["id"], w.period("rekan1", 1)["id"]
    beri_umpan_balik(
        store,
        kasi,
        pegawai,
        "perilaku",
        "akuntabel",
        tambahan="Laporan pertanggungjawaban kegiatan Maret baru masuk tanggal 12; mohon"
        " disampaikan paling lambat tanggal 5 agar rekap bidang tidak tertunda.",
    )
    beri_umpan_balik(
        store,
        kasi,
        pegawai,
        "perilaku",
        "Kolaboratif",
        tambahan="Jadwal layanan keliling Februari disusun tanpa berkoordinasi dengan seksi"
        " pendataan sehingga dua lokasi bentrok; libatkan mereka sebelum jadwal ditetapkan.",
    )
    beri_umpan_balik(
        store,
        kasi,
        rekan,
        "perilaku",
        "akuntabel",
        tambahan="Tiga laporan pertanggungjawaban triwulan ini selalu masuk sebelum tanggal 5,"
        " lengkap dengan kuitansi.",
    )
    beri_umpan_balik(store, kasi, rekan, "perilaku", "kolaboratif", pilihan=[PERILAKU_BELUM_SESUAI])
    nilai(store, kasi, pegawai, rating_hk="sesuai", rating_pk="sesuai")
    nilai(store, kasi, rekan, rating_hk="sesuai", rating_pk="di_atas")
    p = progress(store, a, scenario)
    assert p.outcome == "mandiri" and all(t.ok for t in p.tasks)
    assert p.tasks[0].verdicts[0].params == {"n": 4}


def test_t21_typical_mistake_gives_generic_praise(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T21")
    kasi = w.nip("kasi")
    for role in ("pegawai", "rekan1"):
        period = w.period(role, 1)["id"]
        beri_umpan_balik(
            store,
            kasi,
            period,
            "perilaku",
            "akuntabel",
            pilihan=[PUJIAN_PERILAKU],
            tambahan="Bagus, pertahankan!",
        )
        beri_umpan_balik(
            store,
            kasi,
            period,
            "perilaku",
            "kolaboratif",
            tambahan="Secara umum perilaku Saudara sudah sangat baik sekali, terus pertahankan"
            " dan tingkatkan ya",
        )
        nilai(store, kasi, period, rating_hk="sesuai", rating_pk="di_atas")
    p = progress(store, a, scenario)
    failed = failures(p)
    assert [t.task_id for t in failed] == ["umpan_balik_spesifik"]
    verdict = failed[0].first_failure()
    assert verdict.code == "cek.rating.perilaku.pujian_umum" and verdict.params["perilaku"] == "Akuntabel"
    assert "pujian umum" in scenario.task("umpan_balik_spesifik").pembahasan.id


def test_t21_long_generic_praise_and_late_feedback_do_not_count(tmp_path):
    store, _, scenario, a, w = play(tmp_path, "T21")
    kasi = w.nip("kasi")
    specific = (
        "Laporan pertanggungjawaban kegiatan Maret baru masuk tanggal 12; mohon paling lambat tanggal 5."
    )
    for role in ("pegawai", "rekan1"):
        period = w.period(role, 1)["id"]
        beri_umpan_balik(store, kasi, period, "perilaku", "akuntabel", tambahan=specific)
        beri_umpan_balik(
            store,
            kasi,
            period,
            "perilaku",
            "kolaboratif",
            tambahan="Secara umum perilaku Saudara sudah sangat baik sekali, terus pertahankan"
            " dan tingkatkan ya",
        )
    p = progress(store, a, scenario)
    verdict = p.tasks[0].verdicts[0]
    assert (verdict.code, verdict.params["perilaku"]) == ("cek.rating.perilaku.pujian_umum", "Kolaboratif")
    for role in ("pegawai", "rekan1"):  # rated first, then the specific feedback: too late
        period = w.period(role, 1)["id"]
        nilai(store, kasi, period, rating_hk="sesuai", rating_pk="sesuai")
        beri_umpan_balik(store, kasi, period, "perilaku", "kolaboratif", pilihan=[PERILAKU_BELUM_SESUAI])
    p = progress(store, a, scenario)
    assert p.tasks[0].first_failure().code == "cek.rating.perilaku.sesudah_nilai"
