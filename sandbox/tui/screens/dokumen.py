"""Dokumen Evaluasi (§1.4 steps 17–20): preview of the period's document, issue it, export it to a
file, file a keberatan within the window, and see what the final result is worth (TPP, angka
kredit) with the engine's "Mengapa?". Opened from Evaluasi (the pegawai) or Penilaian (the rater)."""

from __future__ import annotations

import re
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Markdown, Static

from sandbox.errors import SandboxError
from sandbox.export.dokumen import dokumen_markdown, export_dokumen
from sandbox.export.dokumen_html import export_html
from sandbox.formatting import long_date
from sandbox.rules.mengapa import hitungan
from sandbox.store import StoreError
from sandbox.tui import (
    messages_kantor,  # noqa: F401 - the export buttons' messages
    messages_pejabat,  # noqa: F401 - the objection deadline
)
from sandbox.tui.dialogs.konfirmasi import ask
from sandbox.tui.keybar import KeyBar
from sandbox.tui.screens.base import MenuScreen
from sandbox.workflow import WorkflowRefused, dokumen_evaluasi, terbitkan_dokumen, traces
from sandbox.workflow.keberatan import ajukan_keberatan, batas_keberatan
from sandbox.workflow.periode import DOKUMEN_TERBIT, FINAL, TERKUNCI
from sandbox.workflow.tunjangan import hitung_angka_kredit, hitung_tpp


def export_folder(store) -> Path:
    """Exports go beside the sandbox file, where a trainer or the user can find them."""
    return Path(store.path).resolve().parent / "dokumen-evaluasi"


