"""Loading a rule pack: YAML with lines → schema checks → `extends` merge → a typed RulePack."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import re
from pathlib import Path

from sandbox.rules.expressions import ExpressionProblem, parse_expression
from sandbox.rules.inputs import LARGEST
from sandbox.rules.model import (
    COMPARATORS,
    HIT_POLICIES,
    INPUT_TYPES,
    OUTPUT_TYPES,
    PARAMETER_TYPES,
    Bound,
    Condition,
    Constraint,
    Decision,
    Derived,
    InputSpec,
    Outcome,
    OutputSpec,
    Parameter,
    Prose,
    Rule,
    RulePack,
    Where,
)
from sandbox.rules.problems import PackError, Problem
from sandbox.rules.registry import find_pack_file
from sandbox.rules.texts import FILE_CITED, placeholder_problems, render_pack
from sandbox.rules.yaml_source import BadDate, LineDict, LineList, load_yaml

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")

HEADER_KEYS = {
    "pack", "title", "title_en", "legal_basis", "effective_from", "effective_to", "extends",
    "description", "parameters", "decisions", "constraints",
}
PARAMETER_KEYS = {"description", "cite", "type", "values", "choices", "keys", "unit", "uncertain",
                  "labels", "new"}
DECISION_KEYS = {"title", "cite", "description", "inputs", "derive", "outputs", "hit_policy",
                 "rules", "result"}
REFORM_DECISION_KEYS = {"title", "cite", "description", "derive", "rules", "result"}
INPUT_KEYS = {"type", "values", "min", "max", "default", "description", "labels", "unit"}
OUTPUT_KEYS = {"type", "values", "labels", "description", "unit"}
DERIVE_KEYS = {"expr", "cite", "range", "description"}
RULE_KEYS = {"id", "when", "then", "cite", "description", "new"}
CONSTRAINT_KEYS = {"id", "expr", "description", "cite", "new"}
# A reserved name: the compiler adds these fields to each event it posts.
RESERVED_NAMES = {"_row", "_n"}
LARGEST_SHOWN = "1.000.000.000.000.000"


def _is_number(value: object) -> bool:
    """A plain number the engine can carry: not a boolean, finite, at most LARGEST in size.

    durable-rules reads 64-bit numbers and the gap checker does arithmetic on bounds, so NaN, ±inf
    and 400-digit integers are refused where the pack is written, with their line.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return abs(value) <= LARGEST


