"""Small helpers the forms share."""

from __future__ import annotations

from textual.widgets import Select


def selected_int(select: Select) -> int | None:
    """The chosen option's integer value, or None when nothing (or, mid-update, no value) is chosen."""
    value = select.value
    return value if isinstance(value, int) and not isinstance(value, bool) else None
