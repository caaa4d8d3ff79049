"""Ask before something that cannot be undone (releasing a seat): the question names what it acts
on, as typed (a trainee's name is shown literally, never as markup), and the safe answer, Batal,
has the focus, so an Enter pressed by habit changes nothing. Esc cancels too."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from sandbox.i18n import message
from sandbox.tui import messages_usertext  # noqa: F401 - the confirmations' messages
from sandbox.usertext import literal


class KonfirmasiDialog(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "batal", "Batal", id="dialog.cancel")]

    def __init__(self, question: str, confirm: str, lang: str = "id") -> None:
        super().__init__()
        self.question = question
        self.confirm = confirm
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(literal(self.question), id="konfirmasi-tanya", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(message("tui.batal", self.lang), id="batal", variant="primary")
                yield Button(literal(self.confirm), id="ya", variant="error")

    def on_mount(self) -> None:
        self.query_one("#batal", Button).focus()

    @on(Button.Pressed, "#ya")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#batal")
    def action_batal(self) -> None:
        self.dismiss(False)


def ask(screen, question: str, confirm: str, then) -> None:
    """Ask `question` over `screen`; run `then()` only when "Ya" is pressed. Batal (focused) or Esc
    changes nothing and says so."""
    lang = screen.app.session.lang

    def answered(yes: bool | None) -> None:
        if yes:
            then()
        else:
            screen.notify(message("tui.putus.tidak_diubah", lang), markup=False)

    screen.app.push_screen(KonfirmasiDialog(question, confirm, lang), answered)
