"""Regressions for what a read-only review of the classroom found: a round whose setup fails, a
seat restarted alone, timed events that fail or race, times written in another offset, T05's
second attempt, and an export into a folder that cannot be written; then what a second review
found by playing each check as a trainee would (false passes and false fails of T05, T06, T08, T20
and T21)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_scenario_t08 import play as play_t08
from test_scenarios_integrity_regulator import play as play_regulator
from test_scenarios_rating import STAFF10, t05_rerate
from test_scenarios_rating import play as play_rating
from test_training_core import Saves, failed_tasks, outcome_of, t06_start

from sandbox.cli import main
from sandbox.store import StoreUnavailableError, open_store
from sandbox.store.integrity import content_hash
from sandbox.training.attempt import progress, world_of
from sandbox.training.classroom import (
    board,
    close_round,
    create_class,
    current_attempt,
    move_clock,
    start_round,
)
from sandbox.training.scenario import load_scenario
from sandbox.workflow import (
    PENGELOLA_KINERJA,
    WorkflowRefused,
    beri_umpan_balik,
    cek_kurva,
    isi_realisasi,
    nilai,
)
from sandbox.workflow.profil import buat_tiket, sinkron_siasn

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


@pytest.fixture
def kelas(tmp_path):
    store = open_store(tmp_path / "kelas.db")
    info = create_class(store, "Uji", 3)
    yield store, info
    store.close()


def test_a_round_whose_setup_is_refused_leaves_the_class_usable(kelas, tmp_path):
    store, info = kelas
    bad = tmp_path / "X02.yaml"
    text = (SCENARIOS / "T01-skp-pertama.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("id: T01", "id: X02").replace(
        "- skp_disetujui: {untuk: [kepala, kabid], rhk: 1}", "- skp_disetujui: {untuk: [pegawai], rhk: 1}"),
        encoding="utf-8")
    before = content_hash(store)
    with pytest.raises(WorkflowRefused):  # the pegawai's SKP needs a superior's approved SKP first
        start_round(store, info.id, load_scenario(str(bad)))
    assert content_hash(store) == before  # refused in the rehearsal: the class file is untouched
    assert current_attempt(store, info.id, 1) is None
    assert [r.skenario for r in board(store, info.id)] == [None, None, None]
    ids = start_round(store, info.id, load_scenario("T01"))  # and the next round starts normally
    assert len(ids) == 3 and close_round(store, info.id) == 3
    cancelled = store.conn.execute("SELECT count(*) FROM percobaan WHERE hasil = 'batal'").fetchone()[0]
    assert cancelled == 0


def test_restarting_one_seat_leaves_the_others_and_the_clock_alone(kelas):
    store, info = kelas
    scenario = load_scenario("T03")
    start_round(store, info.id, scenario)
    move_clock(store, info.id, "2026-04-09T09:00:00")
    start_round(store, info.id, scenario, seats=[3])
    assert store.virtual_now() == "2026-04-09T09:00:00+07:00"
    attempts = {s: current_attempt(store, info.id, s) for s in (1, 2, 3)}
    assert [attempts[s]["selesai_wall_ts"] is None for s in (1, 2, 3)] == [True, True, True]
    assert [attempts[s]["ke"] for s in (1, 2, 3)] == [1, 1, 2]


def test_a_failing_event_does_not_block_the_clock_and_no_event_fires_twice(kelas, tmp_path):
    store, info = kelas
    own = tmp_path / "X01.yaml"
    text = (SCENARIOS / "T01-skp-pertama.yaml").read_text(encoding="utf-8")
    own.write_text(text.replace("id: T01", "id: X01").replace(
        "tugas:\n", "peristiwa:\n  - {jenis: skp_dikembalikan, pada: \"2026-01-09T08:00:00+07:00\","
                    " oleh: kasi, untuk: pegawai}\ntugas:\n", 1), encoding="utf-8")
    start_round(store, info.id, load_scenario(str(own)))
    assert move_clock(store, info.id, "2026-01-10") == []  # no SKP yet: the event is moot, not a crash
    assert move_clock(store, info.id, "2026-01-11") == []  # and later moves still work
    fired = store.conn.execute("SELECT count(*) FROM peristiwa_terjadwal"
                               " WHERE terjadi_at IS NOT NULL").fetchone()[0]
    claims = store.conn.execute("SELECT count(*) FROM audit_log"
                                " WHERE action = 'latihan.peristiwa'").fetchone()[0]
    assert fired == 3 and claims == 3  # one per seat, each claimed exactly once


def test_a_clock_written_in_utc_is_the_same_moment_in_wib(kelas):
    store, info = kelas
    scenario = load_scenario("T06")
    (attempt_id, *_) = start_round(store, info.id, scenario)
    move_clock(store, info.id, "2026-04-09T10:00:00Z")  # = 17:00 WIB, inside the maintenance window
    assert store.virtual_now() == "2026-04-09T17:00:00+07:00"
    world = world_of(store, attempt_id)
    period = world.period("pegawai", 1)
    indikator = store.conn.execute("SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id"
                                   " WHERE rhk.skp_id = ? LIMIT 1", [period["skp_id"]]).fetchone()[0]
    with pytest.raises(StoreUnavailableError):
        isi_realisasi(store, world.nip("pegawai"), period["id"], indikator, nilai=3)


def test_t05_done_right_twice_passes_twice(tmp_path):
    store = open_store(tmp_path / "kelas.db")
    info = create_class(store, "Uji", 1)
    scenario = load_scenario("T05")
    outcomes = []
    for _ in range(2):
        (attempt_id,) = start_round(store, info.id, scenario)
        world = world_of(store, attempt_id)
        seksi, master = world.cast.units["seksi"], world.master_id(1)
        cek_kurva(store, PENGELOLA_KINERJA, seksi, master)
        t05_rerate(store, world, with_reason=True)
        assert cek_kurva(store, PENGELOLA_KINERJA, seksi, master).sesuai
        move_clock(store, info.id, "2026-04-30T08:00:00")  # past the deadline: the sweep locks
        assert {world.period(r, 1)["state"] for r in STAFF10} == {"TERKUNCI"}
        outcomes.append(progress(store, attempt_id, scenario).outcome)
    assert outcomes == ["mandiri", "mandiri"]


def test_export_into_a_file_is_a_sentence_not_a_traceback(tmp_path, capsys):
    db = tmp_path / "kelas.db"
    assert main(["class", "create", "--db", str(db), "--kursi", "2"]) == 0
    blocker = tmp_path / "afile"
    blocker.write_text("x", encoding="utf-8")
    assert main(["class", "export", "--db", str(db), "--out", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert "tidak dapat ditulis" in err and "Traceback" not in err
    shutil.rmtree(tmp_path / "kelas-kursi", ignore_errors=True)


# -- a second review played each check as a trainee would; each false verdict it found, kept -------
def test_t05_nine_sangat_baik_in_a_baik_unit_is_not_a_fitting_curve(tmp_path):
    """BAIK-1 (§1.7): Baik is the largest group. Re-rating to 9 Sangat Baik and 1 Butuh Perbaikan
    satisfies BAIK-2 only, and must not pass the curve."""
    store = open_store(tmp_path / "kelas.db")
    info = create_class(store, "Uji", 1)
    scenario = load_scenario("T05")
    (attempt_id,) = start_round(store, info.id, scenario)
    world = world_of(store, attempt_id)
    kasi, seksi, master = world.nip("kasi"), world.cast.units["seksi"], world.master_id(1)
    cek_kurva(store, PENGELOLA_KINERJA, seksi, master)
    for role in STAFF10:
        hk, pk = ("di_bawah", "sesuai") if role == "rekan2" else ("di_atas", "di_atas")
        nilai(store, kasi, world.period(role, 1)["id"], rating_hk=hk, rating_pk=pk)
    result = cek_kurva(store, PENGELOLA_KINERJA, seksi, master)
    assert result.jumlah["sangat_baik"] == 9 and result.jumlah["butuh_perbaikan"] == 1
    assert not result.sesuai
    assert [v["rule"] for v in result.pelanggaran] == ["baik_bukan_kelompok_terbesar"]
    failed = [t.task_id for t in progress(store, attempt_id, scenario).tasks if not t.ok]
    assert "kurva_pengelola" in failed, failed


def test_t21_praise_that_only_repeats_the_value_name_is_generic(tmp_path):
    """Six words and the value's own name ("akuntabel") are not feedback on the expectation."""
    store, _, scenario, a, w = play_rating(tmp_path, "T21")
    kasi = w.nip("kasi")
    for role in ("pegawai", "rekan1"):
        period = w.period(role, 1)["id"]
        for value in ("akuntabel", "kolaboratif"):
            beri_umpan_balik(store, kasi, period, "perilaku", value,
                             tambahan=f"Saudara sudah sangat {value} sekali, pertahankan terus ya")
        nilai(store, kasi, period, rating_hk="sesuai", rating_pk="sesuai")
    verdict = progress(store, a, scenario).tasks[0].first_failure()
    assert verdict.code == "cek.rating.perilaku.pujian_umum"


