"""Compiling packs into durable-rules and evaluating named decisions, each with its trace.

durable-rules keeps process-global state: a registered ruleset can never be replaced or removed,
and every Host starts timer threads that never stop. So this module owns exactly one Host per
process, names each compiled ruleset after the pack's content hash (a changed pack gets a new
name, an unchanged one is reused), and serialises posts with a lock. Results never travel through
the engine's session state: each rule's action appends its id to a list the compiled decision
owns, which is read right after the synchronous post returns.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import threading
from dataclasses import dataclass, field

from durable.engine import Host, MessageNotHandledException

from sandbox.rules.inputs import InputRefused, coerce_input
from sandbox.rules.model import Decision, Rule, RulePack
from sandbox.rules.problems import EvaluationError

_HOST: Host | None = None
_LOCK = threading.RLock()
_COMPILED: dict = {}
_SEQUENCE = itertools.count(1)
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_DURABLE_OP = {"gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte", "ne": "$neq"}


def _host() -> Host:
    global _HOST
    if _HOST is None:
        _HOST = Host()
    return _HOST


@dataclass
class Evaluation:
    """The outcome of one decision: outputs, and why (the trace), ready for JSON."""

    pack: str
    decision: str
    outputs: dict
    trace: list
    on: dt.date

    def to_json(self) -> dict:
        return {"pack": self.pack, "decision": self.decision, "outputs": self.outputs,
                "trace": self.trace}


@dataclass
class _Compiled:
    """One decision registered in durable-rules under a name unique to its content."""

    ruleset: str
    decision: Decision
    fired: list = field(default_factory=list)
    event_fields: tuple = ()
    bound_parameters: tuple = ()
    rules_by_id: dict = field(default_factory=dict)


def _condition_json(rule: Rule, parameters: dict, extra: list) -> dict:
    terms = list(extra)
    for condition in rule.when:
        if condition.equals:
            options = [{condition.name: v} for v in condition.equals]
            terms.append(options[0] if len(options) == 1 else {"$or": options})
        for bound in condition.bounds:
            operand = {"$m": bound.operand} if bound.is_name else bound.operand
            terms.append({_DURABLE_OP[bound.op]: {condition.name: operand}})
    if not terms:
        terms.append({"$gt": {"_n": 0}})  # a rule with an empty `when` matches every event
    return terms[0] if len(terms) == 1 else {"$and": terms}


def compile_decision(pack: RulePack, name: str) -> _Compiled:
    """Register a decision's rules in durable-rules once per content hash; reuse afterwards."""
    key = (pack.content_hash, pack.id, name)
    with _LOCK:
        cached = _COMPILED.get(key)
        if cached is not None:
            return cached
        decision = pack.decisions[name]
        ruleset = f"{pack.id}__{name}__{pack.content_hash[:16]}"
        compiled = _Compiled(ruleset=ruleset, decision=decision)
        definition = {}
        for index, rule in enumerate(decision.rules):
            extra = [{"_row": rule.id}] if decision.hit_policy == "collect" else []
            entry = {"all": [{"m": _condition_json(rule, pack.parameters, extra)}],
                     "run": _action(compiled.fired, rule.id)}
            if decision.hit_policy == "first":
                entry["pri"] = index + 1
            definition[rule.id] = entry
            compiled.rules_by_id[rule.id] = rule
        fields = set()
        params = set()
        for rule in decision.rules:
            for condition in rule.when:
                fields.add(condition.name)
                for bound in condition.bounds:
                    if bound.is_name:
                        (params if bound.operand in pack.parameters else fields).add(bound.operand)
        compiled.event_fields = tuple(sorted(fields))
        compiled.bound_parameters = tuple(sorted(params))
        _host().register_rulesets({ruleset: definition})
        _COMPILED[key] = compiled
        return compiled


def _action(fired: list, rule_id: str):
    def run(_closure) -> None:
        fired.append(rule_id)

    return run


