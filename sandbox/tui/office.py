"""Opening the sandbox the app works on: the user's file, made into the ready demo office on first run."""

from __future__ import annotations

import os
from pathlib import Path

from sandbox.store import Store, open_store
from sandbox.workflow.views import office_is_empty


def open_office(path: str | os.PathLike[str] | None = None) -> Store:
    """Open the sandbox database; an empty one becomes the demo office, ready to practise."""
    store = open_store(Path(path) if path else None)
    if office_is_empty(store):
        from sandbox.synth.ready import practice_office

        practice_office(store)
    return store
