"""Our direct durable-rules driver fires exactly the rule durable-rules' own Host.post fires.

The engine bypasses durable's Python action layer (see sandbox/rules/engine.py). This proves the
shortcut changes nothing: every unique/first decision of every pack, over every cell of its table
and seeded random inputs, gives the same rule through `Engine.evaluate`, `Engine.evaluate_many`
and the library's public `Host.post` path with a recording action.
"""

from __future__ import annotations

import itertools
import random

import pytest
from durable.engine import MessageNotHandledException

from sandbox.rules import Engine, load_pack
from sandbox.rules.engine import _SynchronousHost, ruleset_definition
from sandbox.rules.lint import _cells
from sandbox.rules.registry import pack_files

PACKS = [load_pack(path) for path in pack_files()]
DECISIONS = [(pack, name) for pack in PACKS for name, decision in pack.decisions.items()
             if decision.hit_policy != "collect"]


def _random_inputs(decision, rnd: random.Random) -> dict:
    values = {}
    for name, spec in decision.inputs.items():
        if spec.type == "enum":
            values[name] = rnd.choice(spec.values)
        elif spec.type == "boolean":
            values[name] = rnd.random() < 0.5
        else:
            low = spec.minimum if spec.minimum is not None else 0
            high = spec.maximum if spec.maximum is not None else low + 200
            number = rnd.uniform(low, high)
            values[name] = int(number) if spec.type == "integer" else round(number, 2)
    return values


def _cell_inputs(pack, decision) -> list[dict]:
    """One input set per table cell of its plain inputs (derived values vary with them)."""
    on = pack.default_date()
    names = [n for n in decision.inputs if decision.inputs[n].type in ("enum", "boolean")
             or any(c.name == n for r in decision.rules for c in r.when)]
    grids = [_cells(pack, decision, n, on) for n in names]
    rnd = random.Random(7)
    result = []
    for combo in itertools.product(*grids):
        base = _random_inputs(decision, rnd)
        base.update(dict(zip(names, combo, strict=True)))
        result.append(base)
    return result


@pytest.mark.parametrize(("pack", "name"), DECISIONS, ids=[f"{p.id}.{n}" for p, n in DECISIONS])
def test_direct_driver_matches_host_post(pack, name) -> None:
    decision = pack.decisions[name]
    engine = Engine()
    rnd = random.Random(2026)
    samples = _cell_inputs(pack, decision) + [_random_inputs(decision, rnd) for _ in range(1500)]

    host = _SynchronousHost()
    fired: list = []

    def recorder(rule_id: str):
        def run(_closure) -> None:  # one parameter: a synchronous durable-rules action
            fired.append(rule_id)

        return run

    ruleset = f"differential__{pack.id}__{name}"
    host.register_rulesets({ruleset: ruleset_definition(decision, recorder)})
    batch = engine.evaluate_many(pack, name, samples)
    compared = 0
    for number, (inputs, batched) in enumerate(zip(samples, batch, strict=True)):
        single = engine.evaluate(pack, name, inputs)
        rule_of = [s["rule"] for s in single.trace if s["kind"] == "rule"]
        assert batched.outputs == single.outputs and batched.trace == single.trace
        event = {field: _event_value(single, field, inputs) for field in _event_fields(decision)}
        event["_n"] = number + 1
        fired.clear()
        try:
            host.post(ruleset, event)
        except MessageNotHandledException:
            pytest.fail(f"Host.post found no rule for {inputs}; the engine fired {rule_of}")
        assert fired == rule_of, inputs
        compared += 1
    assert compared == len(samples) >= 1500


def _event_fields(decision) -> set:
    fields = set()
    for rule in decision.rules:
        for condition in rule.when:
            fields.add(condition.name)
            fields.update(b.operand for b in condition.bounds if b.is_name)
    return fields


def _event_value(result, field: str, inputs: dict):
    """The value the engine matched on: an input, a derived value or a parameter (from trace)."""
    for step in result.trace:
        if step["kind"] in ("derive", "parameter") and step["name"] == field:
            return step["value"]
    spec_value = inputs.get(field)
    for step in result.trace:
        if step["kind"] == "rule" and field in step["reads"]:
            return step["reads"][field]
    return spec_value
