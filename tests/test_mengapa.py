""""Mengapa?" in plain language (issue #17 item 5): a period rated through the real workflow on the
real demo office, explained from its stored trace — one sentence with words and the regulation,
then only what decided it, the technical trace only on request (also in the app at 80×24)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from sandbox.rules.mengapa import mengapa
from sandbox.tui.app import SandboxApp
from sandbox.tui.office import open_office
from sandbox.tui.screens.evaluasi import EvaluasiScreen, hasil_text
from sandbox.workflow import (
    TRAINER,
    ajukan,
    buat_skp,
    isi_lampiran,
    isi_realisasi,
    nilai,
    setujui,
    tambah_indikator,
    tambah_rhk,
)
from sandbox.workflow.penilaian import tetapkan_capaian_organisasi
from sandbox.workflow.rulebook import load_cached, pilih_paket, traces
from tests.test_tui_practice import KASI, PEGAWAI, become, click, db_rows

KABID = "197510172011101001"  # KASI's atasan, who sets the seksi's capaian and rates KASI
SEKSI = "U.01.B1.S1"  # the seksi KASI leads
RAW = re.compile(r"[A-Za-z0-9]_[A-Za-z0-9]|=|REGULATIONS\.md|\.md\b")
WORDS = {
    "id": ("Baik", "sesuai ekspektasi", "di atas ekspektasi"),
    "en": ("Good", "as expected", "above expectations"),
}


def rated_office(path: Path, hk: str = "sesuai", pk: str = "di_atas", realisasi: float = 32) -> int:
    """Ade's Triwulan I, filled and rated by her Kepala Seksi through the workflow; its id."""
    store = open_office(path)
    parent = store.conn.execute("SELECT r.id FROM rhk r JOIN skp s ON s.id = r.skp_id WHERE s.nip = ?"
                                " ORDER BY r.id", [KASI]).fetchone()[0]
    skp_id = buat_skp(store, PEGAWAI, 2026)
    rhk = tambah_rhk(store, PEGAWAI, skp_id, "Terverifikasinya berkas izin trayek", induk_rhk_id=parent)
    ind = tambah_indikator(store, PEGAWAI, rhk, "Jumlah berkas terverifikasi", aspek="kuantitas",
                           target_nilai=30, target_satuan="berkas")
    isi_lampiran(store, PEGAWAI, skp_id, dukungan_sd="PC", skema_pj="Laporan", konsekuensi="Teguran")
    ajukan(store, PEGAWAI, skp_id)
    setujui(store, KASI, skp_id)
    pid = store.conn.execute("SELECT sp.id FROM skp_periode sp JOIN periode_penilaian_master m"
                             " ON m.id = sp.master_id WHERE sp.skp_id = ? AND m.nama = 'Triwulan I 2026'",
                             [skp_id]).fetchone()[0]
    isi_realisasi(store, PEGAWAI, pid, ind, nilai=realisasi)
    nilai(store, KASI, pid, rating_hk=hk, rating_pk=pk)
    store.close()
    return pid


def assert_plain(text: str, unused: list[str]) -> None:
    """No code a trainee cannot read: rule ids, `=`, snake_case, design files, unused parameters."""
    assert not RAW.search(text), RAW.search(text)
    assert "hk_sesuai" not in text and "REGULATIONS" not in text
    for name in unused:
        assert name not in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_rated_period_explained_in_words(tmp_path, lang):
    db = tmp_path / "kelas.db"
    pid = rated_office(db)
    store = open_office(db)
    text = mengapa(store, pid, lang, reader=PEGAWAI)
    predikat, hk, pk = WORDS[lang]
    first = text.splitlines()[0]
    assert first.startswith("Predikat Anda Baik karena" if lang == "id" else "Your predikat is Good because")
    assert predikat in first and hk in first and pk in first
    assert "PermenPANRB 6/2022 Lampiran, kuadran kinerja" in first
    pack = load_cached("permenpanrb-6-2022")
    # the predikat reads no parameter: none of the pack's fifteen curve quotas is listed
    unused = list(pack.parameters) + [p.description for p in pack.parameters.values()]
    assert_plain(text, unused)
    # read by the pejabat: the pegawai is named instead of "Anda"
    assert "Ade Haryanti" in hasil_text(store, pid, lang) and "Anda" not in hasil_text(store, pid, lang)
    # the technical layer only on request, with the rule that fired
    assert "hk_sesuai_pk_di_atas" in mengapa(store, pid, lang, technical=True)
    # …and it is what the database holds
    assert db_rows(db, "SELECT predikat, rating_hk, rating_pk FROM skp_periode WHERE id = ?",
                   [pid]) == [("baik", "sesuai", "di_atas")]
    assert [t["decision"] for t in traces(store, pid)] == ["predikat"]
    store.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_unit_head_reads_why_the_capaian_set_the_rating(tmp_path, lang):
    """KASI leads a seksi: Rating Hasil Kerja comes from its capaian through one parameter, which
    is listed (in words, dated); the other four mappings are not."""
    store = open_office(tmp_path / "kelas.db")
    pid, master = store.conn.execute(
        "SELECT sp.id, sp.master_id FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
        " JOIN periode_penilaian_master m ON m.id = sp.master_id WHERE s.nip = ?"
        " AND m.nama = 'Triwulan I 2026'", [KASI]).fetchone()
    tetapkan_capaian_organisasi(store, KABID, SEKSI, master, "baik")
    assert nilai(store, KABID, pid, rating_pk="di_atas") == "baik"
    text = mengapa(store, pid, lang, reader=KASI)
    lines = text.splitlines()
    leader = lines[1]
    if lang == "id":
        assert leader.startswith("Rating Hasil Kerja Anda sesuai ekspektasi karena capaian kinerja")
        assert "Baik — SE MenPANRB 3/2023" in leader and "31 Januari 2023" in text
    else:
        assert leader.startswith("Your work-result rating is as expected because the organisation you lead")
        assert "Good — SE MenPANRB 3/2023" in leader and "31 January 2023" in text
    pack = load_cached("permenpanrb-6-2022")
    used = pack.parameters["rating_pimpinan_baik"].description
    assert used in text
    assert_plain(text, [p.description for n, p in pack.parameters.items() if n != "rating_pimpinan_baik"]
                 + list(pack.parameters))
    assert db_rows(tmp_path / "kelas.db", "SELECT rating_hk, capaian_org, predikat FROM skp_periode"
                   " WHERE id = ?", [pid]) == [("sesuai", "baik", "baik")]
    store.close()


