"""The bulk evaluator (`sandbox.rules.batch`) against durable-rules, the engine of record.

Two proofs over every decision of every pack file in rules/ (reforms included):

1. End to end: a few thousand seeded inputs per (pack file, decision), a share of them deliberately
   wrong (an unknown enum value, a number below its minimum or above its maximum, a missing input,
   a fraction for an integer, a number past the engine's magnitude limit, an unknown name, text
   as the command line passes it), give the same outputs from `BatchEvaluator.evaluate` as from
   `Engine.evaluate`, or the same refusal (`EvaluationError` code and message parameters) from both.

2. Rule matching at scale: EKINERJA_DIFF_N (default 20,000; the full check is 1,000,000, run it with
   `EKINERJA_DIFF_N=1000000 .venv/bin/python -m pytest tests/test_rules_batch_differential.py`) seeded
   valid inputs per distinct decision. `BatchEvaluator.fired` must name exactly the rules
   durable-rules fires for the same prepared values, through the real compiled ruleset
   (`engine.compile_decision`):
   - unique/first: the engine's own `Engine._fire` posts the one event the engine would post (the
     condition fields and the parameters used as bounds, plus a fresh `_n`); an event no rule
     matches must be `eval.no_rule` on both sides;
   - collect: each rule is asked with the projection of the event onto the names its conditions
     read (condition fields and bound operands), plus `_row` and a fresh `_n`, as `Engine._fire`
     asks it row by row; the fired ids are put in rule order as the engine lists them.
   durable-rules is asked once per distinct event and its answer memoised. That is exact, not a
   sample: a rule's answer depends only on the values of the names its condition reads (the ruleset
   holds no facts; every event is consumed or refused on its own, and `_n` is only a sequence tag),
   and durable-rules is deterministic, so the same event always gets the same answer. Memo tables
   are kept per type signature of the values, so `True` and `1` (equal in Python, posted
   differently as JSON) never share an answer. The magnitude guard the engine applies before
   posting is memoised the same way (it too depends only on the values).

Valid inputs are generated column by column (seeded) in three regimes that take turns: small whole
and round numbers together with the numbers rules compare an input with, two-decimal values over
the whole range, and full binary floats; counts without a maximum run to COUNT_SPAN.

A reform inherits unchanged decisions; a decision identical to one already proven (same rules,
derived values, results, inputs, outputs and the values on the evaluation date of the parameters
it reads) is not run again at scale, and at least MIN_DISTINCT decisions must remain. Seeds are
fixed, so any failure reproduces; a mismatch shows the input, the batch result and durable-rules'.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import random
import time
from functools import cache
from operator import itemgetter
from pathlib import Path

import pytest

from sandbox.rules.batch import BatchEvaluator
from sandbox.rules.engine import (
    _LOCK,
    _PLACEHOLDER,
    _SEQUENCE,
    Engine,
    _check_magnitude,
    coerce_inputs,
    compile_decision,
    post_event,
)
from sandbox.rules.inputs import LARGEST
from sandbox.rules.loader import load_pack
from sandbox.rules.problems import EvaluationError
from sandbox.rules.registry import pack_files

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules"
REFERENCE_DAY = dt.date(2027, 3, 31)  # packs in force then are evaluated then; older ones on their last day
N = int(os.environ.get("EKINERJA_DIFF_N", "20000"))  # the default suite; 1000000 for the full check
END_TO_END = 2000
MIN_DISTINCT = 8
CHUNK = 20_000
REGIMES = 3  # small whole numbers (with rule boundaries), wide / two decimals, full binary floats
COUNT_SPAN = 60  # an integer input without maximum is a count: employees, days, occurrences
# rupiah; other open-ended numbers span DEFAULT_SPAN (a minister's tukin is 150 % of the top class)
NUMBER_SPAN = {"besaran_tpp": 25_000_000, "tunjangan_kinerja_kelas_jabatan": 50_000_000,
               "iuran_bpjs": 2_000_000, "potongan_lain": 5_000_000}
DEFAULT_SPAN = 200
CHECK_TYPED_EVERY = 1024  # in the scale test, every so many inputs are re-checked by coerce_inputs


@cache
def _pack(path: Path):
    return load_pack(path, rules_dir=RULES)


def _on(pack) -> dt.date:
    return pack.default_date(REFERENCE_DAY)


# -- identical decisions (a reform inherits what it does not change) -----------------------------


def _fingerprint(pack, name: str) -> str:
    """Everything that decides what a decision fires and outputs on the evaluation date."""
    decision = pack.decisions[name]
    read: set = set()
    inputs = [(s.name, s.type, tuple(s.values), s.minimum, s.maximum, s.has_default, s.default)
              for s in decision.inputs.values()]
    outputs = [(o.name, o.type, tuple(o.values)) for o in decision.outputs.values()]
    derive = []
    for derived in decision.derive.values():
        derive.append((derived.name, derived.expression.source, derived.domain))
        read |= derived.expression.names
    rules = []
    for rule in decision.rules:
        when = []
        for condition in rule.when:
            bounds = [(b.op, b.operand, b.is_name) for b in condition.bounds]
            read |= {b.operand for b in condition.bounds if b.is_name}
            when.append((condition.name, tuple(condition.equals), bounds))
        then = []
        for outcome in rule.then:
            source = outcome.expression.source if outcome.expression is not None else None
            then.append((outcome.output, outcome.constant, outcome.parameter, source, outcome.template))
            if outcome.parameter:
                read.add(outcome.parameter)
            if outcome.expression is not None:
                read |= outcome.expression.names
            if outcome.template:
                read |= set(_PLACEHOLDER.findall(outcome.template))
        rules.append((rule.id, when, then))
    results = []
    for out_name, (expression, _where) in decision.result.items():
        results.append((out_name, expression.source))
        read |= expression.names
    on = _on(pack)
    parameters = []
    for parameter_name in sorted(read & set(pack.parameters)):
        chosen = pack.parameters[parameter_name].value_on(on)
        parameters.append((parameter_name, None if chosen is None else chosen[0]))
    return repr((decision.name, decision.hit_policy, inputs, outputs, derive, rules, results,
                 parameters))


PAIRS = [(path, name) for path in pack_files(RULES) for name in _pack(path).decisions]


def _distinct(pairs: list) -> list:
    chosen, seen = [], set()
    for path, name in pairs:
        fingerprint = _fingerprint(_pack(path), name)
        if fingerprint not in seen:
            seen.add(fingerprint)
            chosen.append((path, name))
    return chosen


DISTINCT = _distinct(PAIRS)


def _case_id(pair) -> str:
    path, name = pair
    return f"{path.relative_to(RULES).as_posix().removesuffix('.yaml')}:{name}"


# -- seeded valid inputs, generated column by column -----------------------------------------------


def _boundaries(pack, decision, name: str, on) -> list:
    """Numbers a rule compares this input with directly, and their neighbours."""
    points = set()
    for rule in decision.rules:
        for condition in rule.when:
            if condition.name != name:
                continue
            points |= {v for v in condition.equals if isinstance(v, int | float)
                       and not isinstance(v, bool)}
            for bound in condition.bounds:
                value = bound.operand
                if bound.is_name:
                    chosen = pack.parameters[value].value_on(on) if value in pack.parameters else None
                    value = chosen[0] if chosen else None
                if isinstance(value, int | float) and not isinstance(value, bool):
                    points.add(value)
    spec = decision.inputs[name]
    near = set()
    for point in points:
        near |= {point - 1, point, point + 1}
        if spec.type == "number":
            near |= {point - 0.01, point + 0.01}
    if spec.type == "integer":
        near = {int(v) for v in near if float(v).is_integer()}
    low = spec.minimum if spec.minimum is not None else -math.inf
    high = spec.maximum if spec.maximum is not None else math.inf
    return sorted(v for v in near if low <= v <= high)


def _pick(pool: list, rng: random.Random, n: int) -> list:
    """n values from pool: one random byte each through a 256-entry table (every value in it)."""
    if len(pool) > 256:
        return rng.choices(pool, k=n)
    table = [pool[index * len(pool) // 256] for index in range(256)]
    return list(map(table.__getitem__, rng.randbytes(n)))


def _column(spec, boundaries: list, regime: int, rng: random.Random, n: int) -> list:
    """n valid values of one input, typed as `coerce_inputs` returns them."""
    if spec.type == "enum":
        return _pick(list(spec.values), rng, n)
    if spec.type == "boolean":
        return _pick([True, False], rng, n)
    low = spec.minimum if spec.minimum is not None else 0
    if spec.type == "integer":
        low = math.ceil(low)
        top = math.floor(spec.maximum) if spec.maximum is not None else low + COUNT_SPAN
        high = min(top, low + (12, COUNT_SPAN, 20)[regime])
        pool = list(range(low, high + 1)) + (boundaries if regime == 0 else [])
        return _pick(pool, rng, n)
    high = spec.maximum if spec.maximum is not None else low + NUMBER_SPAN.get(spec.name, DEFAULT_SPAN)
    if regime == 0:  # whole and round numbers (ints, as JSON gives them): ratios, sums on boundaries
        start = math.ceil(low)
        step = 5
        while (high - low) / step > 48:
            step *= 10
        pool = list(range(start, min(math.floor(high), start + 12) + 1)) + boundaries
        pool += list(range(math.ceil(low / step) * step, math.floor(high) + 1, step))
        return _pick(pool, rng, n)
    draw, width = rng.random, high - low
    if regime == 1:  # two decimals, as people type them
        return [min(high, max(low, round(low + draw() * width, 2))) for _ in range(n)]
    return [min(high, low + draw() * width) for _ in range(n)]  # full binary floats


def _valid_inputs(pack, decision, rng: random.Random, n: int):
    """n seeded valid inputs (every input given), in chunks that take turns between regimes."""
    names = tuple(decision.inputs)
    on = _on(pack)
    boundaries = {name: _boundaries(pack, decision, name, on) for name in names
                  if decision.inputs[name].type in ("integer", "number")}
    chunk = max(1, min(CHUNK, -(-n // (2 * REGIMES))))  # even a small n sees every regime twice
    made = 0
    for index in itertools.count():
        if made >= n:
            return
        size = min(chunk, n - made)
        regime = index % REGIMES
        columns = [_column(decision.inputs[name], boundaries.get(name, []), regime, rng, size)
                   for name in names]
        rows = zip(*columns, strict=True) if columns else itertools.repeat((), size)
        for row in rows:
            yield dict(zip(names, row, strict=True))
        made += size


def _typed(value):
    """A value with the type of every scalar in it, so 100 and 100.0 (or 1 and True) differ."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_typed(item) for item in value]
    return (type(value).__name__, value)


