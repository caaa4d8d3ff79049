"""Language choice and message lookup: Indonesian first, English second."""

from __future__ import annotations

import os

from sandbox.i18n.catalog import MESSAGES

SUPPORTED = ("id", "en")


def resolve_language(explicit: str | None = None) -> str:
    """Pick the language: an explicit --lang, then EKINERJA_LANG, then LANG; Indonesian otherwise."""
    for candidate in (explicit, os.environ.get("EKINERJA_LANG"), os.environ.get("LANG")):
        if not candidate:
            continue
        code = candidate.strip().lower()[:2]
        if code in SUPPORTED:
            return code
        if candidate is explicit:
            return "id"
    return "id"


def add_messages(table: dict[str, tuple[str, str]]) -> None:
    """Add an area's (Indonesian, English) messages to the catalog. The same words again are a no-op
    (a module imported twice); other words under a key already there are a programming error."""
    for key, (id_text, en_text) in table.items():
        entry = {"id": id_text, "en": en_text}
        if MESSAGES.get(key, entry) != entry:
            raise ValueError(f"message {key!r} defined twice")
        MESSAGES[key] = entry


def message(msg_id: str, lang: str = "id", /, **params: object) -> str:
    """Render one catalog message; unknown parameters stay visible rather than crash."""
    entry = MESSAGES[msg_id]
    template = entry.get(lang) or entry["id"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