class DokumenScreen(MenuScreen):
    HELP_TOPIC = "dokumen"

    def __init__(self, skp_periode_id: int) -> None:
        super().__init__()
        self.period_id = skp_periode_id

    def compose(self) -> ComposeResult:
        m = self._m
        yield Header()
        with VerticalScroll(id="dokumen-layar"):
            yield Static("", markup=False, id="dokumen-status")
            with Horizontal(classes="buttons"):
                yield Button(m("tui.dok.terbitkan"), id="terbitkan", variant="primary")
                yield Button(m("tui.ktr.dok.ekspor_html"), id="ekspor-html")
                yield Button(m("tui.ktr.dok.ekspor_md"), id="ekspor")
                yield Button(m("tui.dok.keberatan"), id="keberatan")
            yield Static("", markup=False, id="dokumen-error", classes="error")
            yield Static("", markup=False, id="dokumen-berkas")
            with Vertical(id="bagian-tpp", classes="section"):
                yield Label(m("tui.dok.tpp_judul"), classes="title", markup=False)
                with Horizontal(classes="pair"):
                    yield Input(placeholder=m("tui.dok.tpp_besaran"), id="tpp-besaran")
                    yield Input(placeholder=m("tui.dok.tpp_tk"), id="tpp-tk")
                with Horizontal(classes="buttons"):
                    yield Button(m("tui.dok.hitung_tpp"), id="hitung-tpp")
                    yield Button(m("tui.dok.hitung_ak"), id="hitung-ak")
                yield Static("", markup=False, id="tunjangan")
            yield Markdown("", id="dokumen", open_links=False)  # typed links are text, never opened
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = self._m("tui.dok.subtitle")

    def on_screen_resume(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        session = self.app.session
        try:
            doc = dokumen_evaluasi(session.store, self.period_id, reader=session.actor)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self.query_one("#dokumen-status", Static).update(refused.render(session.lang))
            for part in ("#terbitkan", "#ekspor", "#ekspor-html", "#keberatan", "#bagian-tpp"):
                self.query_one(part).display = False
            return
        self.doc = doc
        owner = doc.pegawai.get("nip") == session.actor
        self.query_one("#terbitkan").display = doc.state == TERKUNCI
        self.query_one("#ekspor").display = True
        self.query_one("#ekspor-html").display = True
        self.query_one("#keberatan").display = owner and doc.state == DOKUMEN_TERBIT
        self.query_one("#bagian-tpp").display = doc.state == FINAL
        status = self._m(f"tui.dok.state.{doc.state.lower()}")
        objecting = owner and doc.state == DOKUMEN_TERBIT
        last = batas_keberatan(session.store, self.period_id) if objecting else None
        if last:  # the owner's last day to object, as a date
            status = self._m("tui.pjb.dok.batas_keberatan", tanggal=long_date(last, session.lang))
        self.query_one("#dokumen-status", Static).update(status)
        self.query_one("#dokumen", Markdown).update(dokumen_markdown(doc, session.lang))
        self._show_tunjangan()

    def _show_tunjangan(self) -> None:
        session = self.app.session
        stored = traces(session.store, self.period_id)
        latest = {t["decision"]: t for t in stored if t["decision"] in ("tpp", "angka_kredit")}
        text = "\n\n".join(hitungan(t, session.lang) for t in latest.values())  # words, not codes
        self.query_one("#tunjangan", Static).update(text)

    def _refused(self, refused: WorkflowRefused | StoreError, where: str = "#dokumen-error") -> None:
        """A refusal: beside the buttons and as a notification (seen at 80×24 without scrolling)."""
        text = refused.render(self.app.session.lang)
        self.query_one(where, Static).update(text)
        self.notify(text, severity="warning", timeout=10, markup=False)

    def _error(self, text: str) -> None:
        self.query_one("#dokumen-error", Static).update(text)
        self.notify(text, severity="warning", timeout=10, markup=False)

    def _done(self, text: str = "") -> None:
        self.query_one("#dokumen-error", Static).update("")
        if text:
            self.notify(text, timeout=10, markup=False)
        self.refresh_view()

    @on(Button.Pressed, "#terbitkan")
    def _terbitkan(self) -> None:
        """Ask first, naming whose document and which period, read from the workflow now."""
        session = self.app.session
        period_id = self.period_id
        try:
            doc = dokumen_evaluasi(session.store, period_id, reader=session.actor)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self._refused(refused)
            return

        def issue() -> None:
            try:
                terbitkan_dokumen(session.store, session.actor, period_id)
            except SandboxError as refused:  # StoreError: an outage, a busy file
                self._refused(refused)
                return
            self._done(self._m("tui.dok.terbit_ok"))

        question = self._m("tui.putus.terbitkan_tanya", nama=doc.pegawai.get("nama") or "-",
                           periode=doc.periode)
        ask(self, question, self._m("tui.putus.terbitkan_ya"), issue)

    @on(Button.Pressed, "#ekspor")
    @on(Button.Pressed, "#ekspor-html")
    def _ekspor(self, event: Button.Pressed) -> None:
        """Save the document beside the sandbox file: Markdown, or HTML shaped like the official
        form for printing; the path is said beside the buttons and as a notification."""
        session = self.app.session
        folder = export_folder(session.store)
        try:
            if event.button.id == "ekspor-html":
                path = export_html(self.doc, folder, session.lang, tanggal=session.virtual_today())
                said = self._m("tui.ktr.dok.html_ok", path=path)
            else:
                path = export_dokumen(self.doc, folder, session.lang)
                said = self._m("tui.ktr.dok.md_ok", path=path)
        except OSError as error:
            self._error(self._m("tui.dok.ekspor_gagal", folder=folder, detail=error.strerror or error))
            return
        self.query_one("#dokumen-error", Static).update("")
        self.query_one("#dokumen-berkas", Static).update(said)
        self.notify(said, timeout=15, markup=False)

    @on(Button.Pressed, "#keberatan")
    def _keberatan(self) -> None:
        from sandbox.tui.dialogs.catatan import CatatanDialog

        session = self.app.session

        def send(alasan: str | None) -> None:
            if alasan is None:
                return
            try:
                ajukan_keberatan(session.store, session.actor, self.period_id, alasan)
            except SandboxError as refused:  # StoreError: an outage, a busy file
                self._refused(refused)
                return
            self._done(self._m("tui.dok.keberatan_ok"))

        self.app.push_screen(CatatanDialog(self._m("tui.dok.keberatan_tanya"), session.lang,
                                           wajib=self._m("tui.catatan.keberatan_wajib")), send)

    def _number(self, selector: str, default: float | None) -> float | None:
        """Rupiah as people type it: 5.000.000 and 5.000.000,50 (Indonesian) or 5000000.50."""
        raw = self.query_one(selector, Input).value.strip().replace(" ", "")
        if not raw:
            return default
        if "," in raw:
            raw = raw.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"\d{1,3}(\.\d{3})+", raw):
            raw = raw.replace(".", "")
        return float(raw)

    @on(Button.Pressed, "#hitung-tpp")
    @on(Input.Submitted, "#tpp-besaran")
    @on(Input.Submitted, "#tpp-tk")
    def _hitung_tpp(self) -> None:
        session = self.app.session
        try:
            besaran = self._number("#tpp-besaran", None)
            tk = self._number("#tpp-tk", 0)
        except ValueError:
            self._error(self._m("tui.dok.angka_salah"))
            return
        if besaran is None:
            self._error(self._m("tui.dok.besaran_wajib"))
            return
        try:
            hitung_tpp(session.store, session.actor, self.period_id, besaran,
                       kehadiran={"hari_tanpa_keterangan": int(tk)})
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self._refused(refused)
            return
        self._done()

    @on(Button.Pressed, "#hitung-ak")
    def _hitung_ak(self) -> None:
        session = self.app.session
        try:
            hitung_angka_kredit(session.store, session.actor, self.period_id)
        except SandboxError as refused:  # StoreError: an outage, a busy file
            self._refused(refused)
            return
        self._done()
