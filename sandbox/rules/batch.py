"""A bulk evaluator compiled from the same pack, for populations (the simulator), not for trainees.

durable-rules is the engine of record: it decides every result a person sees and explains it. It
also takes about 30 µs per decision (a collect table posts one event per rule), which is hours for
a national population. This evaluator reads the same `RulePack` objects and applies the same
semantics — the engine's input checks, parameters on the evaluation date, derived values, the rows
with their hit policy, outcomes and results — without a Rete network or a trace. It is proven
equal to the engine by `tests/test_rules_batch_differential.py` (every decision of every pack in
rules/, a million random inputs each) and never becomes a second source of truth: a result that
needs explaining is asked of the engine.

Two details keep it equal to what durable-rules sees: a float in an event is read with ten decimals
(`engine._event_json` writes it that way), and every event value passes the engine's magnitude
guard.
"""

from __future__ import annotations

import datetime as dt
import operator

from sandbox.rules.engine import (
    _PLACEHOLDER,
    _as_date,
    _check_magnitude,
    _in_force,
    _jsonable,
    coerce_inputs,
)
from sandbox.rules.inputs import LARGEST
from sandbox.rules.model import RulePack
from sandbox.rules.plain import plain
from sandbox.rules.problems import EvaluationError

_COMPARE = {"gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le,
            "ne": operator.ne}


def event_view(value):
    """A value as durable-rules reads it back from the engine's event JSON."""
    if isinstance(value, float):
        return float(f"{value:.10f}")
    return value


def _run(function, source: str, names: dict, target: str):
    try:
        return function(names)
    except ZeroDivisionError:
        raise EvaluationError("eval.division_by_zero", name=target, expr=source) from None
    except EvaluationError:
        raise
    except Exception as error:  # noqa: BLE001 - as the engine: any failure becomes a clear message
        raise EvaluationError("eval.expression_failed", name=target, expr=source,
                              detail=str(error)) from None


class _Row:
    """One rule: its tests over event values and its outcomes, ready to run."""

    __slots__ = ("id", "tests", "outcomes")

    def __init__(self, rule, parameters: dict):
        self.id = rule.id
        self.tests = []
        for condition in rule.when:
            allowed = tuple(condition.equals) if condition.equals else None
            bounds = tuple((_COMPARE[b.op], b.operand, b.is_name) for b in condition.bounds)
            self.tests.append((condition.name, allowed, bounds))
        self.outcomes = []
        for outcome in rule.then:
            if outcome.parameter:
                kind, payload = "parameter", outcome.parameter
            elif outcome.expression is not None:
                kind, payload = "expression", (outcome.expression.function, outcome.expression.source)
            elif outcome.template is not None:
                kind, payload = "template", outcome.template
            else:
                kind, payload = "constant", outcome.constant
            self.outcomes.append((outcome.output, kind, payload))

    def matches(self, event: dict) -> bool:
        for name, allowed, bounds in self.tests:
            value = event[name]
            if allowed is not None and value not in allowed:
                return False
            for compare, operand, is_name in bounds:
                if not compare(value, event[operand] if is_name else operand):
                    return False
        return True


