"""Ask for a note (e.g. why an SKP is returned); Esc cancels, Enter sends.

With `wajib` (the message to show), an empty note is refused inside the dialog: the message appears
under the field and as a notification, and the dialog stays open with the focus in the field, so a
note that is required is never sent empty and nothing closes without a word (issue #17). With
`check`, any other refusal of the answer (a date the clock refuses) keeps it open the same way."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from sandbox.i18n import message
from sandbox.tui import messages_usertext  # noqa: F401 - the confirmations' messages


class CatatanDialog(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Batal", id="dialog.cancel")]

    def __init__(self, prompt: str, lang: str = "id", wajib: str | None = None,
                 check: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.prompt = prompt
        self.lang = lang
        self.wajib = wajib
        self.check = check  # the answer's refusal (a message) or None: refused answers keep it open

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.prompt, classes="title", markup=False)
            yield Input(placeholder=message("tui.catatan.placeholder", self.lang), id="catatan")
            yield Static("", markup=False, id="catatan-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(message("tui.kirim", self.lang), id="kirim", variant="primary")
                yield Button(message("tui.batal", self.lang), id="batal")

    def on_mount(self) -> None:
        self.query_one("#catatan", Input).focus()

    @on(Button.Pressed, "#kirim")
    @on(Input.Submitted, "#catatan")
    def _send(self) -> None:
        field = self.query_one("#catatan", Input)
        refusal = self.wajib if self.wajib and not field.value.strip() else None
        if refusal is None and self.check is not None:
            refusal = self.check(field.value)
        if refusal:
            self.query_one("#catatan-error", Static).update(refusal)
            self.notify(refusal, severity="warning", timeout=10, markup=False)
            field.focus()
            return
        self.dismiss(field.value)

    @on(Button.Pressed, "#batal")
    def action_cancel(self) -> None:
        self.dismiss(None)
