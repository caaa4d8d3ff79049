"""One error root (issue #18): every refusal a person can read derives from `SandboxError`, so a
caller catches one class and shows `render(lang)`, and each renders in both languages.

Exceptions that never reach a person are listed with the reason; a new refusal class outside the
root fails here by name."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import sandbox
from sandbox.errors import ProblemsError, SandboxError

# Signals caught inside their own module; none is ever shown as such.
INTERNAL = {
    "sandbox.cli._UsageError": "argparse's refusal, reworded by main() as cli.usage",
    "sandbox.training.access._Taken": "a seat lost to a race; the caller retries",
    "sandbox.workflow.pendampingan._IdTaken": "an id lost to a race; the caller retries",
    "sandbox.training.serve.Malformed": "a bad websocket frame; the session is closed",
    "sandbox.api.jobs.Busy": "turned into ApiError 429 by the endpoint",
    "sandbox.rules.engine.EngineFault": "durable-rules failed; a programming error, never an input",
    "sandbox.rules.expressions.ExpressionProblem": "becomes a pack Problem at its line",
}


def _modules():
    for info in pkgutil.walk_packages(sandbox.__path__, "sandbox."):
        if info.name.endswith("__main__"):
            continue
        yield importlib.import_module(info.name)


def _exception_classes():
    seen = {}
    for module in _modules():
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, BaseException) and cls.__module__ == module.__name__:
                seen[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return seen


def test_every_refusal_derives_from_the_root():
    classes = _exception_classes()
    assert len(classes) > 20  # the walk found the code base
    outside = sorted(name for name, cls in classes.items()
                     if not issubclass(cls, SandboxError) and name not in INTERNAL)
    assert not outside, f"derive these from sandbox.errors.SandboxError (or list why not): {outside}"
    assert not set(INTERNAL) - set(classes), "an INTERNAL entry names a class that no longer exists"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_area_renders_through_the_root(lang):
    from sandbox.domain.nip import parse_nip
    from sandbox.rules.problems import EvaluationError
    from sandbox.store.errors import StoreLockedError
    from sandbox.training.classroom import ClassError
    from sandbox.workflow.errors import WorkflowRefused

    try:
        parse_nip("12345")
    except SandboxError as error:
        nip = error
    refusals = [nip, EvaluationError("eval.unknown_decision", decision="x", pack="p", known="a"),
                StoreLockedError(path="kantor.db", attempts=5),
                WorkflowRefused("workflow.skp_tidak_ada", skp_id=3),
                ClassError("kelas.kursi", kursi=0, maks=60)]
    for error in refusals:
        text = error.render(lang)
        assert " — " in text and "{" not in text, (type(error).__name__, text)
        assert error.reason(lang) in text and error.fix(lang) in text
    english = [e.render("en") for e in refusals]
    indonesian = [e.render("id") for e in refusals]
    assert english != indonesian


def test_a_file_refusal_lists_every_problem_in_the_language_asked():
    from sandbox.rules.loader import check_pack

    _, problems = check_pack("rules/does-not-exist.yaml")
    assert problems
    from sandbox.rules.problems import PackError

    error = PackError(problems)
    assert isinstance(error, ProblemsError) and error.code == problems[0].code
    assert error.render("id") != error.render("en")
    assert error.render("en").count("\n") == len(problems) - 1
