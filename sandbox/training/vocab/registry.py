"""The words a scenario file may use: setup steps (`persiapan.langkah`) and checks (`tugas.periksa`).

Each is a Python function registered with the parameters it takes, so `ekinerja scenario check`
can refuse an unknown step, a missing parameter or a wrong value with its line, before a class
starts. Area modules (`common`, `review`, `rating`, ...) register their own words and messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sandbox.i18n import add_messages

# Parameter kinds a word may declare; `?` at the end makes it optional.
KINDS = (
    "peran",
    "peran_list",
    "int",
    "float",
    "teks",
    "bool",
    "rating",
    "predikat",
    "triwulan",
    "list",
    "map",
)


@dataclass(frozen=True)
class Word:
    name: str
    kind: str  # "langkah" (setup step) or "periksa" (check)
    fn: Callable[..., Any]
    params: dict[str, str]
    doc: str = ""

    def required(self) -> list[str]:
        return [p for p, k in self.params.items() if not k.endswith("?")]


STEPS: dict[str, Word] = {}
CHECKS: dict[str, Word] = {}


def _register(table: dict[str, Word], kind: str, name: str, params: dict[str, str]):
    for param, spec in params.items():
        if spec.rstrip("?") not in KINDS:
            raise ValueError(f"{name}.{param}: unknown parameter kind {spec!r}")

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        if name in table:
            raise ValueError(f"{kind} {name!r} registered twice")
        summary = " ".join((fn.__doc__ or "").strip().split("\n\n")[0].split())  # the first paragraph
        table[name] = Word(name, kind, fn, dict(params), summary)
        return fn

    return wrap


def step(name: str, **params: str):
    """Register a setup step: `fn(world, **params)`, run through the workflow service."""
    return _register(STEPS, "langkah", name, params)


def check(name: str, **params: str):
    """Register a check: `fn(world, **params) -> Verdict`; it only reads."""
    return _register(CHECKS, "periksa", name, params)


@dataclass(frozen=True)
class Verdict:
    """One check's result: passed or not, and a message (catalog key + params) saying why."""

    ok: bool
    code: str
    params: dict = field(default_factory=dict)

    @classmethod
    def passed(cls, code: str, **params: object) -> Verdict:
        return cls(True, code, params)

    @classmethod
    def failed(cls, code: str, **params: object) -> Verdict:
        return cls(False, code, params)


def define_messages(table: dict[str, tuple[str, str]]) -> None:
    """Add (Indonesian, English) messages (`sandbox.i18n.add_messages`)."""
    add_messages(table)
