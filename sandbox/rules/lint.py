"""Proving a decision table whole: no gaps, no overlaps under `unique`, no unreachable rule."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

from sandbox.rules.model import Bound, Condition, Constraint, Decision, Rule, RulePack
from sandbox.rules.plain import plain
from sandbox.rules.problems import Problem

# Above this many input combinations the table is not enumerated; the checker says so.
MAX_CELLS = 200_000


def lint_pack(pack: RulePack) -> list[Problem]:
    problems: list[Problem] = []
    for constraint in pack.constraints:
        problems.extend(prove_constraint(pack, constraint))
    for decision in pack.decisions.values():
        seen = {p.render("en") for p in problems}
        for on in _version_dates(pack, decision):
            for problem in lint_decision(pack, decision, on):
                shown = problem.render("en")
                if shown not in seen:  # the same finding on several dates is said once
                    seen.add(shown)
                    problems.append(problem)
    return problems


def constraint_dates(pack: RulePack, names: set) -> list:
    """The pack's first day and every later day a parameter among `names` changes value."""
    dates = {pack.effective_from}
    for name in names:
        parameter = pack.parameters.get(name)
        if parameter:
            dates.update(day for day, _ in parameter.values if day >= pack.effective_from
                         and (pack.effective_to is None or day <= pack.effective_to))
    return sorted(dates)


def _exact(value: object) -> object:
    """A parameter value for proving: 0.7 + 0.3 is exactly 1 (decimals as written, not binary)."""
    if isinstance(value, float):
        return Fraction(str(value))
    if isinstance(value, dict):
        return {key: _exact(item) for key, item in value.items()}
    return value


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {plain(v)}" for k, v in value.items()) + "}"
    return plain(value)


def prove_constraint(pack: RulePack, constraint: Constraint) -> list[Problem]:
    """Evaluate a declared constraint on every date a parameter it reads changes.

    A failure is reported where the value in force was written, preferring the pack's own file (a
    reform's change, not the base it extends), so `rules check` points at the line to correct.
    """
    problems: list[Problem] = []
    names = set(constraint.expression.names)
    for on in constraint_dates(pack, names):
        chosen = {name: pack.parameters[name].value_on(on) for name in sorted(names)}
        if any(value is None for value in chosen.values()):
            continue  # a parameter not in force yet: the engine refuses that date anyway
        values = {name: _exact(pair[0]) for name, pair in chosen.items()}
        shown = ", ".join(f"{name}={_shown(pair[0])}" for name, pair in chosen.items())
        try:
            holds = constraint.expression.evaluate(values)
        except Exception as error:  # noqa: BLE001 - any failure of the formula is a finding
            code, params = "lint.constraint_error", {"detail": str(error)[:120]}
        else:
            if not isinstance(holds, bool):
                code, params = "lint.constraint_not_boolean", {"value": plain(holds)}
            elif holds:
                continue
            else:
                code, params = "lint.constraint_failed", {}
        where = _blame(pack, constraint, chosen)
        problem = Problem(where.file, where.line, code, {
            "constraint": constraint.id, "description": constraint.description,
            "expr": constraint.expression.source, "values": shown, "on": on.isoformat(),
            **params})
        if not any(p.file == problem.file and p.line == problem.line for p in problems):
            problems.append(problem)
    return problems


def _blame(pack: RulePack, constraint: Constraint, chosen: dict):
    """The line holding the most recent value the constraint read, in the pack's own file if any."""
    places = []
    for name, (_value, since) in chosen.items():
        where = pack.parameters[name].value_where.get(since)
        if where is not None:
            places.append((where.file == pack.where.file, since, where))
    if not places:
        return constraint.where
    own = [p for p in places if p[0]]
    if own:
        return max(own, key=lambda p: p[1])[2]
    if constraint.where.file == pack.where.file:
        return constraint.where
    return max(places, key=lambda p: p[1])[2]


def _version_dates(pack: RulePack, decision: Decision) -> list:
    """Every date on which a parameter read by the table's bounds changes value."""
    names = {b.operand for r in decision.rules for c in r.when for b in c.bounds if b.is_name}
    dates = {pack.effective_from}
    for name in names:
        parameter = pack.parameters.get(name)
        if parameter:
            dates.update(day for day, _ in parameter.values if day >= pack.effective_from)
    return sorted(dates)


