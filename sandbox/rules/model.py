"""The typed shape of a loaded rule pack: what the checker proves and the compiler consumes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sandbox.rules.expressions import Expression

INPUT_TYPES = ("enum", "number", "integer", "boolean")
OUTPUT_TYPES = ("enum", "number", "integer", "boolean", "text", "list")
PARAMETER_TYPES = ("number", "integer", "boolean", "choice", "text", "table")
HIT_POLICIES = ("unique", "first", "collect")
COMPARATORS = ("gt", "gte", "lt", "lte", "ne")


@dataclass(frozen=True)
class Where:
    """A place in a pack file, for messages."""

    file: str
    line: int


@dataclass
class Parameter:
    name: str
    description: str
    cite: str
    type: str
    values: list  # [(date, value)] sorted by date
    where: Where
    choices: tuple = ()
    keys: tuple = ()
    unit: str | None = None
    uncertain: str | None = None
    labels: dict = field(default_factory=dict)  # choice -> how prose shows it
    # where each version's value is written (a reform's own line for the values it sets)
    value_where: dict = field(default_factory=dict)  # date -> Where
    # prose as written, for texts holding `{param:…}` placeholders (the fields above are rendered)
    templates: dict = field(default_factory=dict)

    def value_on(self, on: dt.date) -> tuple[object, dt.date] | None:
        """The value in force on a date and the date of that version, or None before the first."""
        chosen = None
        for since, value in self.values:
            if since <= on:
                chosen = (value, since)
        return chosen


@dataclass
class InputSpec:
    name: str
    type: str
    where: Where
    values: tuple = ()
    minimum: float | None = None
    maximum: float | None = None
    has_default: bool = False
    default: object = None
    description: str | None = None
    labels: dict = field(default_factory=dict)
    unit: str | None = None  # what a number counts ("rupiah", "hari", "menit"): shown, never computed


@dataclass
class OutputSpec:
    name: str
    type: str
    where: Where
    values: tuple = ()
    labels: dict = field(default_factory=dict)
    description: str | None = None
    unit: str | None = None  # "rupiah": an explanation shows Rp 7.850.000


@dataclass
class Derived:
    name: str
    expression: Expression
    where: Where
    cite: str | None = None
    domain: tuple | None = None  # (min, max) used by the gap checker
    templates: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Bound:
    """One comparison in a `when`: op is a COMPARATOR, operand a number or a name."""

    op: str
    operand: object
    is_name: bool = False


@dataclass
class Condition:
    name: str
    equals: tuple = ()  # one or more allowed values (enum, boolean, number)
    bounds: tuple = ()  # Bound objects, all must hold


@dataclass
class Outcome:
    """What a rule sets for one output: a constant, a parameter's value, or an expression."""

    output: str
    constant: object = None
    parameter: str | None = None
    expression: Expression | None = None
    template: str | None = None


@dataclass
class Rule:
    id: str
    when: list  # [Condition]
    then: list  # [Outcome]
    cite: str
    where: Where
    description: str | None = None
    templates: dict = field(default_factory=dict)


@dataclass
class Constraint:
    """A claim about the parameters (weights summing to 1, one bound below another), proven by the
    checker on every date a parameter it reads changes value."""

    id: str
    expression: Expression
    description: str
    where: Where
    cite: str | None = None
    templates: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Prose:
    """One text a person reads (title, cite, description, uncertain note) and where it is written."""

    where: Where
    field: str
    text: str
    hint: frozenset = frozenset()  # names the owner reads: a typed number is most likely one of them


@dataclass
class Decision:
    name: str
    title: str
    cite: str
    inputs: dict  # name -> InputSpec
    derive: dict  # name -> Derived (ordered)
    outputs: dict  # name -> OutputSpec
    hit_policy: str
    rules: list  # [Rule]
    result: dict  # name -> (Expression, Where)
    where: Where
    description: str | None = None
    templates: dict = field(default_factory=dict)

    def field_names(self) -> set:
        return set(self.inputs) | set(self.derive)


@dataclass
class RulePack:
    id: str
    title: str
    legal_basis: tuple
    effective_from: dt.date
    where: Where
    parameters: dict  # name -> Parameter
    decisions: dict  # name -> Decision
    title_en: str | None = None
    effective_to: dt.date | None = None
    extends: str | None = None
    description: str | None = None
    files: tuple = ()
    content_hash: str = ""
    raw: object = None  # the merged raw mapping, kept for `rules diff`
    base: RulePack | None = None
    constraints: list = field(default_factory=list)  # [Constraint]
    prose: list = field(default_factory=list)  # [Prose]: every text a person reads, as written
    templates: dict = field(default_factory=dict)

    def default_date(self, today: dt.date | None = None) -> dt.date:
        """Evaluate as of today, but never before the pack takes effect (a reform dated ahead)."""
        today = today or dt.date.today()
        if today < self.effective_from:
            return self.effective_from
        if self.effective_to and today > self.effective_to:
            return self.effective_to
        return today