class Engine:
    """Evaluates decisions of loaded packs; many packs may be used side by side in one process."""

    def __init__(self) -> None:
        self._parameter_cache: dict = {}

    def evaluate(self, pack: RulePack, decision_name: str, inputs: dict,
                 on: dt.date | None = None) -> Evaluation:
        decision = pack.decisions.get(decision_name)
        if decision is None:
            raise EvaluationError("eval.unknown_decision", decision=decision_name, pack=pack.id,
                                  known=", ".join(pack.decisions))
        compiled = compile_decision(pack, decision_name)
        on = on or pack.default_date()
        values = self._inputs(decision, inputs)
        params, param_trace = self._parameters(pack, decision, on)
        trace: list = list(param_trace)
        names = {**params, **values}
        for derived in decision.derive.values():
            value = _run_expression(derived.expression, names, derived.name)
            names[derived.name] = value
            trace.append({"kind": "derive", "name": derived.name,
                          "expr": derived.expression.source, "value": _jsonable(value),
                          "cite": derived.cite or decision.cite})
        fired = self._fire(compiled, decision, names)
        outputs = self._outputs(pack, decision, compiled, fired, names, trace, on)
        for out_name, (expression, _where) in decision.result.items():
            value = _run_expression(expression, {**names, **outputs}, out_name)
            outputs[out_name] = _jsonable(value)
            trace.append({"kind": "result", "name": out_name, "expr": expression.source,
                          "value": outputs[out_name], "cite": decision.cite})
        return Evaluation(pack.id, decision_name, outputs, trace, on)

    # -- steps ---------------------------------------------------------------------------

    def _inputs(self, decision: Decision, given: dict) -> dict:
        unknown = [k for k in given if k not in decision.inputs]
        if unknown:
            raise EvaluationError("eval.unknown_input", name=unknown[0], decision=decision.name,
                                  known=", ".join(decision.inputs))
        values = {}
        for name, spec in decision.inputs.items():
            if name in given:
                try:
                    values[name] = coerce_input(spec, given[name])
                except InputRefused as refused:
                    raise EvaluationError(refused.code, **refused.params) from None
            elif spec.has_default:
                values[name] = spec.default
            else:
                raise EvaluationError("eval.missing_input", name=name, decision=decision.name,
                                      allowed=_allowed(spec))
        return values

    def _parameters(self, pack: RulePack, decision: Decision, on: dt.date):
        key = (pack.content_hash, pack.id, decision.name, on)
        cached = self._parameter_cache.get(key)
        if cached is not None:
            return cached
        values, trace = {}, []
        for parameter in pack.parameters.values():
            chosen = parameter.value_on(on)
            if chosen is None:
                continue
            value, since = chosen
            values[parameter.name] = value
        for name in sorted(_parameters_read(pack, decision)):
            trace.append(_parameter_entry(pack, name, on))
        if len(self._parameter_cache) > 256:
            self._parameter_cache.clear()
        self._parameter_cache[key] = (values, trace)
        return values, trace

    def _fire(self, compiled: _Compiled, decision: Decision, names: dict) -> list:
        event = {name: names[name] for name in compiled.event_fields}
        for name in compiled.bound_parameters:
            event[name] = names[name]
        host = _host()
        with _LOCK:
            compiled.fired.clear()
            if decision.hit_policy == "collect":
                for rule in decision.rules:
                    event["_row"] = rule.id
                    event["_n"] = next(_SEQUENCE)
                    try:
                        host.post(compiled.ruleset, event)
                    except MessageNotHandledException:
                        pass
            else:
                event["_n"] = next(_SEQUENCE)
                try:
                    host.post(compiled.ruleset, event)
                except MessageNotHandledException:
                    shown = ", ".join(f"{k}={_plain(names[k])}" for k in compiled.event_fields)
                    raise EvaluationError("eval.no_rule", decision=decision.name,
                                          values=shown) from None
            return list(compiled.fired)

    def _outputs(self, pack, decision, compiled, fired, names, trace, on) -> dict:
        outputs: dict = {}
        collect = decision.hit_policy == "collect"
        for out_name, spec in decision.outputs.items():
            if spec.type == "list":
                outputs[out_name] = []
            elif collect and spec.type in ("number", "integer"):
                outputs[out_name] = 0
        always = _parameters_read(pack, decision)
        for rule_id in fired:
            rule = compiled.rules_by_id[rule_id]
            for name in sorted(_rule_parameters(pack, rule) - always):
                trace.append(_parameter_entry(pack, name, on))
                always = always | {name}
            sets = {}
            for outcome in rule.then:
                value = _outcome_value(outcome, names)
                spec = decision.outputs[outcome.output]
                if spec.type == "list":
                    item = {"rule": rule.id, "pesan": value}
                    outputs[outcome.output].append(item)
                    sets[outcome.output] = value
                    continue
                if collect and spec.type in ("number", "integer"):
                    outputs[outcome.output] = _jsonable(outputs[outcome.output] + value)
                else:
                    outputs[outcome.output] = _jsonable(value)
                sets[outcome.output] = _jsonable(value)
            reads = {}
            for condition in rule.when:
                reads[condition.name] = _jsonable(names[condition.name])
                for bound in condition.bounds:
                    if bound.is_name:
                        reads[bound.operand] = _jsonable(names[bound.operand])
            entry = {"kind": "rule", "decision": decision.name, "rule": rule.id,
                     "reads": reads, "sets": sets, "cite": rule.cite}
            if rule.description:
                entry["description"] = rule.description
            trace.append(entry)
        for out_name in decision.outputs:
            outputs.setdefault(out_name, None)
        return outputs


