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


def test_no_message_key_is_written_twice():
    """The catalog is built by several `MESSAGES.update(...)` blocks; a key written in two of them
    silently replaces the first (it happened: a workbench message overwrote a checker message)."""
    import ast

    seen: dict[str, str] = {}
    repeated = []
    for module in ("catalog", "guidance"):
        path = ROOT / "sandbox" / "i18n" / f"{module}.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Dict):
                continue
            for key in node.keys:
                if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                    continue
                if not key.value.split(".")[0].isidentifier() or key.value in ("id", "en"):
                    continue
                where = f"{module}.py:{key.lineno}"
                if key.value in seen:
                    repeated.append(f"{key.value} ({seen[key.value]} and {where})")
                seen[key.value] = where
    assert len(seen) > 500  # the walk found the catalog
    assert repeated == []
