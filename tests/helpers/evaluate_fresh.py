"""Evaluate a list of cases in this (fresh) interpreter, each with its own new Engine.

Usage: python evaluate_fresh.py CASES.json ROOT  — prints a JSON list of results, one per case.
A case is {"pack": path relative to ROOT, "decision": name, "inputs": {...}, "on": ISO or null};
a result is {"ok": {"outputs", "trace"}} or {"error": {"code", "en"}} (the same shape
tests/test_engine.py records in-process).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from sandbox.rules import Engine, EvaluationError, load_pack


def evaluate(pack, case: dict) -> dict:
    on = dt.date.fromisoformat(case["on"]) if case["on"] else None
    try:
        result = Engine().evaluate(pack, case["decision"], case["inputs"], on=on)
    except EvaluationError as error:
        return {"error": {"code": error.code, "en": error.render("en")}}
    return {"ok": {"outputs": result.outputs, "trace": result.trace}}


def main() -> int:
    cases = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    root = Path(sys.argv[2])
    packs: dict = {}
    results = []
    for case in cases:
        if case["pack"] not in packs:
            packs[case["pack"]] = load_pack(root / case["pack"])
        results.append(evaluate(packs[case["pack"]], case))
    json.dump(results, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
