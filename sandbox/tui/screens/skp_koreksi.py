"""Correcting one RHK or indikator of a draft or returned SKP: a dialog filled with what is there now.

The dialog saves through `simpan(values)`, which runs the workflow command and returns its refusal
in words (or None). A refusal is shown under the fields and as a notification, and the dialog stays
open with everything typed, so nothing closes without a word (issue #17)."""

from __future__ import annotations

import math
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from sandbox.formatting import angka
from sandbox.i18n import message
from sandbox.tui import messages_skp  # noqa: F401 - the dialog's messages
from sandbox.tui.widgets import TextSelect
from sandbox.workflow.skp import ASPEK, JENIS_RHK, PERSPEKTIF

Simpan = Callable[[dict], "str | None"]


class KoreksiDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    KoreksiDialog { align: center middle; }
    KoreksiDialog #koreksi-dialog {
        width: 76; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    KoreksiDialog Horizontal { height: auto; }
    KoreksiDialog .label { width: 12; padding-top: 1; }
    KoreksiDialog Horizontal Input, KoreksiDialog Horizontal Select { width: 1fr; }
    KoreksiDialog .buttons Button { margin-right: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Batal", id="dialog.cancel")]

    def __init__(self, title: str, lang: str, simpan: Simpan) -> None:
        super().__init__()
        self.title_text = title
        self.lang = lang
        self.simpan = simpan

    def _m(self, key: str, **params) -> str:
        return message(key, self.lang, **params)

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def values(self) -> dict | str:
        """What was typed, ready for the workflow, or a message saying what is not right."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(id="koreksi-dialog"):
            yield Label(self.title_text, classes="title", markup=False)
            yield from self.fields()
            yield Static("", markup=False, id="koreksi-dialog-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self._m("tui.skpk.simpan"), id="simpan", variant="primary")
                yield Button(self._m("tui.batal"), id="batal")

    def on_mount(self) -> None:
        self.query_one("#teks", Input).focus()

    @on(Button.Pressed, "#simpan")
    @on(Input.Submitted)
    def _save(self) -> None:
        values = self.values()
        refusal = values if isinstance(values, str) else self.simpan(values)
        if refusal:
            self.query_one("#koreksi-dialog-error", Static).update(refusal)
            self.notify(refusal, severity="warning", timeout=10, markup=False)
            return
        self.dismiss(True)

    @on(Button.Pressed, "#batal")
    def action_cancel(self) -> None:
        self.dismiss(False)


def _titled(widget: Input, title: str) -> Input:
    widget.border_title = title
    return widget


class RhkDialog(KoreksiDialog):
    """Edit an RHK's text and jenis (the atasan's RHK it intervenes stays as it is)."""

    def __init__(self, title: str, lang: str, simpan: Simpan, *, teks: str, jenis: str) -> None:
        super().__init__(title, lang, simpan)
        self.teks, self.jenis = teks, jenis

    def fields(self) -> ComposeResult:
        yield _titled(Input(self.teks, id="teks", classes="no-draft"), self._m("tui.skpk.teks_rhk"))
        with Horizontal():
            yield Label(self._m("tui.skp.jenis"), classes="label", markup=False)
            yield TextSelect([(j.title(), j) for j in JENIS_RHK], value=self.jenis, allow_blank=False,
                             id="jenis")

    def values(self) -> dict:
        return {"teks": self.query_one("#teks", Input).value,
                "jenis": str(self.query_one("#jenis", TextSelect).value)}


class IndikatorDialog(KoreksiDialog):
    """Edit an indikator: text, aspek, target and satuan (and the perspektif of a JPT)."""

    def __init__(self, title: str, lang: str, simpan: Simpan, *, indikator: dict, kuantitatif: bool,
                 jpt: bool) -> None:
        super().__init__(title, lang, simpan)
        self.ind, self.kuantitatif, self.jpt = indikator, kuantitatif, jpt

    def fields(self) -> ComposeResult:
        ind = self.ind
        target = "" if ind["target_nilai"] is None else angka(ind["target_nilai"]).replace(".", "")
        yield _titled(Input(ind["teks"], id="teks", classes="no-draft"), self._m("tui.skpk.teks_ind"))
        with Horizontal():
            yield Label(self._m("tui.skp.aspek"), classes="label", markup=False)
            yield TextSelect([(a.title(), a) for a in ASPEK], value=ind["aspek"] or "kuantitas",
                             allow_blank=False, id="aspek")
        with Horizontal():
            yield _titled(Input(target, id="target", classes="no-draft"), self._m("tui.skpk.target"))
            yield _titled(Input(ind["target_satuan"] or "", id="satuan", classes="no-draft"),
                          self._m("tui.skpk.satuan"))
        if self.jpt:
            with Horizontal():
                yield Label(self._m("tui.skp.perspektif"), classes="label", markup=False)
                yield TextSelect([(p.title(), p) for p in PERSPEKTIF],
                                 value=ind["perspektif"] or PERSPEKTIF[0], allow_blank=False, id="perspektif")

    def values(self) -> dict | str:
        raw = self.query_one("#target", Input).value.strip().replace(",", ".")
        try:
            target = float(raw) if raw else None
        except ValueError:
            target = math.nan
        if target is not None and not math.isfinite(target):
            return self._m("tui.skp.target_angka", nilai=self.query_one("#target", Input).value)
        if target is None and self.kuantitatif:
            return (f'{self._m("workflow.indikator.target_wajib")} — '
                    f'{self._m("workflow.indikator.target_wajib.fix")}')
        found = {"teks": self.query_one("#teks", Input).value,
                 "aspek": str(self.query_one("#aspek", TextSelect).value), "target_nilai": target,
                 "target_satuan": self.query_one("#satuan", Input).value}
        if self.jpt:
            found["perspektif"] = str(self.query_one("#perspektif", TextSelect).value)
        return found
