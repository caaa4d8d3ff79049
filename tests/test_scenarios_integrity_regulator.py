"""Scenarios T04 (operator asked to fill in someone else's SKP) and T20 (regulator rule-change test),
each played through the real workflow service and the real simulator on a real class file: once
correctly, and with the typical mistake, which must fail the right task for the right reason.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from sandbox import workflow as wf
from sandbox.rules.loader import load_pack
from sandbox.sim.compare import Request, run
from sandbox.sim.reform import write_parameter_reform
from sandbox.store import open_store
from sandbox.training.attempt import progress, world_of
from sandbox.training.classroom import create_class, start_round
from sandbox.training.scenario import load_scenario
from sandbox.training.vocab.regulator import changes
from sandbox.workflow.pendampingan import mulai_pendampingan, selesai_pendampingan

YEAR = 2026
BASE = "permenpanrb-6-2022"
PARAMETER = "kurva_istimewa_maks_sangat_baik"  # 0.70 in force (SE MenPANRB 3/2023)


def play(tmp_path: Path, sid: str, seats: int = 1, workdir: Path | None = None):
    store = open_store(tmp_path / "kelas.db")
    info = create_class(store, "Uji", seats)
    scenario = load_scenario(sid)
    ids = start_round(store, info.id, scenario, workdir=workdir)
    return store, scenario, ids


def failed(p) -> list[str]:
    return [t.task_id for t in p.tasks if not t.ok]


def verdict(p, task_id: str):
    return next(t for t in p.tasks if t.task_id == task_id).first_failure()


# == T04 ==============================================================================================
def fill_skp(store, w, actor: str) -> int:
    """The pegawai's SKP entries made by `actor`'s own session: SKP under the kasi's, two RHK with
    numeric targets, the lampiran, then submit."""
    kasi_rhk = [r[0] for r in store.conn.execute(
        "SELECT rhk.id FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE skp.nip = ?"
        " AND skp.status = 'DISETUJUI' ORDER BY rhk.id", [w.nip("kasi")])]
    skp_id = wf.buat_skp(store, actor, YEAR)
    for n, parent in enumerate(kasi_rhk, start=1):
        rhk_id = wf.tambah_rhk(store, actor, skp_id, f"Terlaksananya layanan arsip {n} sesuai standar",
                               "utama", induk_rhk_id=parent)
        wf.tambah_indikator(store, actor, rhk_id, f"Jumlah berkas arsip {n} yang ditata", aspek="kuantitas",
                            target_nilai=24, target_satuan="berkas")
    wf.isi_lampiran(store, actor, skp_id, dukungan_sd="Ruang arsip dan rak", skema_pj="Laporan triwulanan",
                    konsekuensi="Predikat kinerja menjadi dasar TPP")
    wf.ajukan(store, actor, skp_id)
    return skp_id


def test_t04_cast_is_the_older_employee_with_an_operator(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T04")
    w = world_of(store, a)
    person = store.conn.execute("SELECT age, digital_literacy FROM pegawai WHERE nip = ?",
                                [w.nip("pegawai")]).fetchone()
    assert person == (58, 0.2)
    assert scenario.trainee_role == "operator" and "operator" in w.cast.roles
    assert w.skp("pegawai") is None  # the pegawai's SKP is the work to do
    assert w.skp("kasi")["status"] == "DISETUJUI"


def test_t04_correct_assisted_session(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T04")
    w = world_of(store, a)
    assert progress(store, a, scenario).outcome == "belum_selesai"
    pegawai, operator = w.nip("pegawai"), w.nip("operator")

    session = mulai_pendampingan(store, pegawai, operator)
    fill_skp(store, w, pegawai)  # the employee types; the operator coaches beside them
    selesai_pendampingan(store, operator, session)

    p = progress(store, a, scenario)
    assert p.outcome == "mandiri" and all(t.ok for t in p.tasks), p.tasks
    assert p.integrity_flags == 0 and not p.someone_else
    assert verdict(p, "skp_diajukan") is None
    # the session links both NIPs; its audit rows name it (entity_id = the session's id)
    assert store.conn.execute("SELECT pendamping_nip, pegawai_nip, selesai IS NOT NULL FROM pendampingan"
                              " WHERE id = ?", [session]).fetchone() == (operator, pegawai, 1)
    audits = store.conn.execute("SELECT action, session_nip, entity_id, payload FROM audit_log"
                                " WHERE entity = 'pendampingan' ORDER BY id").fetchall()
    assert [(act, who, eid) for act, who, eid, _ in audits] == [
        ("pendampingan.mulai", pegawai, str(session)), ("pendampingan.selesai", operator, str(session))]
    assert json.loads(audits[0][3])["pendampingan_id"] == session


def test_t04_typical_mistake_operator_fills_as_the_employee(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T04")
    w = world_of(store, a)
    pegawai, operator = w.nip("pegawai"), w.nip("operator")

    # "just do it": the operator, holding the employee's password, starts the SKP as the employee
    with pytest.raises(wf.WorkflowRefused) as refused:
        wf.buat_skp(store, operator, YEAR, acting_as_nip=pegawai)
    assert refused.value.code == "workflow.acting_as"
    assert w.skp("pegawai") is None  # refused: nothing written ...
    assert len(w.actions("integrity.acting_as", session=operator, acting_as=pegawai)) == 1  # ... but recorded

    # then the right way: everything else done properly cannot undo the recorded attempt
    session = mulai_pendampingan(store, pegawai, operator)
    fill_skp(store, w, pegawai)
    selesai_pendampingan(store, pegawai, session)

    p = progress(store, a, scenario)
    assert failed(p) == ["integritas"]
    assert verdict(p, "integritas").code == "cek.integritas.percobaan"
    assert verdict(p, "integritas").params == {"n": 1, "atas_nama": pegawai}
    assert p.outcome == "belum_selesai" and p.integrity_flags == 1
    assert "atas nama pegawai" in scenario.task("integritas").pembahasan.id


def test_t04_employee_alone_then_session_afterwards_fails_the_skp_task(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T04")
    w = world_of(store, a)
    fill_skp(store, w, w.nip("pegawai"))  # typed alone, no coaching session yet
    mulai_pendampingan(store, w.nip("pegawai"), w.nip("operator"))  # opened only afterwards

    p = progress(store, a, scenario)
    assert failed(p) == ["skp_diajukan"]
    assert verdict(p, "skp_diajukan").code == "cek.pendampingan.di_luar_sesi"
    assert verdict(p, "skp_diajukan").params["contoh"] == "skp.buat"


def test_t04_session_with_someone_else_as_coach_does_not_count(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T04")
    w = world_of(store, a)
    session = mulai_pendampingan(store, w.nip("pegawai"), w.nip("rekan1"))
    fill_skp(store, w, w.nip("pegawai"))
    selesai_pendampingan(store, w.nip("rekan1"), session)

    p = progress(store, a, scenario)
    assert failed(p) == ["pendampingan", "skp_diajukan"]
    assert verdict(p, "pendampingan").code == "cek.pendampingan.belum"


def test_pendampingan_refusals_write_nothing(tmp_path):
    store, _scenario, (a,) = play(tmp_path, "T04")
    w = world_of(store, a)
    pegawai, operator, kasi = w.nip("pegawai"), w.nip("operator"), w.nip("kasi")

    def written() -> tuple:
        return store.conn.execute(
            "SELECT (SELECT count(*) FROM pendampingan), (SELECT count(*) FROM pendampingan"
            " WHERE selesai IS NOT NULL), (SELECT count(*) FROM audit_log WHERE entity = 'pendampingan'"
            " AND action <> 'integrity.acting_as')").fetchone()

    def refused(code: str, fn, *args, **kwargs) -> None:
        before = written()
        with pytest.raises(wf.WorkflowRefused) as caught:
            fn(store, *args, **kwargs)
        assert caught.value.code == code
        assert "—" in str(caught.value)  # the message and what to do instead
        assert caught.value.render("en")
        assert written() == before

    refused("workflow.pendampingan.diri_sendiri", mulai_pendampingan, pegawai, pegawai)
    nobody = "199001012020121999"
    refused("workflow.pendampingan.pendamping_tidak_dikenal", mulai_pendampingan, pegawai, nobody)
    refused("workflow.pegawai_tidak_dikenal", mulai_pendampingan, nobody, operator)
    store.apply(None, None, "uji.nonaktif", "pegawai", kasi, {}, lambda db: db.execute(
        "UPDATE pegawai SET aktif = 0 WHERE nip = ?", [kasi]))
    refused("workflow.pendampingan.pendamping_tidak_dikenal", mulai_pendampingan, pegawai, kasi)
    # the operator cannot open the session "as" the employee: refused and recorded like any acting-as
    refused("workflow.acting_as", mulai_pendampingan, operator, operator, acting_as_nip=pegawai)
    assert len(w.actions("integrity.acting_as", session=operator, acting_as=pegawai)) == 1

    session = mulai_pendampingan(store, pegawai, operator)
    refused("workflow.pendampingan.masih_terbuka", mulai_pendampingan, pegawai, w.nip("rekan1"))
    refused("workflow.pendampingan.bukan_peserta", selesai_pendampingan, w.nip("rekan1"), session)
    refused("workflow.pendampingan.tidak_ada", selesai_pendampingan, pegawai, session + 99)
    selesai_pendampingan(store, pegawai, session)
    refused("workflow.pendampingan.sudah_selesai", selesai_pendampingan, operator, session)
    # a closed session frees the pegawai for the next one, with the next id
    assert mulai_pendampingan(store, pegawai, operator) == session + 1


# == T20 ==============================================================================================
def seat_folder(tmp_path: Path, seat: int = 1) -> Path:
    return tmp_path / "kerja" / f"kursi-{seat:02d}"


def reform(folder: Path, value, pack_id: str) -> Path:
    path, _pack = write_parameter_reform(load_pack(BASE), PARAMETER, value, pack_id, folder)
    return path


def compare(path: Path, out: Path) -> None:
    run(Request([BASE, str(path)], staff=300, seed=1, out=out, workers=1))


def test_t20_correct_reform_compare_and_data_untouched(tmp_path):
    started = time.perf_counter()
    store, scenario, (a, b) = play(tmp_path, "T20", seats=2, workdir=tmp_path / "kerja")
    folder = seat_folder(tmp_path)
    assert progress(store, a, scenario, workdir=str(folder)).outcome == "belum_selesai"

    path = reform(folder, 0.6, "latihan-kuota-sb-60-kursi1")
    compare(path, folder / "banding")

    p = progress(store, a, scenario, workdir=str(folder))
    assert p.outcome == "mandiri" and all(t.ok for t in p.tasks), p.tasks
    ok = {t.task_id: t.verdicts[0] for t in p.tasks}
    assert ok["reformasi"].code == "cek.reformasi.ok"
    assert ok["reformasi"].params["contoh"] == PARAMETER and ok["reformasi"].params["dasar"] == BASE
    assert ok["perbandingan"].params["reformasi"] == "latihan-kuota-sb-60-kursi1"
    assert ok["perbandingan"].params["unit"] > 0
    assert ok["perbandingan"].params["berkas"] == str(Path("banding") / "hasil.sqlite")
    assert ok["data_utuh"].code == "cek.data.utuh"
    # the board and close_round judge without a workdir: the folder recorded at setup is used
    assert progress(store, a, scenario).outcome == "mandiri"
    # seat 2 (staged after seat 1's fingerprint) has its own, empty folder
    assert failed(progress(store, b, scenario, workdir=str(seat_folder(tmp_path, 2)))) == [
        "reformasi", "perbandingan"]
    assert time.perf_counter() - started < 30


def test_t20_typical_mistake_reform_changes_nothing(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T20", workdir=tmp_path / "kerja")
    folder = seat_folder(tmp_path)
    path = reform(folder, 0.7, "latihan-salinan-dasar")  # the value in force: a copy of the base
    compare(path, folder / "banding")

    p = progress(store, a, scenario, workdir=str(folder))
    assert failed(p) == ["reformasi"]
    assert verdict(p, "reformasi").code == "cek.reformasi.sama"
    assert verdict(p, "reformasi").params["dasar"] == BASE
    assert p.outcome == "belum_selesai"
    assert "salinan" in scenario.task("reformasi").pembahasan.id


def test_t20_typical_mistake_compare_not_run(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T20", workdir=tmp_path / "kerja")
    folder = seat_folder(tmp_path)
    path = reform(folder, 0.6, "latihan-tanpa-banding")
    run(Request([str(path)], staff=200, seed=1, out=folder / "sendiri", workers=1))  # simulate only

    p = progress(store, a, scenario, workdir=str(folder))
    assert failed(p) == ["perbandingan"]
    assert verdict(p, "perbandingan").code == "cek.perbandingan.bukan_dasar"
    (folder / "sendiri" / "hasil.sqlite").unlink()
    p = progress(store, a, scenario, workdir=str(folder))
    assert verdict(p, "perbandingan").code == "cek.perbandingan.tidak_ada"
    assert "perbandingan" in scenario.task("perbandingan").pembahasan.id


def test_t20_installing_the_reform_in_the_class_changes_the_data(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T20", workdir=tmp_path / "kerja")
    folder = seat_folder(tmp_path)
    path = reform(folder, 0.6, "latihan-dipasang")
    compare(path, folder / "banding")
    wf.pilih_paket(store, wf.TRAINER, "kurva", str(path))  # the reform made the rule in force

    p = progress(store, a, scenario, workdir=str(folder))
    assert failed(p) == ["data_utuh"]
    assert verdict(p, "data_utuh").code == "cek.data.berubah"
    assert verdict(p, "data_utuh").params["tabel"] == "pengaturan"


def test_t20_work_outside_the_seat_folder_or_before_the_attempt_does_not_count(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T20", workdir=tmp_path / "kerja")
    folder = seat_folder(tmp_path)
    elsewhere = reform(tmp_path / "lain", 0.6, "latihan-di-luar-folder")
    compare(elsewhere, tmp_path / "lain" / "banding")
    p = progress(store, a, scenario, workdir=str(folder))
    assert verdict(p, "reformasi").code == "cek.reformasi.tidak_ada"
    assert verdict(p, "perbandingan").code == "cek.perbandingan.tidak_ada"

    # files from an earlier attempt in the same seat folder are old news
    path = reform(folder, 0.6, "latihan-kemarin")
    compare(path, folder / "banding")
    hour_ago = time.time() - 3600
    for file in folder.rglob("*"):
        os.utime(file, (hour_ago, hour_ago))
    p = progress(store, a, scenario, workdir=str(folder))
    assert verdict(p, "reformasi").code == "cek.reformasi.lama"
    assert verdict(p, "perbandingan").code == "cek.perbandingan.tidak_ada"


def test_t20_broken_reform_file_is_named(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T20", workdir=tmp_path / "kerja")
    folder = seat_folder(tmp_path)
    folder.mkdir(parents=True)
    text = f"pack: latihan-rusak\nextends: {BASE}\nparameters:\n  {PARAMETER}: {{values: {{2027-01-01: x}}}}"
    (folder / "rusak.yaml").write_text(text, encoding="utf-8")
    p = progress(store, a, scenario, workdir=str(folder))
    assert verdict(p, "reformasi").code == "cek.reformasi.rusak"
    assert verdict(p, "reformasi").params["berkas"] == "rusak.yaml"


def test_t20_without_a_workdir_fails_clearly(tmp_path):
    store, scenario, (a,) = play(tmp_path, "T20")
    p = progress(store, a, scenario)
    assert failed(p) == ["reformasi", "perbandingan"]
    assert {verdict(p, t).code for t in ("reformasi", "perbandingan")} == {"cek.folder.tidak_ada"}


def test_rule_changes_count_as_changes():
    """The shipped example reforms: one changes a parameter, the other a kuadran cell (a rule)."""
    quota = load_pack("rules/reforms/kuota-sangat-baik-60.yaml")
    cell = load_pack("rules/reforms/sel-hasil-di-atas-perilaku-sesuai.yaml")
    assert changes(quota.base, quota) == [PARAMETER]
    assert changes(cell.base, cell) == ["predikat (aturan/rules)"]
    assert changes(quota.base, quota.base) == []
