"""Rule packs as code: load and check YAML packs, compile them into durable-rules, evaluate."""

from sandbox.rules.engine import Engine, Evaluation
from sandbox.rules.loader import check_pack, load_pack
from sandbox.rules.model import RulePack
from sandbox.rules.problems import EvaluationError, PackError, Problem

__all__ = [
    "Engine", "Evaluation", "EvaluationError", "PackError", "Problem", "RulePack", "check_pack",
    "load_pack",
]
