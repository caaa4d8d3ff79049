"""The Capaian Organisasi screen is reached from the Beranda by the people the workflow names
(leaders, the trainer as kepala daerah, the operator who is told who sets each unit) and by no one
else; its footer key is in the user's language."""

from __future__ import annotations

import shutil

import pytest

from sandbox.tui.app import SandboxApp
from sandbox.tui.screens.beranda import BerandaScreen
from sandbox.tui.screens.capaian import CapaianScreen
from tests.test_tui_practice import KASI, PEGAWAI, become


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    from sandbox.tui.office import open_office

    path = tmp_path_factory.mktemp("capaian-menu") / "kantor.db"
    open_office(str(path)).close()
    return path


@pytest.mark.parametrize(("who", "allowed"), [(KASI, True), ("Pelatih", True), ("Pengelola Kinerja", True),
                                              (PEGAWAI, False)])
async def test_capaian_opens_from_the_beranda_for_those_the_workflow_names(office, tmp_path, who, allowed):
    db = tmp_path / "kantor.db"
    shutil.copy(office, db)
    app = SandboxApp("id", db_path=str(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await become(pilot, who)
        assert isinstance(app.screen, BerandaScreen)
        assert app.screen.query_one("#ke-capaian").display is allowed
        footer = [b.binding.description for b in app.screen.active_bindings.values()
                  if b.binding.action == "capaian"]
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CapaianScreen) is allowed
        if allowed:
            assert footer == ["Capaian organisasi"]
