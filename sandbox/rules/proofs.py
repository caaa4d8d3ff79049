"""What `rules check` proves beyond a whole table: warnings and notes a regulator must hear.

Errors (a pack that cannot be used) come from the loader and `lint.py`, declared constraints
included. This module adds what a pack may still be used with but should not be shipped with:

- warning `note.typed_number`: a number typed in prose that equals a parameter's value, where a
  `{param:…}` placeholder belongs (a reform would leave the sentence quoting the old number);
- warning `note.cite_inherited`: a reform changes a parameter's value but keeps the base's cite;
- warning `note.output_unreachable`: an outcome a decision declares (a predikat, true/false) that
  no input reaches on some date — e.g. weights that cap nilai kinerja below the Sangat Baik bound;
- note `note.kurva`: ratings the distribution curve makes impossible in small units.

The curve table and the reachability search use `BatchEvaluator`, which evaluates the pack's own
rules and is proven equal to durable-rules by `tests/test_rules_batch_differential.py`.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from dataclasses import dataclass, field

from sandbox.i18n import message
from sandbox.rules.batch import BatchEvaluator, _run
from sandbox.rules.model import Decision, RulePack
from sandbox.rules.plain import plain
from sandbox.rules.problems import EvaluationError, Problem, shown_params
from sandbox.rules.texts import typed_numbers

MAX_COMBINATIONS = 50_000  # inputs tried per decision and date when looking for an outcome
NOTE_SIZES = 5  # `rules check` notes the curve for units of 1…5; `rules kurva` shows 1…20
MAX_SUMMARY = 700  # characters of the curve note's summary; the command shows the whole table


def pack_notes(pack: RulePack) -> list[Problem]:
    """Warnings and notes of one loaded pack, each kind in file order.

    A check that cannot run on an odd pack says so as a warning instead of stopping `rules check`
    with a traceback (the pack's errors, if any, are reported by the loader already)."""
    notes: list[Problem] = []
    for family in (typed_number_notes, inherited_cite_notes, reachability_notes, curve_notes):
        try:
            notes.extend(family(pack))
        except Exception as error:  # noqa: BLE001 - any failure of a check is itself a finding
            notes.append(Problem(pack.where.file, pack.where.line, "note.proof_failed",
                                 {"check": family.__name__.removesuffix("_notes"),
                                  "detail": f"{type(error).__name__}: {str(error)[:120]}"},
                                 severity="warning"))
    return notes


# --------------------------------------------------------------------------- prose


def typed_number_notes(pack: RulePack) -> list[Problem]:
    """Numbers typed in the pack's own texts that equal a parameter value in force."""
    notes: list[Problem] = []
    on = pack.default_date()
    for prose in pack.prose:
        if prose.field == "legal_basis" or prose.where.file != pack.where.file:
            continue
        for typed, placeholder in typed_numbers(prose.text, pack.parameters, on, prose.hint):
            notes.append(Problem(prose.where.file, prose.where.line, "note.typed_number",
                                 {"key": prose.field, "typed": typed, "placeholder": placeholder},
                                 severity="warning"))
    return notes


def inherited_cite_notes(pack: RulePack) -> list[Problem]:
    """A reform's new value still cited with the regulation the base cites for the old one."""
    if pack.base is None:
        return []
    notes = []
    for name, parameter in pack.parameters.items():
        old = pack.base.parameters.get(name)
        if old is None:
            continue
        old_values = [value for _, value in old.values]
        if all(value in old_values for _, value in parameter.values):
            continue
        if parameter.templates.get("cite", parameter.cite) == old.templates.get("cite", old.cite):
            notes.append(Problem(parameter.where.file, parameter.where.line, "note.cite_inherited",
                                 {"name": name, "cite": parameter.cite}, severity="warning"))
    return notes


# --------------------------------------------------------------------------- reachability


def _decision_dates(pack: RulePack, decision: Decision) -> list[dt.date]:
    """The pack's first day and each later day a parameter this decision reads changes."""
    names: set = set()
    for derived in decision.derive.values():
        names |= derived.expression.names
    for rule in decision.rules:
        for condition in rule.when:
            names |= {b.operand for b in condition.bounds if b.is_name}
        for outcome in rule.then:
            if outcome.parameter:
                names.add(outcome.parameter)
            if outcome.expression is not None:
                names |= outcome.expression.names
    read = [pack.parameters[name] for name in sorted(names & set(pack.parameters))]
    dates = {pack.effective_from}
    for parameter in read:
        dates.update(day for day, _ in parameter.values
                     if day > pack.effective_from
                     and (pack.effective_to is None or day <= pack.effective_to))
    # a day some parameter is not in force yet is refused by the engine: nothing to reach there
    return sorted(day for day in dates if all(p.value_on(day) is not None for p in read))


def _boundaries(pack: RulePack, decision: Decision, on: dt.date) -> set:
    """Every number the rules compare with on `on`, and the ends of declared derived ranges."""
    numbers: set = set()
    for rule in decision.rules:
        for condition in rule.when:
            numbers.update(v for v in condition.equals
                           if isinstance(v, int | float) and not isinstance(v, bool))
            for bound in condition.bounds:
                operand = bound.operand
                if bound.is_name:
                    parameter = pack.parameters.get(operand)
                    chosen = parameter.value_on(on) if parameter else None
                    operand = chosen[0] if chosen else None
                if isinstance(operand, int | float) and not isinstance(operand, bool):
                    numbers.add(operand)
    for derived in decision.derive.values():
        if derived.domain:
            numbers.update(derived.domain)
    return numbers


def input_samples(pack: RulePack, decision: Decision, on: dt.date) -> dict[str, list]:
    """Values to try for each input: every enum value and boolean, and for numbers the rules'
    boundaries (each with a step either side), the input's own range and a few round numbers."""
    boundaries = _boundaries(pack, decision, on) | {0, 1, 10, 100}
    samples: dict[str, list] = {}
    for name, spec in decision.inputs.items():
        if spec.type == "enum":
            samples[name] = list(spec.values)
            continue
        if spec.type == "boolean":
            samples[name] = [True, False]
            continue
        whole = spec.type == "integer"
        step = 1 if whole else 0.5
        points = {p + d for p in boundaries for d in (-step, 0, step)}
        low, high = spec.minimum, spec.maximum
        if low is not None and high is not None:
            points.update(low + (high - low) * i / 10 for i in range(11))
        points.update(p for p in (low, high) if p is not None)
        if whole:
            points = {math.ceil(p) for p in points} | {math.floor(p) for p in points}
        samples[name] = sorted(p for p in points
                               if (low is None or p >= low) and (high is None or p <= high))
    return _thin(samples)


def _thin(samples: dict[str, list]) -> dict[str, list]:
    """Keep every other value of the longest list until the product fits MAX_COMBINATIONS."""
    while math.prod(len(v) for v in samples.values()) > MAX_COMBINATIONS:
        longest = max(samples, key=lambda n: len(samples[n]))
        values = samples[longest]
        if len(values) <= 2:
            break
        samples[longest] = values[::2] + ([values[-1]] if len(values) % 2 == 0 else [])
    return samples


def reached_outcomes(pack: RulePack, decision: Decision, on: dt.date, wanted: dict[str, set],
                     targets: dict | None = None,
                     exhaustive: bool = False) -> tuple[dict[str, set], dict, int]:
    """Which `wanted` output values some sampled input reaches: overall, and per value of each
    optional enum or boolean input — a setting such as penilaian_360=false ("partitions"); and
    how many inputs were tried.

    The search stops once every wanted value is reached overall and, when `targets` (partitions
    of the base pack) is given, every partition reaches what the base's does; `exhaustive` tries
    every sample (to learn the base's partitions)."""
    evaluator = BatchEvaluator(pack, decision.name, on)
    samples = input_samples(pack, decision, on)
    names = list(samples)
    split = [n for n in names if decision.inputs[n].type in ("enum", "boolean")
             and decision.inputs[n].has_default]
    reached: dict[str, set] = {output: set() for output in wanted}
    parts: dict = {}
    tried = 0
    for combination in itertools.islice(itertools.product(*(samples[n] for n in names)),
                                        MAX_COMBINATIONS):  # many two-valued inputs stay bounded
        tried += 1
        inputs = dict(zip(names, combination, strict=True))
        try:
            outputs = evaluator.evaluate(inputs, checked=True)
        except EvaluationError:
            continue
        for output, values in wanted.items():
            value = outputs.get(output)
            if value in values:
                reached[output].add(value)
                for name in split:
                    parts.setdefault((name, inputs[name], output), set()).add(value)
        if not exhaustive and all(reached[o] >= wanted[o] for o in wanted) and (
                targets is None or all(parts.get(key, set()) >= got for key, got in targets.items())):
            break
    return reached, parts, tried


def _in_force_on(pack: RulePack, on: dt.date) -> dt.date:
    if on < pack.effective_from:
        return pack.effective_from
    if pack.effective_to and on > pack.effective_to:
        return pack.effective_to
    return on


def _wanted(decision: Decision) -> dict[str, set]:
    set_by_rules = {o.output for r in decision.rules for o in r.then}
    wanted = {}
    for name, spec in decision.outputs.items():
        if name not in set_by_rules:
            continue
        if spec.type == "enum":
            wanted[name] = set(spec.values)
        elif spec.type == "boolean":
            wanted[name] = {True, False}
    return wanted


def reachability_notes(pack: RulePack) -> list[Problem]:
    """Declared enum values and booleans of unique/first decisions that no input reaches; for a
    reform also what the base reaches for one value of an enum/boolean input and the reform no
    longer does (weights that cap nilai kinerja below Sangat Baik when penilaian_360 is false)."""
    notes: list[Problem] = []
    for decision in pack.decisions.values():
        wanted = _wanted(decision) if decision.hit_policy != "collect" else {}
        if not wanted:
            continue  # collect rules are each proven satisfiable; the curve has its own table
        base = pack.base.decisions.get(decision.name) if pack.base is not None else None
        seen: set = set()
        for on in _decision_dates(pack, decision):
            targets = None
            if base is not None and _wanted(base) == wanted and base.inputs.keys() == decision.inputs.keys():
                _, targets, _ = _base_partitions(pack.base, base, _in_force_on(pack.base, on), wanted)
            reached, parts, tried = reached_outcomes(pack, decision, on, wanted, targets)
            shown_tried = f"{tried:,}".replace(",", ".")
            for output, values in wanted.items():
                for value in sorted(values - reached[output], key=str):
                    if (output, value) not in seen:
                        seen.add((output, value))
                        notes.append(_unreachable(pack, decision, output, value, on, shown_tried))
            for (name, given, output), base_values in sorted((targets or {}).items(), key=str):
                for value in sorted(base_values - parts.get((name, given, output), set()), key=str):
                    if (output, value) in seen or (output, value, name, given) in seen:
                        continue
                    seen.add((output, value, name, given))
                    notes.append(_unreachable(pack, decision, output, value, on, shown_tried,
                                              when=f"{name}={plain(given)}"))
    return notes


_PARTITIONS: dict = {}  # (content hash, pack, decision, date) -> partitions of a base pack


def _base_partitions(base: RulePack, decision: Decision, on: dt.date, wanted: dict):
    key = (base.content_hash, base.id, decision.name, on)
    if key not in _PARTITIONS:
        if len(_PARTITIONS) > 32:
            _PARTITIONS.clear()
        _PARTITIONS[key] = reached_outcomes(base, decision, on, wanted, exhaustive=True)
    return _PARTITIONS[key]


def _unreachable(pack, decision, output, value, on, tried, when=None) -> Problem:
    where = _blame_outcome(pack, decision, output, value)
    params = {"decision": decision.name, "output": output, "value": _label(decision, output, value),
              "on": on.isoformat(), "tried": tried}
    if when is None:
        return Problem(where.file, where.line, "note.output_unreachable", params, severity="warning")
    return Problem(where.file, where.line, "note.output_unreachable_when", {**params, "when": when},
                   severity="warning")


def _label(decision: Decision, output: str, value: object) -> str:
    labels = decision.outputs[output].labels
    shown = plain(value)
    return f"{shown} ({labels[value]})" if isinstance(value, str) and value in labels else shown


def _blame_outcome(pack: RulePack, decision: Decision, output: str, value: object):
    """A reform's own file when the change is the reform's; else the rule that sets the value."""
    if pack.base is not None:
        return pack.where
    for rule in decision.rules:
        for outcome in rule.then:
            if outcome.output == output and outcome.constant == value:
                return rule.where
    return decision.where


# --------------------------------------------------------------------------- the curve


@dataclass
class CurveTable:
    """For each organisation predikat and unit size: the ratings no fitting spread contains."""

    pack: str
    decision: str
    on: dt.date
    most: int
    organisations: list  # [(value, label)]
    ratings: list  # [(input name, label)]
    impossible: dict = field(default_factory=dict)  # (org, size) -> tuple of rating labels
    none_fits: set = field(default_factory=set)  # (org, size) where no spread fits at all

    def rows(self, org: str) -> list[tuple[str, tuple, bool]]:
        """(sizes as a range text, impossible labels, none fits) with equal sizes grouped."""
        groups: list = []
        for size in range(1, self.most + 1):
            key = (self.impossible.get((org, size), ()), (org, size) in self.none_fits)
            if groups and groups[-1][1] == key and groups[-1][0][-1] == size - 1:
                groups[-1][0].append(size)
            else:
                groups.append(([size], key))
        return [(_sizes([s for s in sizes]), key[0], key[1]) for sizes, key in groups]

    def to_json(self) -> dict:
        return {"pack": self.pack, "decision": self.decision, "on": self.on.isoformat(),
                "organisasi": {org: {str(n): {"tidak_mungkin": list(self.impossible.get((org, n), ())),
                                              "tidak_ada_sebaran": (org, n) in self.none_fits}
                                     for n in range(1, self.most + 1)}
                               for org, _ in self.organisations}}


def _sizes(sizes: list[int]) -> str:
    """1, 2, 3, 5 → "1–3, 5"."""
    runs: list[list[int]] = []
    for size in sorted(sizes):
        if runs and runs[-1][-1] == size - 1:
            runs[-1].append(size)
        else:
            runs.append([size])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def curve_decision(pack: RulePack, name: str | None = None) -> Decision | None:
    """The curve decision: one enum input, whole-number inputs `jumlah_*`, a boolean output."""
    candidates = [pack.decisions[name]] if name in pack.decisions else (
        [] if name else sorted(pack.decisions.values(), key=lambda d: d.name != "kurva"))
    for decision in candidates:
        enums = [s for s in decision.inputs.values() if s.type == "enum"]
        counts = [s for s in decision.inputs.values()
                  if s.type == "integer" and s.name.startswith("jumlah_")]
        flags = [s for s in decision.outputs.values() if s.type == "boolean"]
        if (len(enums) == 1 and len(counts) >= 2 and len(flags) == 1
                and len(enums) + len(counts) == len(decision.inputs)):
            return decision
    return None


def _rating_label(pack: RulePack, key: str) -> str:
    for decision in pack.decisions.values():
        for spec in decision.outputs.values():
            if spec.type == "enum" and key in spec.values and key in spec.labels:
                return spec.labels[key]
    return key.replace("_", " ").title()


def _compositions(total: int, parts: int):
    if parts == 1:
        yield (total,)
        return
    for first in range(total, -1, -1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def curve_table(pack: RulePack, decision_name: str | None = None, most: int = 20,
                on: dt.date | None = None) -> CurveTable | None:
    """Try every spread of 1…`most` staff for every organisation predikat (None: no curve)."""
    decision = curve_decision(pack, decision_name)
    if decision is None:
        return None
    on = on or pack.default_date()
    return _curve_table(pack, decision.name, most, on)


_TABLES: dict = {}  # (content hash, pack, decision, most, date) -> CurveTable


def _curve_table(pack: RulePack, name: str, most: int, on: dt.date) -> CurveTable:
    key = (pack.content_hash, pack.id, name, most, on)
    if key not in _TABLES:
        if len(_TABLES) > 32:
            _TABLES.clear()
        _TABLES[key] = _compute(pack, name, most, on)
    return _TABLES[key]


def _memoised(evaluator: BatchEvaluator, decision: Decision, wanted: frozenset):
    """`evaluator.evaluate` for many spreads of one unit: a derived value is computed once per
    distinct set of values it reads (a quota of 20 staff is the same for every spread of 20).

    Formulas are pure, so this gives exactly what `prepare` gives; the rules and results still run
    through the evaluator for every spread."""
    steps = [(name, function, source, domain, tuple(sorted(decision.derive[name].expression.names)),
              {}) for name, function, source, domain in evaluator._derive]

    def evaluate(inputs: dict) -> dict:
        names = {**evaluator.parameters, **inputs}
        for name, function, source, domain, reads, memo in steps:
            key = tuple(names.get(n) for n in reads)
            try:
                known = key in memo
            except TypeError:  # a table parameter: not a key, computed every time
                known, key = False, None
            if not known:
                value = _run(function, source, names, name)
                if domain and isinstance(value, int | float) and not domain[0] <= value <= domain[1]:
                    raise EvaluationError("eval.derived_out_of_range", name=name)
                if key is None:
                    names[name] = value
                    continue
                if len(memo) > 100_000:
                    memo.clear()
                memo[key] = value
            names[name] = memo[key]
        return evaluator.outputs(names, evaluator.fired(names), wanted)

    return evaluate


def _compute(pack: RulePack, name: str, most: int, on: dt.date) -> CurveTable:
    decision = pack.decisions[name]
    org_input = next(s for s in decision.inputs.values() if s.type == "enum")
    counts = [s.name for s in decision.inputs.values() if s.type == "integer"]
    flag = next(s.name for s in decision.outputs.values() if s.type == "boolean")
    ratings = [(c, _rating_label(pack, c.removeprefix("jumlah_"))) for c in counts]
    organisations = [(v, org_input.labels.get(v, str(v).replace("_", " ").title()))
                     for v in org_input.values]
    table = CurveTable(pack.id, name, on, most, organisations, ratings)
    evaluate = _memoised(BatchEvaluator(pack, name, on), decision, frozenset({flag}))
    for org, _label in organisations:
        for size in range(1, most + 1):
            possible: set = set()
            fits_any = False
            for spread in _compositions(size, len(counts)):
                inputs = dict(zip(counts, spread, strict=True))
                inputs[org_input.name] = org
                try:
                    fits = evaluate(inputs)[flag] is True
                except EvaluationError:
                    continue
                if fits:
                    fits_any = True
                    possible.update(i for i, n in enumerate(spread) if n > 0)
                    if len(possible) == len(counts):
                        break
            impossible = tuple(ratings[i][1] for i in range(len(counts)) if i not in possible)
            if impossible:
                table.impossible[(org, size)] = impossible
            if not fits_any:
                table.none_fits.add((org, size))
    return table


def _summary(table: CurveTable, lang: str) -> str:
    parts = []
    for org, label in table.organisations:
        items = []
        none = [n for n in range(1, table.most + 1) if (org, n) in table.none_fits]
        if none:
            items.append(message("kurva.none_fits", lang, sizes=_sizes(none)))
        for _, rating in table.ratings:
            sizes = [n for n in range(1, table.most + 1)
                     if (org, n) not in table.none_fits
                     and rating in table.impossible.get((org, n), ())]
            if sizes:
                items.append(message("kurva.item", lang, rating=rating, sizes=_sizes(sizes)))
        if items:
            parts.append(message("kurva.org", lang, org=label, items=", ".join(items)))
    summary = "; ".join(parts)
    if len(summary) > MAX_SUMMARY:
        summary = summary[:MAX_SUMMARY].rsplit("; ", 1)[0] + "; …"
    return summary


@dataclass(frozen=True)
class _KurvaNote(Problem):
    """A curve note renders its summary in the language asked for when it is printed."""

    table: CurveTable | None = field(default=None, compare=False, hash=False)

    def render(self, lang: str = "id") -> str:
        params = dict(shown_params(self.params), summary=_summary(self.table, lang))
        what = message(self.code, lang, **params)
        fix = message(f"{self.code}.fix", lang, **params)
        return f"{self.file}:{self.line}: {message('check.severity.note', lang)}: {what} — {fix}"


def curve_notes(pack: RulePack) -> list[Problem]:
    """The ratings the curve rules out in units of 1…NOTE_SIZES, unless a reform's curve is its
    base's (said once, for the base)."""
    decision = curve_decision(pack)
    if decision is None:
        return []
    on = pack.default_date()
    table = _curve_table(pack, decision.name, NOTE_SIZES, on)
    if not table.impossible and not table.none_fits:
        return []
    if pack.base is not None and curve_decision(pack.base, decision.name) is not None:
        base = _curve_table(pack.base, decision.name, NOTE_SIZES, pack.base.default_date())
        if base.impossible == table.impossible and base.none_fits == table.none_fits:
            return []
    where = decision.where if decision.where.file == pack.where.file else pack.where
    return [_KurvaNote(where.file, where.line, "note.kurva",
                       {"decision": decision.name, "sizes": f"1–{NOTE_SIZES}",
                        "on": on.isoformat(), "pack": pack.id}, "note", table)]
