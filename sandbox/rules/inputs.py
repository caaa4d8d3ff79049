"""Turning what a user typed (or a caller passed) into a typed decision input, or refusing it."""

from __future__ import annotations

import math
import re

from sandbox.errors import SandboxError
from sandbox.rules.model import InputSpec
from sandbox.rules.plain import plain

# durable-rules reads numbers as 64-bit values and cannot parse JSON exponents (1e+16); no
# performance figure needs more than this, so anything larger is refused in words.
LARGEST = 10**15

PLAIN_NUMBER = re.compile(r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")

TRUE_WORDS = {"true", "ya", "yes", "1", "benar"}
FALSE_WORDS = {"false", "tidak", "no", "0", "salah"}


class InputRefused(SandboxError):
    """A value that does not fit its input; `code` and `params` name the catalog message."""

    def __init__(self, code: str, **params: object):
        super().__init__(code, **params)


def coerce_input(spec: InputSpec, value: object) -> object:
    """Check one value against its spec; strings from the command line are parsed plainly."""
    if spec.type == "enum":
        text = value.strip() if isinstance(value, str) else value
        if text not in spec.values:
            raise InputRefused("eval.bad_enum", name=spec.name, value=value,
                               allowed=", ".join(map(str, spec.values)))
        return text
    if spec.type == "boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
            return value.strip().lower() in TRUE_WORDS
        raise InputRefused("eval.bad_boolean", name=spec.name, value=value)
    number = _number(spec, value)
    if abs(number) > LARGEST:
        raise InputRefused("eval.too_large", name=spec.name, value=value, limit=f"{LARGEST:,.0f}")
    if spec.type == "integer":
        if isinstance(number, float) and not number.is_integer():
            raise InputRefused("eval.not_integer", name=spec.name, value=value)
        number = int(number)
    if spec.minimum is not None and number < spec.minimum:
        raise InputRefused("eval.below_minimum", name=spec.name, value=value,
                           min=plain(spec.minimum))
    if spec.maximum is not None and number > spec.maximum:
        raise InputRefused("eval.above_maximum", name=spec.name, value=value,
                           max=plain(spec.maximum))
    return number


def _number(spec: InputSpec, value: object) -> float | int:
    if isinstance(value, bool):
        raise InputRefused("eval.bad_number", name=spec.name, value=value)
    if isinstance(value, int | float):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > 40:  # no figure needs more digits; int() would refuse past 4,300 anyway
            raise InputRefused("eval.too_large", name=spec.name, value=text[:20] + "…",
                               limit=f"{LARGEST:,.0f}")
        if not PLAIN_NUMBER.match(text):  # no 1_0, no ٩٠, no 89,99: numbers as people write them
            raise InputRefused("eval.bad_number", name=spec.name, value=value)
        number = int(text) if text.lstrip("+-").isdigit() else float(text)
    else:
        raise InputRefused("eval.bad_number", name=spec.name, value=value)
    if isinstance(number, float) and not math.isfinite(number):
        raise InputRefused("eval.bad_number", name=spec.name, value=value)
    return number


