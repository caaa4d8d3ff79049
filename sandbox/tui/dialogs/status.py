"""The service status panel, like e-Kinerja's own: is the server up, until when is it down, whom to
tell. Outages come from the scenario's fault windows (`gangguan`); outside a class it says "normal".
In a class, opening it is recorded (scenario T06 checks that the trainee looked before retrying)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown

from sandbox.formatting import long_datetime
from sandbox.i18n import message
from sandbox.workflow.views import outages


def status_text(store, actor: str | None, lang: str) -> str:
    now = store.virtual_now()
    found = outages(store, actor, now)
    lines = [message("tui.status.judul", lang, jam=long_datetime(now, lang))]
    if not any(outage.mulai <= now for outage in found):
        lines.append(message("tui.status.normal", lang))
    for outage in found:
        key = "tui.status.aktif" if outage.mulai <= now else "tui.status.terjadwal"
        lines.append(
            message(
                key,
                lang,
                jenis=message(f"tui.status.jenis.{outage.jenis}", lang),
                mulai=long_datetime(outage.mulai, lang),
                selesai=long_datetime(outage.selesai, lang),
                porsi=round(100 * (outage.porsi or 1)),
            )
        )
    lines.append(message("tui.status.jalur", lang))
    return "\n\n".join(lines)


class StatusDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,f10", "tutup", "Tutup", id="dialog.tutup")]

    def __init__(self, text: str, lang: str) -> None:
        super().__init__()
        self.text, self.lang = text, lang

    def compose(self) -> ComposeResult:
        with Vertical(id="bantuan"):
            yield Markdown(self.text, id="status-teks")
            yield Button(message("tui.tutup", self.lang), id="tutup", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#tutup", Button).focus()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)
