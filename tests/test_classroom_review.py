"""Regressions for what a read-only review of the classroom found: a round whose setup fails, a
seat restarted alone, timed events that fail or race, times written in another offset, T05's
second attempt, and an export into a folder that cannot be written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_scenarios_rating import STAFF10, t05_rerate

from sandbox.cli import main
from sandbox.store import StoreUnavailableError, open_store
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
from sandbox.workflow import PENGELOLA_KINERJA, WorkflowRefused, cek_kurva, isi_realisasi

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
    with pytest.raises(WorkflowRefused):  # the pegawai's SKP needs a superior's approved SKP first
        start_round(store, info.id, load_scenario(str(bad)))
    assert current_attempt(store, info.id, 1) is None  # the half-staged attempt is not the seat's
    assert [r.skenario for r in board(store, info.id)] == [None, None, None]
    ids = start_round(store, info.id, load_scenario("T01"))  # and the next round starts normally
    assert len(ids) == 3 and close_round(store, info.id) == 3
    cancelled = store.conn.execute("SELECT count(*) FROM percobaan WHERE hasil = 'batal'").fetchone()[0]
    assert cancelled == 1


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