def _is_numeric(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Context:
    """Collects problems for one load; `where` turns a node and key into a file and line."""

    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []
        self.refused_names: set = set()  # derived names whose expression was refused
        self.prose: list[Prose] = []  # every text a person reads, with its place

    def prose_of(self, node: object, *keys: str, hint: object = None) -> None:
        """Remember the texts `node[key]` (titles, cites, notes) for the prose checks; `hint` is
        what the owner reads (its own name, its rule's conditions and outcomes)."""
        if not isinstance(node, LineDict):
            return
        names = frozenset(re.findall(r"[a-z][a-z0-9_]*", _shown_names(hint)))
        for key in keys:
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                self.prose.append(Prose(self.where(node, key), key, value, names))

    def where(self, node: object, key: object = None) -> Where:
        file = getattr(node, "key_files", {}).get(key) or getattr(node, "source", self.display)
        line = 1
        if isinstance(node, LineDict):
            line = node.line_of(key) if key is not None else node.line
        elif isinstance(node, LineList):
            line = node.line_of(key) if isinstance(key, int) else node.line
        return Where(file, line)

    def add(self, where: Where, code: str, **params: object) -> None:
        self.problems.append(Problem(where.file, where.line, code, params))

    def missing(self, node: LineDict, key: str) -> None:
        """A required key left out — or written with no value (`legal_basis:`), which is reported
        at its own line: in a reform that is the reform's line, not the base's."""
        self.add(self.where(node, key) if key in node else self.where(node), "schema.missing", key=key)


def _shown_names(value: object, depth: int = 0) -> str:
    """The plain texts inside a small raw node (no repr of a huge YAML alias), for name hints."""
    if depth > 4:
        return ""
    if isinstance(value, str):
        return value[:2000] + " "
    if isinstance(value, dict):
        return "".join(_shown_names(k, depth + 1) + _shown_names(v, depth + 1)
                       for k, v in list(value.items())[:50])
    if isinstance(value, list):
        return "".join(_shown_names(v, depth + 1) for v in value[:50])
    return ""


def _tag_sources(node: object, source: str) -> None:
    """Mark every mapping and list with the file it came from (a merged reform mixes files).

    Each node is visited once: YAML aliases let a few lines stand for a list of 10^9 items
    ("billion laughs"), which a plain walk would take hours to visit.
    """
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if not isinstance(current, LineDict | LineList) or id(current) in seen:
            continue
        seen.add(id(current))
        current.source = source
        stack.extend(current.values() if isinstance(current, LineDict) else current)


def display_path(path: Path) -> str:
    """Show a path relative to the working directory when it lies below it (short messages)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_pack(reference: str | Path, rules_dir: Path | None = None) -> RulePack:
    """Load a pack by id or path, fully checked; raise PackError listing every problem."""
    pack, problems = check_pack(reference, rules_dir)
    if problems or pack is None:
        raise PackError(problems)
    return pack


def check_pack(reference: str | Path, rules_dir: Path | None = None,
               _chain: tuple = ()) -> tuple[RulePack | None, list[Problem]]:
    """Load and check a pack; return it (when usable) with all problems, lint included."""
    path = find_pack_file(str(reference), rules_dir)
    if path is None:
        return None, [Problem(str(reference), 1, "pack.not_found", {"ref": str(reference)})]
    display = display_path(path)
    raw, problems = load_yaml(path, display)
    if raw is None:
        return None, problems or [Problem(display, 1, "pack.empty")]
    ctx = _Context(display)
    ctx.problems.extend(problems)
    if not isinstance(raw, LineDict):
        ctx.add(Where(display, 1), "pack.not_mapping")
        return None, ctx.problems
    _tag_sources(raw, display)
    files = [path]
    base = None
    merged = raw
    if "extends" in raw:
        base_ref = raw.get("extends")
        if not isinstance(base_ref, str) or not base_ref.strip():
            ctx.add(ctx.where(raw, "extends"), "pack.bad_extends")
            return None, ctx.problems
        base_path = find_pack_file(base_ref, rules_dir, relative_to=path.parent)  # 3,000 chars: not found
        if base_path is None:
            ctx.add(ctx.where(raw, "extends"), "pack.extends_not_found", ref=base_ref)
            return None, ctx.problems
        if base_path.resolve() in _chain or base_path.resolve() == path.resolve():
            ctx.add(ctx.where(raw, "extends"), "pack.extends_cycle", ref=base_ref)
            return None, ctx.problems
        base, base_problems = check_pack(base_path, rules_dir, _chain + (path.resolve(),))
        if base is None or base_problems:  # a base the checker refuses (gaps too) is no base
            ctx.add(ctx.where(raw, "extends"), "pack.base_broken", ref=base_ref)
            ctx.problems.extend(base_problems)
            return None, ctx.problems
        files.extend(base.files)
        merged = _merge_reform(ctx, base.raw, raw)
    pack = _build_pack(ctx, merged, is_reform=base is not None)
    if pack is None:
        return None, ctx.problems
    pack.base = base
    pack.where = Where(display, 1)
    pack.extends = base.id if base else None
    pack.files = tuple(files)
    digest = hashlib.sha256()
    for file in files:
        data = Path(file).read_bytes()
        digest.update(len(data).to_bytes(8, "big"))  # length-prefixed: no two splits collide
        digest.update(data)
    pack.content_hash = digest.hexdigest()
    if not ctx.problems:
        from sandbox.rules.lint import lint_pack

        ctx.problems.extend(lint_pack(pack))
    return pack, ctx.problems


# --------------------------------------------------------------------------- reforms


def _merge_reform(ctx: _Context, base: LineDict, reform: LineDict) -> LineDict:
    """Apply a reform's overrides onto its base's raw mapping; unknown targets are problems."""
    merged = _copy_node(base)
    for key in ("pack", "title", "title_en", "effective_from", "effective_to", "description",
                "extends", "legal_basis"):
        if key in reform:
            _set(merged, key, reform[key], reform)
        elif key in ("title_en", "effective_to", "description") and key in merged:
            del merged[key]
    for key in reform:
        if key not in HEADER_KEYS:
            ctx.add(ctx.where(reform, key), "schema.unknown_key", key=key,
                    allowed=", ".join(sorted(HEADER_KEYS)))
    params = reform.get("parameters")
    if params is not None:
        if not isinstance(params, LineDict):
            ctx.add(ctx.where(reform, "parameters"), "schema.not_mapping", key="parameters")
        else:
            base_params = merged.get("parameters")
            if not isinstance(base_params, LineDict):  # the base wrote `parameters:` empty
                base_params = LineDict()
                _set(merged, "parameters", base_params, reform)
            for name, override in params.items():
                if not isinstance(override, LineDict):
                    ctx.add(ctx.where(params, name), "schema.not_mapping", key=name)
                    continue
                if name not in base_params:
                    if override.get("new") is True:
                        _set(base_params, name, override, params)
                    else:
                        ctx.add(ctx.where(params, name), "reform.unknown_parameter", name=name)
                    continue
                target = _copy_node(base_params[name])
                if ("uncertain" in target and "uncertain" not in override
                        and _changes_values(target.get("values"), override.get("values"))):
                    # the base's note is about the base's number; a new number needs its own
                    del target["uncertain"]
                for field, value in override.items():
                    if field != "new":
                        _set(target, field, value, override)
                _set(base_params, name, target, params)
    if reform.get("constraints") is not None:
        _merge_constraints(ctx, merged, reform.get("constraints"), reform)
    decisions = reform.get("decisions")
    if decisions is not None:
        if not isinstance(decisions, LineDict):
            ctx.add(ctx.where(reform, "decisions"), "schema.not_mapping", key="decisions")
            return merged
        base_decisions = merged.get("decisions") or LineDict()
        for name, override in decisions.items():
            if name not in base_decisions:
                ctx.add(ctx.where(decisions, name), "reform.unknown_decision", name=name)
                continue
            if not isinstance(override, LineDict):
                ctx.add(ctx.where(decisions, name), "schema.not_mapping", key=name)
                continue
            target = _copy_node(base_decisions[name])
            for field, value in override.items():
                if field not in REFORM_DECISION_KEYS:
                    ctx.add(ctx.where(override, field), "reform.field_not_overridable",
                            field=field, allowed=", ".join(sorted(REFORM_DECISION_KEYS)))
                elif field == "rules":
                    _merge_rules(ctx, target, value, override)
                elif field in ("derive", "result"):
                    _merge_named(ctx, target, field, value, override)
                else:
                    _set(target, field, value, override)
            _set(base_decisions, name, target, decisions)
    return merged


def _changes_values(base_values: object, values: object) -> bool:
    """Whether a reform's `values` bring a number the base never had (a copy keeps its note)."""
    if values is None:
        return False
    if not isinstance(values, dict) or not isinstance(base_values, dict):
        return True
    known = list(base_values.values())
    return any(value not in known for value in values.values())


def _merge_constraints(ctx: _Context, merged: LineDict, overrides: object, owner: LineDict) -> None:
    """A reform's constraints: an id of the base replaces its fields, `new: true` adds one."""
    if not isinstance(overrides, LineList):
        ctx.add(ctx.where(owner, "constraints"), "schema.not_list", key="constraints")
        return
    base_list = merged.get("constraints")
    items = LineList(base_list if isinstance(base_list, list) else [])
    items.line = getattr(base_list, "line", owner.line_of("constraints"))
    items.item_lines = list(getattr(base_list, "item_lines", []))
    items.source = getattr(base_list, "source", getattr(owner, "source", ""))
    by_id = {c.get("id"): i for i, c in enumerate(items) if isinstance(c, LineDict)}
    for index, override in enumerate(overrides):
        if not isinstance(override, LineDict) or not isinstance(override.get("id"), str):
            ctx.add(ctx.where(overrides, index), "constraint.bad_id", value=None)
            continue
        if override["id"] in by_id:
            position = by_id[override["id"]]
            target = _copy_node(items[position])
            for field, value in override.items():
                if field != "new":
                    _set(target, field, value, override)
            target.line = override.line
            target.source = getattr(override, "source", target.source)
            items[position] = target
            items.item_lines[position] = overrides.line_of(index)
        elif override.get("new") is True:
            items.append(override)
            items.item_lines.append(overrides.line_of(index))
        else:
            ctx.add(ctx.where(override, "id"), "reform.unknown_constraint", name=override["id"])
    _set(merged, "constraints", items, owner)


def _merge_rules(ctx: _Context, decision: LineDict, overrides: object, owner: LineDict) -> None:
    if not isinstance(overrides, LineList):
        ctx.add(ctx.where(owner, "rules"), "schema.not_list", key="rules")
        return
    rules = LineList(decision.get("rules") or [])
    base_rules = decision.get("rules")
    rules.line = getattr(base_rules, "line", 1)
    rules.item_lines = list(getattr(base_rules, "item_lines", []))
    rules.source = getattr(base_rules, "source", "")
    by_id = {r.get("id"): i for i, r in enumerate(rules) if isinstance(r, LineDict)}
    for index, override in enumerate(overrides):
        if not isinstance(override, LineDict) or not isinstance(override.get("id"), str):
            ctx.add(ctx.where(overrides, index), "reform.rule_needs_id")
            continue
        rule_id = override["id"]
        if rule_id in by_id:
            target = _copy_node(rules[by_id[rule_id]])
            for field, value in override.items():
                if field != "new":
                    _set(target, field, value, override)
            target.line = override.line
            target.source = getattr(override, "source", target.source)
            rules[by_id[rule_id]] = target
            rules.item_lines[by_id[rule_id]] = overrides.line_of(index)
        elif override.get("new") is True:
            rules.append(override)
            rules.item_lines.append(overrides.line_of(index))
        else:
            ctx.add(ctx.where(override, "id"), "reform.unknown_rule", rule=rule_id)
    _set(decision, "rules", rules, owner)


def _merge_named(ctx: _Context, decision: LineDict, field: str, overrides: object,
                 owner: LineDict) -> None:
    if not isinstance(overrides, LineDict):
        ctx.add(ctx.where(owner, field), "schema.not_mapping", key=field)
        return
    target = _copy_node(decision.get(field) or LineDict())
    for name, value in overrides.items():
        if name not in target:
            ctx.add(ctx.where(overrides, name), "reform.unknown_name", name=name, section=field)
            continue
        _set(target, name, value, overrides)
    _set(decision, field, target, owner)


def _copy_node(node: object) -> LineDict:
    copy = LineDict(node) if isinstance(node, dict) else LineDict()
    copy.line = getattr(node, "line", 1)
    copy.key_lines = dict(getattr(node, "key_lines", {}))
    copy.key_files = dict(getattr(node, "key_files", {}))
    copy.source = getattr(node, "source", "")
    return copy


def _set(target: LineDict, key: object, value: object, owner: LineDict) -> None:
    target[key] = value
    if not hasattr(target, "key_lines"):
        target.key_lines = {}
    if not hasattr(target, "key_files"):
        target.key_files = {}
    target.key_lines[key] = owner.line_of(key) if isinstance(owner, LineDict) else 1
    target.key_files[key] = getattr(owner, "key_files", {}).get(key) or getattr(owner, "source", "")


# --------------------------------------------------------------------------- schema


def _text(ctx: _Context, node: LineDict, key: str, required: bool = True) -> str | None:
    value = node.get(key)
    if value is None:
        if required:
            ctx.missing(node, key)
        return None
    if not isinstance(value, str) or not value.strip():
        ctx.add(ctx.where(node, key), "schema.not_text", key=key)
        return None
    return value.strip()


def _date(ctx: _Context, node: LineDict, key: str, required: bool) -> dt.date | None:
    value = node.get(key)
    if value is None:
        if required:
            ctx.missing(node, key)
        return None
    return _as_date(ctx, value, ctx.where(node, key), key)


def _as_date(ctx: _Context, value: object, where: Where, key: str) -> dt.date | None:
    if isinstance(value, BadDate):
        ctx.add(Where(where.file, value.line), "schema.bad_date", key=key, value=str(value))
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    ctx.add(where, "schema.bad_date", key=key, value=value)  # never str(): it may be a huge alias
    return None


def _unknown_keys(ctx: _Context, node: LineDict, allowed: set, what: str) -> None:
    for key in node:
        if key in allowed:
            continue
        if node[key] is None and isinstance(key, str):
            # `{description: a, b}` — an unquoted comma split a text inside `{ }`
            ctx.add(ctx.where(node, key), "schema.comma_in_flow", key=key)
        else:
            ctx.add(ctx.where(node, key), "schema.unknown_key", key=key,
                    allowed=", ".join(sorted(allowed)), what=what)


def _build_pack(ctx: _Context, raw: LineDict, is_reform: bool) -> RulePack | None:
    if not is_reform:
        _unknown_keys(ctx, raw, HEADER_KEYS, "pack")
    pack_id = _text(ctx, raw, "pack")
    if pack_id and not ID_PATTERN.match(pack_id):
        ctx.add(ctx.where(raw, "pack"), "schema.bad_pack_id", value=pack_id)
    ctx.prose_of(raw, "title", "title_en", "description")
    title = _text(ctx, raw, "title")
    title_en = _text(ctx, raw, "title_en", required=False)
    description = _text(ctx, raw, "description", required=False)
    basis = raw.get("legal_basis")
    legal_basis: tuple = ()
    if basis is None:
        ctx.missing(raw, "legal_basis")
    elif not isinstance(basis, list) or not basis or not all(isinstance(b, str) for b in basis):
        ctx.add(ctx.where(raw, "legal_basis"), "schema.legal_basis")
    else:
        legal_basis = tuple(basis)
        for index, text in enumerate(basis):
            ctx.prose.append(Prose(ctx.where(basis, index) if isinstance(basis, LineList)
                                   else ctx.where(raw, "legal_basis"), "legal_basis", text))
    start = _date(ctx, raw, "effective_from", required=True)
    end = _date(ctx, raw, "effective_to", required=False)
    if start and end and end < start:
        ctx.add(ctx.where(raw, "effective_to"), "schema.dates_reversed", start=start, end=end)
    parameters = _build_parameters(ctx, raw.get("parameters"), raw)
    decisions = {}
    section = raw.get("decisions")
    if section is not None and not isinstance(section, LineDict):
        ctx.add(ctx.where(raw, "decisions"), "schema.not_mapping", key="decisions")
    elif section:
        for name, node in section.items():
            decision = _build_decision(ctx, name, node, section, parameters)
            if decision:
                decisions[name] = decision
    if not parameters and not decisions and "parameters" not in raw and "decisions" not in raw:
        ctx.add(ctx.where(raw), "schema.empty_pack")
    constraints = _build_constraints(ctx, raw, parameters)
    _check_prose(ctx, parameters)
    if ctx.problems or not (pack_id and title and start):
        return None
    pack = RulePack(
        id=pack_id, title=title, title_en=title_en, legal_basis=legal_basis,
        effective_from=start, effective_to=end, where=ctx.where(raw), parameters=parameters,
        decisions=decisions, description=description, raw=raw, constraints=constraints,
        prose=list(ctx.prose),
    )
    render_pack(pack)
    return pack


def _check_prose(ctx: _Context, parameters: dict) -> None:
    """Every text may quote parameters, and must cite regulations rather than files."""
    for prose in ctx.prose:
        cited = FILE_CITED.search(prose.text)
        if cited:
            ctx.add(prose.where, "text.file_cited", file=cited.group(0), key=prose.field)
        if prose.field == "legal_basis":
            continue
        for code, params in placeholder_problems(prose.text, parameters):
            ctx.add(prose.where, code, key=prose.field, **params)


def _build_constraints(ctx: _Context, raw: LineDict, parameters: dict) -> list:
    section = raw.get("constraints")
    constraints: list = []
    if section is None:
        return constraints
    if not isinstance(section, LineList):
        ctx.add(ctx.where(raw, "constraints"), "schema.not_list", key="constraints")
        return constraints
    seen: dict = {}
    for index, node in enumerate(section):
        where = ctx.where(section, index)
        if not isinstance(node, LineDict):
            ctx.add(where, "schema.not_mapping", key=f"constraints[{index + 1}]")
            continue
        _unknown_keys(ctx, node, CONSTRAINT_KEYS, "constraint")
        constraint_id = node.get("id")
        if not isinstance(constraint_id, str) or not NAME_PATTERN.match(constraint_id):
            ctx.add(ctx.where(node, "id") if "id" in node else where, "constraint.bad_id",
                    value=constraint_id)
            continue
        where = ctx.where(node)
        if constraint_id in seen:
            ctx.add(ctx.where(node, "id"), "constraint.repeated", name=constraint_id,
                    first=seen[constraint_id])
            continue
        seen[constraint_id] = where.line
        ctx.prose_of(node, "description", "cite", hint=node.get("expr"))
        description = _text(ctx, node, "description")
        cite = _text(ctx, node, "cite", required=False)
        if "expr" not in node:
            ctx.missing(node, "expr")
            continue
        expression = _expression(ctx, node.get("expr"), ctx.where(node, "expr"))
        if expression is None:
            continue
        before = len(ctx.problems)
        _check_names(ctx, expression.names, set(parameters), ctx.where(node, "expr"))
        if len(ctx.problems) > before or not description:
            continue
        constraints.append(Constraint(id=constraint_id, expression=expression,
                                      description=description, where=where, cite=cite))
    return constraints


def _build_parameters(ctx: _Context, section: object, owner: LineDict) -> dict:
    parameters: dict = {}
    if section is None:
        return parameters
    if not isinstance(section, LineDict):
        ctx.add(ctx.where(owner, "parameters"), "schema.not_mapping", key="parameters")
        return parameters
    for name, node in section.items():
        where = ctx.where(section, name)
        if not isinstance(name, str) or not NAME_PATTERN.match(name):
            ctx.add(where, "schema.bad_name", name=name)
            continue
        if not isinstance(node, LineDict):
            ctx.add(where, "schema.not_mapping", key=name)
            continue
        _unknown_keys(ctx, node, PARAMETER_KEYS, "parameter")
        ctx.prose_of(node, "description", "cite", "uncertain", hint=name)
        description = _text(ctx, node, "description")
        cite = _text(ctx, node, "cite")
        kind = node.get("type", "number")
        if kind not in PARAMETER_TYPES:
            ctx.add(ctx.where(node, "type"), "schema.bad_choice", key="type", value=kind,
                    allowed=", ".join(PARAMETER_TYPES))
            continue
        before = len(ctx.problems)
        choices = _scalar_list(ctx, node, "choices")
        keys = _scalar_list(ctx, node, "keys")
        if len(ctx.problems) > before:
            continue  # values cannot be judged against a broken `choices`/`keys`
        if kind == "choice" and not choices:
            ctx.add(ctx.where(node, "type"), "schema.choice_needs_choices", name=name)
        if kind == "table" and not keys:
            ctx.add(ctx.where(node, "type"), "schema.table_needs_keys", name=name)
        values_node = node.get("values")
        values = []
        value_where = {}
        if not isinstance(values_node, LineDict) or not values_node:
            ctx.add(ctx.where(node, "values") if "values" in node else ctx.where(node),
                    "schema.values_needed", name=name)
        else:
            for since, value in values_node.items():
                vwhere = ctx.where(values_node, since)
                day = _as_date(ctx, since, vwhere, f"{name}.values")
                if day is None:
                    continue
                if _value_ok(ctx, kind, value, vwhere, name, choices, keys):
                    values.append((day, value))
                    value_where[day] = vwhere
            values.sort(key=lambda pair: pair[0])
        uncertain = node.get("uncertain")
        if uncertain is not None and (not isinstance(uncertain, str) or not uncertain.strip()):
            ctx.add(ctx.where(node, "uncertain"), "schema.not_text", key="uncertain")
        labels = node.get("labels") or {}
        if not isinstance(labels, dict) or not all(
                isinstance(v, str) and k in choices for k, v in labels.items()):
            ctx.add(ctx.where(node, "labels"), "schema.bad_parameter_value", name=f"{name}.labels",
                    value=labels, expected="pilihan: teks / choice: text")
            labels = {}
        parameters[name] = Parameter(
            name=name, description=description or "", cite=cite or "", type=kind, values=values,
            where=where, choices=choices, keys=keys, unit=node.get("unit"),
            uncertain=uncertain if isinstance(uncertain, str) else None, value_where=value_where,
            labels=dict(labels),
        )
    return parameters


def _value_ok(ctx: _Context, kind: str, value: object, where: Where, name: str,
              choices: tuple, keys: tuple) -> bool:
    def bad(expected: str) -> bool:
        ctx.add(where, "schema.bad_parameter_value", name=name, value=value, expected=expected)
        return False

    if kind in ("number", "integer"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return bad("angka / number")
        if not _is_number(value):
            return bad(f"angka terhingga, paling besar {LARGEST_SHOWN} / a finite number of at most "
                       f"{LARGEST_SHOWN.replace('.', ',')}")
        if kind == "integer" and not float(value).is_integer():
            return bad("bilangan bulat / whole number")
        return True
    if kind == "boolean":
        return isinstance(value, bool) or bad("true/false")
    if kind == "choice":
        return value in choices or bad(", ".join(map(str, choices)))
    if kind == "text":
        return isinstance(value, str) or bad("teks / text")
    if kind == "table":
        if not isinstance(value, dict):
            return bad("tabel kunci: nilai / table key: value")
        if not all(isinstance(v, str | int | float | bool) for v in value.values()):
            return bad("tabel kunci: nilai dengan nilai angka atau teks / table key: number or text")
        if any(_is_numeric(v) and not _is_number(v) for v in value.values()):
            return bad(f"angka terhingga, paling besar {LARGEST_SHOWN} / a finite number of at most "
                       f"{LARGEST_SHOWN.replace('.', ',')}")
        missing = [k for k in keys if k not in value]
        extra = [k for k in value if k not in keys]
        if missing or extra:
            ctx.add(where, "schema.table_keys", name=name, missing=", ".join(map(str, missing)),
                    extra=", ".join(map(str, extra)))
            return False
        return True
    return False


def _scalar_list(ctx: _Context, node: LineDict, key: str) -> tuple:
    """A list of plain values (text, numbers, booleans); anything else is a problem, not a crash."""
    value = node.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
            isinstance(v, str | int | float | bool) for v in value):
        ctx.add(ctx.where(node, key), "schema.scalar_list", key=key)
        return ()
    return tuple(value)


def _build_decision(ctx: _Context, name: object, node: object, section: LineDict,
                    parameters: dict) -> Decision | None:
    where = ctx.where(section, name)
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        ctx.add(where, "schema.bad_name", name=name)
        return None
    if not isinstance(node, LineDict):
        ctx.add(where, "schema.not_mapping", key=name)
        return None
    before = len(ctx.problems)
    _unknown_keys(ctx, node, DECISION_KEYS, "decision")
    ctx.prose_of(node, "title", "cite", "description")
    title = _text(ctx, node, "title")
    cite = _text(ctx, node, "cite")
    policy = node.get("hit_policy")
    if policy is None:
        ctx.missing(node, "hit_policy")
    elif policy not in HIT_POLICIES:
        ctx.add(ctx.where(node, "hit_policy"), "schema.bad_choice", key="hit_policy",
                value=policy, allowed=", ".join(HIT_POLICIES))
        policy = None
    inputs = _build_fields(ctx, node, "inputs", INPUT_KEYS, INPUT_TYPES, parameters, True)
    outputs = _build_fields(ctx, node, "outputs", OUTPUT_KEYS, OUTPUT_TYPES, parameters, False)
    derive = _build_derive(ctx, node, inputs, parameters)
    known = set(inputs) | set(derive)
    rules = _build_rules(ctx, node, policy, inputs, derive, outputs, parameters)
    compared = {c.name for r in rules for c in r.when if c.bounds}
    compared |= {b.operand for r in rules for c in r.when for b in c.bounds if b.is_name}
    for derived_name, derived in derive.items():
        if derived_name in compared or derived.domain:  # a number is expected: say so if not
            derived.expression = dataclasses.replace(derived.expression, numeric=True)
    result = {}
    result_node = node.get("result")
    if result_node is not None:
        if not isinstance(result_node, LineDict):
            ctx.add(ctx.where(node, "result"), "schema.not_mapping", key="result")
        else:
            for out_name, source in result_node.items():
                rwhere = ctx.where(result_node, out_name)
                if out_name not in outputs:
                    ctx.add(rwhere, "ref.unknown_output", name=out_name,
                            known=", ".join(outputs))
                    continue
                expression = _expression(ctx, source, rwhere)
                if expression:
                    _check_names(ctx, expression.names, known | set(outputs) | set(parameters)
                                 | ctx.refused_names, rwhere)
                    result[out_name] = (expression, rwhere)
    if len(ctx.problems) > before or not policy:
        return None
    return Decision(
        name=name, title=title or "", cite=cite or "", inputs=inputs, derive=derive,
        outputs=outputs, hit_policy=policy, rules=rules, result=result, where=where,
        description=node.get("description"),
    )


def _build_fields(ctx, node, key, allowed_keys, types, parameters, is_input) -> dict:
    section = node.get(key)
    fields: dict = {}
    if section is None:
        ctx.missing(node, key)
        return fields
    if not isinstance(section, LineDict) or not section:
        ctx.add(ctx.where(node, key), "schema.not_mapping", key=key)
        return fields
    for name, spec in section.items():
        where = ctx.where(section, name)
        if not isinstance(name, str) or not NAME_PATTERN.match(name):
            ctx.add(where, "schema.bad_name", name=name)
            continue
        if name in parameters:
            ctx.add(where, "schema.name_clash", name=name)
            continue
        if not isinstance(spec, LineDict):
            ctx.add(where, "schema.not_mapping", key=name)
            continue
        _unknown_keys(ctx, spec, allowed_keys, key)
        kind = spec.get("type")
        if kind not in types:
            ctx.add(ctx.where(spec, "type") if "type" in spec else ctx.where(spec),
                    "schema.bad_choice", key="type", value=kind, allowed=", ".join(types))
            continue
        before = len(ctx.problems)
        values = _scalar_list(ctx, spec, "values")
        if len(ctx.problems) > before:
            ctx.refused_names.add(name)  # rules naming it are not blamed as well
            continue
        if kind == "enum" and not values:
            ctx.add(ctx.where(spec), "schema.enum_needs_values", name=name)
            continue
        if len(set(values)) != len(values):
            ctx.add(ctx.where(spec, "values"), "schema.enum_repeated", name=name)
        labels = spec.get("labels") or {}
        if not isinstance(labels, dict):
            ctx.add(ctx.where(spec, "labels"), "schema.not_mapping", key="labels")
            labels = {}
        unit = spec.get("unit")
        if unit is not None and (not isinstance(unit, str) or kind not in ("number", "integer")):
            ctx.add(ctx.where(spec, "unit"), "schema.bad_unit", name=name)
            unit = None
        if is_input:
            minimum, maximum = spec.get("min"), spec.get("max")
            for bound_key, bound in (("min", minimum), ("max", maximum)):
                if bound is not None and (isinstance(bound, bool) or
                                          not isinstance(bound, int | float)):
                    ctx.add(ctx.where(spec, bound_key), "schema.bad_bound", key=bound_key)
                elif bound is not None and not _is_number(bound):
                    ctx.add(ctx.where(spec, bound_key), "schema.number_too_large", key=bound_key,
                            value=bound, limit=LARGEST_SHOWN)
            minimum = minimum if _is_number(minimum) else None  # reported above: not used further
            maximum = maximum if _is_number(maximum) else None
            if (isinstance(minimum, int | float) and isinstance(maximum, int | float)
                    and minimum > maximum):
                ctx.add(ctx.where(spec, "max"), "schema.min_above_max", name=name,
                        min=minimum, max=maximum)
            spec_obj = InputSpec(name=name, type=kind, where=where, values=values,
                                 minimum=minimum, maximum=maximum, labels=labels,
                                 description=spec.get("description"), unit=unit)
            if "default" in spec:
                from sandbox.rules.inputs import InputRefused, coerce_input

                try:
                    spec_obj.default = coerce_input(spec_obj, spec["default"])
                    spec_obj.has_default = True
                except InputRefused:
                    ctx.add(ctx.where(spec, "default"), "schema.bad_default", name=name,
                            value=spec["default"])
            fields[name] = spec_obj
        else:
            fields[name] = OutputSpec(name=name, type=kind, where=where, values=values,
                                      labels=labels, description=spec.get("description"), unit=unit)
    return fields


def _build_derive(ctx, node, inputs, parameters) -> dict:
    section = node.get("derive")
    derived: dict = {}
    if section is None:
        return derived
    if not isinstance(section, LineDict):
        ctx.add(ctx.where(node, "derive"), "schema.not_mapping", key="derive")
        return derived
    known = set(inputs) | set(parameters)
    for name, spec in section.items():
        where = ctx.where(section, name)
        if not isinstance(name, str) or not NAME_PATTERN.match(name):
            ctx.add(where, "schema.bad_name", name=name)
            continue
        if name in known:
            ctx.add(where, "schema.name_clash", name=name)
            continue
        if isinstance(spec, str | int | float) and not isinstance(spec, bool):
            spec_node, source = None, spec
        elif isinstance(spec, LineDict):
            _unknown_keys(ctx, spec, DERIVE_KEYS, "derive")
            ctx.prose_of(spec, "cite", "description", hint=spec.get("expr"))
            spec_node, source = spec, spec.get("expr")
            if source is None:
                ctx.missing(spec, "expr")
                continue
        else:
            ctx.add(where, "schema.not_mapping", key=name)
            continue
        expression = _expression(ctx, source, where)
        if not expression:
            ctx.refused_names.add(name)
            continue
        _check_names(ctx, expression.names, known | set(derived) | ctx.refused_names, where)
        domain = None
        if spec_node is not None and "range" in spec_node:
            bounds = spec_node["range"]
            if (not isinstance(bounds, list) or len(bounds) != 2
                    or not all(_is_number(b) for b in bounds) or bounds[0] > bounds[1]):
                ctx.add(ctx.where(spec_node, "range"), "schema.bad_range", name=name)
            else:
                domain = (bounds[0], bounds[1])
        cite = spec_node.get("cite") if spec_node is not None else None
        derived[name] = Derived(name=name, expression=expression, where=where, cite=cite,
                                domain=domain)
    return derived


def _expression(ctx: _Context, source: object, where: Where):
    try:
        return parse_expression(source)
    except ExpressionProblem as problem:
        ctx.add(where, problem.code, detail=problem.detail, expr=source)
        return None


def _check_names(ctx: _Context, names: frozenset, known: set, where: Where) -> None:
    for name in sorted(names - known):
        ctx.add(where, "ref.unknown_name", name=name, known=_suggest(name, known))


def _suggest(name: object, known: set) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(known), n=3) if isinstance(name, str) else []
    return ", ".join(close) if close else ", ".join(sorted(known)[:8])


