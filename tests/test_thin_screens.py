"""Screens render what the workflow answers: no SQL and no status text in `sandbox/tui` (issue #18).

A status compared in a screen is a second source of truth for who may do what: the practice app's
wrong-person defects came from there. These checks read the screens' source (the AST, so comments
and docstrings may still talk about states) and fail naming the file and line; the behaviour they
protect is checked through the real workflow below them."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from sandbox.domain.status import PeriodeState, SkpStatus
from sandbox.store import open_store
from sandbox.workflow.actions import skp_actions, waiting_for_decision

TUI = Path(__file__).resolve().parents[1] / "sandbox" / "tui"
# SQL as this code base writes it: upper case (a "Select" widget in a style sheet is not SQL)
SQL = re.compile(r"\b(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b")
STATES = {s.value for s in SkpStatus} | {s.value for s in PeriodeState}


def _strings(path: Path):
    """Every string constant of a module but its docstrings, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def _screens():
    return sorted(TUI.rglob("*.py"))


def test_the_screens_were_found():
    assert len(_screens()) > 20


def test_no_screen_writes_sql():
    found = [f"{path.relative_to(TUI.parent.parent)}:{line}: {text[:60]!r}"
             for path in _screens() for line, text in _strings(path) if SQL.search(text)]
    assert not found, "SQL belongs in the workflow's views and commands:\n" + "\n".join(found)


def test_no_screen_compares_a_status_text():
    found = [f"{path.relative_to(TUI.parent.parent)}:{line}: {text!r}"
             for path in _screens() for line, text in _strings(path) if text in STATES]
    assert not found, "ask sandbox.workflow.actions instead of comparing states:\n" + "\n".join(found)


@pytest.mark.parametrize(("status", "ubah", "koreksi", "minta_revisi", "evaluasi"), [
    (None, False, False, False, False),
    ("DRAFT", True, False, False, False),
    ("DIAJUKAN", False, False, False, False),
    ("DIKEMBALIKAN", True, True, False, False),
    ("DISETUJUI", False, False, True, True),
    ("REVISI_DIAJUKAN", False, False, False, True),
    ("REVISI_DITOLAK", False, False, False, False),
    ("DITUTUP", False, False, False, True),
])
def test_what_the_owner_may_do_follows_the_state(status, ubah, koreksi, minta_revisi, evaluasi):
    can = skp_actions(status, owner=True)
    assert (can.ubah, can.koreksi, can.minta_revisi, can.evaluasi) == (ubah, koreksi, minta_revisi, evaluasi)
    assert not (can.putuskan or can.ekspektasi)  # the pejabat's actions are never the owner's


@pytest.mark.parametrize(("status", "putuskan", "ekspektasi"), [
    ("DRAFT", False, False), ("DIAJUKAN", True, True), ("DIKEMBALIKAN", False, False),
    ("DISETUJUI", False, True), ("REVISI_DIAJUKAN", False, True), ("DITUTUP", False, False),
])
def test_what_the_pejabat_may_do_follows_the_state(status, putuskan, ekspektasi):
    can = skp_actions(status, owner=False)
    assert (can.putuskan, can.ekspektasi) == (putuskan, ekspektasi)
    assert waiting_for_decision(status) is putuskan
    assert not (can.ubah or can.koreksi or can.minta_revisi)


def test_an_unknown_status_is_an_error_not_a_hidden_button():
    with pytest.raises(ValueError):
        skp_actions("DISETUJUII", owner=True)


def test_the_status_panel_says_outage_times_in_words(tmp_path):
    """The outage list comes from the workflow's view and its times are dates in words, not ISO."""
    from sandbox.tui.dialogs.status import status_text

    store = open_store(tmp_path / "kantor.db")
    now = dt.datetime.fromisoformat(store.virtual_now())
    later = (now + dt.timedelta(hours=2)).isoformat()
    store.conn.execute("INSERT INTO gangguan (nip, jenis, mulai, selesai, porsi) VALUES (?, ?, ?, ?, ?)",
                       ["199001012015011001", "pemeliharaan", now.isoformat(), later, None])
    text = status_text(store, "199001012015011001", "id")
    assert "⛔" in text and "pukul 10.00 WIB" in text and "T10:00" not in text
    assert "WIB WIB" not in text
    english = status_text(store, "199001012015011001", "en")
    assert "10:00 WIB" in english and "Server maintenance" in english
    assert "✅" in status_text(store, "someone-else", "id")  # another person's outage is not theirs


def test_a_person_card_and_the_colleagues_come_from_the_workflow(tmp_path):
    """The Profil's who-is-who and its coaching list: the same card for a person and each colleague."""
    from sandbox.synth.ready import practice_office
    from sandbox.workflow.views import colleagues, people, person_card

    store = open_store(tmp_path / "kantor.db")
    practice_office(store)
    everyone = people(store)
    top = everyone[0]
    card = person_card(store, top["nip"])
    assert card.nama == top["nama"] and card.atasan is None and card.memimpin
    staff = next(p for p in everyone if p["depth"] == 3)
    mine = colleagues(store, staff["nip"])
    assert staff["nip"] not in {c.nip for c in mine}
    assert {c.unit for c in mine} <= {staff["unit"]}
    assert [c.nama for c in mine] == sorted(c.nama for c in mine)
    assert person_card(store, "000000000000000000") is None
