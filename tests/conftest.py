"""Shared test setup: no test reads or writes the real user's preferences file."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_prefs(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("EKINERJA_PREFS", str(tmp_path_factory.mktemp("prefs") / "prefs.json"))
