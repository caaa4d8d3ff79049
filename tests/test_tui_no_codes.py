"""Issue #17: no raw code, internal id or Python repr in front of a person, on any screen, in either
language, at 80×24.

One office is built through the real workflow in rich states (a pegawai with an approved SKP, a big
realisasi and a decimal one, bukti, umpan balik, a rating, an issued document and a pending
keberatan; others with a submitted, a returned, a rated-and-final SKP with TPP, a revision request,
a draft with an RHK lacking its indikator; a pejabat with subordinates to decide and rate; his atasan
with the keberatan to decide; the operator; the trainer; the regulator). Each persona then walks
every screen it may open in the real app under Pilot at 80×24 — Beranda, its menus, every row of
their lists, every period, every dropdown opened, the Dokumen, the F1 help, the command palette,
the confirmations (cancelled), a few typical mistakes and their refusals — and the whole terminal is
read as text (tests/helpers/screen_text.py), page by page down every scrolling area.
Each line is checked against the patterns below; the failure lists persona, language, screen and
the offending line, so the screen that shows it can be fixed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.screen import ModalScreen
from textual.widgets import DataTable, Select

from sandbox.tui.app import SandboxApp
from sandbox.tui.office import open_office
from sandbox.tui.screens.beranda import BerandaScreen
from sandbox.tui.screens.persona import PersonaScreen
from sandbox.tui.session import REGULATOR
from sandbox.workflow import (
    PENGELOLA_KINERJA,
    TRAINER,
    ajukan,
    ajukan_keberatan,
    ajukan_revisi,
    atur_jam,
    beri_umpan_balik,
    buat_skp,
    finalkan,
    hitung_tpp,
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
from sandbox.workflow.views import parent_rhk_options, periods_of
from tests.helpers.screen_text import screen_text, screens_of_text
from tests.test_tui_practice import db_rows

SIZE = (80, 24)
KABID = "197510172011101001"  # Kepala Bidang: atasan pejabat penilai, decides the keberatan
KASI = "198112092000061001"  # Kepala Seksi: pejabat penilai of the five below
ADE = "199704292023112001"  # approved SKP, Triwulan I rated + issued + keberatan, Triwulan II half filled
RINA = "198103312007042001"  # SKP submitted, waiting for KASI
SILVIA = "199009152021042001"  # SKP returned with a note
DARIJAN = "199308072021101001"  # Triwulan I complete, waiting for the rating
MUTIA = "199611132022042001"  # Triwulan I final with TPP; a revision of her SKP requested
CHELSEA = "198209032003122001"  # another seksi: a draft whose second RHK has no indikator yet

PERSONAS = {
    "pegawai-keberatan": ADE,
    "pegawai-final-tpp": MUTIA,
    "pegawai-dikembalikan": SILVIA,
    "pegawai-diajukan": RINA,
    "pegawai-menunggu-nilai": DARIJAN,
    "pegawai-draf": CHELSEA,
    "pejabat-penilai": KASI,
    "atasan-pejabat": KABID,
    "operator": PENGELOLA_KINERJA,
    "trainer": TRAINER,
    "regulator": REGULATOR,
}

# -- what must never be on screen -----------------------------------------------------------------------
# Words with an underscore that are legitimately text.  Each entry needs a reason; none so far:
# nothing a person reads in this app is spelled with an underscore.
SNAKE_ALLOWED: frozenset[str] = frozenset()

FORBIDDEN = [
    ("kode snake_case", re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")),
    ("kode status CAPS", re.compile(r"\b[A-Z]{3,}_[A-Z_]+\b")),
    # the one-word states of SKP, period and curve check, and the pseudo-actors, as stored
    ("kode status satu kata", re.compile(r"\b(DRAFT|DIAJUKAN|DIKEMBALIKAN|DISETUJUI|DITUTUP|TERBUKA|DINILAI|"
                                         r"TERKUNCI|KEBERATAN|FINAL|SESUAI|MELANGGAR|TRAINER)\b")),
    ("id atau kode dalam kurung", re.compile(r"\[[a-z_]*\d+\]")),
    # (a number cut off at the edge of a notice, "SKP 20▌" for "SKP 2026", is not an id)
    ("id internal (#n, SKP n)", re.compile(r"(?<!\w)#\d+\b|\bSKP \d{1,3}(?=[\s.,;:)]|$)")),
    ("notasi ilmiah", re.compile(r"\d(\.\d+)?e[+-]?\d+\b", re.IGNORECASE)),
    ("angka bertanda kutip (repr)", re.compile(r"""['"][-+]?\d+(\.\d+)?['"]""")),
    ("float repr x.0", re.compile(r"(?<![\d.,])\d+\.0\b(?![.,]\d)")),
    ("repr Python True/False/None/nan", re.compile(r"\b(True|False|None|nan|inf)\b")),
    ("repr dict/list", re.compile(r"[{}]|\[\]|\[['\"]|['\"]\]")),
    ("tanggal ISO", re.compile(r"\b\d{4}-\d{2}-\d{2}\b")),
    ("angka besar tanpa pemisah ribuan", re.compile(r"(?<![\d.,])\d{5,15}(?![\d.,])")),
    ("dokumen desain", re.compile(r"REGULATIONS\.md|WORKFLOW\.md")),
]
FORBIDDEN_ID = [  # only in Indonesian: a decimal point, and Textual's English built-in texts
    # (not "Indikator 1.2: Nilai …", "1.2 Nilai …": the number of an indikator under its RHK)
    # (nor "100.00▌": 100.000.000.000 cut off at the edge of a field)
    ("desimal dengan titik",
     re.compile(r"(?<![\d.])(?<!Indikator )\d+\.\d{1,2}(?![\d.])(?! [A-Z]|:)(?![▌▎│█…])")),
    ("teks bawaan Textual dalam bahasa Inggris",
     re.compile(r"Search for commands|Dismiss|\bKeys\b|\bQuit\b|\bScreenshot\b|\bTheme\b|"
                r"Change theme|Show keys|Save screenshot|No matches")),
]


