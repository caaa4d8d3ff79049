"""Issue #17 item 7, the steps the office could not take, driven by keys at 80×24 on a real demo
office file:

- capaian organisasi set through its screen by the one the workflow names (the unit head's
  superior), with a confirmation naming unit, period and value; only that unit's and period's row
  changes, and the operator's curve check then gets past "belum ditetapkan"; anyone else is refused
  in words that name who sets it;
- Monitoring shows the completion table by status, in words, with the database's counts;
- the rule explorer evaluates on the office's virtual date, and F1 opens its help;
- the Dokumen Evaluasi prints as an HTML page shaped like the official form, every typed text
  escaped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, ListView, Select, Static

from sandbox.tui.app import SandboxApp
from sandbox.tui.office import open_office
from sandbox.tui.rule_explorer import AturanBantuan, RuleExplorer
from sandbox.tui.screens.capaian import CapaianScreen
from sandbox.tui.screens.dokumen import DokumenScreen
from sandbox.tui.screens.monitoring import MonitoringScreen
from sandbox.workflow import PENGELOLA_KINERJA, TRAINER, atur_jam, nilai, tetapkan_capaian_organisasi
from tests.test_tui_decisions import seen
from tests.test_tui_dokumen import locked, open_dokumen  # noqa: F401 - the locked Triwulan I fixture
from tests.test_tui_practice import click, db_rows

SIZE = (80, 24)
KADIS = "197403192003012001"  # Hilda Oktaviani, Kepala Dinas: sets the Sekretariat's capaian
SEKDIS = "198710022017111001"  # Panca Tampubolon, Sekretaris Dinas: rates the two Kasubbag
KASUBBAG = ("198710232016111001", "198504082015071001")  # each heads a Subbagian of the Sekretariat
SEK, TW1 = "U.01.SEK", 1


@pytest.fixture(scope="module")
def rated_template(tmp_path_factory) -> Path:
    """The Sekretariat's two Kasubbag rated for Triwulan I (their subbagian's capaian set by the
    Sekretaris first, as the workflow asks); the Sekretariat's own capaian not set yet."""
    path = tmp_path_factory.mktemp("kantor") / "kantor.db"
    with open_office(path) as store:
        atur_jam(store, TRAINER, "2026-04-02")
        for nip, unit in zip(KASUBBAG, (f"{SEK}.1", f"{SEK}.2"), strict=True):
            tetapkan_capaian_organisasi(store, SEKDIS, unit, TW1, "baik")
            period = store.conn.execute(
                "SELECT sp.id FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
                " WHERE s.nip = ? AND sp.master_id = ?", [nip, TW1]).fetchone()[0]
            nilai(store, SEKDIS, period, rating_pk="sesuai")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def office(rated_template, tmp_path) -> Path:
    db = tmp_path / "kantor.db"
    shutil.copy(rated_template, db)
    return db


async def become(pilot, key: str) -> None:
    """From the persona list (or anywhere), log in as `key`: a NIP or a pseudo-persona's row key."""
    from sandbox.tui.screens.beranda import BerandaScreen
    from sandbox.tui.screens.persona import PersonaScreen

    while not isinstance(pilot.app.screen, PersonaScreen):
        await pilot.press("escape")
        await pilot.pause()
    pilot.app.screen.choose(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, BerandaScreen)


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def notified(app) -> str:
    """Every notification's text sent so far (whether drawn whole is `seen`'s business)."""
    return "\n".join(n.message for n in app._notifications)


def cells(table: DataTable, key: str) -> dict[str, str]:
    heads = [str(c.label) for c in table.columns.values()]
    return dict(zip(heads, (str(v) for v in table.get_row(key)), strict=True))


async def focus_unit(pilot, table_id: str, unit: str) -> None:
    """Walk the table with the arrow keys to the unit's row."""
    table = pilot.app.screen.query_one(table_id, DataTable)
    table.focus()
    await pilot.pause()
    await pilot.press("home")
    while table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value != unit:
        await pilot.press("down")
    await pilot.pause()


async def monitoring_as_operator(pilot) -> MonitoringScreen:
    await become(pilot, PENGELOLA_KINERJA)
    await pilot.press("f5")
    await pilot.pause()
    assert isinstance(pilot.app.screen, MonitoringScreen)
    return pilot.app.screen


