"""The small, safe expression language of rule packs: parsed once, checked for names, never exec'd."""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass
from functools import cached_property

from simpleeval import DEFAULT_OPERATORS, NameNotDefined, SimpleEval


def bulatkan(value: float, how: str = "round") -> int:
    """Round a count as a pack chooses: floor, ceil or round (half up, not banker's rounding)."""
    if how == "floor":
        return math.floor(value + 1e-9)
    if how == "ceil":
        return math.ceil(value - 1e-9)
    if how == "round":
        return math.floor(value + 0.5 + 1e-9)
    raise ValueError(f"bulatkan: cara '{how}' tidak dikenal (floor, ceil, round)")


def _round(value: float, digits: int = 0) -> float:
    # Half-up rounding on a decimal view, so 89.995 becomes 90.0 as a person expects.
    factor = 10 ** int(digits)
    return math.floor(value * factor + 0.5 + 1e-9) / factor


FUNCTIONS = {
    "min": min,
    "max": max,
    "abs": abs,
    "round": _round,
    "floor": math.floor,
    "ceil": math.ceil,
    "len": len,
    "bulatkan": bulatkan,
}

# The longest formula in rules/ is about 200 characters and 10 levels deep. Far larger ones are
# refused when the pack is read: Python's parser runs out of memory or recursion on them (an
# internal error instead of a message), and the evaluators walk the tree recursively.
MAX_LENGTH = 2000
MAX_DEPTH = 50
LARGEST_RESULT = 10**15  # the engine's limit for inputs too (sandbox.rules.inputs.LARGEST)

_ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.Name,
    ast.Constant, ast.Call, ast.Subscript, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.USub, ast.UAdd,
    ast.Not, ast.And, ast.Or, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE,
)


class ExpressionProblem(Exception):
    """Why an expression cannot be used: `code` is a catalog key, `detail` fills it."""

    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Expression:
    """A parsed expression and the names it reads."""

    source: str
    names: frozenset
    _tree: object
    numeric: bool = False  # set by the loader when rules compare the value with numeric bounds

    def evaluate(self, names: dict) -> object:
        evaluator = SimpleEval(functions=FUNCTIONS, names=names)
        return _checked(evaluator.eval(self.source, previously_parsed=self._tree), self.source,
                        self.numeric)

    @cached_property
    def function(self):
        """The same expression as a tree of Python closures, for bulk runs (`rules.batch`).

        Built from the vetted tree node by node with simpleeval's own operators, so it computes
        what `evaluate` computes about twenty times faster; nothing is compiled or exec'd.
        """
        tree = self._tree
        while isinstance(tree, ast.Expression | ast.Expr | ast.Module):
            tree = tree.body[0] if isinstance(tree, ast.Module) else (
                tree.body if isinstance(tree, ast.Expression) else tree.value)
        function, source, numeric = _closure(tree, self.source), self.source, self.numeric
        return lambda names: _checked(function(names), source, numeric)


def _checked(value: object, source: str, numeric: bool) -> object:
    """A formula's value, refused when it is not a finite number (1e308 * 10, inf - inf), or not a
    number at all where the rules compare it with numbers (`'9' * 3` for a score).

    NaN or infinity would otherwise reach durable-rules, which cannot read them, or a person as
    'nan'; both evaluators turn this error into `eval.expression_failed` with the formula.
    """
    if isinstance(value, float) and not math.isfinite(value):
        raise ArithmeticError(f"hasil bukan angka terhingga / the result is not a finite number: {value}")
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > LARGEST_RESULT:
        # durable-rules reads 64-bit numbers, and Python refuses to print an int of 4,300+ digits
        raise ArithmeticError(f"hasil melebihi / the result exceeds ±{LARGEST_RESULT:.0e}")
    if numeric and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise TypeError(f"hasil bukan angka / the result is not a number: {str(value)[:40]!r}")
    return value