def findings_in(text: str, lang: str) -> list[tuple[str, list[str], str]]:
    """(pattern name, offending words, line) for every offending line of one captured screen."""
    found = []
    patterns = FORBIDDEN + (FORBIDDEN_ID if lang == "id" else [])
    for line in text.splitlines():
        for name, pattern in patterns:
            hits = [m.group(0) for m in pattern.finditer(line)]
            if name == "kode snake_case":
                hits = [h for h in hits if h not in SNAKE_ALLOWED]
            if hits:
                found.append((name, hits, line.strip()))
    return found


def test_the_patterns_catch_the_codes_of_the_issue():
    """The check can fail: every example of issue #17 is caught, plain words and amounts are not."""
    bad = ["Rating PK di_atas", "RENCANA_AKSI_ADA", "EVIDEN_LENGKAP", "RHK [13] belum memiliki indikator",
           "realisasi 1e+11", "nilai '-5.0'", "tpp_diterima = 4840000", "SKP 11",
           "lihat REGULATIONS.md §8(b)", "batas 2026-04-10", "{'predikat': 'baik'}", "aktif: True",
           "target 32.0", "- [tl1] Terlambat masuk", "Status: KEBERATAN", "(SKP: DISETUJUI)"]
    for line in bad:
        assert findings_in(line, "id"), line
    assert findings_in("Search for commands…", "id") and not findings_in("Search for commands…", "en")
    assert findings_in("realisasi 12.75", "id") and not findings_in("realisasi 12,75", "id")
    good = ["Predikat Anda Baik karena Hasil Kerja sesuai ekspektasi", "TPP diterima Rp 4.840.000",
            "Batas pengisian 10 April 2026", "SKP 2026 disetujui", "NIP 199704292023112001",
            "realisasi 100.000.000.000 dari target 100.000.000.000 rupiah", "Rating PK: Di Atas Ekspektasi",
            "1.2 Nilai retribusi tertagih", "Indikator 1.1: Jumlah berkas selesai",
            "Wardaya Wibowo sudah menyetujui SKP 20▌", "Final 2026 · final", "Status: dalam keberatan"]
    for line in good:
        assert not findings_in(line, "id"), line


