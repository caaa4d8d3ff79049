"""Compiling packs into durable-rules and evaluating named decisions, each with its trace.

durable-rules keeps process-global state: a registered ruleset can never be replaced or removed.
So this module owns exactly one Host per process, names each compiled ruleset after the pack's
content hash (a changed pack gets a new name, an unchanged one is reused), and serialises posts
with a lock.

A stock Host also starts timer threads that pick up pending actions every 0.2 s. Measured here,
about 1 event in 100,000 had its action taken by that thread, so the posting thread saw no
result: a silently missing predikat. Our Host starts no timer threads (the packs use no timed
rules), and each event is driven through durable-rules' own C calls on the posting thread:
assert the event, take the action the Rete network selected, complete it. The rule id we read is
the one durable-rules matched; Python never decides which rule applies.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
import threading
from dataclasses import dataclass, field

import durable_rules_engine
from durable.engine import Host

from sandbox.rules.inputs import LARGEST, InputRefused, coerce_input
from sandbox.rules.model import Decision, Rule, RulePack
from sandbox.rules.plain import plain
from sandbox.rules.problems import EvaluationError
from sandbox.rules.texts import text_on

_HOST: Host | None = None
_LOCK = threading.RLock()
_COMPILED: dict = {}
_SEQUENCE = itertools.count(1)
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_DURABLE_OP = {"gt": "$gt", "gte": "$gte", "lt": "$lt", "lte": "$lte", "ne": "$neq"}


class _SynchronousHost(Host):
    """A durable-rules Host without timer threads: actions run only where events are posted."""

    def _run(self) -> None:  # the stock Host starts its dispatch timers here
        return None


class EngineFault(RuntimeError):
    """durable-rules answered in a way the engine cannot interpret; never a silent wrong result."""


def _host() -> Host:
    global _HOST
    if _HOST is None:
        _HOST = _SynchronousHost()
    return _HOST


def _event_json(event: dict) -> str:
    """JSON for durable-rules, with every float in plain decimals: it cannot parse 7e-05."""
    parts = []
    for key, value in event.items():
        if isinstance(value, float):
            text = f"{value:.10f}".rstrip("0").rstrip(".")
            shown = text if text not in ("-0", "") else "0"
        else:
            shown = json.dumps(value, ensure_ascii=False)
        parts.append(f"{json.dumps(key)}:{shown}")
    return "{" + ",".join(parts) + "}"


def post_events(handle: object, events: list) -> list | None:
    """Post a batch; return (sequence number, rule id) per action taken, or None if unmatched."""
    code, state = durable_rules_engine.assert_events(
        handle, "[" + ",".join(_event_json(event) for event in events) + "]")
    if code != 0:
        return None
    started = durable_rules_engine.start_action_for_state(handle, state)
    if not started:
        return None
    fired = []
    message = json.loads(started[1])
    while True:
        rule_id, matched = next(iter(message.items()))
        fired.append((matched.get("m", matched)["_n"], rule_id))
        following = durable_rules_engine.complete_and_start_action(handle, state)
        if not following:
            return fired
        message = json.loads(following)


def post_event(handle: object, event: dict) -> str | None:
    """Post one event to a ruleset; return the id of the rule durable-rules fired, or None."""
    code, state = durable_rules_engine.assert_event(handle, _event_json(event))
    if code == 1:  # MessageNotHandled: no rule matches
        return None
    if code != 0:
        raise EngineFault(f"durable-rules assert_event returned code {code}")
    started = durable_rules_engine.start_action_for_state(handle, state)
    if not started:
        raise EngineFault("durable-rules matched an event but offered no action")
    rule_id = next(iter(json.loads(started[1])))
    if durable_rules_engine.complete_and_start_action(handle, state):
        raise EngineFault("durable-rules chained a second action to one event")
    return rule_id


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
    handle: object = None
    event_fields: tuple = ()
    bound_parameters: tuple = ()
    rules_by_id: dict = field(default_factory=dict)
    always_parameters: frozenset = frozenset()
    rule_parameters: dict = field(default_factory=dict)  # rule id -> parameters its outcomes read


def _condition_json(rule: Rule, extra: list) -> dict:
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


def ruleset_definition(decision: Decision, action_for) -> dict:
    """The durable-rules ruleset of a decision: one rule per row, `pri` keeping row order."""
    definition = {}
    for index, rule in enumerate(decision.rules):
        extra = [{"_row": rule.id}] if decision.hit_policy == "collect" else []
        entry = {"all": [{"m": _condition_json(rule, extra)}], "run": action_for(rule.id)}
        if decision.hit_policy == "first":
            entry["pri"] = index + 1
        definition[rule.id] = entry
    return definition


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
        definition = ruleset_definition(decision, lambda _rule_id: _never_run)
        compiled.rules_by_id = {rule.id: rule for rule in decision.rules}
        fields = set()
        params = set()
        for rule in decision.rules:
            for condition in rule.when:
                fields.add(condition.name)
                for bound in condition.bounds:
                    if bound.is_name:
                        (params if bound.operand in pack.parameters else fields).add(bound.operand)
        compiled.always_parameters = frozenset(_parameters_read(pack, decision))
        compiled.rule_parameters = {
            rule.id: tuple(sorted(_rule_parameters(pack, rule) - compiled.always_parameters))
            for rule in decision.rules
        }
        compiled.event_fields = tuple(sorted(fields))
        compiled.bound_parameters = tuple(sorted(params))
        host = _host()
        host.register_rulesets({ruleset: definition})
        compiled.handle = host.get_ruleset(ruleset)._handle
        _COMPILED[key] = compiled
        return compiled


def _never_run(_closure) -> None:
    """durable-rules wants a callable per rule; ours are driven by post_event, never run."""
    raise EngineFault("a durable-rules action ran outside post_event")


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
        on = _in_force(pack, _as_date(on))
        names, trace = self._prepare(pack, decision, compiled, inputs, on)
        fired = self._fire(compiled, decision, names)
        return self._finish(pack, decision, compiled, fired, names, trace, on)

    def evaluate_many(self, pack: RulePack, decision_name: str, many: list,
                      on: dt.date | None = None, batch_size: int = 100) -> list[Evaluation]:
        """Evaluate many input sets; unique/first tables go to durable-rules in batches.

        A batch is one `assert_events` call whose actions are then taken one by one on this
        thread, each tagged with its event's sequence number. If durable-rules does not return
        exactly one action per event (an input no rule covers), that batch is evaluated event by
        event so the offending input gets its own clear error.
        """
        decision = pack.decisions.get(decision_name)
        if decision is None or decision.hit_policy == "collect":
            return [self.evaluate(pack, decision_name, inputs, on) for inputs in many]
        compiled = compile_decision(pack, decision_name)
        on = _in_force(pack, _as_date(on))
        results: list[Evaluation] = []
        for start in range(0, len(many), batch_size):
            prepared = [self._prepare(pack, decision, compiled, inputs, on)
                        for inputs in many[start:start + batch_size]]
            fired = self._fire_batch(compiled, [names for names, _ in prepared])
            if fired is None:
                fired = [self._fire(compiled, decision, names) for names, _ in prepared]
            for (names, trace), rule_ids in zip(prepared, fired, strict=True):
                results.append(self._finish(pack, decision, compiled, rule_ids, names, trace, on))
        return results

    def _prepare(self, pack, decision, compiled, inputs, on) -> tuple[dict, list]:
        values = coerce_inputs(decision, inputs)
        params, param_trace = self._parameters(pack, decision, compiled, on)
        trace: list = [dict(entry) for entry in param_trace]  # callers may edit their trace
        names = {**params, **values}
        for derived in decision.derive.values():
            value = _run_expression(derived.expression, names, derived.name)
            if derived.domain and isinstance(value, int | float) and not (
                    derived.domain[0] <= value <= derived.domain[1]):
                raise EvaluationError("eval.derived_out_of_range", name=derived.name,
                                      value=plain(value), min=plain(derived.domain[0]),
                                      max=plain(derived.domain[1]))
            names[derived.name] = value
            trace.append({"kind": "derive", "name": derived.name,
                          "expr": derived.expression.source, "value": _jsonable(value),
                          "cite": (text_on(pack, derived, "cite", on)
                                   or text_on(pack, decision, "cite", on))})
        return names, trace

    def _finish(self, pack, decision, compiled, fired, names, trace, on) -> Evaluation:
        outputs = self._outputs(pack, decision, compiled, fired, names, trace, on)
        for out_name, (expression, _where) in decision.result.items():
            value = _run_expression(expression, {**names, **outputs}, out_name)
            outputs[out_name] = _jsonable(value)
            trace.append({"kind": "result", "name": out_name, "expr": expression.source,
                          "value": outputs[out_name],
                          "cite": text_on(pack, decision, "cite", on)})
        return Evaluation(pack.id, decision.name, outputs, trace, on)

    def _fire_batch(self, compiled: _Compiled, many: list) -> list | None:
        events = []
        for names in many:
            event = {name: names[name] for name in compiled.event_fields}
            for name in compiled.bound_parameters:
                event[name] = names[name]
            event["_n"] = next(_SEQUENCE)
            _check_magnitude(event, compiled.decision)
            events.append(event)
        with _LOCK:
            fired = post_events(compiled.handle, events)
        if fired is None or len(fired) != len(events):
            return None
        by_number = dict(fired)
        try:
            return [[by_number[event["_n"]]] for event in events]
        except KeyError:
            return None

    # -- steps ---------------------------------------------------------------------------

    def _parameters(self, pack: RulePack, decision: Decision, compiled: _Compiled, on: dt.date):
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
        for name in sorted(compiled.always_parameters):
            trace.append(_parameter_entry(pack, name, on))
        if len(self._parameter_cache) > 256:
            self._parameter_cache.clear()
        self._parameter_cache[key] = (values, trace)
        return values, trace

    def _fire(self, compiled: _Compiled, decision: Decision, names: dict) -> list:
        event = {name: names[name] for name in compiled.event_fields}
        for name in compiled.bound_parameters:
            event[name] = names[name]
        _check_magnitude(event, decision)
        with _LOCK:
            if decision.hit_policy == "collect":
                fired = []
                for rule in decision.rules:
                    event["_row"] = rule.id
                    event["_n"] = next(_SEQUENCE)
                    if post_event(compiled.handle, event) is not None:
                        fired.append(rule.id)
                return fired
            event["_n"] = next(_SEQUENCE)
            rule_id = post_event(compiled.handle, event)
        if rule_id is None:
            shown = ", ".join(f"{k}={plain(names[k])}" for k in compiled.event_fields)
            raise EvaluationError("eval.no_rule", decision=decision.name, values=shown)
        return [rule_id]

    def _outputs(self, pack, decision, compiled, fired, names, trace, on) -> dict:
        outputs: dict = {}
        collect = decision.hit_policy == "collect"
        for out_name, spec in decision.outputs.items():
            if spec.type == "list":
                outputs[out_name] = []
            elif collect and spec.type in ("number", "integer"):
                outputs[out_name] = 0
        shown: set = set()
        if decision.hit_policy == "first" and fired:
            for rule in decision.rules:
                if rule.id == fired[0]:
                    break
                trace.append({"kind": "not_applied", "decision": decision.name, "rule": rule.id,
                              "reads": _reads(rule, names),
                              "cite": text_on(pack, rule, "cite", on)})
        for rule_id in fired:
            rule = compiled.rules_by_id[rule_id]
            for name in compiled.rule_parameters[rule_id]:
                if name not in shown:
                    trace.append(_parameter_entry(pack, name, on))
                    shown.add(name)
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
            reads = _reads(rule, names)
            entry = {"kind": "rule", "decision": decision.name, "rule": rule.id,
                     "reads": reads, "sets": sets, "cite": text_on(pack, rule, "cite", on)}
            if rule.description:
                entry["description"] = text_on(pack, rule, "description", on)
            trace.append(entry)
        for out_name in decision.outputs:
            outputs.setdefault(out_name, None)
        return outputs


def coerce_inputs(decision: Decision, given: dict) -> dict:
    """The decision's inputs from what a caller gave: each checked, defaults filled, none unknown."""
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


