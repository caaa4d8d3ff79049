"""Ask for a note (e.g. why an SKP is returned); Esc cancels, Enter sends."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from sandbox.i18n import message


class CatatanDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Batal", id="dialog.cancel")]

    def __init__(self, prompt: str, lang: str = "id") -> None:
        super().__init__()
        self.prompt = prompt
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.prompt, classes="title", markup=False)
            yield Input(placeholder=message("tui.catatan.placeholder", self.lang), id="catatan")
            with Horizontal(classes="buttons"):
                yield Button(message("tui.kirim", self.lang), id="kirim", variant="primary")
                yield Button(message("tui.batal", self.lang), id="batal")

    def on_mount(self) -> None:
        self.query_one("#catatan", Input).focus()

    @on(Button.Pressed, "#kirim")
    @on(Input.Submitted, "#catatan")
    def _send(self) -> None:
        self.dismiss(self.query_one("#catatan", Input).value)

    @on(Button.Pressed, "#batal")
    def action_cancel(self) -> None:
        self.dismiss(None)