# -- the office ---------------------------------------------------------------------------------------
def _draft(store, nip: str, rich: bool = False) -> tuple[int, int, list[int]]:
    """A complete SKP 2026 under the atasan's first RHK, submitted: (skp, rhk, [indikator])."""
    parent = parent_rhk_options(store, nip, 2026)[0]["id"]
    skp = buat_skp(store, nip, 2026)
    rhk = tambah_rhk(store, nip, skp, "Terselesaikannya layanan izin", induk_rhk_id=parent)
    ind = [tambah_indikator(store, nip, rhk, "Jumlah berkas selesai", aspek="kuantitas", target_nilai=30,
                            target_satuan="berkas")]
    if rich:  # a big amount and a decimal target: where 1e+11 and 92.5 used to show
        ind.append(tambah_indikator(store, nip, rhk, "Nilai retribusi tertagih", aspek="kuantitas",
                                    target_nilai=100_000_000_000, target_satuan="rupiah"))
        ind.append(tambah_indikator(store, nip, rhk, "Persentase berkas tepat waktu", aspek="waktu",
                                    target_nilai=92.5, target_satuan="persen"))
    isi_lampiran(store, nip, skp, dukungan_sd="Komputer", skema_pj="Laporan bulanan", konsekuensi="Teguran")
    ajukan(store, nip, skp)
    return skp, rhk, ind


def _period(store, skp: int, name: str) -> int:
    return next(p["id"] for p in periods_of(store, skp, reader=TRAINER) if p["nama"] == name)


def _fill(store, nip: str, pid: int, rhk: int, indikator: list[int], values: list[float]) -> None:
    tambah_rencana_aksi(store, nip, pid, rhk, "Memverifikasi berkas setiap hari kerja")
    for ind, value in zip(indikator, values, strict=True):
        isi_realisasi(store, nip, pid, ind, nilai=value, sumber="Register layanan")
        tambah_bukti(store, nip, pid, ind, "Rekap layanan", "https://drive.example.go.id/rekap")


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Path:
    """The demo office on 20 April 2026, in every state a first-timer meets (see the module doc)."""
    path = tmp_path_factory.mktemp("kantor") / "kantor.db"
    with open_office(path) as store:
        ade = _draft(store, ADE, rich=True)
        isi_ekspektasi_khusus(store, KASI, ade[0], "akuntabel", "Laporan diserahkan tiap Jumat")
        setujui(store, KASI, ade[0])
        _draft(store, RINA)
        silvia = _draft(store, SILVIA)
        kembalikan(store, KASI, silvia[0], "Target terlalu rendah, naikkan")
        darijan, mutia = _draft(store, DARIJAN), _draft(store, MUTIA)
        setujui(store, KASI, darijan[0])
        setujui(store, KASI, mutia[0])

        atur_jam(store, TRAINER, "2026-03-20")
        q1 = {nip: _period(store, skp[0], "Triwulan I 2026") for nip, skp in
              ((ADE, ade), (DARIJAN, darijan), (MUTIA, mutia))}
        _fill(store, ADE, q1[ADE], ade[1], ade[2], [32, 100_000_000_000, 87.25])
        _fill(store, DARIJAN, q1[DARIJAN], darijan[1], darijan[2], [28])
        _fill(store, MUTIA, q1[MUTIA], mutia[1], mutia[2], [31])
        beri_umpan_balik(store, KASI, q1[ADE], "indikator", ade[2][0], pilihan=[2],
                         tambahan="Lampirkan rekap bulanan")
        beri_umpan_balik(store, KASI, q1[ADE], "perilaku", "akuntabel", pilihan=[7])
        atur_jam(store, TRAINER, "2026-04-02")
        master = store.conn.execute("SELECT master_id FROM skp_periode WHERE id = ?", [q1[ADE]]).fetchone()[0]
        seksi = store.conn.execute("SELECT id FROM unor WHERE pimpinan_nip = ?", [KASI]).fetchone()[0]
        tetapkan_capaian_organisasi(store, KABID, seksi, master, "baik")
        nilai(store, KASI, q1[ADE], rating_hk="sesuai", rating_pk="di_atas")
        nilai(store, KASI, q1[MUTIA], rating_hk="di_atas", rating_pk="di_atas")
        for nip in (ADE, MUTIA):
            finalkan(store, KASI, q1[nip])
            terbitkan_dokumen(store, nip, q1[nip])
        atur_jam(store, TRAINER, "2026-04-05")
        ajukan_keberatan(store, ADE, q1[ADE], "Realisasi Maret belum dihitung")
        atur_jam(store, TRAINER, "2026-04-20")  # Mutia's window has passed: her Triwulan I is final
        hitung_tpp(store, TRAINER, q1[MUTIA], 4_840_000, kehadiran={"tl1": 2})
        q2 = _period(store, ade[0], "Triwulan II 2026")
        tambah_rencana_aksi(store, ADE, q2, ade[1], "Menagih retribusi")
        isi_realisasi(store, ADE, q2, ade[2][2], nilai=12.75)
        ajukan_revisi(store, MUTIA, mutia[0], "Target berkas perlu dinaikkan")
        chelsea = buat_skp(store, CHELSEA, 2026)
        induk = parent_rhk_options(store, CHELSEA, 2026)[0]["id"]
        for teks in ("Terlayaninya angkutan orang", "Terdatanya trayek angkutan"):
            tambah_rhk(store, CHELSEA, chelsea, teks, induk_rhk_id=induk)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    states = dict(db_rows(path, "SELECT s.nip || ' ' || m.nama, sp.state FROM skp_periode sp"
                                " JOIN skp s ON s.id = sp.skp_id"
                                " JOIN periode_penilaian_master m ON m.id = sp.master_id"))
    assert states[f"{ADE} Triwulan I 2026"] == "KEBERATAN"
    assert states[f"{ADE} Triwulan II 2026"] == "RENCANA_AKSI_ADA"
    assert states[f"{DARIJAN} Triwulan I 2026"] == "EVIDEN_LENGKAP"
    assert states[f"{MUTIA} Triwulan I 2026"] == "FINAL"
    assert db_rows(path, "SELECT status FROM skp WHERE nip = ?", [CHELSEA]) == [("DRAFT",)]
    return path


