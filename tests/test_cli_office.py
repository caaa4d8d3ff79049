"""`ekinerja demo` and `ekinerja seed`: a generated office lands whole in a real SQLite file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sandbox.cli import main
from sandbox.domain import JenisAsn
from sandbox.store import content_hash, open_store
from sandbox.synth.nip import NipPns, NiPppk, parse_nip

ROOT = Path(__file__).resolve().parents[1]


def _rows(path: Path, sql: str) -> list:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_demo_creates_the_26_person_office_once(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("EKINERJA_LANG", "id")
    db = tmp_path / "kelas.db"
    assert main(["demo", "--db", str(db)]) == 0
    assert "26 pegawai" in capsys.readouterr().out
    assert _rows(db, "SELECT count(*) FROM pegawai") == [(26,)]
    first_command = _rows(db, "SELECT action, entity FROM audit_log ORDER BY id LIMIT 1")
    assert first_command == [("synth.demo", "instansi")]
    assert _rows(db, "PRAGMA foreign_key_check") == []
    # ready to practise: the year's periods and every leader's SKP approved, nobody else's begun
    periods = _rows(db, "SELECT jenis, count(*) FROM periode_penilaian_master GROUP BY jenis ORDER BY jenis")
    assert periods == [("tahunan", 1), ("triwulanan", 4)]
    leaders = _rows(db, "SELECT nip FROM pegawai p WHERE EXISTS (SELECT 1 FROM pegawai s"
                        " WHERE s.atasan_nip = p.nip) ORDER BY nip")
    assert _rows(db, "SELECT nip FROM skp WHERE status = 'DISETUJUI' ORDER BY nip") == leaders
    assert _rows(db, "SELECT count(*) FROM skp") == [(len(leaders),)]
    # a second run changes nothing and says so
    before = content_hash(open_store(db))
    assert main(["demo", "--db", str(db)]) == 0
    assert "sudah ada" in capsys.readouterr().out
    assert content_hash(open_store(db)) == before
    # and a second demo file is the same office, SKPs included
    twin = tmp_path / "kembar.db"
    assert main(["demo", "--db", str(twin)]) == 0
    assert content_hash(open_store(twin)) == before


def test_a_trainee_can_start_at_once_on_the_demo_office(tmp_path, monkeypatch) -> None:
    """A pelaksana drafts, intervenes their atasan's approved RHK, and submits: no set-up needed."""
    from sandbox.workflow import ajukan, buat_skp, isi_lampiran, setujui, tambah_indikator, tambah_rhk

    monkeypatch.setenv("EKINERJA_LANG", "id")
    db = tmp_path / "kelas.db"
    assert main(["demo", "--db", str(db)]) == 0
    store = open_store(db)
    nip, atasan = store.conn.execute(
        "SELECT nip, atasan_nip FROM pegawai WHERE jenis_jabatan = 'pelaksana' ORDER BY nip LIMIT 1"
    ).fetchone()
    parent_rhk = store.conn.execute("SELECT rhk.id FROM rhk JOIN skp ON skp.id = rhk.skp_id"
                                    " WHERE skp.nip = ? ORDER BY rhk.id LIMIT 1", [atasan]).fetchone()[0]
    skp_id = buat_skp(store, nip, 2026)
    rhk_id = tambah_rhk(store, nip, skp_id, "Terverifikasinya berkas permohonan izin",
                        induk_rhk_id=parent_rhk)
    tambah_indikator(store, nip, rhk_id, "Jumlah berkas terverifikasi", aspek="kuantitas", target_nilai=120,
                     target_satuan="berkas")
    isi_lampiran(store, nip, skp_id, dukungan_sd="Komputer", skema_pj="Laporan", konsekuensi="Teguran")
    ajukan(store, nip, skp_id)
    setujui(store, atasan, skp_id)
    states = store.conn.execute("SELECT state FROM skp_periode WHERE skp_id = ? ORDER BY master_id",
                                [skp_id]).fetchall()
    assert [s for (s,) in states] == ["TERBUKA", "BELUM_DIBUKA", "BELUM_DIBUKA", "BELUM_DIBUKA", "TERBUKA"]


def test_same_seed_gives_identical_table_contents(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EKINERJA_LANG", "id")
    first, second, other = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    assert main(["seed", "--staff", "5000", "--seed", "7", "--db", str(first)]) == 0
    assert main(["seed", "--staff", "5000", "--seed", "7", "--db", str(second)]) == 0
    assert main(["seed", "--staff", "5000", "--seed", "8", "--db", str(other)]) == 0
    assert content_hash(open_store(first)) == content_hash(open_store(second))
    assert content_hash(open_store(first)) != content_hash(open_store(other))
    assert _rows(first, "SELECT count(*) FROM pegawai") == [(5000,)]


def test_stored_nips_agree_with_stored_birth_date_tmt_and_sex(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EKINERJA_LANG", "id")
    db = tmp_path / "n.db"
    assert main(["seed", "--staff", "800", "--seed", "3", "--db", str(db)]) == 0
    rows = _rows(db, "SELECT nip, jenis_asn, tanggal_lahir, tmt, jenis_kelamin FROM pegawai")
    assert len(rows) == 800
    kinds = set()
    for nip, jenis_asn, lahir, tmt, kelamin in rows:
        parsed = parse_nip(nip, JenisAsn(jenis_asn))
        assert parsed.tanggal_lahir.isoformat() == lahir
        assert parsed.jenis_kelamin.value == kelamin
        if isinstance(parsed, NipPns):
            assert tmt[:7] == parsed.tmt_cpns.isoformat()[:7]  # the NIP holds year and month
        else:
            assert isinstance(parsed, NiPppk) and int(tmt[:4]) == parsed.tahun_pengangkatan
        kinds.add(type(parsed))
    assert kinds == {NipPns, NiPppk}


def test_a_file_that_is_not_a_database_is_refused_in_words(tmp_path) -> None:
    bad = tmp_path / "bukan.db"
    bad.write_text("ini bukan basis data", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sandbox.cli", "demo", "--db", str(bad)],
                          cwd=ROOT, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "EKINERJA_LANG": "id"})
    assert done.returncode == 1
    assert "bukan basis data SQLite" in done.stderr and " — " in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert bad.read_text(encoding="utf-8") == "ini bukan basis data"


def test_a_nonsense_staff_count_is_refused(capsys) -> None:
    assert main(["seed", "--staff", "0"]) == 2
    assert "tidak masuk akal" in capsys.readouterr().err
