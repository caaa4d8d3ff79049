"""Problems found in a rule pack: where they are and what to write instead, in either language."""

from __future__ import annotations

import reprlib
from dataclasses import dataclass, field

import sandbox.rules.messages_true  # noqa: F401 (registers the rule-pack truth messages)
from sandbox.errors import ProblemsError, SandboxError
from sandbox.i18n import message

# A message quotes what the user wrote, but never a whole file: long texts, 400-digit numbers and
# huge lists (YAML aliases can make a list of a hundred million items from a few lines) are
# shortened, and control characters are shown as escapes rather than sent to the terminal.
MAX_SHOWN = 120


class _Shortened(reprlib.Repr):
    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxlist, self.maxdict, self.maxtuple, self.maxset = 3, 6, 6, 6, 6
        self.maxstring, self.maxother, self.maxlong = MAX_SHOWN, MAX_SHOWN, 40

    def repr_LineDict(self, value, level):  # noqa: N802 - reprlib dispatches on the type's name
        return self.repr_dict(value, level)

    def repr_LineList(self, value, level):  # noqa: N802
        return self.repr_list(value, level)

    def repr_int(self, value, level):
        return _short_int(value)

    def repr_str(self, value, level):
        return repr(_short_text(value))


_SHORT = _Shortened()


def _short_int(value: int) -> str:
    if abs(value) < 10**40:
        return str(value)
    digits = int(abs(value).bit_length() * 0.30103) + 1  # str() refuses past 4,300 digits
    return f"{'-' if value < 0 else ''}≈10^{digits - 1}"


def _short_text(value: str) -> str:
    text = value if len(value) <= MAX_SHOWN else value[:MAX_SHOWN] + f"…(+{len(value) - MAX_SHOWN})"
    if not text.isprintable():
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text


def shown(value: object) -> object:
    """A parameter as a message may quote it: unchanged when short and plain, else shortened."""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return value
    if isinstance(value, int):
        return value if abs(value) < 10**40 else _short_int(value)
    if isinstance(value, str):
        return _short_text(value) if len(value) > MAX_SHOWN or not value.isprintable() else value
    if isinstance(value, list | tuple | dict | set | frozenset):
        text = _SHORT.repr(value)
        return text if len(text) <= 2 * MAX_SHOWN else text[: 2 * MAX_SHOWN] + "…"
    return value


def shown_params(params: dict) -> dict:
    return {key: shown(value) for key, value in params.items()}




@dataclass(frozen=True)
class Problem:
    """One finding of the checker; `code` names a pair of catalog messages (what / what to do).

    An `error` makes a pack unusable. A `warning` (a number typed where a placeholder belongs, an
    outcome no input reaches) and a `note` (ratings the curve makes impossible in small units) come
    only from `rules check`: the pack still loads, and `--strict` makes warnings fail the check.
    """

    file: str
    line: int
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    severity: str = field(default="error", compare=False, hash=False)

    def render(self, lang: str = "id") -> str:
        params = shown_params(self.params)
        what = message(f"{self.code}", lang, **params)
        fix = message(f"{self.code}.fix", lang, **params)
        if self.severity != "error":
            what = f"{message(f'check.severity.{self.severity}', lang)}: {what}"
        return f"{self.file}:{self.line}: {what} — {fix}"


class PackError(ProblemsError):
    """A pack that cannot be used; carries every problem found, not just the first."""


class EvaluationError(SandboxError):
    """A decision that cannot be evaluated for the given inputs (bad value, missing input, gap)."""

    def __init__(self, code: str, **params: object):
        super().__init__(code, **params)

    def shown(self, lang: str) -> dict[str, object]:
        return shown_params(self.params)
