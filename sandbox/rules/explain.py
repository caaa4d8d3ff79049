"""Plain-language rendering of an evaluation and its trace: what the CLI prints, the app shows."""

from __future__ import annotations

from sandbox.formatting import long_date, rupiah
from sandbox.i18n import message
from sandbox.rules.engine import Evaluation
from sandbox.rules.model import RulePack
from sandbox.rules.plain import plain
from sandbox.rules.texts import shown_value


def label(pack: RulePack, decision: str, output: str, value) -> str:
    """The display label of an enum value, e.g. kurang → Kurang/Misconduct."""
    spec = pack.decisions[decision].outputs.get(output)
    if spec is not None and isinstance(value, str) and value in spec.labels:
        return f"{value} ({spec.labels[value]})"
    return plain(value)


def shown_output(pack: RulePack, decision: str, output: str, value, lang: str = "id") -> str:
    """An output as a person reads it: an enum with its label, money in rupiah, a count with its unit
    (`unit:` in the pack), an output no rule set ("not applicable") in words, never `None`."""
    spec = pack.decisions[decision].outputs.get(output)
    if value is None:
        return message("explain.not_applicable", lang)
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if spec is not None and spec.unit and number:
        return rupiah(value) if spec.unit == "rupiah" else shown_value(value, spec.unit)
    return label(pack, decision, output, value)


def render_evaluation(pack: RulePack, result: Evaluation, lang: str = "id") -> str:
    lines = [message("explain.header", lang, pack=pack.id, decision=result.decision,
                     on=long_date(result.on.isoformat(), lang)),
             message("explain.outputs", lang)]
    for name, value in result.outputs.items():
        if isinstance(value, list):
            lines.append(f"  {name}:" + ("" if value else " []"))
            for item in value:
                lines.append(f"    - [{item['rule']}] {item['pesan']}")
        else:
            lines.append(f"  {name} = {shown_output(pack, result.decision, name, value, lang)}")
    lines.append(message("explain.why", lang))
    for step in result.trace:
        kind = step["kind"]
        if kind == "rule":
            reads = ", ".join(f"{k}={plain(v)}" for k, v in step["reads"].items()) or "—"
            sets = ", ".join(f"{k}={plain(v)}" for k, v in step["sets"].items())
            lines.append("  • " + message("explain.rule", lang, rule=step["rule"], reads=reads,
                                          sets=sets))
            lines.append("    " + message("explain.cite", lang, cite=step["cite"]))
        elif kind == "not_applied":
            reads = ", ".join(f"{k}={plain(v)}" for k, v in step["reads"].items()) or "—"
            lines.append("  • " + message("explain.not_applied", lang, rule=step["rule"],
                                          reads=reads))
        elif kind == "parameter":
            lines.append("  • " + message("explain.parameter", lang, name=step["name"],
                                          value=plain(step["value"]),
                                          version=long_date(step["version"], lang)))
            lines.append("    " + message("explain.cite", lang, cite=step["cite"]))
            if step.get("uncertain"):
                lines.append("    " + message("explain.uncertain", lang,
                                              note=" ".join(step["uncertain"].split())))
        else:
            lines.append("  • " + message("explain.computed", lang, name=step["name"],
                                          expr=step["expr"], value=plain(step["value"])))
    return "\n".join(lines)
