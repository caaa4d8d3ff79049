"""Reliability family "markup and formula names" (issue #16): trainees' names that are markup,
Markdown, HTML, spreadsheet formulas, bidi overrides or zero-width tricks, typed at the seats of a
real class file, then shown on the trainer's real console (Textual, headless) and written to the
class export.

A name is *handled* when either it is refused where it is typed, in words (bidi and zero-width), or
it is stored, shown on the board exactly as typed with nothing made clickable, the console still
running with the round open, no file written by a hidden action, and every CSV cell of it unable to
run as a formula. Prints the count; asserts nothing (tests/test_usertext_fuzz.py asserts).

    .venv/bin/python bench/attacks_names.py [--mixes 40]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from test_usertext_fuzz import (  # noqa: E402  (the corpus the fuzz test uses)
    INVISIBLE,
    PAYLOADS,
    actions_outside_keybar,
    mixes,
    screen_text,
)

from sandbox.store import open_store  # noqa: E402
from sandbox.training.classroom import ClassError, create_class, name_seat, open_attempts, start_round  # noqa: E402
from sandbox.training.scenario import load_scenario  # noqa: E402
from sandbox.usertext import single_line  # noqa: E402

# What Excel, LibreOffice and Google Sheets read as the start of a formula or a command.
RUNS_AS_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _stage(path: Path, names: list[str]) -> tuple[dict[int, str], int]:
    """A class with one seat per name, each in a round; returns {seat: stored name} and refusals."""
    stored: dict[int, str] = {}
    refused = 0
    with open_store(path) as store:
        info = create_class(store, "Kelas [b]serangan[/b]", len(names))
        start_round(store, info.id, load_scenario("T01"))
        for seat, name in enumerate(names, start=1):
            try:
                name_seat(store, info.id, seat, name)
            except ClassError as error:
                if error.render("id") and error.render("en"):  # a sentence in both languages
                    refused += 1
                continue
            stored[seat] = name
    return stored, refused


async def _console(path: Path, stored: dict[int, str], workdir: Path) -> set[int]:
    """The seats whose name the console showed as typed, with the console intact afterwards."""
    from sandbox.tui.app import SandboxApp
    from sandbox.tui.screens.kelas import ClassConsoleScreen

    app = SandboxApp("id", str(path), start="kelas")
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        if not isinstance(app.screen, ClassConsoleScreen):
            return set()
        text = screen_text(app)
        shown = {seat for seat, name in stored.items() if single_line(name) in text}
        intact = (app.is_running and isinstance(app.screen, ClassConsoleScreen)
                  and not actions_outside_keybar(app) and open_attempts(app.session.store, 1)
                  and not list(workdir.iterdir()))
        return shown if intact else set()


def _export_safe(path: Path, stored: dict[int, str], out: Path) -> set[int]:
    """The seats whose CSV cells cannot run as a formula in a spreadsheet."""
    from sandbox.training.summary import export

    with open_store(path) as store:
        paths = export(store, 1, out, "id")
    table = next(p for p in paths if p.suffix == ".csv")
    with open(table, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    risky = [cell for cell in cells if cell.lstrip(" ").startswith(RUNS_AS_FORMULA)
             and not cell.lstrip(" ").lstrip("+-").replace(",", "").replace(".", "").isdigit()]
    return set() if risky else set(stored)


def run(folder: Path, n_mixes: int = 40) -> tuple[int, int]:
    """(handled, tried) over the fixed corpus and `n_mixes` seeded mixes."""
    names = PAYLOADS + INVISIBLE + mixes(n_mixes, seed=16)
    path = folder / "kelas.db"
    stored, refused = _stage(path, names)
    workdir = folder / "kosong"
    workdir.mkdir()
    here = os.getcwd()
    os.chdir(workdir)  # a hidden `screenshot` action would write here
    try:
        shown = asyncio.run(_console(path, stored, workdir))
    finally:
        os.chdir(here)
    safe = _export_safe(path, stored, folder / "hasil")
    return refused + len(shown & safe), len(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mixes", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        handled, tried = run(Path(folder), args.mixes)
    print(f"markup and formula names: {handled} of {tried} handled")


if __name__ == "__main__":
    main()
