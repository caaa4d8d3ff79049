"""SVG snapshots of the main practice screens at 80×24 and 120×40, in Indonesian and English.

Update deliberately after a reviewed change: `python -m pytest tests/test_tui_snapshots.py
--snapshot-update`. Textual is pinned exactly in pyproject.toml so an upgrade is such a change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sandbox.tui.app import SandboxApp
from sandbox.tui.office import open_office

PEGAWAI = "199704292023112001"
KASI = "198112092000061001"
SIZES = [(80, 24), (120, 40)]
LANGS = ["id", "en"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("snap") / "demo.db"
    open_office(path).close()
    return path


def _app(demo_db: Path, tmp_path: Path, lang: str) -> SandboxApp:
    db = tmp_path / "kelas.db"
    shutil.copy(demo_db, db)
    return SandboxApp(lang, db_path=str(db))


async def _as(pilot, nip: str) -> None:
    await pilot.pause()
    await pilot.press(*nip, "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_persona_screen(snap_compare, demo_db, tmp_path, lang, size):
    assert snap_compare(_app(demo_db, tmp_path, lang), terminal_size=size, run_before=lambda p: p.pause())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_beranda_of_a_pejabat(snap_compare, demo_db, tmp_path, lang, size):
    assert snap_compare(_app(demo_db, tmp_path, lang), terminal_size=size,
                        run_before=lambda pilot: _as(pilot, KASI))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", LANGS)
def test_skp_screen_of_a_new_draft(snap_compare, demo_db, tmp_path, lang, size):
    async def draft(pilot):
        await _as(pilot, PEGAWAI)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("enter")  # Buat SKP 2026 has the focus
        await pilot.pause()

    assert snap_compare(_app(demo_db, tmp_path, lang), terminal_size=size, run_before=draft)
