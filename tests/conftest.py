"""Shared test setup: no test reads or writes the real user's preferences file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

# Generated bad inputs (tests/test_fuzz_*): the same examples on every run, so a CI failure is
# reproducible from its log; no example database written into the checkout; no per-example deadline
# (a 2-core CI machine under load is slow, and speed is measured by bench/, not by tests).
settings.register_profile(
    "sandbox",
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("sandbox")


@pytest.fixture(autouse=True)
def _private_prefs(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("EKINERJA_PREFS", str(tmp_path_factory.mktemp("prefs") / "prefs.json"))


# The longest modules start first: the workers take whole modules in collection order (loadscope),
# so a long one collected last would run alone at the end while the others idle. xdist's own
# reordering by test count is switched off in pyproject.toml: it put these one-test modules last.
LONG_FIRST = ("test_tui_journey_tmux.py", "test_tui_no_codes.py", "test_tui_no_codes_en.py",
              "test_kill_recovery.py", "test_tui_practice.py", "test_fuzz_rule_packs.py",
              "test_serve_hostile.py", "test_tui_snapshots.py", "test_class_access.py",
              "test_fuzz_forms.py", "test_tui_skp_koreksi.py", "test_usertext_fuzz.py",
              "test_rules_batch_differential.py", "test_tui_decisions.py", "test_fuzz_scenarios.py",
              "test_classroom_app.py", "test_tui_pejabat_words.py", "test_tui_guidance.py",
              "test_class_follow.py", "test_engine.py")  # by measured module time, longest first


def pytest_collection_modifyitems(config, items) -> None:
    rank = {name: i for i, name in enumerate(LONG_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(LONG_FIRST)))  # stable: order kept within