def _build_rules(ctx, node, policy, inputs, derive, outputs, parameters) -> list:
    section = node.get("rules")
    rules: list = []
    if section is None:
        ctx.missing(node, "rules")
        return rules
    if not isinstance(section, LineList) or not section:
        ctx.add(ctx.where(node, "rules"), "schema.not_list", key="rules")
        return rules
    fields = {**inputs, **{name: None for name in set(derive) | ctx.refused_names}}
    seen: dict = {}
    for index, rule_node in enumerate(section):
        where = ctx.where(section, index)
        if not isinstance(rule_node, LineDict):
            ctx.add(where, "schema.not_mapping", key=f"rules[{index + 1}]")
            continue
        _unknown_keys(ctx, rule_node, RULE_KEYS, "rule")
        rule_id = rule_node.get("id")
        if not isinstance(rule_id, str) or not NAME_PATTERN.match(rule_id):
            ctx.add(ctx.where(rule_node, "id") if "id" in rule_node else where,
                    "schema.bad_rule_id", value=rule_id)
            continue
        where = ctx.where(rule_node)
        if rule_id in seen:
            ctx.add(ctx.where(rule_node, "id"), "schema.rule_id_repeated", rule=rule_id,
                    first=seen[rule_id])
            continue
        seen[rule_id] = where.line
        ctx.prose_of(rule_node, "cite", "description",
                     hint=[rule_node.get("when"), rule_node.get("then")])
        cite = _text(ctx, rule_node, "cite")
        when = _build_when(ctx, rule_node, policy, fields, parameters)
        then = _build_then(ctx, rule_node, outputs, parameters, set(fields))
        if cite and when is not None and then is not None:
            rules.append(Rule(id=rule_id, when=when, then=then, cite=cite, where=where,
                              description=rule_node.get("description")))
    return rules


