"""User text is data (issue #16): whatever a trainee or a trainer typed is shown as typed, on every
screen and in every export, and never runs.

Payloads: Rich/Textual markup (`[/x]` crashed the trainer's console; `[@click=app.quit]…[/]` ran
an app action when clicked), Markdown and HTML, spreadsheet formulas, bidi and zero-width
characters, plus text Hypothesis generates from the same pieces. They go in through the workflow
commands (a seat's name, RHK, indikator, satuan, lampiran, rencana aksi, bukti dukung, catatan
pengembalian, umpan balik, ekspektasi khusus, alasan keberatan) and the screens that show them run
under Textual Pilot at 80×24. Each screen must stay up, show the payload's literal text, carry no
`@click` action outside the key bar, and write no file; the round stays open.

Below that: the properties of `sandbox.usertext` itself (Markdown, CSV, HTML), and a source check
that every widget in sandbox/tui takes user text the safe way (the class of fault, at its root).
"""

from __future__ import annotations

import ast
import html
import random
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.widgets import DataTable, Input, Label, Markdown, Select, Static

from sandbox.store import open_store
from sandbox.training import access
from sandbox.training.classroom import ClassError, create_class, name_seat, open_attempts, start_round
from sandbox.training.scenario import load_scenario
from sandbox.tui.app import SandboxApp
from sandbox.tui.forms import short
from sandbox.tui.keybar import KeyBar
from sandbox.tui.widgets import TextSelect, TextTable
from sandbox.usertext import (
    CONTROL,
    FORMULA_START,
    cell,
    csv_cell,
    html_literal,
    literal,
    markdown_code,
    markdown_literal,
    name_problem,
    single_line,
)
from tests.fuzz_forms_support import KABID, KADIS, KASI, PEL, PEL_AJU, UNIT_SEKSI

ROOT = Path(__file__).resolve().parents[1]
TUI = ROOT / "sandbox" / "tui"

MARKUP = [
    "[/x]",
    "[b]tebal[/b]",
    "[@click=app.quit]keluar[/]",
    "[@click=app.screenshot('pwned.svg')]foto[/]",
    "[link=file:///etc/passwd]berkas[/link]",
    "[red on white]merah[/]",
    ":warning: :smile:",
    "[/]",
    "\\[b]bukan tag",
    "[bold",
]
MARKDOWN = [
    "**tebal** _miring_",
    "[a](javascript:alert(1))",
    "<script>alert(1)</script>",
    "&amp; &lt;b&gt; &#65;",
    "# judul",
    "- butir",
    "1) satu",
    "`kode`",
    "![gambar](http://x.id/g.png)",
    "| a | b |",
    "<http://x.id>",
    "www.contoh.go.id",
]
FORMULA = ['=HYPERLINK("http://x","y")', "+cmd", "@SUM(1)", "-2+3"]
INVISIBLE = ["\u202eterbalik", "Bu\u200bdi"]
PAYLOADS = MARKUP + MARKDOWN + FORMULA

# Pieces Hypothesis (and the seeded mixes below) put together: markup and Markdown syntax, an
# action, a link, entities, Indonesian words.
PIECES = ["[", "]", "[/", "[b]", "[/b]", "[/x]", "[@click=app.quit]", "[link=file:///etc/passwd]",
          "[/link]", "**", "_", "`", "<b>", "</b>", "&amp;", "&#65;", "(javascript:alert(1))", "=", "+",
          "-", "@", "#", "|", "\\", ":", "/", ".", " ", "Budi", "RHK", "layanan", "é", "ñ", "1"]
piece_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
printable = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=30)


def mixes(count: int, seed: int) -> list[str]:
    """Seeded mixes of PIECES: the same on every run, different from the fixed corpus."""
    rng = random.Random(seed)
    found = []
    while len(found) < count:
        text = single_line("".join(rng.choice(PIECES) for _ in range(rng.randint(2, 7))))
        if text and text not in found:
            found.append(text)
    return found


# -- what a screen shows ------------------------------------------------------------------------------
def screen_lines(app) -> list[str]:
    """The screen as a person sees it, one string per terminal line."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def actions_outside_keybar(app) -> list[str]:
    """Every clickable action on the screen except the key bar's own keys (its bottom line)."""
    found = []
    bar = app.screen.query(KeyBar)
    bar_rows = {bar.first().region.y} if bar else set()
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        for segment in strip:
            meta = segment.style.meta if segment.style else None
            if meta and "@click" in meta and y not in bar_rows:
                found.append(f"line {y}: {segment.text!r} → {meta['@click']}")
    return found


