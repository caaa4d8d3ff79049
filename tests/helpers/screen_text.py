"""What a person sees in a running app (Textual Pilot): the whole terminal as text, row by row.

`screen_text` draws the screen exactly as `App.export_screenshot` does (the compositor's full
update, with the screens a dialog leaves visible beneath it, notifications included) but records
it as plain text instead of SVG, so a test can search it. `screens_of_text` also pages through every
scrolling area, so text below the fold is read too.

It reads the same two private attributes export_screenshot reads (`Screen._compositor`,
`App._background_screens`): parsing the SVG instead would depend on how Textual splits text into
SVG spans. Textual is pinned exactly (pyproject.toml), so an upgrade that moves them is noticed.
"""

from __future__ import annotations

import io

from rich.console import Console
from textual.widget import Widget


def screen_text(app) -> str:
    """The visible terminal, one line per row (the size the app runs at, e.g. 80×24)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system=None,
                      record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def _scrollers(app) -> list[Widget]:
    """The areas of the current screen that hold more than they show (forms, tables, help text)."""
    return [w for w in app.screen.query("*") if w.display and w.is_scrollable and w.max_scroll_y > 0]


async def screens_of_text(pilot, max_pages: int = 12) -> list[str]:
    """The screen as first shown, then a page at a time down each scrolling area to its end,
    so nothing that a person could scroll to goes unread; the scroll positions are put back."""
    app = pilot.app
    seen = [screen_text(app)]
    for area in _scrollers(app):
        start = area.scroll_y
        page = max(1, area.scrollable_content_region.height - 1)
        for step in range(1, max_pages + 1):
            y = min(area.max_scroll_y, step * page)
            area.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause(0)  # a scroll only redraws: no need to wait for the app to be idle
            seen.append(screen_text(app))
            if y >= area.max_scroll_y:
                break
        area.scroll_to(y=start, animate=False, immediate=True)
    await pilot.pause(0)
    return seen