def _build_when(ctx, rule_node, policy, fields, parameters) -> list | None:
    if "when" not in rule_node:
        ctx.missing(rule_node, "when")
        return None
    section = rule_node.get("when")
    if section is None:
        return []
    if not isinstance(section, LineDict):
        ctx.add(ctx.where(rule_node, "when"), "schema.not_mapping", key="when")
        return None
    conditions = []
    ok = True
    for name, test in section.items():
        where = ctx.where(section, name)
        if name not in fields:
            ctx.add(where, "ref.unknown_field", name=name, known=_suggest(str(name), set(fields)))
            ok = False
            continue
        spec = fields[name]
        if isinstance(test, LineDict):
            bounds = []
            for op, operand in test.items():
                if op not in COMPARATORS:
                    ctx.add(ctx.where(test, op), "schema.bad_comparator", op=op,
                            allowed=", ".join(COMPARATORS))
                    ok = False
                    continue
                if isinstance(operand, bool):
                    ctx.add(ctx.where(test, op), "schema.bad_operand", op=op, value=operand)
                    ok = False
                elif isinstance(operand, int | float) and not _is_number(operand):
                    ctx.add(ctx.where(test, op), "schema.number_too_large", key=op, value=operand,
                            limit=LARGEST_SHOWN)
                    ok = False
                elif isinstance(operand, int | float):
                    bounds.append(Bound(op, operand))
                elif isinstance(operand, str) and operand in parameters:
                    if parameters[operand].type not in ("number", "integer"):
                        ctx.add(ctx.where(test, op), "schema.operand_not_number", name=operand)
                        ok = False
                    bounds.append(Bound(op, operand, is_name=True))
                elif isinstance(operand, str) and operand in fields:
                    if policy != "collect":
                        ctx.add(ctx.where(test, op), "schema.field_bound_needs_collect",
                                name=operand)
                        ok = False
                    bounds.append(Bound(op, operand, is_name=True))
                else:
                    ctx.add(ctx.where(test, op), "ref.unknown_name", name=operand,
                            known=_suggest(operand, set(parameters) | set(fields)))
                    ok = False
            if spec is not None and spec.type in ("enum", "boolean"):
                ctx.add(where, "schema.bounds_on_enum", name=name)
                ok = False
            conditions.append(Condition(name, bounds=tuple(bounds)))
        else:
            allowed = list(test) if isinstance(test, list) else [test]
            if not allowed:
                ctx.add(where, "schema.empty_list", name=name)
                ok = False
            for value in allowed:
                if not _value_fits(spec, value):
                    ctx.add(where, "ref.bad_value", name=name, value=value,
                            allowed=_allowed_text(spec))
                    ok = False
            conditions.append(Condition(name, equals=tuple(allowed)))
    return conditions if ok else None