def shown_text(widget) -> str:
    """A widget's content as plain text: a Static's visual, a table's cells, a select's options, an
    input's value, a Markdown document's blocks."""
    if isinstance(widget, DataTable):
        return "\n".join(" | ".join(_plain(c) for c in widget.get_row_at(r)) for r in range(widget.row_count))
    if isinstance(widget, Select):
        return "\n".join(_plain(prompt) for prompt, _ in widget._options)
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, Markdown):
        parts = []
        for block in widget.query("*"):
            content = getattr(block, "_content", None)
            if isinstance(content, Content):
                parts.append(content.plain)
            for row in getattr(block, "rows", None) or []:
                parts.extend(_plain(c) for c in row)
        return "\n".join(parts)
    if isinstance(widget, Static):
        return _plain(widget.render())
    return ""


def _plain(value) -> str:
    if isinstance(value, Text | Content):
        return value.plain
    return str(value)


def screen_text(app) -> str:
    """Everything the current screen holds in its widgets, scrolled into view or not."""
    return "\n".join(shown_text(w) for w in app.screen.query("*"))


def check_screen(app, payloads, where: str, cwd: Path) -> None:
    """The property, on the current screen: up, every payload shown as typed, no action, no file."""
    assert app.is_running, f"{where}: the app closed"
    text = screen_text(app)
    missing = [p for p in payloads if single_line(p) not in text]
    assert not missing, f"{where}: not shown as typed: {missing}"
    assert not actions_outside_keybar(app), f"{where}: {actions_outside_keybar(app)}"
    assert not list(cwd.iterdir()), f"{where}: a file was written: {list(cwd.iterdir())}"