# -- walking the screens ------------------------------------------------------------------------------
class Tour:
    """Everything read in one app (one language), and where: (persona, where, text) per capture.

    What does not depend on the persona (a screen's F1 help, the rule explorer) is read once."""

    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.persona = ""
        self.seen: list[tuple[str, str, str]] = []
        self.read_once: set[str] = set()

    @property
    def app(self):
        return self.pilot.app

    def where(self, note: str = "") -> str:
        screen = self.app.screen
        name = f"{type(screen).__name__} ({type(screen).__module__.replace('.', '/')}.py)"
        if isinstance(screen, ModalScreen) and len(self.app.screen_stack) > 1:
            name += f" over {type(self.app.screen_stack[-2]).__name__}"
        return f"{name}{' — ' + note if note else ''}"

    def glance(self, note: str = "") -> None:
        self.seen.append((self.persona, self.where(note), screen_text(self.app)))

    async def look(self, note: str = "") -> None:
        """Read the screen, page by page down every scrolling area."""
        await self.pilot.pause()
        where = self.where(note)
        for text in await screens_of_text(self.pilot):
            self.seen.append((self.persona, where, text))

    async def press(self, *keys: str) -> None:
        await self.pilot.press(*keys)

    async def dialog(self, keys: tuple[str, ...], note: str, whole: bool = False) -> None:
        """Open a dialog (help, palette, question), read it, close it with Esc; a refusal instead
        of a dialog is read too (its message is on screen)."""
        before = self.app.screen
        await self.press(*keys)
        if self.app.screen is before:  # refused instead: the message is what is read
            self.glance(note)
            return
        if whole or not isinstance(self.app.screen, ModalScreen):  # a screen (Capaian): all of it
            await self.look(note)
        else:
            self.glance(note)
        await self.press("escape")
        assert self.app.screen is before, f"Esc did not close {note}"

    async def help_once(self) -> None:
        name = type(self.app.screen).__name__
        if name not in self.read_once:
            self.read_once.add(name)
            await self.dialog(("f1",), "F1 bantuan", whole=True)

    async def dropdowns(self) -> None:
        """Open each dropdown on view once and read its options."""
        for select in list(self.app.screen.query(Select)):
            if not select.display or not select.region.area or select.disabled:
                continue
            select.focus()
            select.scroll_visible(animate=False)
            await self.press("enter")
            self.glance(f"pilihan #{select.id}")
            await self.press("escape")

    def _shown(self, selector: str):
        found = self.app.screen.query(selector)
        widget = found.first() if found else None
        return widget if widget is not None and widget.display and not widget.disabled else None

    async def questions(self, buttons: tuple[str, ...], note: str) -> None:
        """Press each button on view that asks before it acts (or refuses), read the question or
        the refusal, and cancel with Esc: nothing is decided."""
        for selector in buttons:
            button = self._shown(selector)
            if button is not None:
                button.focus()
                await self.dialog(("enter",), f"{note}tombol {selector}".strip())

    async def selection(self, note: str) -> None:
        """What follows a chosen row or period: the technical trace on request, the decisions'
        questions, the curve check, and the period's Dokumen Evaluasi."""
        screen = self.app.screen
        toggle = self._shown("#jejak")
        if toggle is not None:  # "Mengapa?": the technical trace, shown on request
            toggle.focus()
            await self.press("enter")
            await self.look(f"{note}, jejak teknis")
            await self.press("enter")
        await self.questions(ROW_QUESTIONS, f"{note}, ")
        if hasattr(screen, "action_cek"):  # the operator's curve check (it records the check only)
            await self.dialog(("f8",), f"{note}, F8 cek kurva")
        if hasattr(screen, "action_dokumen"):  # Evaluasi and Penilaian open the period's Dokumen
            await self.press("f8")
            if self.app.screen is not screen and not isinstance(self.app.screen, ModalScreen):
                await self.look(f"{note}, F8 Dokumen")
                await self.help_once()
                await self.questions(DOKUMEN_QUESTIONS, "")
                await self.press("escape")
            assert self.app.screen is screen

    async def rows(self, limit: int = 8) -> None:
        """Choose the rows of the screen's list (Enter, as a user does), one per distinct last
        column (the status), and read the result and what follows it."""
        tables = [t for t in self.app.screen.query(DataTable) if t.display and t.row_count]
        if not tables:
            return
        table, kinds = tables[0], set()
        for row in range(table.row_count):
            kind = str(table.get_row_at(row)[-1])
            if kind in kinds or len(kinds) >= limit:
                continue
            kinds.add(kind)
            table.focus()
            table.move_cursor(row=row)
            await self.press("enter")
            await self.look(f"baris {row + 1}")
            await self.selection(f"baris {row + 1}")

    async def periods(self) -> bool:
        """On a screen with a period chooser, read each period in turn and what follows it."""
        select = self._shown("#periode")
        if not isinstance(select, Select):
            return False
        for label, value in list(select._options):
            if isinstance(value, int):
                select.value = value
                await self.look(f"periode {label}")
                await self.selection(f"periode {label}")
        return True

    async def menu_screen(self, key: str) -> None:
        """From the Beranda: open a menu by its key and read all of it, then go back."""
        beranda = self.app.screen
        if key == "f6" and "RuleExplorer" in self.read_once:
            return
        self.app.clear_notifications()  # a notice from the last screen is not this screen's text
        await self.press(key)
        if self.app.screen is beranda:
            return
        if isinstance(self.app.screen, ModalScreen):  # the trainer's clock: a dialog
            await self.look(f"tombol {key}")
            await self.press(*"1 Mei", "enter")  # a date as people write it: refused, and why
            await self.look(f"tombol {key}, tanggal ditolak")
            await self.press("escape")
        else:
            await self.explore(f"tombol {key}")
        while self.app.screen is not beranda and len(self.app.screen_stack) > 2:
            await self.press("escape")
        assert self.app.screen is beranda, f"{key} did not come back to the Beranda"

    async def explore(self, note: str) -> None:
        screen = self.app.screen
        await self.look(note)
        await self.help_once()
        await self.dropdowns()
        await self.questions(SCREEN_QUESTIONS, "")
        if not await self.periods():
            await self.rows()
        await self.mistakes()
        assert self.app.screen is screen

    async def mistakes(self) -> None:
        for mistake in MISTAKES.get((self.persona, type(self.app.screen).__name__), []):
            if mistake[0].startswith("#"):
                field = self._shown(mistake[0])
                if field is None:
                    continue
                field.focus()
                field.scroll_visible(animate=False)
                await self.press(*mistake[1], "enter")
            else:
                await self.press(*mistake)
            await self.look(f"salah ketik {' '.join(mistake)}")

    async def persona_tour(self, persona: str) -> None:
        """Become the persona, then read the Beranda, its help, the palette and every menu."""
        self.persona = persona
        await become_anyone(self.pilot, PERSONAS[persona])
        self.app.clear_notifications()
        start = self.app.screen
        await self.look("Beranda")
        await self.help_once()
        await self.dialog(("ctrl+p",), "palet perintah", whole=True)
        if isinstance(start, BerandaScreen):
            for key in MENUS.get(persona, MENU_KEYS):
                await self.menu_screen(key)
        else:  # the regulator's workbench
            await self.explore("Meja Kerja")


