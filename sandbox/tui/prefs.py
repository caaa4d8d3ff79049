"""What a user chose once and expects remembered: language, theme and guided mode.

Kept in a small JSON file of the user's own (`$EKINERJA_PREFS`, else the user's config folder), not
in the sandbox database, which a whole class may share. A missing or damaged file means defaults:
a preference is never worth refusing to start over.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

PREFS_ENV = "EKINERJA_PREFS"
THEMES = ("standar", "kontras")  # the app's normal theme; high contrast, bold, for weak eyes or screens


@dataclass
class Prefs:
    lang: str | None = None  # None: never chosen, the app starts in Bahasa Indonesia
    theme: str = "standar"
    guided: bool = True  # first-timers see the next step on every screen


def prefs_path() -> Path:
    configured = os.environ.get(PREFS_ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_config_dir

    return Path(user_config_dir("ekinerja", appauthor=False)) / "prefs.json"


def load_prefs(path: Path | None = None) -> Prefs:
    path = path or prefs_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Prefs()
    if not isinstance(raw, dict):
        return Prefs()
    prefs = Prefs()
    if raw.get("lang") in ("id", "en"):
        prefs.lang = raw["lang"]
    if raw.get("theme") in THEMES:
        prefs.theme = raw["theme"]
    if isinstance(raw.get("guided"), bool):
        prefs.guided = raw["guided"]
    return prefs


def save_prefs(prefs: Prefs, path: Path | None = None) -> bool:
    """Write atomically; False (and nothing changed) when the folder cannot be written."""
    path = path or prefs_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(asdict(prefs), indent=2), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return False
    return True