def _parameters_read(pack: RulePack, decision: Decision) -> set:
    """Parameters every evaluation reads: in bounds, derived values and results."""
    names = set()
    for derived in decision.derive.values():
        names |= derived.expression.names
    for expression, _ in decision.result.values():
        names |= expression.names
    for rule in decision.rules:
        for condition in rule.when:
            names |= {b.operand for b in condition.bounds if b.is_name}
    return {n for n in names if n in pack.parameters}


def _rule_parameters(pack: RulePack, rule: Rule) -> set:
    """Parameters a fired rule reads in its outcomes (a parameter value, formula or message)."""
    names = set()
    for outcome in rule.then:
        if outcome.parameter:
            names.add(outcome.parameter)
        if outcome.expression:
            names |= outcome.expression.names
        if outcome.template:
            names |= set(_PLACEHOLDER.findall(outcome.template))
    return {n for n in names if n in pack.parameters}


def _parameter_entry(pack: RulePack, name: str, on: dt.date) -> dict:
    parameter = pack.parameters[name]
    chosen = parameter.value_on(on)
    if chosen is None:
        raise EvaluationError("eval.parameter_not_in_force", name=name, on=on.isoformat(),
                              first=parameter.values[0][0].isoformat())
    entry = {"kind": "parameter", "name": name, "value": _jsonable(chosen[0]),
             "version": chosen[1].isoformat(), "cite": parameter.cite}
    if parameter.uncertain:
        entry["uncertain"] = parameter.uncertain
    return entry


def _outcome_value(outcome, names: dict):
    if outcome.parameter:
        return names[outcome.parameter]
    if outcome.expression is not None:
        return _run_expression(outcome.expression, names, outcome.output)
    if outcome.template is not None:
        return _PLACEHOLDER.sub(lambda m: _plain(names.get(m.group(1), m.group(0))),
                                outcome.template)
    return outcome.constant


def _run_expression(expression, names: dict, target: str):
    try:
        return expression.evaluate(names)
    except ZeroDivisionError:
        raise EvaluationError("eval.division_by_zero", name=target,
                              expr=expression.source) from None
    except Exception as error:  # noqa: BLE001 - any evaluator failure becomes a clear message
        raise EvaluationError("eval.expression_failed", name=target, expr=expression.source,
                              detail=str(error)) from None


def _jsonable(value):
    if isinstance(value, float):
        return round(value, 10)  # drop binary noise such as 62.99999999999999
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _plain(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text
    return str(value)


def _allowed(spec) -> str:
    if spec.type == "enum":
        return ", ".join(map(str, spec.values))
    if spec.type == "boolean":
        return "true/false"
    return "angka / number"