def capaian_rows(db: Path) -> list[tuple]:
    return db_rows(db, "SELECT unor_id, periode_master_id, predikat_org, ditetapkan_oleh"
                       " FROM capaian_organisasi ORDER BY 1, 2")


async def test_capaian_set_by_the_superior_unblocks_the_curve_check(office):
    app = SandboxApp("id", db_path=str(office))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        # the operator's curve check stops: nobody has set the Sekretariat's capaian
        screen = await monitoring_as_operator(pilot)
        await focus_unit(pilot, "#mon-unit", SEK)
        await pilot.press("f8")
        await pilot.pause()
        assert "belum ditetapkan" in shown(app, "#mon-hasil") and seen(app, "belum ditetapkan")
        row = cells(screen.query_one("#mon-unit", DataTable), SEK)
        assert row["Capaian organisasi"] == "belum ditetapkan"
        before = capaian_rows(office)

        # the Kepala Dinas, the Sekretaris's superior, sets it on the Capaian screen
        await become(pilot, KADIS)
        await app.push_screen(CapaianScreen())
        await pilot.pause()
        assert "Anda menetapkan" in shown(app, "#cap-petunjuk")
        await focus_unit(pilot, "#cap-unit", SEK)
        await pilot.press("enter")  # Enter on the row moves to the value
        await pilot.pause()
        assert app.screen.focused is app.screen.query_one("#cap-nilai", Select)
        await pilot.press("enter", "down", "down", "enter")  # Istimewa, Baik
        await pilot.pause()
        assert app.screen.query_one("#cap-nilai", Select).value == "baik"
        await pilot.press("tab")  # keys only: a notice may lie over the button's corner
        assert app.screen.focused is app.screen.query_one("#cap-tetapkan")
        await pilot.press("enter")
        await pilot.pause()
        asked = shown(app, "#konfirmasi-tanya")
        assert "Sekretariat Dinas" in asked and "Triwulan I 2026" in asked and "Baik" in asked
        assert "baik" not in asked.replace("Baik", "")  # the value as a word, not its code
        assert capaian_rows(office) == before  # nothing before "Ya"
        await click(pilot, "#ya")
        after = capaian_rows(office)
        assert set(after) - set(before) == {(SEK, TW1, "baik", KADIS)}
        assert set(before) <= set(after) and len(after) == len(before) + 1  # that unit and period only
        assert seen(app, "kini Baik")
        table = app.screen.query_one("#cap-unit", DataTable)
        assert cells(table, SEK)["Capaian"] == "Baik"
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == SEK

        # the operator's check now runs: a stored check, and words instead of codes
        screen = await monitoring_as_operator(pilot)
        await focus_unit(pilot, "#mon-unit", SEK)
        await pilot.press("f8")
        await pilot.pause()
        result = shown(app, "#mon-hasil")
        assert "belum ditetapkan" not in result and "Sekretariat Dinas" in result and "Baik" in result
        assert "sangat_baik" not in result and "SESUAI" not in result and "MELANGGAR" not in result
        checks = db_rows(office, "SELECT unor_id, periode_master_id, checked_by FROM distribusi_check")
        assert checks == [(SEK, TW1, PENGELOLA_KINERJA)]
        row = cells(screen.query_one("#mon-unit", DataTable), SEK)
        assert row["Capaian organisasi"] == "Baik" and row["Kurva"] in ("Sesuai", "Melanggar")


async def test_capaian_refused_in_words_to_the_wrong_person(office):
    app = SandboxApp("id", db_path=str(office))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        before = capaian_rows(office)
        # the operator reaches it from Monitoring (F7), on the unit in focus; it may only recommend
        await monitoring_as_operator(pilot)
        await focus_unit(pilot, "#mon-unit", SEK)
        await pilot.press("f7")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CapaianScreen) and screen.unit == SEK and screen.master_id == TW1
        assert "Tidak ada unit" in shown(app, "#cap-petunjuk")
        table = screen.query_one("#cap-unit", DataTable)
        assert "Hilda Oktaviani" in cells(table, SEK)["Ditetapkan oleh"]
        assert "Kepala Daerah" in cells(table, "U.01")["Ditetapkan oleh"]
        screen.query_one("#cap-nilai", Select).value = "istimewa"
        screen.query_one("#cap-tetapkan").focus()
        await pilot.press("enter")
        await pilot.pause()
        said = shown(app, "#cap-pesan")
        assert "tidak dapat menetapkan capaian Sekretariat Dinas" in said and "Hilda Oktaviani" in said
        assert seen(app, "Hilda Oktaviani")
        assert KADIS not in said and "KEPALA_DAERAH" not in said
        assert isinstance(app.screen, CapaianScreen)  # no confirmation was offered
        assert capaian_rows(office) == before