class BatchEvaluator:
    """One decision of one pack on one date, evaluated without durable-rules (no trace)."""

    def __init__(self, pack: RulePack, decision_name: str, on: dt.date | None = None):
        decision = pack.decisions.get(decision_name)
        if decision is None:
            raise EvaluationError("eval.unknown_decision", decision=decision_name, pack=pack.id,
                                  known=", ".join(pack.decisions))
        self.pack = pack
        self.decision = decision
        self.on = _in_force(pack, _as_date(on))
        self.parameters = {}
        for parameter in pack.parameters.values():
            chosen = parameter.value_on(self.on)
            if chosen is not None:
                self.parameters[parameter.name] = chosen[0]
        self._derive = [(d.name, d.expression.function, d.expression.source, d.domain)
                        for d in decision.derive.values()]
        self._rows = [_Row(rule, self.parameters) for rule in decision.rules]
        self._results = [(name, expression.function, expression.source)
                         for name, (expression, _where) in decision.result.items()]
        fields, bound_names = set(), set()
        for rule in decision.rules:
            for condition in rule.when:
                fields.add(condition.name)
                bound_names |= {b.operand for b in condition.bounds if b.is_name}
        self.event_fields = tuple(sorted(fields))
        self._event_names = tuple(sorted(fields | bound_names))
        self._defaults = [n for n, spec in decision.inputs.items() if spec.has_default]
        self._required = {n for n, spec in decision.inputs.items() if not spec.has_default}
        self._enums = [(n, frozenset(spec.values)) for n, spec in decision.inputs.items()
                       if spec.type == "enum"]
        self._numbers = [(n, spec.minimum, spec.maximum, spec.type == "integer")
                         for n, spec in decision.inputs.items() if spec.type in ("number", "integer")]
        self._result_reads = set()
        for expression, _where in decision.result.values():
            self._result_reads |= expression.names
        self._lists = [n for n, spec in decision.outputs.items() if spec.type == "list"]
        collect = decision.hit_policy == "collect"
        self._sums = [n for n, spec in decision.outputs.items()
                      if collect and spec.type in ("number", "integer")]

    # -- the three steps, usable one by one (the differential test compares `fired`) -------------

    def prepare(self, inputs: dict, *, checked: bool = False) -> dict:
        """Parameters, inputs and derived values by name, as the engine prepares them."""
        if checked and self._fits(inputs):  # typed values of the right names and choices (the simulator)
            values = dict(inputs)
            for name in self._defaults:
                values.setdefault(name, self.decision.inputs[name].default)
        else:  # anything else gets the engine's own checks and refusals
            values = coerce_inputs(self.decision, inputs)
        names = {**self.parameters, **values}
        for name, function, source, domain in self._derive:
            value = _run(function, source, names, name)
            if domain and isinstance(value, int | float) and not domain[0] <= value <= domain[1]:
                raise EvaluationError("eval.derived_out_of_range", name=name, value=plain(value),
                                      min=plain(domain[0]), max=plain(domain[1]))
            names[name] = value
        return names

    def _fits(self, inputs: dict) -> bool:
        """A quick shape check for typed callers: known names, required ones present, enum choices."""
        names = inputs.keys()
        if not self._required <= names or not names <= self.decision.inputs.keys():
            return False
        if not all(inputs[name] in allowed for name, allowed in self._enums if name in inputs):
            return False
        for name, low, high, whole in self._numbers:
            if name in inputs:
                value = inputs[name]
                if isinstance(value, bool) or not isinstance(value, int | float) or abs(value) > LARGEST:
                    return False
                if (low is not None and value < low) or (high is not None and value > high):
                    return False
                if whole and not isinstance(value, int):
                    return False
        return True

    def fired(self, names: dict) -> list[str]:
        """The ids of the rules that apply, as durable-rules would fire them under the hit policy."""
        event = {name: names[name] for name in self._event_names}
        _check_magnitude(event, self.decision)
        event = {name: event_view(value) for name, value in event.items()}
        if self.decision.hit_policy == "collect":
            return [row.id for row in self._rows if row.matches(event)]
        for row in self._rows:
            if row.matches(event):
                return [row.id]
        shown = ", ".join(f"{k}={plain(names[k])}" for k in self.event_fields)
        raise EvaluationError("eval.no_rule", decision=self.decision.name, values=shown)

    def outputs(self, names: dict, fired: list[str], wanted: frozenset | None = None) -> dict:
        """The outputs the fired rules set and the results computed from them.

        `wanted` names the outputs a bulk caller reads; outcomes of other outputs that no result
        reads are skipped (a TPP run needs the amount, not the sentences listing each deduction).
        """
        outputs: dict = {name: [] for name in self._lists}
        for name in self._sums:
            outputs[name] = 0
        rows = {row.id: row for row in self._rows}
        for rule_id in fired:
            for output, kind, payload in rows[rule_id].outcomes:
                if wanted is not None and output not in wanted and output not in self._result_reads:
                    continue
                if kind == "parameter":
                    value = names[payload]
                elif kind == "expression":
                    value = _run(payload[0], payload[1], names, output)
                elif kind == "template":
                    value = _PLACEHOLDER.sub(lambda m: plain(names.get(m.group(1), m.group(0))),
                                             payload)
                else:
                    value = payload
                if output in self._lists and isinstance(outputs.get(output), list):
                    outputs[output].append({"rule": rule_id, "pesan": value})
                elif output in self._sums:
                    outputs[output] = _jsonable(outputs[output] + value)
                else:
                    outputs[output] = _jsonable(value)
        for name in self.decision.outputs:
            outputs.setdefault(name, None)
        for name, function, source in self._results:
            outputs[name] = _jsonable(_run(function, source, {**names, **outputs}, name))
        return outputs

    def evaluate(self, inputs: dict, *, checked: bool = False, wanted: frozenset | None = None) -> dict:
        """The outputs `Engine.evaluate(pack, decision, inputs, on).outputs` would give."""
        names = self.prepare(inputs, checked=checked)
        return self.outputs(names, self.fired(names), wanted)