def test_generated_inputs_are_valid_and_typed():
    """The scale test passes inputs with checked=True: they must be what coerce_inputs returns."""
    assert DISTINCT
    for path, name in DISTINCT:
        pack = _pack(path)
        decision = pack.decisions[name]
        made = 0
        for inputs in _valid_inputs(pack, decision, random.Random(f"typed/{name}"), 3000):
            assert _typed(coerce_inputs(decision, inputs)) == _typed(inputs), (path, name, inputs)
            made += 1
        assert made == 3000


def test_enough_distinct_decisions_are_proven_at_scale():
    """Skipping inherited decisions must not hide everything, nor what a reform changes."""
    assert len(DISTINCT) >= MIN_DISTINCT, [_case_id(p) for p in DISTINCT]
    reforms = {path for path, _name in PAIRS if _pack(path).extends}
    assert reforms, "no reform in rules/: the skip of inherited decisions is not exercised"
    for reform in reforms:  # each reform changes some decision, which is then proven at scale
        assert any(path == reform for path, _name in DISTINCT), reform


# -- 1. end to end, including refusals --------------------------------------------------------------


def _numeric(decision) -> list:
    return [n for n, s in decision.inputs.items() if s.type in ("integer", "number")]


def _as_text(spec, value, rng: random.Random):
    if spec.type == "boolean":
        return rng.choice(("ya", "true", "benar", " YES ") if value else ("tidak", "false", "0", "salah"))
    if spec.type == "enum":
        return f" {value} "
    return repr(value) if isinstance(value, float) else str(value)