def _operand(pack: RulePack, bound: Bound, on) -> float | None:
    if not bound.is_name:
        return bound.operand
    parameter = pack.parameters.get(bound.operand)
    if parameter is None:
        return None  # a field reference (collect tables): unknown statically
    chosen = parameter.value_on(on)
    return chosen[0] if chosen else None


def lint_decision(pack: RulePack, decision: Decision, on) -> list[Problem]:
    if decision.hit_policy == "collect":
        return _lint_collect(pack, decision, on)
    dimensions = sorted({c.name for r in decision.rules for c in r.when})
    domains, points = {}, {}
    for name in dimensions:
        domains[name], points[name] = _cells_and_points(pack, decision, name, on)
    size = math.prod(len(d) for d in domains.values()) if domains else 1
    if size > MAX_CELLS:
        return [Problem(decision.where.file, decision.where.line, "lint.too_large",
                        {"decision": decision.name, "size": size})]
    problems = []
    first_hits: set = set()
    any_hits: set = set()
    gap_cells = []
    for combo in itertools.product(*(domains[n] for n in dimensions)):
        cell = dict(zip(dimensions, combo, strict=True))
        matching = [r for r in decision.rules if _matches(pack, r, cell, on)]
        if not matching:
            gap_cells.append(cell)
            continue
        first_hits.add(matching[0].id)
        any_hits.update(r.id for r in matching)
        if decision.hit_policy == "unique" and len(matching) > 1:
            # blame the rule written in the file being checked (a reform's change, not its base)
            own = [r for r in matching if r.where.file == pack.where.file]
            second = own[-1] if own else matching[1]
            other = next(r for r in matching if r is not second)
            problem = Problem(second.where.file, second.where.line, "lint.overlap",
                              {"rule": second.id, "other": other.id, "cell": _show(cell)})
            if not any(p.code == "lint.overlap" and p.params.get("rule") == second.id
                       and p.params.get("other") == other.id for p in problems):
                problems.append(problem)
    gaps = _describe_gaps(gap_cells, dimensions, domains, points)
    for text in gaps[:5]:
        problems.append(Problem(decision.where.file, decision.where.line, "lint.gap",
                                {"decision": decision.name, "cell": text}))
    if len(gaps) > 5:
        problems.append(Problem(decision.where.file, decision.where.line, "lint.more_gaps",
                                {"decision": decision.name, "count": len(gaps) - 5}))
    for rule in decision.rules:
        if rule.id not in any_hits:
            problems.append(Problem(rule.where.file, rule.where.line, "lint.unreachable",
                                    {"rule": rule.id}))
        elif decision.hit_policy == "first" and rule.id not in first_hits:
            problems.append(Problem(rule.where.file, rule.where.line, "lint.shadowed",
                                    {"rule": rule.id}))
    return problems


def _lint_collect(pack: RulePack, decision: Decision, on) -> list[Problem]:
    """A collect rule fires alone, so it only has to be satisfiable by itself."""
    problems = []
    for rule in decision.rules:
        for condition in rule.when:
            if not _satisfiable(pack, decision, condition, on):
                problems.append(Problem(rule.where.file, rule.where.line, "lint.unreachable",
                                        {"rule": rule.id}))
                break
    return problems


def _satisfiable(pack: RulePack, decision: Decision, condition: Condition, on) -> bool:
    constant = [b for b in condition.bounds if _operand(pack, b, on) is not None]
    if len(constant) != len(condition.bounds):
        return True
    probe = Rule(id="_", when=[Condition(condition.name, condition.equals, tuple(constant))],
                 then=[], cite="", where=decision.where)
    return any(_matches(pack, probe, {condition.name: value}, on)
               for value in _cells(pack, decision, condition.name, on))


def _cells(pack: RulePack, decision: Decision, name: str, on) -> list:
    """Representative values of one input: enum values, or one value per numeric interval."""
    return _cells_and_points(pack, decision, name, on)[0]


