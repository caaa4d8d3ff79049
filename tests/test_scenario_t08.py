"""T08 — a profile that still names the former superior, a SIASN sync that fails with a code, the
report to the admin, then the SKP with the right rater. Played through the workflow service (right
and with the typical mistakes) and once in the app (Profil screen, seat mode)."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from sandbox.store import open_store
from sandbox.training.attempt import progress, world_of
from sandbox.training.classroom import create_class, move_clock, start_round
from sandbox.training.scenario import load_scenario
from sandbox.tui.app import SandboxApp
from sandbox.workflow import WorkflowRefused, ajukan, buat_skp, isi_lampiran, tambah_indikator, tambah_rhk
from sandbox.workflow.profil import buat_tiket, sinkron_siasn


def play(tmp_path):
    store = open_store(tmp_path / "kelas.db")
    info = create_class(store, "Uji", 1)
    scenario = load_scenario("T08")
    (attempt_id,) = start_round(store, info.id, scenario)
    return store, info, scenario, attempt_id, world_of(store, attempt_id)


def submit_skp(store, world) -> int:
    nip = world.nip("pegawai")
    skp_id = buat_skp(store, nip, 2026)
    parent = store.conn.execute("SELECT rhk.id FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE skp.nip = ?"
                                " AND skp.status = 'DISETUJUI'", [world.nip("kasi")]).fetchone()[0]
    rhk = tambah_rhk(store, nip, skp_id, "Tersusunnya kajian layanan publik", induk_rhk_id=parent)
    tambah_indikator(store, nip, rhk, "Jumlah kajian", aspek="kuantitas", target_nilai=2,
                     target_satuan="dokumen")
    isi_lampiran(store, nip, skp_id, dukungan_sd="Data layanan", skema_pj="Laporan triwulan",
                 konsekuensi="Dasar TPP")
    ajukan(store, nip, skp_id)
    return skp_id


def one(store, sql, *params):
    return store.conn.execute(sql, list(params)).fetchone()[0]


def failures(state):
    return [t for t in state.tasks if not t.ok]


def test_t08_correct(tmp_path):
    store, info, scenario, attempt, w = play(tmp_path)
    nip = w.nip("pegawai")
    assert progress(store, attempt, scenario).outcome == "belum_selesai"
    assert one(store, "SELECT atasan_nip FROM pegawai WHERE nip = ?", nip) == w.nip("rekan1")
    with pytest.raises(WorkflowRefused) as blocked:  # the stale profile blocks the SKP
        buat_skp(store, nip, 2026)
    assert blocked.value.code == "workflow.profil.belum_sinkron"
    with pytest.raises(WorkflowRefused) as failed:  # SIASN is down until 10:00
        sinkron_siasn(store, nip)
    assert failed.value.code == "workflow.profil.sinkron_gagal" and "SIASN-503" in str(failed.value)
    buat_tiket(store, nip, "Sinkron SIASN gagal pukul 08.00, atasan di profil masih Kasi lama",
               kode_galat="SIASN-503")
    assert one(store, "SELECT sync_state FROM akun WHERE nip = ?", nip) == "ESCALATED_TO_ADMIN"
    move_clock(store, info.id, "2026-01-08T10:30:00")
    profile = sinkron_siasn(store, nip)
    assert profile["atasan_nip"] == w.nip("kasi")
    skp_id = submit_skp(store, w)
    assert one(store, "SELECT pejabat_nip FROM skp WHERE id = ?", skp_id) == w.nip("kasi")
    state = progress(store, attempt, scenario)
    assert state.outcome == "mandiri", [(t.task_id, t.first_failure()) for t in state.tasks]


def test_t08_mistake_the_sync_error_is_never_reported(tmp_path):
    store, info, scenario, attempt, w = play(tmp_path)
    nip = w.nip("pegawai")
    for _ in range(3):  # retrying blindly
        with pytest.raises(WorkflowRefused):
            sinkron_siasn(store, nip)
    move_clock(store, info.id, "2026-01-08T10:30:00")
    sinkron_siasn(store, nip)
    submit_skp(store, w)
    failed = failures(progress(store, attempt, scenario))
    assert [t.task_id for t in failed] == ["lapor_galat"]
    verdict = failed[0].first_failure()
    assert verdict.code == "cek.profil.tidak_dilaporkan" and verdict.params == {"kode": "SIASN-503", "n": 3}
    assert "kodenya" in scenario.task("lapor_galat").pembahasan.id


def test_t08_mistake_a_report_without_the_code_does_not_count(tmp_path):
    store, info, scenario, attempt, w = play(tmp_path)
    nip = w.nip("pegawai")
    with pytest.raises(WorkflowRefused):
        sinkron_siasn(store, nip)
    buat_tiket(store, nip, "Profil saya salah, tolong diperbaiki ya")
    failed = failures(progress(store, attempt, scenario))
    assert "lapor_galat" in [t.task_id for t in failed]


def test_t08_a_draft_made_before_the_sync_follows_the_new_superior(tmp_path):
    """The guard blocks the SKP while the profile waits; a draft made before the profile was marked
    (here: the profile marked again afterwards) is moved to the new rater and must be re-linked."""
    store, info, scenario, attempt, w = play(tmp_path)
    nip = w.nip("pegawai")
    move_clock(store, info.id, "2026-01-08T10:30:00")
    sinkron_siasn(store, nip)
    skp_id = buat_skp(store, nip, 2026)
    store.apply(None, None, "latihan.profil_usang", "pegawai", nip, {}, lambda db: (
        db.execute("UPDATE pegawai SET atasan_nip = ? WHERE nip = ?", [w.nip("rekan1"), nip]),
        db.execute("UPDATE skp SET pejabat_nip = ? WHERE id = ?", [w.nip("rekan1"), skp_id]),
        db.execute("UPDATE akun SET sync_state = 'NEEDS_SYNC' WHERE nip = ?", [nip])))
    sinkron_siasn(store, nip)
    assert one(store, "SELECT pejabat_nip FROM skp WHERE id = ?", skp_id) == w.nip("kasi")


async def test_t08_in_the_app_profile_screen_sync_report_and_sync_again(tmp_path):
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Uji", 1)
        scenario = load_scenario("T08")
        (attempt_id,) = start_round(store, info.id, scenario)
        nip = world_of(store, attempt_id).nip("pegawai")
        kasi = world_of(store, attempt_id).nip("kasi")
    app = SandboxApp("id", str(path), start="kursi", seat=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#peran", DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#ke-profil").display  # the Beranda points at the stale profile
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert "PERLU SINKRON" in str(screen.query_one("#profil-isi").render())
        await pilot.click("#sinkron")
        await pilot.pause()
        assert "SIASN-503" in str(screen.query_one("#profil-error").render())
        assert screen.query_one("#lapor-kode", Input).value.startswith("SIASN-503")
        screen.query_one("#lapor-pesan", Input).value = "Sinkron gagal pukul 08.00, atasan masih Kasi lama"
        await pilot.click("#kirim-laporan")
        await pilot.pause()
        store = app.session.store
        move_clock(store, info.id, "2026-01-08T10:30:00")
        await pilot.click("#sinkron")
        await pilot.pause()
        assert "sinkron dengan SIASN" in str(screen.query_one("#profil-isi").render())
        assert store.conn.execute("SELECT atasan_nip FROM pegawai WHERE nip = ?", [nip]).fetchone()[0] == kasi
        state = progress(store, attempt_id, scenario)
        assert [t.ok for t in state.tasks] == [True, False]  # reported; the SKP is still to do
