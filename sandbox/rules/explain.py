"""Plain-language rendering of an evaluation and its trace: what the CLI prints, the app shows."""

from __future__ import annotations

from sandbox.i18n import message
from sandbox.rules.engine import Evaluation
from sandbox.rules.model import RulePack
from sandbox.rules.plain import plain


def label(pack: RulePack, decision: str, output: str, value) -> str:
    """The display label of an enum value, e.g. kurang → Kurang/Misconduct."""
    spec = pack.decisions[decision].outputs.get(output)
    if spec is not None and isinstance(value, str) and value in spec.labels:
        return f"{value} ({spec.labels[value]})"
    return plain(value)


def render_evaluation(pack: RulePack, result: Evaluation, lang: str = "id") -> str:
    lines = [message("explain.header", lang, pack=pack.id, decision=result.decision,
                     on=result.on.isoformat()),
             message("explain.outputs", lang)]
    for name, value in result.outputs.items():
        if isinstance(value, list):
            lines.append(f"  {name}:" + ("" if value else " []"))
            for item in value:
                lines.append(f"    - [{item['rule']}] {item['pesan']}")
        else:
            lines.append(f"  {name} = {label(pack, result.decision, name, value)}")
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
                                          version=step["version"]))
            lines.append("    " + message("explain.cite", lang, cite=step["cite"]))
            if step.get("uncertain"):
                lines.append("    " + message("explain.uncertain", lang,
                                              note=" ".join(step["uncertain"].split())))
        else:
            lines.append("  • " + message("explain.computed", lang, name=step["name"],
                                          expr=step["expr"], value=plain(step["value"])))
    return "\n".join(lines)