def _value_fits(spec: InputSpec | None, value: object) -> bool:
    if spec is None:  # a derived value: any plain scalar (numbers the engine can carry)
        return _is_number(value) if _is_numeric(value) else isinstance(value, str | bool)
    if spec.type == "enum":
        return value in spec.values
    if spec.type == "boolean":
        return isinstance(value, bool)
    if not _is_number(value):
        return False
    return not (spec.type == "integer" and not float(value).is_integer())


def _allowed_text(spec: InputSpec | None) -> str:
    if spec is None:
        return "angka/teks"
    if spec.type == "enum":
        return ", ".join(map(str, spec.values))
    if spec.type == "boolean":
        return "true, false"
    return "angka / number"


def _build_then(ctx, rule_node, outputs, parameters, fields) -> list | None:
    section = rule_node.get("then")
    if section is None:
        ctx.missing(rule_node, "then")
        return None
    if not isinstance(section, LineDict) or not section:
        ctx.add(ctx.where(rule_node, "then"), "schema.not_mapping", key="then")
        return None
    outcomes = []
    ok = True
    known = fields | set(parameters)
    for name, value in section.items():
        where = ctx.where(section, name)
        spec = outputs.get(name)
        if spec is None:
            ctx.add(where, "ref.unknown_output", name=name, known=", ".join(outputs))
            ok = False
            continue
        outcome = _outcome(ctx, spec, value, where, parameters, known)
        if outcome is None:
            ok = False
        else:
            outcomes.append(outcome)
    return outcomes if ok else None


