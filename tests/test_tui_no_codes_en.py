"""No code on any screen, in English: the walk of tests/test_tui_no_codes.py, in a module of its own
so that the two languages' long walks run on two workers."""

from __future__ import annotations

from tests.test_tui_no_codes import office, walk  # noqa: F401 - `office` is this module's fixture too


async def test_no_code_on_any_screen_in_english(office, tmp_path):  # noqa: F811
    await walk(office, tmp_path, "en")