def _cells_and_points(pack: RulePack, decision: Decision, name: str, on) -> tuple[list, set]:
    """The representative values and, for numbers, which of them are boundary points."""
    spec = decision.inputs.get(name)
    if spec is not None and spec.type == "enum":
        return list(spec.values), set()
    if spec is not None and spec.type == "boolean":
        return [True, False], set()
    integer = spec is not None and spec.type == "integer"
    if spec is not None:
        low, high = spec.minimum, spec.maximum
    else:
        domain = decision.derive[name].domain if name in decision.derive else None
        low, high = domain if domain else (None, None)
    points = set()
    for rule in decision.rules:
        for condition in rule.when:
            if condition.name != name:
                continue
            points.update(v for v in condition.equals if isinstance(v, int | float))
            for bound in condition.bounds:
                value = _operand(pack, bound, on)
                if isinstance(value, int | float):
                    points.add(value)
    if low is not None:
        points.add(low)
    if high is not None:
        points.add(high)
    points = sorted(p for p in points if (low is None or p >= low) and (high is None or p <= high))
    if not points:
        return [0], set()
    cells = []
    if low is None:
        cells.append(points[0] - 1)
    for index, point in enumerate(points):
        cells.append(point)
        if index + 1 < len(points):
            nxt = points[index + 1]
            if integer:
                middle = math.floor(point) + 1
                if middle < nxt:
                    cells.append(middle)
            else:
                cells.append((point + nxt) / 2)
    if high is None:
        cells.append(points[-1] + 1)
    if integer:
        cells = [c for c in cells if float(c).is_integer()]
    return cells, set(points)


def _matches(pack: RulePack, rule: Rule, cell: dict, on) -> bool:
    for condition in rule.when:
        if condition.name not in cell:
            continue
        value = cell[condition.name]
        if condition.equals and value not in condition.equals:
            return False
        if condition.equals and isinstance(value, bool) != any(
                isinstance(v, bool) for v in condition.equals):
            return False
        for bound in condition.bounds:
            operand = _operand(pack, bound, on)
            if operand is None or not _compare(value, bound.op, operand):
                return False
    return True


def _compare(value, op: str, operand) -> bool:
    if op == "gt":
        return value > operand
    if op == "gte":
        return value >= operand
    if op == "lt":
        return value < operand
    if op == "lte":
        return value <= operand
    return value != operand


def _describe_gaps(cells: list, dimensions: list, domains: dict, points: dict) -> list[str]:
    """One sentence per gap: cells differing only along one number are joined into a range."""
    numeric = [n for n in dimensions if points[n]]
    if len(numeric) != 1:
        return [_show(cell) for cell in cells]
    axis = numeric[0]
    grid = domains[axis]
    groups: dict = {}
    for cell in cells:
        key = tuple((n, cell[n]) for n in dimensions if n != axis)
        groups.setdefault(key, []).append(grid.index(cell[axis]))
    texts = []
    for key, indexes in groups.items():
        indexes.sort()
        runs, run = [], [indexes[0]]
        for index in indexes[1:]:
            if index == run[-1] + 1:
                run.append(index)
            else:
                runs.append(run)
                run = [index]
        runs.append(run)
        for run in runs:
            prefix = ", ".join(f"{n}={plain(v)}" for n, v in key)
            span = _span(axis, grid, points[axis], run[0], run[-1])
            texts.append(f"{prefix}, {span}" if prefix else span)
    return texts


def _span(axis: str, grid: list, points: set, first: int, last: int) -> str:
    """The interval covered by cells first..last of a numeric grid, in plain comparisons."""
    if first == last and grid[first] in points:
        return f"{axis}={plain(grid[first])}"
    start = grid[first]
    if start in points:
        low = f"{plain(start)} ≤ "
    elif first > 0:
        low = f"{plain(grid[first - 1])} < "
    else:
        low = ""
    end = grid[last]
    if end in points:
        high = f" ≤ {plain(end)}"
    elif last + 1 < len(grid):
        high = f" < {plain(grid[last + 1])}"
    else:
        high = ""
    return f"{low}{axis}{high}"


def _show(cell: dict) -> str:
    return ", ".join(f"{k}={plain(v)}" for k, v in cell.items())


