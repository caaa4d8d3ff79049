"""The curve decision of a pack, asked many times over unit counts: the same answers, sooner.

The adjustment step asks a pack's `kurva` decision tens of thousands of times per office (every
unit, every plan step, every sub-unit's room). `rules.batch.BatchEvaluator` computes all of the
decision's derived values for each question (about 65 µs). `CurveCheck` gives the same answer —
which rules fire and whether the curve is met — from the same pack objects, doing less:

- only the rules that can fire for the unit's capaian organisasi are looked at (their equality
  condition on `predikat_organisasi`);
- a derived value that is written as a plain sum of counts (`jumlah_baik + jumlah_kurang`) is that
  sum; one that reads the counts only through their total (`bulatkan(0.7 * jumlah_pegawai, …)`)
  is computed once per capaian and unit size with the pack's own compiled expression;
- any other derived value a rule reads (`max(…)` of counts) is computed per question with the pack's
  own compiled expression, in the pack's order;
- rules match as in `BatchEvaluator` (values as durable-rules reads them, the same comparisons, in
  the same order), and the curve is met when no rule that adds to `pelanggaran` fires.

This needs the decision to have the shape of a curve: an enum `predikat_organisasi`, five integer
counts, no derived range, and `kurva_sesuai: len(pelanggaran) == 0`. A pack of another shape is
asked through `BatchEvaluator` as before. `tests/test_sim_levers.py` checks both give the same
answers on random counts for every pack in rules/.
"""

from __future__ import annotations

import ast

from sandbox.rules.batch import BatchEvaluator, _run, event_view
from sandbox.rules.inputs import LARGEST
from sandbox.rules.model import RulePack
from sandbox.sim.behaviour import CAPAIAN, PREDIKAT

COUNTS = tuple(f"jumlah_{name}" for name in PREDIKAT)
_WANTED = frozenset({"pelanggaran", "kurva_sesuai"})


def _body(tree):
    while isinstance(tree, ast.Expression | ast.Expr | ast.Module):
        tree = (
            tree.body[0]
            if isinstance(tree, ast.Module)
            else (tree.body if isinstance(tree, ast.Expression) else tree.value)
        )
    return tree