REFORM = """\
pack: uji-kutipan-kuota-baik
title: Uji — kuadran dengan kutipan kuota Baik {param:kurva_baik_maks_baik}
extends: ../permenpanrb-6-2022.yaml
legal_basis:
  - Rancangan perubahan SE MenPANRB 3/2023 (contoh untuk uji)
effective_from: 2026-01-01
parameters:
  kurva_baik_maks_baik:
    cite: Rancangan perubahan SE MenPANRB 3/2023 (contoh)
    values: {2026-01-01: 0.55}
decisions:
  predikat:
    rules:
      - id: hk_sesuai_pk_di_atas
        then: {predikat: baik}
        cite: >-
          PermenPANRB 6/2022 Lampiran, kuadran kinerja; organisasi Baik paling banyak
          {param:kurva_baik_maks_baik} pegawai Baik (contoh)
"""


def test_a_reform_explanation_quotes_the_reform_number(tmp_path, monkeypatch):
    """The cite of the fired rule quotes a parameter: rated under a reform that changed it, the
    explanation shows the reform's number, never the one in force before."""
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[1] / "rules", rules)
    (rules / "reforms" / "uji-kutipan.yaml").write_text(REFORM, encoding="utf-8")
    monkeypatch.setenv("EKINERJA_RULES", str(rules))
    db = tmp_path / "kelas.db"
    store = open_office(db)
    pilih_paket(store, TRAINER, "predikat", "uji-kutipan-kuota-baik")
    store.close()
    pid = rated_office(db)
    store = open_office(db)
    for lang in ("id", "en"):
        text = mengapa(store, pid, lang, reader=PEGAWAI)
        assert "paling banyak 55 % pegawai Baik" in text.splitlines()[0]
        assert "70 %" not in text
        assert_plain(text, ["kurva_baik_maks_baik"])
    assert traces(store, pid)[-1]["rule_pack_version"].startswith("uji-kutipan-kuota-baik@")
    store.close()


def screen_text(app) -> str:
    """Everything the Statics of the screen show now (hidden ones are not shown)."""
    return "\n".join(str(s.render()) for s in app.screen.query(Static) if s.display)


@pytest.mark.parametrize("lang", ["id", "en"])
async def test_the_technical_trace_only_after_the_toggle(tmp_path, lang):
    db = tmp_path / "kelas.db"
    pid = rated_office(db, realisasi=1e11)
    app = SandboxApp(lang, db_path=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await become(pilot, PEGAWAI)
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, EvaluasiScreen) and app.screen.period_id == pid
        shown = screen_text(app)
        predikat, hk, pk = WORDS[lang]
        hasil = str(app.screen.query_one("#hasil", Static).render())
        assert predikat in hasil and hk in hasil and pk in hasil and "PermenPANRB 6/2022" in hasil
        assert "hk_sesuai" not in shown and "=" not in hasil
        # no codes elsewhere on the screen: the state in words, the realisasi with thousand dots
        assert "DINILAI" not in shown and ("sudah dinilai" if lang == "id" else "rated") in shown
        assert "1e+11" not in shown and "100.000.000.000" in shown
        assert not app.screen.query_one("#jejak-teknis").display

        await click(pilot, "#jejak")
        trace = app.screen.query_one("#jejak-teknis", Static)
        assert trace.display and "hk_sesuai_pk_di_atas" in str(trace.render())
        assert "hk_sesuai_pk_di_atas" in screen_text(app)
        await pilot.pause(0.3)  # a button ignores a click during its 0.2 s press effect
        await click(pilot, "#jejak")
        assert not app.screen.query_one("#jejak-teknis").display
        assert "hk_sesuai" not in screen_text(app)
    assert db_rows(db, "SELECT nilai FROM realisasi") == [(1e11,)]
