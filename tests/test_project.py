"""The project's own contract: README quick start, CI and lint agree, so a newcomer's run is CI's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## ", 2)[1]  # the first section after the title: the quick start
    block = re.search(r"```(?:bash|sh)?\n(.*?)```", section, re.S)
    assert block, "README must open with a code block of the quick start"
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def test_readme_quick_start_is_exactly_two_commands() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2, commands
    assert "ekinerja" in commands[0] and "pip install" in commands[0]
    assert "pytest" in commands[1] and "pip install" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    test_command = _quick_start_commands()[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    # CI may quieten pip (-q) but must otherwise run the same line.
    assert test_command.replace("pip install -e", "pip install -q -e") in ci


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
