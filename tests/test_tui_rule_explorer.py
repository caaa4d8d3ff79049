"""The rule explorer, driven by keys and clicks through Textual's Pilot on the real engine."""

from __future__ import annotations

from textual.widgets import Input, ListView, Select, Static

from sandbox.tui.app import SandboxApp


def _result_text(app) -> str:
    return str(app.screen.query_one("#result", Static).render())


async def test_newcomer_reads_a_predikat_and_why() -> None:
    app = SandboxApp("id", start="rules")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        decisions = app.screen.query_one("#decision-list", ListView)
        labels = [(item.pack.id, item.decision) for item in decisions.children]
        assert ("permenpanrb-6-2022", "predikat") in labels
        index = labels.index(("permenpanrb-6-2022", "predikat"))
        decisions.index = index
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one("#in-rating_perilaku", Select).value = "di_bawah"
        await pilot.pause()
        text = _result_text(app)
        assert "Kurang/Misconduct" in text
        assert "hk_di_atas_pk_di_bawah" in text
        assert "PermenPANRB 6/2022" in text


async def test_bad_number_is_explained_not_raised() -> None:
    app = SandboxApp("id", start="rules")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        decisions = app.screen.query_one("#decision-list", ListView)
        labels = [(item.pack.id, item.decision) for item in decisions.children]
        decisions.index = labels.index(("pp-30-2019", "nilai_kinerja"))
        await pilot.press("enter")
        await pilot.pause()
        box = app.screen.query_one("#in-nilai_skp", Input)
        await pilot.click("#in-nilai_skp")
        box.value = "121"
        await pilot.pause()
        assert "terlalu besar" in _result_text(app)
        box.value = "100"
        app.screen.query_one("#in-nilai_perilaku", Input).value = "80"
        await pilot.pause()
        text = _result_text(app)
        assert "nilai_kinerja = 94" in text and "baik (Baik)" in text


async def test_walking_fast_down_the_list_never_breaks_the_form() -> None:
    """Found in a real terminal: holding the arrow key mounted two forms with the same ids."""
    app = SandboxApp("id", start="rules")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(12):
            await pilot.press("down")
        for _ in range(5):
            await pilot.press("up")
        await pilot.pause()
        screen = app.screen
        current = screen.query_one("#decision-list", ListView).highlighted_child
        assert screen.current is current
        expected = set(current.pack.decisions[current.decision].inputs)
        shown = {w.id.removeprefix("in-") for w in screen.query("#inputs > Select, #inputs > Input")}
        assert shown == expected
        assert f"keputusan {current.decision}" in _result_text(app)


async def test_keyboard_only_tab_from_list_to_fields_and_type() -> None:
    """Tab leads from the list to the first field; typing replaces the prefilled value."""
    app = SandboxApp("id", start="rules")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        decisions = app.screen.query_one("#decision-list", ListView)
        labels = [(item.pack.id, item.decision) for item in decisions.children]
        for _ in range(labels.index(("pp-30-2019", "nilai_kinerja"))):
            await pilot.press("down")
        await pilot.press("tab", *"89.99", "tab", *"89.99")
        await pilot.pause()
        text = _result_text(app)
        assert "nilai_kinerja = 89.99" in text and "cukup (Cukup)" in text
        await pilot.press("tab", "tab", "enter", "down", "enter")  # inovasi: tidak → ya
        await pilot.pause()
        assert app.screen.query_one("#in-inovasi", Select).value == "true"
        assert "cukup (Cukup)" in _result_text(app)  # inovasi alone does not lift 89.99
