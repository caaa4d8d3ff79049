"""Problems found in a rule pack: where they are and what to write instead, in either language."""

from __future__ import annotations

from dataclasses import dataclass, field

from sandbox.i18n import message


@dataclass(frozen=True)
class Problem:
    """One finding of the checker; `code` names a pair of catalog messages (what / what to do)."""

    file: str
    line: int
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)

    def render(self, lang: str = "id") -> str:
        what = message(f"{self.code}", lang, **self.params)
        fix = message(f"{self.code}.fix", lang, **self.params)
        return f"{self.file}:{self.line}: {what} — {fix}"


class PackError(Exception):
    """A pack that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.render("en") for p in problems))
        self.problems = problems


class EvaluationError(Exception):
    """A decision that cannot be evaluated for the given inputs (bad value, missing input, gap)."""

    def __init__(self, code: str, **params: object):
        super().__init__(code)
        self.code = code
        self.params = params

    def render(self, lang: str = "id") -> str:
        what = message(self.code, lang, **self.params)
        fix = message(f"{self.code}.fix", lang, **self.params)
        return f"{what} — {fix}"
