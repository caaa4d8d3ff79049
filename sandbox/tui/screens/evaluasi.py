"""Evaluasi (pegawai): per assessment period, rencana aksi, realisasi and bukti dukung; the
pejabat penilai's feedback; and the Hasil with its "Mengapa?" built from the stored engine trace."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Select, Static

from sandbox.errors import SandboxError
from sandbox.formatting import angka, long_date, state_word
from sandbox.i18n import message
from sandbox.i18n.catalog import MESSAGES
from sandbox.rules.mengapa import jejak_teknis, mengapa, stored_result
from sandbox.tui.forms import selected_int, short
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.tui.session import YEAR
from sandbox.tui.widgets import TextSelect
from sandbox.workflow import isi_realisasi, tambah_bukti, tambah_rencana_aksi
from sandbox.workflow.actions import period_opened
from sandbox.workflow.penilaian import entries_open, is_late
from sandbox.workflow.views import current_skp, period_entries, periods_of, skp_detail


def hasil_text(store, skp_periode_id: int, lang: str, reader: str | None = None) -> str:
    """The predikat and why, in plain words (shared by both roles): the sentence and what decided
    it; the technical trace is `jejak_teknis`, shown only on request."""
    return mengapa(store, skp_periode_id, lang, reader=reader)


def entries_text(data: dict, lang: str) -> str:
    """A period's entries as lines: rencana aksi, each indikator (✓ when it has realisasi and a
    working link), then the feedback given. Numbers with a comma decimal, never `1e+11`."""
    lines = [message("tui.eval.ra_ada", lang, jumlah=len(data["rencana_aksi"]))]
    for ra in data["rencana_aksi"]:
        lines.append(f"  • {ra['deskripsi']}")
    for ind in data["indikator"]:
        real = ind["realisasi"]
        if real is None:
            value = "-"
        else:
            value = angka(real["nilai"]) if real["nilai"] is not None else real["uraian"]
        links = len([b for b in ind["bukti"] if b["link_status"] == "OK"])
        lines.append(
            message(
                "tui.eval.ind_baris",
                lang,
                tanda="✓" if real is not None and links else "✗",
                teks=ind["teks"],
                realisasi=value,
                target=angka(ind["target_nilai"]),
                bukti=links,
            )
        )
    for fb in data["umpan_balik"]:
        key = f"mengapa.sasaran.{fb['target_type']}"
        sasaran = message(key, lang) if key in MESSAGES else fb["target_type"]
        lines.append(message("mengapa.eval.umpan_balik", lang, sasaran=sasaran, teks="; ".join(fb["teks"])))
    return "\n".join(lines)


class EvaluasiScreen(MenuScreen):
    HELP_TOPIC = "evaluasi"
    BINDINGS = [Binding("f8", "dokumen", "Dokumen", id="evaluasi.dokumen")]

    def __init__(self) -> None:
        super().__init__()
        self.period_id: int | None = None
        self.show_trace = False  # the technical trace is for whoever asks, not the first read

    def compose(self) -> ComposeResult:
        m = self._m
        yield Header()
        with VerticalScroll(id="evaluasi"):
            yield Label(m("tui.eval.periode"), classes="field-label", markup=False)
            yield TextSelect([], prompt=m("tui.eval.pilih_periode"), id="periode")
            yield Static("", markup=False, id="periode-info")
            yield Static("", markup=False, id="isian")
            with Vertical(id="bagian-ra", classes="section"):
                yield Label(m("tui.eval.ra_judul"), classes="title", markup=False)
                yield TextSelect([], prompt=m("tui.eval.pilih_rhk"), id="ra-rhk")
                yield Input(placeholder=m("tui.eval.ra_contoh"), id="ra-teks")
                yield Button(m("tui.eval.tambah_ra"), id="tambah-ra")
                yield Static("", markup=False, id="ra-error", classes="error")
            with Vertical(id="bagian-real", classes="section"):
                yield Label(m("tui.eval.real_judul"), classes="title", markup=False)
                yield TextSelect([], prompt=m("tui.eval.pilih_ind"), id="ind")
                with Horizontal(classes="pair"):
                    yield Input(placeholder=m("tui.eval.real_nilai"), id="real-nilai")
                    yield Button(m("tui.eval.simpan_real"), id="simpan-real")
                yield Input(placeholder=m("tui.eval.bukti_nama"), id="bukti-nama")
                yield Input(placeholder="https://…", id="bukti-url")
                yield Button(m("tui.eval.tambah_bukti"), id="tambah-bukti")
                yield Static("", markup=False, id="real-error", classes="error")
            yield Label(m("tui.eval.hasil_judul"), classes="title", markup=False)
            yield Static("", markup=False, id="hasil")
            yield Button(m("mengapa.jejak_tampil"), id="jejak")
            yield Static("", markup=False, id="jejak-teknis")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.eval.subtitle")

    def on_screen_resume(self) -> None:
        """Period states change while away (the clock, the rater): list them afresh each visit."""
        session = self.app.session
        skp = current_skp(session.store, session.actor, YEAR)
        periods = periods_of(session.store, skp["id"], reader=session.actor) if skp else []
        today = session.virtual_today()
        options = [(self._period_label(p, today), p["id"]) for p in periods]
        select = self.query_one("#periode", Select)
        select.set_options(options)
        opened = [p for p in periods if period_opened(p["state"])]
        if self.period_id in {p["id"] for p in periods}:
            select.value = self.period_id
        elif opened:
            select.value = opened[0]["id"]
        self.refresh_view()
        select.focus()

    def _period_label(self, period: dict, today: str) -> str:
        """Name and state; a late mark when the entry deadline passed with the entries unfinished."""
        lang = self.app.session.lang
        label = f"{period['nama']} · {state_word(period['state'], lang)}"
        if is_late(period, today):
            batas = long_date(period["batas_pengisian"], lang)
            label += " · " + self._m("mengapa.eval.terlambat", batas=batas)
        return label

    def _relabel_period(self, period: dict) -> None:
        """The chosen period's label says its state now (an entry just moved it), the choice kept."""
        select = self.query_one("#periode", Select)
        label = self._period_label(period, self.app.session.virtual_today())
        current = [(str(prompt), value) for prompt, value in select._options if value is not Select.BLANK]
        wanted = [(label if value == period["id"] else prompt, value) for prompt, value in current]
        if wanted != current:
            select.set_options(wanted)
            select.value = period["id"]

    @on(Select.Changed, "#periode")
    def _period_changed(self, event: Select.Changed) -> None:
        self.period_id = event.value if isinstance(event.value, int) else None
        self.refresh_view()

    def refresh_view(self) -> None:
        session = self.app.session
        parts = ("#bagian-ra", "#bagian-real")
        if self.period_id is None:
            for part in parts:
                self.query_one(part).display = False
            self.query_one("#periode-info", Static).update(self._m("tui.eval.tanpa_periode"))
            self._show_hasil()
            return
        data = period_entries(session.store, self.period_id, reader=session.actor)
        period = data["period"]
        open_now = entries_open(period, session.virtual_today())
        for part in parts:
            self.query_one(part).display = open_now
        self.query_one("#periode-info", Static).update(
            self._m(
                "mengapa.eval.info",
                periode=period["nama"],
                state=state_word(period["state"], session.lang),
                batas=long_date(period["batas_pengisian"], session.lang),
            )
        )
        self.query_one("#isian", Static).update(entries_text(data, session.lang))
        self._relabel_period(period)
        detail = skp_detail(session.store, period["skp_id"], reader=session.actor)
        self._keep_options("#ra-rhk", [(short(r["teks"]), r["id"]) for r in detail["rhk"]])
        self._keep_options("#ind", [(short(i["teks"]), i["id"]) for i in data["indikator"]])
        self._show_hasil()

    def _show_hasil(self) -> None:
        """The plain "Mengapa?"; the technical trace (and its button) only for a rated period, the
        trace itself only after the button."""
        session = self.app.session
        rated = self.period_id is not None and bool(stored_result(session.store, self.period_id))
        plain = hasil_text(session.store, self.period_id, session.lang, reader=session.actor) if rated else ""
        self.query_one("#hasil", Static).update(plain or self._m("mengapa.belum"))
        button = self.query_one("#jejak", Button)
        button.display = rated
        button.label = self._m("mengapa.jejak_sembunyi" if self.show_trace else "mengapa.jejak_tampil")
        trace = self.query_one("#jejak-teknis", Static)
        trace.display = rated and self.show_trace
        trace.update(jejak_teknis(session.store, self.period_id, session.lang) if trace.display else "")

    @on(Button.Pressed, "#jejak")
    def _toggle_trace(self) -> None:
        self.show_trace = not self.show_trace
        self._show_hasil()
        if self.show_trace:
            self.query_one("#jejak-teknis").scroll_visible(animate=False)

    def _keep_options(self, selector: str, options: list) -> None:
        select = self.query_one(selector, Select)
        keep = None if select.is_blank() else select.value
        select.set_options(options)
        if options:
            select.value = keep if keep in {v for _, v in options} else options[0][1]

    def _run(self, error_target: str, command, *args, clear: tuple[str, ...] = (), done: str = "",
             **kwargs) -> bool:
        """Run one entry command; a refusal beside the form and as a notification, a success said as
        a notification (`done`), since the saved line may be below the fold at 80×24."""
        session = self.app.session
        try:
            command(session.store, session.actor, self.period_id, *args, **kwargs)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            text = refused.render(session.lang)
            self.query_one(error_target, Static).update(text)
            self.notify(text, severity="warning", timeout=10, markup=False)  # seen without scrolling
            return False
        self.query_one(error_target, Static).update("")
        for field in clear:
            self.query_one(field, Input).value = ""
        self.refresh_view()
        if done:
            self.notify(done, timeout=6, markup=False)
        return True

    def _selected(self, selector: str) -> int | None:
        select = self.query_one(selector, Select)
        return selected_int(select)

    @on(Button.Pressed, "#tambah-ra")
    @on(Input.Submitted, "#ra-teks")
    def _tambah_ra(self) -> None:
        rhk = self._selected("#ra-rhk")
        if rhk is not None:
            self._run(
                "#ra-error",
                tambah_rencana_aksi,
                rhk,
                self.query_one("#ra-teks", Input).value,
                clear=("#ra-teks",),
                done=self._m("tui.eval.ra_ok"),
            )

    @on(Button.Pressed, "#simpan-real")
    @on(Input.Submitted, "#real-nilai")
    def _simpan_real(self) -> None:
        ind = self._selected("#ind")
        raw = self.query_one("#real-nilai", Input).value.strip().replace(",", ".")
        if ind is None:
            return
        try:
            value = float(raw) if raw else None
        except ValueError:
            self._run("#real-error", isi_realisasi, ind, nilai=None, uraian=raw)
            return
        self._run("#real-error", isi_realisasi, ind, nilai=value, clear=("#real-nilai",),
                  done=self._m("tui.eval.real_ok", nilai=angka(value)))

    @on(Button.Pressed, "#tambah-bukti")
    def _tambah_bukti(self) -> None:
        ind = self._selected("#ind")
        if ind is not None:
            self._run(
                "#real-error",
                tambah_bukti,
                ind,
                self.query_one("#bukti-nama", Input).value,
                self.query_one("#bukti-url", Input).value,
                clear=("#bukti-nama", "#bukti-url"),
                done=self._m("tui.eval.bukti_ok", nama=self.query_one("#bukti-nama", Input).value.strip()),
            )

    def action_dokumen(self) -> None:
        """The period's Dokumen Evaluasi: preview, issue, export, keberatan, TPP."""
        if self.period_id is None:
            self.notify(self._m("tui.dok.pilih_periode"), severity="warning", markup=False)
            return
        from sandbox.tui.screens.dokumen import DokumenScreen

        self.app.push_screen(DokumenScreen(self.period_id))