@pytest.fixture
def cwd(tmp_path, monkeypatch) -> Path:
    """An empty working folder: `app.screenshot('pwned.svg')` would write here."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


# -- the trainer's console ----------------------------------------------------------------------------
BOARD_NAMES = MARKUP[:6] + MARKDOWN[:3] + FORMULA[:1] + mixes(2, seed=16)


@pytest.fixture
def named_class(tmp_path) -> tuple[Path, dict[int, str]]:
    """A class whose seats carry the payloads as names (typed with `class peserta`); seat 1 plays
    T01 and is taken by a browser."""
    path = tmp_path / "kelas.db"
    with open_store(path) as store:
        info = create_class(store, "Kelas [b]uji[/b]", len(BOARD_NAMES))
        start_round(store, info.id, load_scenario("T01"), seats=[1])
        for seat, name in enumerate(BOARD_NAMES, start=1):
            name_seat(store, info.id, seat, name)
        stored = dict(store.conn.execute("SELECT no, nama_peserta FROM kursi WHERE kelas_id = ?", [info.id]))
        access.join(store, info.id, info.kode_gabung)
    return path, stored


async def test_the_console_board_shows_typed_names_as_typed_and_clicking_them_runs_nothing(named_class, cwd):
    from sandbox.tui.screens.kelas import ClassConsoleScreen

    path, stored = named_class
    app = SandboxApp("id", str(path), start="kelas")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ClassConsoleScreen)
        table = app.screen.query_one("#papan", DataTable)
        assert isinstance(table, TextTable) and table.row_count == len(BOARD_NAMES)
        for row in range(table.row_count):
            seat, name = table.get_row_at(row)[:2]
            assert isinstance(name, Text) and not name.spans
            assert name.plain == stored[int(str(seat))]
        check_screen(app, BOARD_NAMES, "console", cwd)
        lines = screen_lines(app)
        for name in BOARD_NAMES:  # each name on the screen, as typed; a click on it does nothing
            y = next(i for i, line in enumerate(lines) if name in line)
            await pilot.click(offset=(lines[y].index(name) + 1, y))
            await pilot.pause()
            assert isinstance(app.screen, ClassConsoleScreen), f"clicking {name!r} left the console"
        check_screen(app, BOARD_NAMES, "console after the clicks", cwd)
        assert open_attempts(app.session.store, 1), "the round was closed"


async def test_releasing_a_seat_asks_first_naming_the_seat_and_its_trainee_as_typed(named_class, cwd):
    from sandbox.tui.dialogs.konfirmasi import KonfirmasiDialog

    path, stored = named_class
    app = SandboxApp("en", str(path), start="kelas")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#papan", DataTable)
        table.focus()
        table.move_cursor(row=0)  # seat 1: "[/x]", taken
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, KonfirmasiDialog)
        question = shown_text(app.screen.query_one("#konfirmasi-tanya"))
        assert "seat 1" in question.lower() and stored[1] in question
        assert app.focused is not None and app.focused.id == "batal"  # the safe answer is the default
        assert stored[1] in "\n".join(screen_lines(app))
        await pilot.press("enter")
        await pilot.pause()
        assert access.claimed_seats(app.session.store, 1) == {1}
        table.move_cursor(row=2)  # seat 3: "[@click=app.quit]keluar[/]", not taken
        await pilot.press("f9")
        await pilot.pause()
        assert stored[3] in shown_text(app.screen.query_one("#konfirmasi-tanya"))
        await pilot.press("escape")
        await pilot.pause()
        table.move_cursor(row=0)
        await pilot.press("f9")
        await pilot.pause()
        await pilot.click("#ya")
        await pilot.pause()
        assert access.claimed_seats(app.session.store, 1) == set()
        assert open_attempts(app.session.store, 1), "the round was closed"
        assert app.is_running and not list(cwd.iterdir())


async def test_the_scenario_picker_shows_id_and_title_in_the_session_language(named_class):
    path, _ = named_class
    for lang in ("id", "en"):
        app = SandboxApp(lang, str(path), start="kelas")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            picker = app.screen.query_one("#pilih-skenario", Select)
            options = {value: _plain(prompt) for prompt, value in picker._options if isinstance(value, str)}
            assert options["T01"] == f"T01 — {load_scenario('T01').judul.get(lang)}"
            assert options["T17"] == f"T17 — {load_scenario('T17').judul.get(lang)}"
            picker.value = "T01"
            await pilot.pause()
            assert f"T01 — {load_scenario('T01').judul.get(lang)}"[:17] in "\n".join(screen_lines(app))


@pytest.mark.parametrize("name", INVISIBLE)
def test_a_name_with_bidi_or_zero_width_characters_is_refused_where_it_is_typed(tmp_path, name):
    assert name_problem(name) is not None
    with open_store(tmp_path / "kelas.db") as store:
        info = create_class(store, "Uji", 2)
        with pytest.raises(ClassError) as refused:
            name_seat(store, info.id, 1, name)
        assert refused.value.code == "kelas.nama_karakter"
        assert refused.value.render("id") != refused.value.render("en")
        stored = store.conn.execute("SELECT nama_peserta FROM kursi WHERE kelas_id = ? AND no = 1",
                                    [info.id]).fetchone()[0]
        assert stored is None  # nothing written on refusal


# -- the office screens -------------------------------------------------------------------------------
OFFICE_TEXTS = PAYLOADS + mixes(4, seed=61)


def _fill_office(folder: Path) -> tuple[Path, dict]:
    """The demo office with the payloads typed into every field a screen shows (see the module
    docstring), through the workflow commands."""
    from sandbox.synth.office import demo_office
    from sandbox.synth.persist import save_office
    from sandbox.synth.ready import prepare_for_practice
    from sandbox.workflow import (
        ajukan,
        buat_skp,
        finalkan,
        isi_ekspektasi_khusus,
        isi_lampiran,
        isi_realisasi,
        kembalikan,
        nilai,
        setujui,
        tambah_bukti,
        tambah_indikator,
        tambah_rencana_aksi,
        tambah_rhk,
        terbitkan_dokumen,
        tetapkan_capaian_organisasi,
    )
    from sandbox.workflow.keberatan import ajukan_keberatan
    from sandbox.workflow.penilaian import beri_umpan_balik
    from sandbox.workflow.views import periods_of

    path = folder / "kantor.db"
    texts = OFFICE_TEXTS
    with open_store(path) as store:
        save_office(store, demo_office())
        prepare_for_practice(store)
        tw1 = store.conn.execute("SELECT id FROM periode_penilaian_master ORDER BY id").fetchone()[0]
        induk = store.conn.execute("SELECT rhk.id FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE skp.nip = ?"
                                   " ORDER BY rhk.id LIMIT 1", [KASI]).fetchone()[0]
        # a returned SKP: the catatan pengembalian
        aju = buat_skp(store, PEL_AJU, 2026)
        rhk = tambah_rhk(store, PEL_AJU, aju, "Terlaksananya layanan", induk_rhk_id=induk)
        tambah_indikator(store, PEL_AJU, rhk, "Persentase layanan", aspek="kuantitas", target_nilai=95,
                         target_satuan="persen")
        isi_lampiran(store, PEL_AJU, aju, dukungan_sd="1 PC", skema_pj="Laporan", konsekuensi="Teguran")
        ajukan(store, PEL_AJU, aju)
        note = " ¦ ".join(texts)
        kembalikan(store, KASI, aju, note)
        # an approved SKP whose every text is a payload, its Triwulan I filled and rated
        skp = buat_skp(store, PEL, 2026)
        indikator = []
        for text in texts:
            rhk = tambah_rhk(store, PEL, skp, text, induk_rhk_id=induk)
            indikator.append((rhk, tambah_indikator(store, PEL, rhk, text, aspek="kuantitas", target_nilai=1,
                                                    target_satuan=text)))
        isi_lampiran(store, PEL, skp, dukungan_sd=texts[0], skema_pj=texts[2], konsekuensi=texts[3])
        ajukan(store, PEL, skp)
        for code in ("berorientasi_pelayanan", "akuntabel", "kompeten"):
            isi_ekspektasi_khusus(store, KASI, skp, code, texts[4 + len(code) % 5])
        setujui(store, KASI, skp)
        q1 = periods_of(store, skp, reader=PEL)[0]["id"]
        for number, (text, (rhk, ind)) in enumerate(zip(texts, indikator, strict=True)):
            tambah_rencana_aksi(store, PEL, q1, rhk, text)
            isi_realisasi(store, PEL, q1, ind, nilai=number + 1, uraian=text)
            tambah_bukti(store, PEL, q1, ind, text, f"https://drive.example.go.id/bukti-{number}")
            beri_umpan_balik(store, KASI, q1, "indikator", ind, tambahan=text)
        beri_umpan_balik(store, KASI, q1, "perilaku", "akuntabel", tambahan=texts[1])
        nilai(store, KASI, q1, rating_hk="sesuai", rating_pk="sesuai")
        # KASI's own Triwulan I, issued: the keberatan's alasan, decided by KADIS
        tetapkan_capaian_organisasi(store, KABID, UNIT_SEKSI, tw1, "baik")
        p_kasi = store.conn.execute("SELECT sp.id FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
                                    " WHERE s.nip = ? AND sp.master_id = ?", [KASI, tw1]).fetchone()[0]
        nilai(store, KABID, p_kasi, rating_pk="sesuai")
        finalkan(store, KABID, p_kasi)
        terbitkan_dokumen(store, KASI, p_kasi)
        ajukan_keberatan(store, KASI, p_kasi, note)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path, {"note": note}


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> tuple[Path, dict]:
    return _fill_office(tmp_path_factory.mktemp("usertext"))


@pytest.fixture
def office_copy(office, tmp_path) -> tuple[Path, dict]:
    path, ids = office
    copy = tmp_path / "kantor.db"
    shutil.copyfile(path, copy)
    return copy, ids


async def _become(pilot, nip: str) -> None:
    from sandbox.tui.screens.beranda import BerandaScreen
    from sandbox.tui.screens.persona import PersonaScreen

    while not isinstance(pilot.app.screen, PersonaScreen):
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press(*nip, "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BerandaScreen)


async def _open(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def test_the_pegawai_screens_show_typed_text_as_typed(office_copy, cwd):
    path, ids = office_copy
    texts = OFFICE_TEXTS
    app = SandboxApp("id", db_path=str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _become(pilot, PEL_AJU)  # the catatan pengembalian: Beranda and SKP Saya
        check_screen(app, [ids["note"]], "Beranda (returned SKP)", cwd)
        await _open(pilot, "f2")
        check_screen(app, [ids["note"]], "SKP Saya (returned SKP)", cwd)
        await _become(pilot, PEL)
        await _open(pilot, "f2")  # RHK, indikator and satuan in the list; lampiran in its fields
        check_screen(app, texts, "SKP Saya", cwd)
        lampiran = [app.screen.query_one(f"#lamp-{k}", Input).value for k in ("sd", "pj", "kon")]
        assert lampiran == [texts[0], texts[2], texts[3]]
        await _open(pilot, "escape", "f7")  # rencana aksi, realisasi, umpan balik; RHK/indikator options
        check_screen(app, texts, "Evaluasi", cwd)
        options = shown_text(app.screen.query_one("#ind", Select))
        assert all(short(t) in options for t in texts)
        await _open(pilot, "f8")  # the Dokumen Evaluasi preview (Markdown)
        check_screen(app, texts, "Dokumen Evaluasi", cwd)
        await pilot.click("#ekspor")  # the exported file, beside the sandbox: never in the cwd
        await pilot.pause()
        check_screen(app, texts, "Dokumen Evaluasi after the export", cwd)
        exported = next((path.parent / "dokumen-evaluasi").glob("*.md")).read_text(encoding="utf-8")
        rendered = MarkdownIt("gfm-like").render(exported)
        assert all(html.escape(single_line(t), quote=False) in rendered.replace("&quot;", '"') for t in texts)
        tags = set(re.findall(r"</?([a-z0-9]+)", rendered))  # the document's own structure, nothing else
        assert tags <= {"h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "ul", "li",
                        "strong", "em", "code"}, tags


async def test_the_pejabat_screens_show_typed_text_as_typed(office_copy, cwd):
    path, ids = office_copy
    texts = OFFICE_TEXTS
    app = SandboxApp("id", db_path=str(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await _become(pilot, KASI)
        await _open(pilot, "f3")  # SKP Bawahan: PEL's SKP with its RHK, indikator, ekspektasi khusus
        table = app.screen.query_one("#bawahan", DataTable)
        row = next(r for r in range(table.row_count)
                   if table.coordinate_to_cell_key((r, 0)).row_key.value == str(_skp_of(app, PEL)))
        table.move_cursor(row=row)
        await pilot.pause()
        check_screen(app, texts, "SKP Bawahan", cwd)
        await _open(pilot, "escape", "f9")  # Penilaian: the period's entries and the feedback targets
        table = app.screen.query_one("#periode-bawahan", DataTable)
        table.focus()
        for row in range(table.row_count):
            table.move_cursor(row=row)
            await pilot.pause()
            if all(single_line(t) in screen_text(app) for t in texts):
                break
        check_screen(app, texts, "Penilaian", cwd)
        await _become(pilot, KADIS)
        await _open(pilot, "k")  # Keberatan: the alasan, as KASI typed it
        check_screen(app, [ids["note"]], "Keberatan", cwd)


def _skp_of(app, nip: str) -> int:
    found = app.session.store.conn.execute("SELECT id FROM skp WHERE nip = ? ORDER BY id DESC", [nip])
    return found.fetchone()[0]


# -- any generated text, in every kind of widget ------------------------------------------------------
class Widgets(App):
    """The widgets the screens use for typed text, side by side."""

    lang = "id"  # the key bar names its keys in the app's language

    def compose(self):
        yield TextTable(id="tabel")
        yield TextSelect([], id="pilihan", allow_blank=True)
        yield Static("", id="statis", markup=False)
        yield Label("", id="label", markup=False)
        yield KeyBar()


async def test_generated_text_renders_as_typed_in_tables_selects_and_labels(cwd):
    from tests.fuzz_forms_support import draw_examples

    samples = draw_examples(st.one_of(piece_text, printable), 60)
    app = Widgets()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(TextTable)
        table.add_column("Nama")
        for sample in samples:
            shown = single_line(sample)[:60]
            table.clear()
            table.add_row(shown)
            select = app.query_one(TextSelect)
            select.set_options([(shown, 1)])
            select.value = 1
            app.query_one("#statis", Static).update(shown)
            app.query_one("#label", Label).update(shown)
            await pilot.pause()
            assert app.is_running
            lines = screen_lines(app)
            assert sum(shown in line for line in lines) >= 4, (sample, lines)  # table, select, static, label
            assert not actions_outside_keybar(app), sample
        assert not list(cwd.iterdir())


# -- sandbox.usertext itself --------------------------------------------------------------------------
MD = MarkdownIt("gfm-like")  # what Textual's Markdown widget uses (tables, strikethrough, autolinks)
PLACE = "ZQXPLACEZQX"
# Where the document puts typed text: a paragraph, a heading, a table cell, a list item, emphasis.
MD_CONTEXTS = ["a {} b", "{} z", "### RHK 1 (utama): {}", "| {} | c |\n|---|---|\n| {} | {} |",
               "- Rating: **{}**", "Umpan balik atas RHK: {}", "_{}_"]


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@settings(max_examples=400)
@given(st.one_of(st.sampled_from(PAYLOADS + INVISIBLE), piece_text, st.text(max_size=30)))
def test_markdown_literal_renders_exactly_as_typed_wherever_it_is_put(value):
    shown = single_line(value)
    for context in MD_CONTEXTS:
        if not shown and not context.startswith("a "):
            continue
        got = MD.render(context.replace("{}", markdown_literal(value)))
        want = MD.render(context.replace("{}", PLACE)).replace(PLACE, _html_text(shown))
        assert got == want, (value, context)


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(PAYLOADS + ["`", "a`b``c", "x|y"]), piece_text, st.text(max_size=30)))
def test_markdown_code_is_verbatim_in_the_file_and_in_the_rendering(value):
    shown = single_line(value)
    for context, in_table in (("a {} b", False), ("| {} | c |\n|---|---|\n| {} | {} |", True)):
        code = markdown_code(value, in_table)
        got = MD.render(context.replace("{}", code))
        inner = f"<code>{_html_text(shown)}</code>" if code.startswith("`") else _html_text(shown)
        assert got == MD.render(context.replace("{}", PLACE)).replace(PLACE, inner), (value, context)
        assert not code.startswith("`") or shown in code  # a link copied from the file works


@settings(max_examples=300)
@given(st.one_of(st.sampled_from(PAYLOADS + INVISIBLE), piece_text, st.text(max_size=30)))
def test_widget_text_csv_cells_and_html_keep_what_was_typed(value):
    if not CONTROL.search(value.replace("\n", "").replace("\t", "")):  # control codes: refused by check_text
        assert literal(value).plain == value and not literal(value).spans
    assert cell(value).plain == single_line(value) and "\n" not in cell(value).plain
    escaped = html_literal(value)
    assert html.unescape(escaped) == value and not set("<>\"'") & set(escaped)
    stored = csv_cell(value)
    if stored != value:  # a formula: kept, one apostrophe in front, never run
        assert stored == "'" + value and value.lstrip(" ").startswith(FORMULA_START)
    else:
        stripped = value.lstrip(" ")
        assert not stripped.startswith(FORMULA_START) or stripped.lstrip("+-").replace(",", "").replace(
            ".", "").isdigit()


def test_formula_payloads_are_escaped_and_numbers_stay_numbers():
    for formula in FORMULA:
        assert csv_cell(formula) == "'" + formula
    assert csv_cell("-5") == "-5" and csv_cell("+1,5") == "+1,5" and csv_cell(7) == 7


# -- the root: every widget in sandbox/tui takes text the safe way -----------------------------------


def _problems(path: Path) -> list[str]:
    """Calls in one source file that would parse typed text as markup: a DataTable or Select made
    directly (TextTable/TextSelect turn str into Text), a Static or Label or a notification without
    `markup=False`."""
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        keywords = {k.arg: k.value for k in node.keywords}
        markup_off = isinstance(keywords.get("markup"), ast.Constant) and keywords["markup"].value is False
        if name in ("DataTable", "Select") and isinstance(node.func, ast.Name):
            problems.append(f"line {node.lineno}: {name}(...) — use Text{name.replace('Data', '')}")
        elif name in ("Static", "Label") and isinstance(node.func, ast.Name) and not markup_off:
            problems.append(f"line {node.lineno}: {name}(...) without markup=False")
        elif name == "notify" and not markup_off and not _is_super(node.func):  # AppScreen.notify's own call
            problems.append(f"line {node.lineno}: notify(...) without markup=False")
    return problems


def _is_super(func: ast.expr) -> bool:
    return (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call)
            and isinstance(func.value.func, ast.Name) and func.value.func.id == "super")


# widgets.py is where TextTable and TextSelect are made from the Textual widgets
@pytest.mark.parametrize("relative", sorted(str(p.relative_to(TUI)) for p in TUI.rglob("*.py")
                                            if p.name != "widgets.py"))
def test_every_tui_widget_takes_typed_text_as_data(relative):
    problems = _problems(TUI / relative)
    assert not problems, f"{relative}: {problems}"


def test_the_source_check_finds_what_it_looks_for(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("DataTable()\nSelect([])\nLabel('x')\nStatic('x', markup=True)\nself.notify('x')\n"
                   "Label('x', markup=False)\nself.notify('x', markup=False)\n"
                   "super().notify('x', markup=m)\n", encoding="utf-8")
    assert [p.split(":")[0] for p in _problems(bad)] == [f"line {n}" for n in range(1, 6)]