def _count(db: Path, nips: list[str], sql: str, *params) -> int:
    """`SELECT sql` over the SKP (alias s) of these people, counted by SQLite itself."""
    marks = ",".join("?" * len(nips))
    return db_rows(db, f"SELECT {sql} AND s.nip IN ({marks})", [*params, *nips])[0][0]


async def test_the_trainer_sets_the_office_capaian_as_the_kepala_daerah(office):
    """The head of the office is rated by the Kepala Daerah, who sets the Dinas's capaian; in the
    sandbox the trainer plays that role (its decisions are recorded under KEPALA_DAERAH)."""
    app = SandboxApp("en", db_path=str(office))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, TRAINER)
        await app.push_screen(CapaianScreen())
        await pilot.pause()
        table = app.screen.query_one("#cap-unit", DataTable)
        assert cells(table, "U.01")["Set by"] == "✎ You"
        assert "Hilda Oktaviani" in cells(table, SEK)["Set by"]  # not the trainer's to set
        await focus_unit(pilot, "#cap-unit", "U.01")
        await pilot.press("enter", "enter", "down", "down", "down", "enter")  # Butuh Perbaikan (Cukup)
        await pilot.press("tab", "enter")
        await pilot.pause()
        asked = shown(app, "#konfirmasi-tanya")
        assert "Dinas Perhubungan" in asked and "Butuh Perbaikan (Cukup)" in asked
        assert "Head of region" in asked and "KEPALA_DAERAH" not in asked
        await pilot.press("tab", "enter")  # from Cancel (focused) to Yes
        await pilot.pause()
        assert db_rows(office, "SELECT predikat_org, ditetapkan_oleh FROM capaian_organisasi"
                               " WHERE unor_id = 'U.01' AND periode_master_id = ?", [TW1]) == [
            ("butuh_perbaikan", "KEPALA_DAERAH")]
        assert cells(table, "U.01")["Result"] == "Butuh Perbaikan (Cukup)"


async def test_monitoring_counts_by_status_in_words(office):
    app = SandboxApp("id", db_path=str(office))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = await monitoring_as_operator(pilot)
        table = screen.query_one("#mon-unit", DataTable)
        heads = [str(c.label) for c in table.columns.values()]
        for word in ("Belum dibuat", "Draf", "Diajukan", "Disetujui", "Sedang diisi", "Dinilai",
                     "Dokumen terbit", "Final"):
            assert word in heads
        assert not any("_" in h or h.isupper() for h in heads)
        for unit in (SEK, "U.01"):
            people = db_rows(office, """
                SELECT p.nip FROM pegawai p WHERE p.aktif = 1 AND (p.unor_id = ? OR p.unor_id LIKE ?)
                  AND p.nip != (SELECT pimpinan_nip FROM unor WHERE id = ?)""", [unit, unit + ".%", unit])
            nips = [n for (n,) in people]
            approved = _count(office, nips, "count(*) FROM skp s WHERE s.status = 'DISETUJUI'")
            with_skp = _count(office, nips, "count(DISTINCT s.nip) FROM skp s WHERE 1")
            periods = "count(*) FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id WHERE sp.master_id = ?"
            rated = _count(office, nips, periods + " AND sp.state = 'DINILAI'", TW1)
            filling = _count(office, nips, periods + " AND sp.state = 'TERBUKA'", TW1)
            row = cells(table, unit)
            assert row["Disetujui"] == str(approved)
            assert row["Dinilai"] == str(rated)
            assert row["Sedang diisi"] == str(filling)
            assert row["Belum dibuat"] == str(len(nips) - with_skp)
            assert row["Sudah dinilai"] == f"{rated}/{approved}"
        assert cells(table, SEK)["Dinilai"] == "2"  # the two Kasubbag, rated in the fixture
        # the unit in focus, in words on one line inside 80 columns (the columns lie to the right)
        await focus_unit(pilot, "#mon-unit", SEK)
        line = shown(app, "#mon-status")
        assert line.startswith("Sekretariat Dinas — SKP: ") and "Disetujui 2" in line
        assert "Triwulan I 2026: Dinilai 2." in line and "Draf" not in line  # only states someone is in