def _depth(tree: ast.AST) -> int:
    """How deeply a tree nests, counted without recursion."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest


def parse_expression(source: object) -> Expression:
    """Parse and vet an expression; raise ExpressionProblem for anything outside the language."""
    if isinstance(source, list | dict | set | tuple):
        # a list or mapping where a formula belongs: never str() it (an alias may make it huge)
        raise ExpressionProblem("expr.syntax", f"{type(source).__name__}: bukan teks rumus / not a formula")
    if isinstance(source, int) and not isinstance(source, bool) and abs(source) > LARGEST_RESULT:
        # YAML read a huge literal (0xfff…) as an int: Python will not even print one of 4,300+ digits
        raise ExpressionProblem("expr.syntax", f"angka melebihi / number exceeds ±{LARGEST_RESULT:.0e}")
    text = str(source).strip()
    if not text:
        raise ExpressionProblem("expr.empty", "")
    if len(text) > MAX_LENGTH:
        raise ExpressionProblem("expr.too_long", str(len(text)))
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        raise ExpressionProblem("expr.syntax", error.msg or text) from None
    except (RecursionError, MemoryError):
        raise ExpressionProblem("expr.too_deep", f"> {MAX_DEPTH}") from None
    except (ValueError, OverflowError) as error:
        raise ExpressionProblem("expr.syntax", str(error)[:200]) from None
    depth = _depth(tree)
    if depth > MAX_DEPTH:
        raise ExpressionProblem("expr.too_deep", str(depth))
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise ExpressionProblem("expr.not_allowed", type(node).__name__)
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
                called = node.func.id if isinstance(node.func, ast.Name) else "?"
                raise ExpressionProblem("expr.unknown_function", called)
            if node.keywords:
                raise ExpressionProblem("expr.not_allowed", "keyword")
        elif isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Constant) and not isinstance(node.value, int | float | str | bool):
            raise ExpressionProblem("expr.not_allowed", type(node.value).__name__)
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)}
    parsed = SimpleEval(functions=FUNCTIONS).parse(text)
    return Expression(text, frozenset(names - called), parsed)


def _closure(node, source: str):
    """One closure per AST node, mirroring simpleeval's `_eval_*` methods for the allowed nodes."""
    if isinstance(node, ast.Constant):
        value = node.value
        return lambda names: value
    if isinstance(node, ast.Name):
        key = node.id

        def name(names):
            try:
                return names[key]
            except KeyError:
                if key in FUNCTIONS:
                    return FUNCTIONS[key]
                raise NameNotDefined(key, source) from None
        return name
    if isinstance(node, ast.BinOp):
        operator = DEFAULT_OPERATORS[type(node.op)]
        left, right = _closure(node.left, source), _closure(node.right, source)
        return lambda names: operator(left(names), right(names))
    if isinstance(node, ast.UnaryOp):
        operator = DEFAULT_OPERATORS[type(node.op)]
        operand = _closure(node.operand, source)
        return lambda names: operator(operand(names))
    if isinstance(node, ast.BoolOp):
        values = [_closure(value, source) for value in node.values]
        if isinstance(node.op, ast.And):
            def both(names):
                result = False
                for value in values:
                    result = value(names)
                    if not result:
                        break
                return result
            return both

        def either(names):
            result = False
            for value in values:
                result = value(names)
                if result:
                    break
            return result
        return either
    if isinstance(node, ast.Compare):
        first = _closure(node.left, source)
        steps = [(DEFAULT_OPERATORS[type(op)], _closure(comp, source))
                 for op, comp in zip(node.ops, node.comparators, strict=True)]

        def compare(names):
            right = first(names)
            result = True
            for operator, comparator in steps:
                if not result:
                    break
                left, right = right, comparator(names)
                result = operator(left, right)
            return result
        return compare
    if isinstance(node, ast.IfExp):
        test, body, orelse = (_closure(n, source) for n in (node.test, node.body, node.orelse))
        return lambda names: body(names) if test(names) else orelse(names)
    if isinstance(node, ast.Call):
        function = FUNCTIONS[node.func.id]
        arguments = [_closure(a, source) for a in node.args]
        return lambda names: function(*(a(names) for a in arguments))
    if isinstance(node, ast.Subscript):
        container, key = _closure(node.value, source), _closure(node.slice, source)
        return lambda names: container(names)[key(names)]
    raise ExpressionProblem("expr.not_allowed", type(node).__name__)