class CurveCheck:
    """(sesuai, rule ids fired, the values the fired rules compared) for one unit's counts."""

    def __init__(self, pack: RulePack, on):
        self.evaluator = BatchEvaluator(pack, "kurva", on)
        self.decision = pack.decisions["kurva"]
        self.adds = {
            rule.id: any(o.output == "pelanggaran" for o in rule.then) for rule in self.decision.rules
        }
        self.fast = self._shape_fits()
        self._constants: dict = {}  # (capaian, size) -> derived values fixed by the size
        if self.fast:
            self._plan()

    # -- what the decision looks like ------------------------------------------------------------

    def _shape_fits(self) -> bool:
        d = self.decision
        inputs = d.inputs
        if set(inputs) != {"predikat_organisasi", *COUNTS}:
            return False
        if inputs["predikat_organisasi"].type != "enum" or any(inputs[n].type != "integer" for n in COUNTS):
            return False
        if any(derived.domain for derived in d.derive.values()) or d.hit_policy != "collect":
            return False
        if set(d.result) != {"kurva_sesuai"} or "pelanggaran" not in d.outputs:
            return False
        if d.outputs["pelanggaran"].type != "list":
            return False
        tree = _body(d.result["kurva_sesuai"][0]._tree)
        return (
            isinstance(tree, ast.Compare)
            and len(tree.ops) == 1
            and isinstance(tree.ops[0], ast.Eq)
            and isinstance(tree.left, ast.Call)
            and isinstance(tree.left.func, ast.Name)
            and tree.left.func.id == "len"
            and len(tree.left.args) == 1
            and isinstance(tree.left.args[0], ast.Name)
            and tree.left.args[0].id == "pelanggaran"
            and isinstance(tree.comparators[0], ast.Constant)
            and tree.comparators[0].value == 0
            and not isinstance(tree.comparators[0].value, bool)
        )

    def _plan(self) -> None:
        d = self.decision
        self.sums: dict = {
            name: tuple(int(k == j) for k in range(len(COUNTS))) for j, name in enumerate(COUNTS)
        }
        self.size_only: set = set()
        reads: dict = {}
        for name, derived in d.derive.items():
            reads[name] = derived.expression.names
            found = self._sum_of(_body(derived.expression._tree))
            if found is not None:
                self.sums[name] = found
            elif all(self._fixed_by_size(n) for n in derived.expression.names):
                self.size_only.add(name)
        self.order = list(d.derive)
        self.rows = {row.id: row for row in self.evaluator._rows}
        self.by_capaian: dict = {}
        for c, name in enumerate(CAPAIAN):
            rules, needed = [], set()
            for rule in d.rules:
                if any(
                    cond.name == "predikat_organisasi" and cond.equals and name not in cond.equals
                    for cond in rule.when
                ):
                    continue
                rules.append(rule.id)
                for cond in rule.when:
                    needed.add(cond.name)
                    needed |= {b.operand for b in cond.bounds if b.is_name}
            per_vector = set()
            stack = [n for n in needed if n in d.derive and n not in self.sums and n not in self.size_only]
            while stack:
                n = stack.pop()
                if n in per_vector:
                    continue
                per_vector.add(n)
                stack += [
                    m
                    for m in reads[n]
                    if m in d.derive
                    and m not in per_vector
                    and m not in self.sums
                    and m not in self.size_only
                ]
            reads_all = set(needed)
            for n in per_vector:
                reads_all |= reads[n]
            sums = tuple((n, self.sums[n]) for n in self.sums if n in reads_all and n not in COUNTS)
            params = tuple(
                n
                for n in reads_all | {m for n in self.size_only for m in reads[n]}
                if n in self.evaluator.parameters
            )
            self.by_capaian[c] = (
                tuple(rules),
                [n for n in self.order if n in per_vector],
                tuple(sorted(needed)),
                sums,
                params,
            )

    def _sum_of(self, node):
        if isinstance(node, ast.Name) and node.id in self.sums:
            return self.sums[node.id]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self._sum_of(node.left), self._sum_of(node.right)
            if left is not None and right is not None:
                return tuple(a + b for a, b in zip(left, right, strict=True))
        return None

    def _fixed_by_size(self, name: str) -> bool:
        if name in COUNTS:
            return False
        if name in self.sums:
            return self.sums[name] == (1,) * len(COUNTS)  # the unit's size
        if name in self.decision.derive:
            return name in self.size_only
        return True  # a parameter or predikat_organisasi

    # -- asking ----------------------------------------------------------------------------------

    def evaluate(self, capaian: int, counts) -> tuple[bool, tuple, dict]:
        """(curve met, rule ids fired in the pack's order, the names the candidate rules read).

        The rules fired are those adding to `pelanggaran` (the curve's broken quotas) and any
        other rule that fires; `broken()` keeps the first kind."""
        counts = tuple(int(v) for v in counts)
        inputs = {"predikat_organisasi": CAPAIAN[capaian], **dict(zip(COUNTS, counts, strict=True))}
        if not self.fast or any(v < 0 for v in counts):
            names = self.evaluator.prepare(inputs, checked=True)
            fired = self.evaluator.fired(names)
            outputs = self.evaluator.outputs(names, fired, _WANTED)
            return bool(outputs["kurva_sesuai"]), tuple(fired), names
        rules, per_vector, needed, sums, _ = self.by_capaian[capaian]
        names = dict(self._fixed(capaian, sum(counts)))
        names.update(inputs)
        for name, coefficients in sums:
            names[name] = sum(c * v for c, v in zip(coefficients, counts, strict=True) if c)
        derive = self.decision.derive
        for name in per_vector:
            expression = derive[name].expression
            names[name] = _run(expression.function, expression.source, names, name)
        event = {}
        for name in needed:
            value = names[name]
            if isinstance(value, float):
                if abs(value) > LARGEST:
                    return self._slow(inputs)  # the engine's magnitude refusal, said by the evaluator
                value = event_view(value)
            elif isinstance(value, int) and abs(value) > LARGEST:
                return self._slow(inputs)
            event[name] = value
        rows = self.rows
        fired = tuple(rule for rule in rules if rows[rule].matches(event))
        return not any(self.adds[rule] for rule in fired), fired, names

    def broken(self, fired: tuple) -> tuple:
        return tuple(rule for rule in fired if self.adds.get(rule))

    def _slow(self, inputs):
        names = self.evaluator.prepare(inputs, checked=True)
        fired = self.evaluator.fired(names)
        outputs = self.evaluator.outputs(names, fired, _WANTED)
        return bool(outputs["kurva_sesuai"]), tuple(fired), names

    def _fixed(self, capaian: int, size: int) -> dict:
        """The parameters the rules read and the derived values fixed by the unit's size."""
        key = (capaian, size)
        found = self._constants.get(key)
        if found is None:
            names = {
                **self.evaluator.parameters,
                "predikat_organisasi": CAPAIAN[capaian],
                **dict(zip(COUNTS, (size, 0, 0, 0, 0), strict=True)),
            }
            found = {name: self.evaluator.parameters[name] for name in self.by_capaian[capaian][4]}
            for name in self.order:
                if name in self.sums:
                    names[name] = sum(c * v for c, v in zip(self.sums[name], (size, 0, 0, 0, 0), strict=True))
                elif name in self.size_only:
                    expression = self.decision.derive[name].expression
                    names[name] = found[name] = _run(expression.function, expression.source, names, name)
            if len(self._constants) > 50_000:
                self._constants.clear()
            self._constants[key] = found
        return found
