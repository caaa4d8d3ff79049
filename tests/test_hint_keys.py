"""Every key a hint names is a key of the screen it names (issue #16): T03's hint said "Evaluasi (F3)"
while F3 opens SKP Bawahan and Evaluasi is F7; T01's pointed at a "panel kanan" that does not exist.

A hint names a key with the label the screen shows for it ("Evaluasi (F7)", "F8 Cek kurva", "**Tutup
putaran** (F7)") or with the screen it is pressed on ("Esc di Beranda"). So each key mention (F1…F12,
Ctrl+X, Esc, Enter) must be bound — in the BINDINGS of some screen or dialog class of the app, or the
app's own — with a footer label (`tui.key.<binding id>` in the hint's language) that appears in the
same sentence. Enter is the widgets' own key (an Input submits, a table row opens, a button presses)
and needs no label. The texts checked: every scenario's ringkasan, hints (petunjuk) and debriefs, and
every guidance text (step list, field hints, help pages), in both languages."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from dataclasses import dataclass

import pytest
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, DataTable, Input

import sandbox.tui.dialogs
import sandbox.tui.screens
from sandbox.i18n import message
from sandbox.i18n.catalog import MESSAGES
from sandbox.i18n.guidance import GUIDANCE
from sandbox.training.scenario import load_scenario, scenario_files
from sandbox.tui.app import SandboxApp

KEY = re.compile(r"(?<![\w+])(F1[0-2]|F[1-9]|Ctrl\+[A-Z]|Esc|Enter)(?![\w+])")
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
NOWHERE = ("panel kanan", "sebelah kanan", "on the right", "right panel", "right-hand")


@dataclass(frozen=True)
class Bound:
    owner: str  # the screen, dialog or app class
    label: str  # its footer label in the hint's language


def _key_name(key: str) -> str:
    """Textual's key ("f7", "escape", "ctrl+g") as a hint writes it ("F7", "Esc", "Ctrl+G")."""
    key = key.strip()
    if key == "escape":
        return "Esc"
    if key == "enter":
        return "Enter"
    if key.startswith("ctrl+"):
        return "Ctrl+" + key[5:].upper()
    return key.upper()


def _bindings_of(cls: type) -> list[Binding]:
    found = []
    for base in reversed(cls.__mro__):
        for binding in vars(base).get("BINDINGS", []):
            found.append(binding if isinstance(binding, Binding) else Binding(*binding))
    return found


def _screen_classes() -> list[type]:
    classes = {SandboxApp}
    for package in (sandbox.tui.screens, sandbox.tui.dialogs):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes |= {c for _, c in inspect.getmembers(module, inspect.isclass)
                        if issubclass(c, Screen) and c.__module__ == module.__name__}
    classes.add(importlib.import_module("sandbox.tui.rule_explorer").RuleExplorer)
    return sorted(classes, key=lambda c: c.__name__)


def _label(binding: Binding, lang: str) -> str:
    key = f"tui.key.{binding.id}"
    return message(key, lang) if binding.id and key in MESSAGES else binding.description


def key_table(lang: str) -> dict[str, list[Bound]]:
    """Every key bound anywhere in the app, with who binds it and the label shown for it."""
    table: dict[str, list[Bound]] = {}
    for cls in _screen_classes():
        bindings = _bindings_of(cls) + (App.BINDINGS if cls is SandboxApp else [])
        for binding in bindings:
            for key in binding.key.split(","):
                table.setdefault(_key_name(key), []).append(Bound(cls.__name__, _label(binding, lang)))
    palette = _key_name(App.COMMAND_PALETTE_BINDING)
    table.setdefault(palette, []).append(Bound("SandboxApp", message("tui.key.palette", lang)))
    return table


def widget_enter() -> bool:
    """Enter is the widgets' key: an Input submits, a table row opens, a button presses."""
    return all(any("enter" in b.key.split(",") for b in _bindings_of(w)) for w in (Input, DataTable, Button))


def problems(text: str, lang: str, table: dict[str, list[Bound]]) -> list[str]:
    """Each key mention of `text` that no screen binds with a label named in the same sentence."""
    found = []
    for sentence in SENTENCE.split(text.replace("*", "")):
        said = sentence.casefold()
        for match in KEY.finditer(sentence):
            key = match.group(1)
            if key == "Enter" and widget_enter():
                continue
            bound = table.get(key, [])
            if not bound:
                found.append(f"{key} is bound on no screen: {sentence!r}")
            elif not any(b.label and b.label.casefold() in said for b in bound):
                labels = sorted({f"{b.label} ({b.owner})" for b in bound})
                found.append(f"{key} here means none of {labels}: {sentence!r}")
    return found


def hint_texts() -> list[tuple[str, str, str]]:
    """(where, language, text) for every scenario text a trainee reads and every guidance text."""
    texts = []
    for path in scenario_files():
        scenario = load_scenario(path)
        parts = [("ringkasan", scenario.ringkasan), ("pembahasan", scenario.pembahasan)]
        for task in scenario.tugas:
            parts += [(f"{task.id}.petunjuk{n}", hint) for n, hint in enumerate(task.petunjuk, start=1)]
            parts.append((f"{task.id}.pembahasan", task.pembahasan))
        for where, text in parts:
            texts += [(f"{path.name}:{where}", "id", text.id), (f"{path.name}:{where}", "en", text.en)]
    for key, (id_text, en_text) in GUIDANCE.items():
        texts += [(key, "id", id_text), (key, "en", en_text)]
    return texts


def test_the_checker_catches_the_wrong_keys_of_issue_16():
    """The old hints fail (so the test below can fail); their corrected forms pass."""
    id_keys, en_keys = key_table("id"), key_table("en")
    assert problems("Buka Evaluasi (F3), pilih Triwulan I.", "id", id_keys)
    assert problems("Open Evaluation (F3), choose Quarter I.", "en", en_keys)
    assert problems("Tekan Ctrl+Z untuk membatalkan.", "id", id_keys)
    assert not problems("Buka Evaluasi (F7), pilih Triwulan I.", "id", id_keys)
    assert not problems("Open Evaluation (F7), choose Quarter I.", "en", en_keys)
    assert not problems("Berganti peran (Esc di Beranda), lalu F8 Cek kurva.", "id", id_keys)


def test_every_key_a_hint_names_is_bound_on_the_screen_it_names():
    tables = {"id": key_table("id"), "en": key_table("en")}
    texts = hint_texts()
    mentions = sum(len(KEY.findall(text)) for _, _, text in texts)
    assert mentions > 40  # the check really reads the hints (scenarios and guidance name many keys)
    wrong = [f"{where} [{lang}]: {p}"
             for where, lang, text in texts for p in problems(text, lang, tables[lang])]
    assert wrong == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_hint_points_at_a_panel_that_does_not_exist(lang):
    said = [(where, text) for where, text_lang, text in hint_texts() if text_lang == lang]
    assert len(said) > 50
    assert [where for where, text in said if any(p in text.casefold() for p in NOWHERE)] == []