async def test_rule_explorer_uses_the_office_date_and_has_help(office):
    app = SandboxApp("id", db_path=str(office))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await become(pilot, TRAINER)
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RuleExplorer)
        assert shown(app, "#tanggal-kantor") == "Tanggal kantor: 2 April 2026"

        # a reform in force from 1 January 2027: on the office date (2 April 2026) it does not apply
        decisions = screen.query_one("#decision-list", ListView)
        labels = [(item.pack.id, item.decision) for item in decisions.children]
        decisions.index = labels.index(("reformasi-kuota-baik-60", "kurva"))
        await pilot.press("enter")
        await pilot.pause()
        result = str(screen.query_one("#result", Static).render())
        assert "belum berlaku" in result and "2 April 2026" in result and "1 Januari 2027" in result

        # the office clock moves on: the same reform now evaluates, on the office's date
        atur_jam(app.session.store, TRAINER, "2027-01-05")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, AturanBantuan)
        assert "tanggal kantor" in app.screen.query_one("#bantuan-teks").source
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert shown(app, "#tanggal-kantor") == "Tanggal kantor: 5 Januari 2027"
        result = str(screen.query_one("#result", Static).render())
        assert "belum berlaku" not in result and "tanggal evaluasi 5 Januari 2027" in result
        assert "2027-01-05" not in result


async def test_printable_dokumen_is_the_official_form_with_text_escaped(locked, tmp_path):  # noqa: F811
    template, q1 = locked
    db = tmp_path / "kelas.db"
    shutil.copy(template, db)
    from sandbox.store import open_store

    with open_store(db) as store:  # a name a person typed, with markup and an ampersand in it
        store.conn.execute("UPDATE pegawai SET nama = ? WHERE nip = ?",
                           ["Ade <script>alert(1)</script> & Haryanti", "199704292023112001"])
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = await open_dokumen(pilot, q1)
        assert isinstance(screen, DokumenScreen)
        await click(pilot, "#ekspor-html")
        files = sorted((db.parent / "dokumen-evaluasi").glob("*.html"))
        assert [f.name for f in files] == ["dokumen-evaluasi-199704292023112001-triwulan-i-2026.html"]
        said = shown(app, "#dokumen-berkas")
        assert str(files[0]) in said and str(files[0]) in notified(app) and seen(app, "Dokumen siap cetak")
        page = files[0].read_text(encoding="utf-8")
        assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Haryanti" in page
        assert "@media print" in page and "size: A4" in page
        for label in ("Pegawai yang dinilai", "Pejabat penilai kinerja", "Atasan pejabat penilai kinerja",
                      "NIP", "Pangkat/golongan", "Jabatan", "Unit kerja", "Periode penilaian"):
            assert label in page
        assert "199704292023112001" in page and "198112092000061001" in page  # pegawai, pejabat
        assert "Penata (III/c)" in page  # the pejabat's pangkat/golongan in words
        assert "Seksi Manajemen dan Rekayasa Lalu Lintas" in page
        assert "Banua Raya, 11 April 2026" in page  # place and date in words (the day it is printed)
        assert "Sangat Baik" in page and "Di Atas Ekspektasi" in page
        assert "sangat_baik" not in page and "di_atas" not in page and "2026-04-11" not in page
        assert page.count('class="ruang"') == 2  # the signature places

        # the Markdown export stays
        await click(pilot, "#ekspor")
        assert [f.suffix for f in sorted((db.parent / "dokumen-evaluasi").iterdir())] == [".html", ".md"]
        assert ".md" in shown(app, "#dokumen-berkas")
