"""Where packs live: find a pack by id or path, and list the packs of a rules folder."""

from __future__ import annotations

import os
from pathlib import Path

import yaml


def default_rules_dir() -> Path:
    """EKINERJA_RULES, else ./rules when run from a checkout, else the repository's rules/."""
    configured = os.environ.get("EKINERJA_RULES")
    if configured:
        return Path(configured)
    here = Path.cwd() / "rules"
    if here.is_dir() and any(here.glob("*.yaml")):
        return here
    return Path(__file__).resolve().parents[2] / "rules"


def pack_files(rules_dir: Path | None = None) -> list[Path]:
    """Every pack file below the rules folder (reforms included), in a stable order."""
    root = rules_dir or default_rules_dir()
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*.yaml") if p.is_file())


def _declared_id(path: Path) -> str | None:
    """The `pack:` id of a file, read without building anything (a quick, safe scan)."""
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("pack:"):
                    value = yaml.safe_load(line[5:])
                    return str(value) if value is not None else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return None


def find_pack_file(reference: str, rules_dir: Path | None = None,
                   relative_to: Path | None = None) -> Path | None:
    """Resolve a pack reference: an existing path (also relative to a reform), else a pack id.
    A name the system cannot look up (longer than a file name may be, a NUL byte) is not found."""
    candidates = [Path(reference)]
    if relative_to is not None:
        candidates.insert(0, relative_to / reference)
    for candidate in candidates:
        try:
            if candidate.exists():
                return candidate
        except (OSError, ValueError):
            continue
    if "/" in reference or reference.endswith((".yaml", ".yml")):
        return None
    for path in pack_files(rules_dir):
        if path.stem == reference or _declared_id(path) == reference:
            return path
    return None
