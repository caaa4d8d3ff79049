"""F1 help: the answers a first-timer needs on this screen (the FAQ topics of WORKFLOW.md §4).

Esc or F1 closes it; the text is Markdown from the catalog (`tui.help.<topic>`), scrollable.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown

from sandbox.i18n import message


class BantuanDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f1", "tutup", "Tutup", id="dialog.tutup"),
    ]

    def __init__(self, topic: str, lang: str = "id") -> None:
        super().__init__()
        self.topic = topic
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="bantuan"):
            with VerticalScroll():
                yield Markdown(message(f"tui.help.{self.topic}", self.lang), id="bantuan-teks")
            yield Button(message("tui.tutup", self.lang), id="tutup", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#tutup", Button).focus()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)
