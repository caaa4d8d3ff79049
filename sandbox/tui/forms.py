"""Small helpers the forms share."""

from __future__ import annotations

from textual.widgets import Select


def selected_int(select: Select) -> int | None:
    """The chosen option's integer value, or None when nothing (or, mid-update, no value) is chosen."""
    value = select.value
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def short(text: str, width: int = 60) -> str:
    """A long RHK or indikator cut to fit an option list, with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"
