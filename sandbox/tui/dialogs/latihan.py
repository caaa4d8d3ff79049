"""The trainee's scenario panel: the situation, each task with its automatic check, graded hints,
and the debrief. Checking is read-only; a hint taken is recorded (it changes the outcome to
"with hints"); when every task passes the attempt is finished and the debrief shown."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Markdown

from sandbox.i18n import message
from sandbox.training.attempt import finish, progress, take_hint
from sandbox.usertext import literal_params


def verdict_text(verdict, lang: str) -> str:
    """A check's verdict for the Markdown panel: its parameters carry what the trainee typed (an
    RHK's text), escaped so they read as typed; the scenario's own texts stay Markdown."""
    return message(verdict.code, lang, **literal_params(verdict.params))


class LatihanDialog(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,f12", "tutup", "Tutup", id="dialog.tutup"),
        Binding("f5", "periksa", "Periksa", id="latihan.periksa"),
        Binding("f6", "petunjuk", "Petunjuk", id="latihan.petunjuk"),
    ]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.hint: str = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="bantuan"):
            with VerticalScroll():
                yield Markdown("", id="latihan-teks")
            with Horizontal(id="latihan-tombol"):
                yield Button(message("tui.latihan.periksa", self.lang), id="periksa", variant="primary")
                yield Button(message("tui.latihan.petunjuk", self.lang), id="petunjuk")
                yield Button(message("tui.tutup", self.lang), id="tutup")

    def on_mount(self) -> None:
        self.refresh_text()
        self.query_one("#periksa", Button).focus()

    def refresh_text(self, finished=None) -> None:
        session = self.app.session
        scenario, lang = session.scenario, self.lang
        state = finished or progress(session.store, session.attempt_id, scenario, session.workdir)
        parts = [f"## {scenario.id} — {scenario.judul.get(lang)}", scenario.ringkasan.get(lang), ""]
        for task, result in zip(scenario.tugas, state.tasks, strict=True):
            mark = "✅" if result.ok else "⬜"
            parts.append(f"{mark} **{task.judul.get(lang)}**")
            failure = result.first_failure()
            if failure is not None:
                parts.append(f"   {verdict_text(failure, lang)}")
        parts.append("")
        parts.append(
            message(
                "tui.latihan.hitung",
                lang,
                petunjuk=state.hints,
                galat=state.errors,
                bantuan=state.help_opened,
                hasil=message(f"hasil.{state.outcome}", lang),
            )
        )
        if self.hint:
            parts += ["", f"💡 {self.hint}"]
        if state.done:
            parts += ["", f"### {message('tui.latihan.pembahasan', lang)}", scenario.pembahasan.get(lang)]
        elif finished is not None:
            for task, result in zip(scenario.tugas, state.tasks, strict=True):
                if not result.ok:
                    parts += ["", f"### {task.judul.get(lang)}", task.pembahasan.get(lang)]
        self.query_one("#latihan-teks", Markdown).update("\n\n".join(p for p in parts if p is not None))

    @on(Button.Pressed, "#periksa")
    def action_periksa(self) -> None:
        session = self.app.session
        state = progress(session.store, session.attempt_id, session.scenario, session.workdir)
        if state.done:
            finish(session.store, session.attempt_id, session.scenario, session.actor, session.workdir)
        self.refresh_text(finished=state if state.done else None)
        self.notify(
            message("tui.latihan.selesai" if state.done else "tui.latihan.belum", self.lang),
            severity="information" if state.done else "warning",
            markup=False,
        )

    @on(Button.Pressed, "#petunjuk")
    def action_petunjuk(self) -> None:
        session = self.app.session
        state = progress(session.store, session.attempt_id, session.scenario, session.workdir)
        open_task = next((r.task_id for r in state.tasks if not r.ok), None)
        if open_task is None:
            self.hint = message("tui.latihan.tanpa_petunjuk", self.lang)
        else:
            hint = take_hint(session.store, session.attempt_id, session.scenario, open_task, session.actor)
            self.hint = hint.get(self.lang) if hint else message("tui.latihan.petunjuk_habis", self.lang)
        self.refresh_text()

    @on(Button.Pressed, "#tutup")
    def action_tutup(self) -> None:
        self.dismiss(None)
