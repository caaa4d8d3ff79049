"""The one root of every refusal a person reads: a message code, its parameters, and `render(lang)`.

Each area keeps its own subclass (the workflow's, the store's, the engine's, the class's …) for
what only it knows — a refused SKP status worded, a damaged file's backup named, a pack's problems
listed by line — but callers catch `SandboxError` and show `render(lang)`, and a test holds that
every refusal class derives from it. The text is two catalog messages, `code` (what is wrong) and
`code.fix` (what to write or do instead), Indonesian first.
"""

from __future__ import annotations


class SandboxError(Exception):
    """A refusal in words: `code` names the catalog message, `params` fill it."""

    code: str = "sandbox.error"

    def __init__(self, code: str | None = None, /, **params: object):
        if code is not None:
            self.code = code
        self.params = params
        super().__init__(self.code)

    def shown(self, lang: str) -> dict[str, object]:
        """The parameters as a person reads them in `lang` (a subclass words codes and dates)."""
        return self.params

    def reason(self, lang: str = "id") -> str:
        """What went wrong, without what to do about it."""
        from sandbox.i18n import message

        return message(self.code, lang, **self.shown(lang))

    def fix(self, lang: str = "id") -> str:
        """What to write or do instead."""
        from sandbox.i18n import message

        return message(self.code + ".fix", lang, **self.shown(lang))

    def render(self, lang: str = "id") -> str:
        return f"{self.reason(lang)} — {self.fix(lang)}"


class ProblemsError(SandboxError):
    """A file refused with every problem found in it (a pack, a scenario, an assumptions file), each
    already a sentence with its file and line; the first problem's code is the error's code."""

    def __init__(self, problems: list) -> None:
        self.problems = problems
        first = getattr(problems[0], "code", None) if problems else None
        super().__init__(first or self.code)
        self.args = ("; ".join(p.render("en") for p in problems),)

    def render(self, lang: str = "id") -> str:
        return "\n".join(p.render(lang) for p in self.problems)