# Buttons that ask before acting (or refuse and say why): pressed, read, cancelled.  Not pressed:
# F8 Ajukan, the saves of typed values, exports and "open the link" (they act or leave the app).
SCREEN_QUESTIONS = ("#ubah", "#hapus", "#minta-revisi", "#mon-capaian")
ROW_QUESTIONS = ("#setujui", "#kembalikan", "#nilai", "#finalkan", "#putuskan")
DOKUMEN_QUESTIONS = ("#terbitkan", "#keberatan")


async def become_anyone(pilot, key: str) -> None:
    """Back to the persona list with Esc, then choose the persona (choosing by keys is tested in
    tests/test_tui_practice.py; here the walk is long enough)."""
    while not isinstance(pilot.app.screen, PersonaScreen):
        await pilot.press("escape")
        await pilot.pause()
    await pilot.app.screen.choose(key)
    await pilot.pause()


MENU_KEYS = ("f2", "f3", "f4", "f5", "f7", "f8", "f9", "k", "p", "f6")
# Who walks which menus: everything for one of each kind; the others only where their own state
# shows (the same screen with another person's data has been read already).
MENUS = {"pegawai-final-tpp": ("f2", "f7"), "pegawai-dikembalikan": ("f2",), "pegawai-diajukan": ("f2",),
         "pegawai-menunggu-nilai": ("f7",), "pegawai-draf": ("f2",), "atasan-pejabat": ("k",)}
