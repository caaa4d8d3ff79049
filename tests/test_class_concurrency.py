"""Issue #5 acceptance: thirty seats at once against ONE class file, as thirty separate processes.

The trainer (this test process) creates the class and starts round T01; thirty worker processes,
one per seat, start and wait at a barrier, then all at once drive the workflow service for their own seat:
create, complete and submit the SKP (T01). The trainer checks the file, closes the round and
starts T03; the same workers then enter realisation and evidence for every indikator and, as the
kasi, give feedback on each RHK and the rating. A worker never retries blindly: any exception ends
it non-zero with the traceback, and a "database is locked" anywhere fails the test.

Afterwards every seat's rows exist exactly once, the trainer's board equals the database, and the
export shows 100% unaided for both scenarios. Timings are printed (run with `-s` to see them).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import time
from pathlib import Path

from sandbox.store import open_store
from sandbox.training.classroom import board, close_round, create_class, current_attempt, start_round
from sandbox.training.scenario import load_scenario
from sandbox.training.summary import export

SEATS = 30
REPO = Path(__file__).resolve().parents[1]
BARRIER_TIMEOUT = 120  # seconds a worker waits for the trainer before giving up (never reached)

WORKER = r'''
"""One seat of the class: its own process, its own connection, only the workflow service."""
import json
import sys
import time
import traceback
from pathlib import Path


def wait_for(path, timeout):
    end = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > end:
            raise TimeoutError(f"{path.name} did not appear within {timeout} s")
        time.sleep(0.02)


def t01(store, wf, w):
    nip = w.nip("pegawai")
    parents = w.all("SELECT id FROM rhk WHERE skp_id = ? ORDER BY id", [w.skp("kasi")["id"]])
    skp_id = wf.buat_skp(store, nip, 2026, "kuantitatif")
    for n in range(1, 3):
        rhk_id = wf.tambah_rhk(store, nip, skp_id, f"Tersusunnya kajian layanan {n} tepat waktu", "utama",
                               induk_rhk_id=parents[n - 1]["id"])
        wf.tambah_indikator(store, nip, rhk_id, f"Jumlah dokumen kajian {n}", aspek="kuantitas",
                            target_nilai=12, target_satuan="dokumen")
    wf.isi_lampiran(store, nip, skp_id, dukungan_sd="Anggaran DPA seksi", skema_pj="Laporan bulanan",
                    konsekuensi="Dasar predikat dan TPP")
    wf.ajukan(store, nip, skp_id)


def t03(store, wf, w):
    nip, kasi, period = w.nip("pegawai"), w.nip("kasi"), w.period("pegawai", 1)
    inds = w.all("SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id WHERE rhk.skp_id = ?"
                 " ORDER BY i.id", [period["skp_id"]])
    for ind in inds:
        if not w.one("SELECT 1 AS x FROM realisasi WHERE indikator_id = ? AND skp_periode_id = ?",
                     [ind["id"], period["id"]]):
            wf.isi_realisasi(store, nip, period["id"], ind["id"], nilai=6)
        wf.tambah_bukti(store, nip, period["id"], ind["id"], "Laporan kegiatan",
                        f"https://drive.example.go.id/bukti/{period['id']}/{ind['id']}")
    for rhk in w.all("SELECT id FROM rhk WHERE skp_id = ? ORDER BY id", [period["skp_id"]]):
        wf.beri_umpan_balik(store, kasi, period["id"], "rhk", rhk["id"], pilihan=[2])
    wf.nilai(store, kasi, period["id"], rating_hk="sesuai", rating_pk="sesuai")


def main(db, seat, folder):
    started = time.monotonic()
    from sandbox import workflow as wf
    from sandbox.store import open_store
    from sandbox.training.attempt import world_of
    from sandbox.training.classroom import class_info, current_attempt

    store = open_store(db)
    timings = {"import_open": round(time.monotonic() - started, 3)}
    (folder / f"ready-{seat}").touch()
    for sid, play in (("T01", t01), ("T03", t03)):
        wait_for(folder / f"go-{sid}", BARRIER_TIMEOUT)
        began = time.monotonic()
        attempt = current_attempt(store, class_info(store).id, seat)
        if attempt is None or attempt["skenario_id"] != sid or attempt["selesai_wall_ts"]:
            raise RuntimeError(f"seat {seat}: no open {sid} attempt: {attempt}")
        play(store, wf, world_of(store, attempt["id"]))
        timings[sid] = round(time.monotonic() - began, 3)
        (folder / f"done-{sid}-{seat}").touch()
    store.close()
    print("RESULT " + json.dumps({"seat": seat, "timings": timings}), flush=True)


BARRIER_TIMEOUT = int(sys.argv[4])
try:
    main(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))
except BaseException as error:
    text = "".join(traceback.format_exception(error))
    print(("LOCKED " if "locked" in text.lower() else "FAILED ") + text, flush=True)
    sys.exit(3 if "locked" in text.lower() else 1)
'''


def count(store, sql: str, params=()) -> int:
    return store.conn.execute(sql, list(params)).fetchone()[0]


def wait_for_files(paths: list[Path], procs: list[subprocess.Popen], logs: list[Path], timeout: float):
    """Wait until every file exists; fail at once (with the worker's output) if a worker died."""
    end = time.monotonic() + timeout
    while True:
        missing = [p for p in paths if not p.exists()]
        if not missing:
            return
        for seat, proc in enumerate(procs, start=1):
            if proc.poll() not in (None, 0):
                raise AssertionError(f"worker {seat} exited {proc.returncode}:\n{logs[seat - 1].read_text()}")
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {[p.name for p in missing][:5]}")
        time.sleep(0.05)


def attempts(store, kelas_id: int) -> list[dict]:
    found = [current_attempt(store, kelas_id, seat) for seat in range(1, SEATS + 1)]
    return [dict(a, roles=json.loads(a["pemeran"])["roles"]) for a in found]


def audit_count(store, attempt: dict, action: str, nip: str) -> int:
    return count(
        store,
        "SELECT count(*) FROM audit_log WHERE id > ? AND action = ? AND session_nip = ?",
        [attempt["audit_mulai"], action, nip],
    )


def check_board(store, kelas_id: int, sid: str, found: list[dict]) -> None:
    """The trainer's board equals the database, seat by seat: every task passed, all unaided."""
    rows = board(store, kelas_id)
    assert [r.kursi for r in rows] == list(range(1, SEATS + 1))
    for row, attempt in zip(rows, found, strict=True):
        nips = list(attempt["roles"].values())
        marks = ",".join("?" * len(nips))
        after = attempt["audit_mulai"]
        expected = {
            "skenario": sid,
            "ke": 1,
            "tugas_lulus": 2,
            "tugas_total": 2,
            "petunjuk": count(
                store,
                "SELECT count(*) FROM audit_log WHERE action = 'latihan.petunjuk' AND entity_id = ?",
                [str(attempt["id"])],
            ),
            "bantuan": count(
                store,
                f"SELECT count(*) FROM audit_log WHERE id > ? AND action = 'bantuan.dibuka'"
                f" AND session_nip IN ({marks})",
                [after, *nips],
            ),
            "ditolak": count(
                store,
                f"SELECT count(*) FROM audit_log WHERE id > ? AND action = 'gangguan.ditolak'"
                f" AND session_nip IN ({marks})",
                [after, *nips],
            ),
            "integritas": count(
                store,
                f"SELECT count(*) FROM audit_log WHERE id > ? AND action = 'integrity.acting_as'"
                f" AND (session_nip IN ({marks}) OR acting_as_nip IN ({marks}))",
                [after, *nips, *nips],
            ),
            "hasil": "mandiri",
            "selesai": False,
        }
        got = {key: getattr(row, key) for key in expected}
        assert got == expected, (row.kursi, got, expected)
        assert (got["petunjuk"], got["bantuan"], got["ditolak"], got["integritas"]) == (0, 0, 0, 0)


def check_t01_rows(store, found: list[dict]) -> None:
    pegawai = [a["roles"]["pegawai"] for a in found]
    assert len(set(pegawai)) == SEATS  # every seat has its own people
    for attempt in found:
        nip = attempt["roles"]["pegawai"]
        skps = store.conn.execute("SELECT id, status, induk_skp_id FROM skp WHERE nip = ?", [nip]).fetchall()
        assert len(skps) == 1, (attempt["kursi_no"], skps)
        skp_id, status, induk = skps[0]
        kasi_skp = count(store, "SELECT id FROM skp WHERE nip = ?", [attempt["roles"]["kasi"]])
        assert (status, induk) == ("DIAJUKAN", kasi_skp)
        assert count(store, "SELECT count(*) FROM rhk WHERE skp_id = ?", [skp_id]) == 2
        indikator = "SELECT count(*) FROM indikator i JOIN rhk ON rhk.id = i.rhk_id WHERE rhk.skp_id = ?"
        assert count(store, indikator, [skp_id]) == 2
        assert count(store, "SELECT count(*) FROM lampiran WHERE skp_id = ?", [skp_id]) == 1
        assert count(store, "SELECT count(*) FROM skp_status_log WHERE skp_id = ?", [skp_id]) == 2
        for action, n in (
            ("skp.buat", 1),
            ("skp.rhk.tambah", 2),
            ("skp.indikator.tambah", 2),
            ("skp.lampiran.isi", 1),
            ("skp.ajukan", 1),
        ):
            assert audit_count(store, attempt, action, nip) == n, (attempt["kursi_no"], action)
    marks = ",".join("?" * len(pegawai))
    assert count(store, f"SELECT count(*) FROM skp WHERE nip IN ({marks})", pegawai) == SEATS


def check_t03_rows(store, found: list[dict]) -> None:
    for attempt in found:
        seat, nip, kasi = attempt["kursi_no"], attempt["roles"]["pegawai"], attempt["roles"]["kasi"]
        assert count(store, "SELECT count(*) FROM skp WHERE nip = ?", [nip]) == 1
        period = store.conn.execute(
            "SELECT sp.id, sp.skp_id, sp.state, sp.predikat FROM skp_periode sp"
            " JOIN skp s ON s.id = sp.skp_id"
            " JOIN periode_penilaian_master m ON m.id = sp.master_id"
            " WHERE s.nip = ? AND m.jenis = 'triwulanan' AND m.awal = '2026-01-01'",
            [nip],
        ).fetchone()
        period_id, skp_id, state, predikat = period
        assert (state, predikat) == ("DINILAI", "baik"), seat
        indikator = [
            r[0]
            for r in store.conn.execute(
                "SELECT i.id FROM indikator i JOIN rhk ON rhk.id = i.rhk_id WHERE rhk.skp_id = ?"
                " ORDER BY i.id",
                [skp_id],
            )
        ]
        rhk = [r[0] for r in store.conn.execute("SELECT id FROM rhk WHERE skp_id = ? ORDER BY id", [skp_id])]
        assert len(indikator) == 4 and len(rhk) == 4
        # realisation and evidence: exactly one per indikator, no duplicates
        for table in ("realisasi", "bukti_dukung"):
            per_ind = store.conn.execute(
                f"SELECT indikator_id, count(*) FROM {table} WHERE skp_periode_id = ?"
                " GROUP BY indikator_id ORDER BY indikator_id",
                [period_id],
            ).fetchall()
            assert per_ind == [(i, 1) for i in indikator], (seat, table, per_ind)
        feedback = store.conn.execute(
            "SELECT target_type, target_id, by_nip FROM umpan_balik WHERE skp_periode_id = ?"
            " ORDER BY target_id",
            [period_id],
        ).fetchall()
        assert feedback == [("rhk", r, kasi) for r in rhk], seat
        assert audit_count(store, attempt, "periode.realisasi", nip) == 2  # two were staged
        assert audit_count(store, attempt, "periode.bukti", nip) == 4
        assert audit_count(store, attempt, "periode.umpan_balik", kasi) == 4
        assert audit_count(store, attempt, "periode.nilai", kasi) == 1


def check_export(store, kelas_id: int, out: Path, expected_rows: int) -> list[str]:
    paths = export(store, kelas_id, out)
    with paths[0].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == expected_rows
    assert {r["hasil"] for r in rows} == {"mandiri"}
    assert sorted((int(r["kursi"]), r["skenario"], r["ke"]) for r in rows) == sorted(
        (seat, sid, "1") for seat in range(1, SEATS + 1) for sid in ("T01", "T03")[: expected_rows // SEATS]
    )
    md = paths[1].read_text(encoding="utf-8")
    html = paths[2].read_text(encoding="utf-8")
    table = [line for line in md.splitlines() if line.startswith("| T0")]
    for line in table:
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[1:] == [f"100% ({SEATS}/{SEATS})", "–", str(SEATS), "0", "0", "0"], line
        assert f"<td>{cells[0]}</td><td>100% ({SEATS}/{SEATS})</td>" in html
    return [line.split("|")[1].strip() for line in table]


def test_thirty_seats_at_once_on_one_class_file(tmp_path):
    clock = {"start": time.monotonic()}
    db = tmp_path / "kelas.db"
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    worker = tmp_path / "worker.py"
    worker.write_text(WORKER, encoding="utf-8")
    store = open_store(db)
    info = create_class(store, "Kelas serentak", SEATS)

    began = time.monotonic()
    start_round(store, info.id, load_scenario("T01"))
    clock["setup_T01"] = time.monotonic() - began

    logs = [tmp_path / f"kursi-{seat:02d}.log" for seat in range(1, SEATS + 1)]
    procs: list[subprocess.Popen] = []
    try:
        began = time.monotonic()
        for seat, log in enumerate(logs, start=1):
            with log.open("w") as handle:
                procs.append(
                    subprocess.Popen(
                        [sys.executable, str(worker), str(db), str(seat), str(barrier), str(BARRIER_TIMEOUT)],
                        cwd=REPO,
                        stdout=handle,
                        stderr=subprocess.STDOUT,
                    )
                )
        wait_for_files([barrier / f"ready-{s}" for s in range(1, SEATS + 1)], procs, logs, 90)
        clock["workers_ready"] = time.monotonic() - began
        # -- round T01: all thirty start together ---------------------------------------------------
        began = time.monotonic()
        (barrier / "go-T01").touch()
        wait_for_files([barrier / f"done-T01-{s}" for s in range(1, SEATS + 1)], procs, logs, 60)
        clock["play_T01"] = time.monotonic() - began

        found = attempts(store, info.id)
        check_t01_rows(store, found)
        check_board(store, info.id, "T01", found)
        assert close_round(store, info.id) == SEATS

        # -- round T03 ------------------------------------------------------------------------------
        began = time.monotonic()
        start_round(store, info.id, load_scenario("T03"))
        clock["setup_T03"] = time.monotonic() - began
        began = time.monotonic()
        (barrier / "go-T03").touch()
        for proc in procs:
            proc.wait(timeout=90)
        clock["play_T03"] = time.monotonic() - began
    finally:
        for proc in procs:  # only the workers this test started, each by its own handle
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    outputs = [log.read_text(encoding="utf-8") for log in logs]
    for seat, (proc, text) in enumerate(zip(procs, outputs, strict=True), start=1):
        assert "database is locked" not in text.lower(), f"seat {seat}:\n{text}"
        assert proc.returncode == 0, f"seat {seat} exited {proc.returncode}:\n{text}"
        assert "RESULT " in text and "Traceback" not in text, text

    found = attempts(store, info.id)
    assert {a["skenario_id"] for a in found} == {"T03"}
    check_t03_rows(store, found)
    check_board(store, info.id, "T03", found)
    assert close_round(store, info.id) == SEATS
    assert check_export(store, info.id, tmp_path / "hasil", 2 * SEATS) == ["T01", "T03"]
    assert store.pragma("journal_mode") == "wal"
    assert [r[0] for r in store.conn.execute("PRAGMA quick_check")] == ["ok"]
    store.close()

    results = [json.loads(t.split("RESULT ", 1)[1]) for t in outputs]
    slowest = {k: max(r["timings"][k] for r in results) for k in ("import_open", "T01", "T03")}
    clock["total"] = time.monotonic() - clock["start"]
    print(
        "\n30 seats: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in clock.items() if k != "start")
        + "; slowest worker "
        + ", ".join(f"{k} {v:.2f} s" for k, v in slowest.items())
    )
