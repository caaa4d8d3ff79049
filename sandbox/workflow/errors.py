"""Why the workflow refused a command, and what to do instead, in plain Indonesian (English second).

The messages are in `sandbox.i18n.catalog` under `workflow.*` (`code` and `code.fix`).
"""

from __future__ import annotations

import re

from sandbox.errors import SandboxError
from sandbox.i18n import message
from sandbox.i18n.catalog import MESSAGES


def workflow_message(code: str, lang: str = "id", **params: object) -> str:
    """The text of one workflow message, from the one catalog (`workflow.*`)."""
    return message(code, lang, **params)


class WorkflowRefused(SandboxError):
    """A command the workflow will not run; `str()` is the Indonesian message and what to do."""

    def __init__(self, code: str, **params: object):
        if code not in MESSAGES or code + ".fix" not in MESSAGES:
            raise KeyError(f"unknown workflow message code {code!r}")
        super().__init__(code, **params)
        self.args = (self.render("id"),)

    def shown(self, lang: str) -> dict[str, object]:
        # A parameter that is itself a message (an engine error) is shown in the same language; an
        # SKP status is shown as its words, never its code.
        return {k: v.render(lang) if hasattr(v, "render") else _worded(v, lang)
                for k, v in self.params.items()}


def _worded(value: object, lang: str) -> object:
    """A code or an ISO date inside a refusal as a person reads it (see `_coded`)."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        from sandbox.formatting import long_date, long_datetime

        return long_date(value, lang) if len(value) == 10 else long_datetime(value, lang)
    return _coded(value, lang)


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?")


def _coded(value: object, lang: str) -> object:
    """An SKP status or period state code (or several, "DRAFT/DIKEMBALIKAN") as words; anything else
    as it is."""
    if not isinstance(value, str) or not value.replace("_", "").replace("/", "").isupper():
        return value
    codes = value.split("/")
    if all(f"skp.status.{c}" in MESSAGES or f"periode.state.{c}" in MESSAGES for c in codes):
        from sandbox.formatting import state_word

        return " / ".join(state_word(c, lang) for c in codes)
    return value