def _outcome(ctx, spec: OutputSpec, value, where, parameters, known) -> Outcome | None:
    if isinstance(value, str) and value in parameters:
        parameter = parameters[value]
        fits = {"enum": ("choice",), "boolean": ("boolean",), "number": ("number", "integer"),
                "integer": ("integer",), "text": ("text",), "list": ("text",)}[spec.type]
        if parameter.type not in fits:
            ctx.add(where, "ref.parameter_type", name=value, output=spec.name,
                    type=parameter.type, expected=", ".join(fits))
            return None
        if spec.type == "enum" and not set(parameter.choices) <= set(spec.values):
            ctx.add(where, "ref.parameter_choices", name=value, output=spec.name,
                    allowed=", ".join(spec.values))
            return None
        return Outcome(spec.name, parameter=value)
    if spec.type == "enum":
        if value not in spec.values:
            ctx.add(where, "ref.bad_value", name=spec.name, value=value,
                    allowed=", ".join(map(str, spec.values)))
            return None
        return Outcome(spec.name, constant=value)
    if spec.type == "boolean":
        if not isinstance(value, bool):
            ctx.add(where, "ref.bad_value", name=spec.name, value=value, allowed="true, false")
            return None
        return Outcome(spec.name, constant=value)
    if spec.type in ("text", "list"):
        if not isinstance(value, str):
            ctx.add(where, "schema.not_text", key=spec.name)
            return None
        for placeholder in PLACEHOLDER.findall(value):
            if placeholder not in known:
                ctx.add(where, "ref.unknown_name", name=placeholder,
                        known=_suggest(placeholder, known))
                return None
        return Outcome(spec.name, template=value)
    # number / integer: a constant or an expression
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not _is_number(value):
            ctx.add(where, "schema.number_too_large", key=spec.name, value=value, limit=LARGEST_SHOWN)
            return None
        return Outcome(spec.name, constant=value)
    expression = _expression(ctx, value, where)
    if expression is None:
        return None
    unknown = expression.names - known
    if unknown:
        _check_names(ctx, expression.names, known, where)
        return None
    return Outcome(spec.name, expression=expression)