def _mutate(kind: str, pack, decision, inputs: dict, rng: random.Random) -> dict | None:
    """The input changed as `kind` says, or None when the decision has nothing to change that way."""
    given = dict(inputs)
    specs = decision.inputs

    def pick(names):
        return rng.choice(sorted(names)) if names else None

    if kind == "valid":
        return given
    if kind == "defaults":
        optional = [n for n, s in specs.items() if s.has_default]
        if not optional:
            return None
        for name in optional:
            if rng.random() < 0.7:
                del given[name]
        return given
    if kind == "text":
        return {name: _as_text(specs[name], value, rng) for name, value in given.items()}
    if kind == "integral_float":
        name = pick([n for n, s in specs.items() if s.type == "integer"])
        if name is None:
            return None
        given[name] = float(given[name])
        return given
    if kind == "bad_enum":
        name = pick([n for n, s in specs.items() if s.type == "enum"])
        if name is None:
            return None
        given[name] = rng.choice(("bukan_nilai", "", 3, None))
        return given
    if kind == "below_min":
        name = pick([n for n in _numeric(decision) if specs[n].minimum is not None])
        if name is None:
            return None
        given[name] = specs[name].minimum - rng.choice((1, 0.5, 1e-6)) if specs[name].type == "number" \
            else math.ceil(specs[name].minimum) - 1
        return given
    if kind == "above_max":
        name = pick([n for n in _numeric(decision) if specs[n].maximum is not None])
        if name is None:
            return None
        step = rng.choice((1, 0.5, 1e-6)) if specs[name].type == "number" else 1
        given[name] = specs[name].maximum + step
        return given
    if kind == "missing":
        name = pick([n for n, s in specs.items() if not s.has_default])
        if name is None:
            return None
        del given[name]
        return given
    if kind == "not_integer":
        name = pick([n for n, s in specs.items() if s.type == "integer"])
        if name is None:
            return None
        given[name] = given[name] + rng.choice((0.5, 0.25, 0.001))
        return given
    if kind == "huge":
        name = pick(_numeric(decision))
        if name is None:
            return None
        given[name] = rng.choice((10**16, 10**15 + 1, 1e17, -(10**16), "1" + "0" * 50))
        return given
    if kind == "at_limit":  # allowed itself, but derived values and events may pass the limit
        name = pick([n for n in _numeric(decision) if specs[n].maximum is None])
        if name is None:
            return None
        given[name] = rng.choice((LARGEST, LARGEST // 3, 10**14 + 0.5))
        return given
    if kind == "unknown":
        given[rng.choice(("tidak_dikenal", "Predikat", "nilai skp"))] = 1
        return given
    if kind == "bad_boolean":
        name = pick([n for n, s in specs.items() if s.type == "boolean"])
        if name is None:
            return None
        given[name] = rng.choice(("mungkin", 2, None))
        return given
    if kind == "bad_number":
        name = pick(_numeric(decision))
        if name is None:
            return None
        given[name] = rng.choice(("12,5", "abc", True, float("nan"), float("inf"), "1_0", None, [1]))
        return given
    raise AssertionError(kind)


KINDS = ("valid", "defaults", "text", "integral_float", "bad_enum", "below_min", "above_max",
         "missing", "not_integer", "huge", "at_limit", "unknown", "bad_boolean", "bad_number")
WEIGHTED_KINDS = ("valid",) * 10 + ("defaults",) * 3 + ("text",) * 2 + KINDS


def _outcome(call):
    """("ok", outputs) or ("error", code, params): the params make the message a person reads."""
    try:
        return ("ok", call())
    except EvaluationError as error:
        return ("error", error.code, error.params)


@pytest.mark.parametrize(("path", "name"), PAIRS, ids=[_case_id(p) for p in PAIRS])
def test_batch_equals_engine_end_to_end(path, name):
    pack = _pack(path)
    decision = pack.decisions[name]
    on = _on(pack)
    engine = Engine()
    batch = BatchEvaluator(pack, name, on)
    rng = random.Random(f"end-to-end/{_case_id((path, name))}")
    applied: dict = {}
    results = {"ok": 0, "error": 0}
    for index, inputs in enumerate(_valid_inputs(pack, decision, rng, END_TO_END)):
        kind = KINDS[index] if index < len(KINDS) else rng.choice(WEIGHTED_KINDS)
        given = _mutate(kind, pack, decision, inputs, rng)
        if given is None:
            kind, given = "valid", dict(inputs)
        applied[kind] = applied.get(kind, 0) + 1
        want = _outcome(lambda given=given: engine.evaluate(pack, name, dict(given), on=on).outputs)
        got = _outcome(lambda given=given: batch.evaluate(dict(given)))
        assert _typed(got) == _typed(want), (
            f"{_case_id((path, name))} on {on} ({kind}) input {given!r}:\n"
            f"  batch:  {got!r}\n  engine: {want!r}")
        results[want[0]] += 1
    assert sum(applied.values()) == END_TO_END
    assert results["ok"] > END_TO_END // 2 and results["error"] > 0, (results, applied)


# -- 2. rule matching at scale -------------------------------------------------------------------


def _projector(fields: tuple):
    """The values of `fields` in a names dict: one value alone, several as a tuple."""
    if not fields:
        return lambda names: ()
    return itemgetter(*fields)


class _DurableRules:
    """What durable-rules fires for prepared values, asked once per distinct event (memoised).

    Memo tables are kept per type signature of the values read (`True` and `1` are equal keys in
    Python but different JSON), then keyed by the values themselves.
    """

    def __init__(self, engine: Engine, compiled):
        self.engine = engine
        self.compiled = compiled
        self.decision = compiled.decision
        self.asked = 0  # events durable-rules answered
        self.signatures: dict = {}  # type signature -> its memo table(s)
        if self.decision.hit_policy == "collect":
            groups: dict = {}  # rules reading the same names share one memo key (asked one by one)
            for index, rule in enumerate(self.decision.rules):
                read = set()
                for condition in rule.when:
                    read.add(condition.name)
                    read |= {b.operand for b in condition.bounds if b.is_name}
                groups.setdefault(tuple(sorted(read)), []).append((index, rule.id))
            self.groups = [(_projector(fields), fields, tuple(rules)) for fields, rules in groups.items()]
            self.project = _projector(tuple(sorted(set().union(*groups))))
            self.ids = [rule.id for rule in self.decision.rules]
            self.fired = self._collect
        else:
            self.project = _projector(compiled.event_fields + compiled.bound_parameters)
            self.fired = self._single

    def _types(self, values) -> tuple:
        return tuple(map(type, values)) if type(values) is tuple else (type(values),)

    def _single(self, names: dict):
        values = self.project(names)
        types = self._types(values)
        memo = self.signatures.get(types)
        if memo is None:
            memo = self.signatures[types] = {}
        answer = memo.get(values)
        if answer is None:
            try:  # the engine's own step: one event, built from names exactly as it builds it
                answer = self.engine._fire(self.compiled, self.decision, names)
            except EvaluationError as error:
                answer = ("error", error.code)
            self.asked += 1
            memo[values] = answer
        return answer

    def _collect(self, names: dict):
        types = self._types(self.project(names))
        tables = self.signatures.get(types)
        if tables is None:
            tables = self.signatures[types] = [(*group, {}) for group in self.groups]
        hits = []
        for project, fields, rules, memo in tables:
            values = project(names)
            answer = memo.get(values)
            if answer is None:
                answer = memo[values] = self._ask(fields, rules, values)
            if answer:
                if type(answer) is str:  # the engine's magnitude guard refuses the whole event
                    return ("error", answer)
                hits += answer
        if len(hits) > 1:
            hits.sort()
        ids = self.ids
        return [ids[index] for index in hits]

    def _ask(self, fields: tuple, rules: tuple, values):
        event = dict(zip(fields, values if len(fields) != 1 else (values,), strict=True))
        try:
            _check_magnitude(event, self.decision)
        except EvaluationError as error:
            return error.code
        hits = []
        for index, rule_id in rules:
            posted = {**event, "_row": rule_id}
            with _LOCK:
                posted["_n"] = next(_SEQUENCE)
                answer = post_event(self.compiled.handle, posted)
            self.asked += 1
            assert answer in (None, rule_id), (posted, answer)
            if answer is not None:
                hits.append(index)
        return tuple(hits)


def _engine_view(engine: Engine, pack, name: str, inputs: dict, on):
    try:
        result = engine.evaluate(pack, name, dict(inputs), on=on)
    except EvaluationError as error:
        return ("error", error.code, error.params)
    return {"fired": [s["rule"] for s in result.trace if s["kind"] == "rule"], "outputs": result.outputs}


@pytest.mark.parametrize(("path", "name"), DISTINCT, ids=[_case_id(p) for p in DISTINCT])
def test_batch_fires_what_durable_rules_fires(path, name):
    started = time.perf_counter()
    pack = _pack(path)
    decision = pack.decisions[name]
    on = _on(pack)
    engine = Engine()
    batch = BatchEvaluator(pack, name, on)
    durable = _DurableRules(engine, compile_decision(pack, name))
    prepare, fired, reference = batch.prepare, batch.fired, durable.fired
    compared = refused = 0
    results: set = set()
    for inputs in _valid_inputs(pack, decision, random.Random(f"scale/{_case_id((path, name))}"), N):
        if compared % CHECK_TYPED_EVERY == 0:
            assert _typed(coerce_inputs(decision, inputs)) == _typed(inputs), inputs
        try:
            names = prepare(inputs, checked=True)
        except EvaluationError as error:  # a derived value refused: the engine must refuse alike
            view = _engine_view(engine, pack, name, inputs, on)
            assert isinstance(view, tuple) and view[1] == error.code, (inputs, error.code, view)
            refused += 1
            compared += 1
            continue
        try:
            got = fired(names)
        except EvaluationError as error:
            got = ("error", error.code)
        want = reference(names)
        if got != want:
            event = {f: names[f] for f in durable.compiled.event_fields + durable.compiled.bound_parameters}
            pytest.fail(f"{_case_id((path, name))} on {on}: input {inputs!r}\n  event {event!r}\n"
                        f"  batch fired:        {got!r}\n  durable-rules fired: {want!r}\n"
                        f"  Engine.evaluate:    {_engine_view(engine, pack, name, inputs, on)!r}")
        results.add(tuple(got))
        compared += 1
    elapsed = time.perf_counter() - started
    summary = (f"{_case_id((path, name))}: {compared:,} inputs compared, durable-rules answered "
               f"{durable.asked:,} distinct events, {refused:,} refused while deriving, "
               f"{len(results)} distinct results, {elapsed:.1f} s")
    print(summary)
    assert compared == N, summary
    assert durable.asked >= 1, summary
    if len(decision.rules) >= 2:
        assert len(results) >= 2, summary