def test_t06_a_ticket_to_the_admin_counts_as_seeking_help(tmp_path):
    """§5 T06: "help opened or ticket created" — a trainee who reports the outage has sought help."""
    store, info, scenario, a, w, period, inds = t06_start(tmp_path)
    move_clock(store, info.id, "2026-04-09T20:30:00")
    saves = Saves(store, w, a, careful=True, panel=False)
    for ind in inds:
        saves.save("realisasi", ind)
        saves.save("bukti", ind)
    assert "cek_status" in [t.task_id for t in failed_tasks(outcome_of(store, scenario, a))]
    buat_tiket(store, w.nip("pegawai"), "Simpan realisasi gagal saat pemeliharaan pukul 16.45")
    p = outcome_of(store, scenario, a)
    assert "cek_status" not in [t.task_id for t in failed_tasks(p)]


def test_t08_the_error_code_typed_in_lower_case_is_still_reported(tmp_path):
    store, info, scenario, attempt, w = play_t08(tmp_path)
    nip = w.nip("pegawai")
    with pytest.raises(WorkflowRefused):
        sinkron_siasn(store, nip)
    buat_tiket(store, nip, "sinkron gagal, kode siasn-503, atasan masih yang lama")
    failed = [t.task_id for t in progress(store, attempt, scenario).tasks if not t.ok]
    assert "lapor_galat" not in failed


def test_t20_another_seat_checking_its_curve_does_not_change_this_seats_data(tmp_path):
    """Seat 2, moved on to T05, runs a curve check (an evaluation_trace row without a period, maybe
    a new rule_pack row) while seat 1 replays: seat 1's "data untouched" still holds."""
    store, scenario, (a, _b) = play_regulator(tmp_path, "T20", seats=2, workdir=tmp_path / "kerja")
    (b,) = start_round(store, 1, load_scenario("T05"), seats=[2])
    other = world_of(store, b)
    before = store.conn.execute("SELECT (SELECT count(*) FROM rule_pack),"
                                " (SELECT count(*) FROM evaluation_trace)").fetchone()
    cek_kurva(store, PENGELOLA_KINERJA, other.cast.units["seksi"], other.master_id(1))
    after = store.conn.execute("SELECT (SELECT count(*) FROM rule_pack),"
                               " (SELECT count(*) FROM evaluation_trace)").fetchone()
    assert after[1] > before[1]  # the other seat really wrote to the shared logs
    p = progress(store, a, scenario, workdir=str(tmp_path / "kerja" / "kursi-01"))
    assert {t.task_id: t.ok for t in p.tasks}["data_utuh"] is True