# Mistakes a first-timer makes, whose refusal is read (nothing is saved): on (persona, screen),
# type into a field and press Enter, or press a key.
MISTAKES = {
    ("pegawai-draf", "SkpScreen"): [("f8",)],  # Ajukan with an RHK still without indikator
    ("pegawai-keberatan", "EvaluasiScreen"): [("#real-nilai", "-5")],  # a negative realisasi
}


# Views that show the rule packs' own vocabulary on purpose, for the people who write and test packs:
# the technical trace a trainee opens with "Jejak teknis" (issue #17: "then the technical trace on
# request"), the rule explorer (decisions and inputs by their pack names, the engine's answer as it
# is) and the regulator's workbench (parameters by their pack names, as `rules diff` and reform files
# spell them). Everything a person meets before asking for them stays checked.
EXPERT_VIEWS = ("jejak teknis", "RuleExplorer", "WorkbenchScreen")


def report(lang: str, seen: list[tuple[str, str, str]]) -> list[str]:
    """One line per screen, pattern and offending word, with the line it was first seen in."""
    lines, done = [], set()
    for persona, where, text in seen:
        if any(view in where for view in EXPERT_VIEWS):
            continue
        screen = where.split(" — ")[0]
        for pattern, hits, line in findings_in(text, lang):
            for hit in hits:
                if (screen, pattern, hit) not in done:
                    done.add((screen, pattern, hit))
                    lines.append(f"{where} | {lang} | {persona} | {pattern}: {hit!r} | {line}")
    return sorted(lines)


async def test_no_code_on_any_screen(office, tmp_path):
    """Every persona, every screen, in Indonesian (English: tests/test_tui_no_codes_en.py, a module of
    its own so the two long walks run on two workers)."""
    await walk(office, tmp_path, "id")


async def walk(office, tmp_path, lang: str) -> None:
    """Every persona, every screen, in one app for `lang`; fails naming every code seen."""
    db = tmp_path / "kelas.db"
    shutil.copy(office, db)
    before = after_reading(db)
    app = SandboxApp(lang, db_path=str(db))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        tour = Tour(pilot)
        await pilot.pause()
        tour.persona = "-"
        await tour.look("daftar peran")
        await tour.help_once()
        for persona in PERSONAS:
            await tour.persona_tour(persona)
    assert {p for p, _, _ in tour.seen} >= set(PERSONAS)
    assert after_reading(db) == before  # reading changed nothing (every question was cancelled)
    findings = report(lang, tour.seen)
    assert not findings, f"{len(findings)} kode mentah di layar:\n" + "\n".join(findings)


def after_reading(db) -> list:
    return db_rows(db, "SELECT id, status FROM skp UNION ALL SELECT id, state FROM skp_periode ORDER BY 1")