def _reads(rule: Rule, names: dict) -> dict:
    """The values a rule's conditions look at: its fields and the bounds they are compared with."""
    reads = {}
    for condition in rule.when:
        reads[condition.name] = _jsonable(names[condition.name])
        for bound in condition.bounds:
            if bound.is_name:
                reads[bound.operand] = _jsonable(names[bound.operand])
    return reads


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
             "version": chosen[1].isoformat(), "cite": text_on(pack, parameter, "cite", on)}
    if parameter.uncertain:
        entry["uncertain"] = text_on(pack, parameter, "uncertain", on)
    return entry


def _outcome_value(outcome, names: dict):
    if outcome.parameter:
        return names[outcome.parameter]
    if outcome.expression is not None:
        return _run_expression(outcome.expression, names, outcome.output)
    if outcome.template is not None:
        return _PLACEHOLDER.sub(lambda m: plain(names.get(m.group(1), m.group(0))),
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


def _as_date(on):
    """Accept a datetime where a date is meant (the parameters are keyed by dates)."""
    if isinstance(on, dt.datetime):
        return on.date()
    return on


def _in_force(pack: RulePack, on: dt.date | None) -> dt.date:
    """The evaluation date: the one asked for, which must lie in the pack's validity period."""
    if on is None:
        return pack.default_date()
    if on < pack.effective_from or (pack.effective_to and on > pack.effective_to):
        raise EvaluationError("eval.pack_not_in_force", pack=pack.id, on=on.isoformat(),
                              start=pack.effective_from.isoformat(),
                              end=pack.effective_to.isoformat() if pack.effective_to else "—")
    return on


def _check_magnitude(event: dict, decision: Decision) -> None:
    for name, value in event.items():
        if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > LARGEST:
            raise EvaluationError("eval.too_large", name=name, value=plain(value),
                                  limit=f"{LARGEST:,.0f}")


def _jsonable(value):
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}  # never the pack's own dict
    if isinstance(value, float):
        return round(value, 10)  # drop binary noise such as 62.99999999999999
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _allowed(spec) -> str:
    if spec.type == "enum":
        return ", ".join(map(str, spec.values))
    if spec.type == "boolean":
        return "true/false"
    return "angka / number"
