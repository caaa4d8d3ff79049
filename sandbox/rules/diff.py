"""What one pack changes relative to another, in sentences a regulator reads."""

from __future__ import annotations

from sandbox.i18n import message
from sandbox.rules.model import Condition, Outcome, Rule, RulePack
from sandbox.rules.plain import plain


def _values(parameter, lang: str) -> str:
    return "; ".join(message("diff.since", lang, value=plain(v), date=d.isoformat())
                     for d, v in parameter.values)


def _when(conditions: list[Condition], lang: str) -> str:
    parts = []
    for condition in conditions:
        if condition.equals:
            parts.append(f"{condition.name}=" + "|".join(plain(v) for v in condition.equals))
        for bound in condition.bounds:
            symbol = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "ne": "≠"}[bound.op]
            parts.append(f"{condition.name} {symbol} {plain(bound.operand)}")
    return ", ".join(parts) or message("diff.always", lang)


def _then(outcomes: list[Outcome]) -> str:
    parts = []
    for outcome in outcomes:
        if outcome.parameter:
            shown = outcome.parameter
        elif outcome.expression is not None:
            shown = outcome.expression.source
        elif outcome.template is not None:
            shown = f'"{outcome.template}"'
        else:
            shown = plain(outcome.constant)
        parts.append(f"{outcome.output}={shown}")
    return ", ".join(parts)


def diff_packs(base: RulePack, other: RulePack, lang: str = "id") -> list[str]:
    """Sentences, most important first: parameters, then rules, then formulas, then headers."""
    lines: list[str] = []
    for name, parameter in other.parameters.items():
        old = base.parameters.get(name)
        if old is None:
            lines.append(message("diff.param_added", lang, name=name,
                                 description=parameter.description,
                                 new=_values(parameter, lang)))
        elif old.values != parameter.values:
            lines.append(message("diff.param_changed", lang, name=name,
                                 description=parameter.description, old=_values(old, lang),
                                 new=_values(parameter, lang)))
            if parameter.cite != old.cite:
                lines.append("    " + message("diff.cite", lang, cite=parameter.cite))
    for name, parameter in base.parameters.items():
        if name not in other.parameters:
            lines.append(message("diff.param_removed", lang, name=name,
                                 old=_values(parameter, lang)))
    for name, decision in other.decisions.items():
        old_decision = base.decisions.get(name)
        if old_decision is None:
            lines.append(message("diff.decision_added", lang, name=name))
            continue
        old_rules = {r.id: r for r in old_decision.rules}
        for rule in decision.rules:
            lines.extend(_rule_lines(name, old_rules.get(rule.id), rule, lang))
        new_ids = {r.id for r in decision.rules}
        for rule_id in old_rules:
            if rule_id not in new_ids:
                lines.append(message("diff.rule_removed", lang, decision=name, rule=rule_id))
        for key, derived in decision.derive.items():
            old_derived = old_decision.derive.get(key)
            if old_derived and old_derived.expression.source != derived.expression.source:
                lines.append(message("diff.formula_changed", lang, decision=name, name=key,
                                     old=old_derived.expression.source,
                                     new=derived.expression.source))
        for key, (expression, _) in decision.result.items():
            old_result = old_decision.result.get(key)
            if old_result and old_result[0].source != expression.source:
                lines.append(message("diff.formula_changed", lang, decision=name, name=key,
                                     old=old_result[0].source, new=expression.source))
    for name in base.decisions:
        if name not in other.decisions:
            lines.append(message("diff.decision_removed", lang, name=name))
    lines.extend(_constraint_lines(base, other, lang))
    for field in ("title", "effective_from", "effective_to"):
        old_value, new_value = getattr(base, field), getattr(other, field)
        if old_value != new_value:
            lines.append(message("diff.header_field", lang, field=field, old=plain(old_value),
                                 new=plain(new_value)))
    return lines


def _rule_lines(decision: str, old: Rule | None, rule: Rule, lang: str) -> list[str]:
    if old is None:
        return [message("diff.rule_added", lang, decision=decision, rule=rule.id,
                        when=_when(rule.when, lang), then=_then(rule.then)),
                "    " + message("diff.cite", lang, cite=rule.cite)]
    lines = []
    if _when(old.when, lang) != _when(rule.when, lang):
        lines.append(message("diff.rule_when_changed", lang, decision=decision, rule=rule.id,
                             old=_when(old.when, lang), new=_when(rule.when, lang)))
    if _then(old.then) != _then(rule.then):
        lines.append(message("diff.rule_changed", lang, decision=decision, rule=rule.id,
                             when=_when(rule.when, lang), old=_then(old.then),
                             new=_then(rule.then)))
    if lines and rule.cite != old.cite:
        lines.append("    " + message("diff.cite", lang, cite=rule.cite))
    return lines


def _constraint_lines(base: RulePack, other: RulePack, lang: str) -> list[str]:
    """Declared constraints the other pack adds, changes or drops (a reform may relax one)."""
    import sandbox.rules.messages_true  # noqa: F401 (registers the words used here)

    old = {c.id: c for c in base.constraints}
    new = {c.id: c for c in other.constraints}
    lines = []
    for cid, constraint in new.items():
        if cid not in old:
            lines.append(message("diff.constraint_added", lang, name=cid,
                                 expr=constraint.expression.source))
        elif old[cid].expression.source != constraint.expression.source:
            lines.append(message("diff.constraint_changed", lang, name=cid,
                                 old=old[cid].expression.source, new=constraint.expression.source))
    for cid in old:
        if cid not in new:
            lines.append(message("diff.constraint_removed", lang, name=cid))
    return lines
