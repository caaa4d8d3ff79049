"""The rules a simulated year runs under: one pack under test, the rules in force for the rest.

A reform usually changes one decision (the curve, a kuadran cell, a TPP deduction). The simulator
needs five (rating hasil kerja of a leader, predikat, kurva, TPP, angka kredit), so each comes from
the pack under test when it has that decision, else from the pack in force (`DEFAULT_PACKS`).
Decisions run through `rules.batch.BatchEvaluator` on the last day of each period; each distinct
input is evaluated once per process and remembered (a population repeats the same inputs a lot).
"""

from __future__ import annotations

import datetime as dt

from sandbox.rules.batch import BatchEvaluator
from sandbox.rules.loader import load_pack
from sandbox.rules.model import RulePack
from sandbox.rules.problems import EvaluationError
from sandbox.workflow.rulebook import DEFAULT_PACKS as IN_FORCE

SIM_DECISIONS = ("rating_hasil_kerja_pimpinan", "predikat", "kurva", "tpp", "angka_kredit")
DEFAULT_PACKS = {name: IN_FORCE[name] for name in SIM_DECISIONS}  # one list of the rules in force
_MEMO_LIMIT = 300_000  # entries; a few hundred bytes each
_MEMO: dict = {}  # per process: (pack hash, decision, date, input key) -> outputs
_EVALUATORS: dict = {}


class SimError(Exception):
    """A simulation that cannot start; `code` and `params` name the catalog message."""

    def __init__(self, code: str, cause: Exception | None = None, **params):
        super().__init__(code)
        self.code = code
        self.cause = cause
        self.params = params

    def render(self, lang: str = "id") -> str:
        from sandbox.i18n import message

        what = message(self.code, lang, **self.params)
        if self.cause is not None and hasattr(self.cause, "render"):
            what += f" ({self.cause.render(lang)})"
        return f"{what} — {message(self.code + '.fix', lang, **self.params)}"


def period_ends(year: int) -> tuple[dt.date, ...]:
    """The last day of TW I–IV and of the year (the annual evaluation): when decisions are taken."""
    return (dt.date(year, 3, 31), dt.date(year, 6, 30), dt.date(year, 9, 30), dt.date(year, 12, 31),
            dt.date(year, 12, 31))


class SimRulebook:
    """The packs deciding each simulated decision, with a remembered answer per distinct input."""

    def __init__(self, reference: str | RulePack, year: int | None = None):
        pack = reference if isinstance(reference, RulePack) else load_pack(reference)
        if not any(name in pack.decisions for name in SIM_DECISIONS):
            raise SimError("sim.no_decision", pack=pack.id, decisions=", ".join(SIM_DECISIONS))
        self.pack = pack
        self.label = pack.id
        self.packs: dict[str, RulePack] = {
            name: pack if name in pack.decisions else _in_force_pack(DEFAULT_PACKS[name])
            for name in SIM_DECISIONS}
        self.year = year or default_year(self.packs.values())
        ordered = sorted(self.packs.items(), key=lambda item: item[1] is not pack)  # pack under test first
        for name, used in ordered:
            for on in period_ends(self.year):
                if on < used.effective_from or (used.effective_to and on > used.effective_to):
                    raise SimError("sim.not_in_force", pack=used.id, year=self.year,
                                   start=used.effective_from.isoformat(), decision=name)

    def sources(self) -> dict[str, str]:
        """decision -> pack id, for the report."""
        return {name: pack.id for name, pack in self.packs.items()}

    def code(self, values: tuple, decision: str, output: str, outputs: dict) -> int:
        """The position of an output value in the simulator's list (a pack may not invent one)."""
        value = outputs.get(output)
        if value not in values:
            raise SimError("sim.unexpected_value", pack=self.packs[decision].id, decision=decision,
                           output=output, value=value, allowed=", ".join(values))
        return values.index(value)

    def evaluate(self, decision: str, on: dt.date, key, inputs, wanted: tuple = ()) -> dict:
        """The outputs for one input (built by `inputs()` only when not remembered yet).

        `key` must identify the input completely (it is remembered per process across offices);
        `wanted` names the outputs read (others may be left out, see BatchEvaluator).
        """
        pack = self.packs[decision]
        memo_key = (pack.content_hash, decision, on, key, wanted)  # shared by rulebooks using the same pack
        found = _MEMO.get(memo_key)
        if found is not None:
            return found
        try:
            evaluator = _EVALUATORS.get(memo_key[:3])
            if evaluator is None:
                evaluator = _EVALUATORS[memo_key[:3]] = BatchEvaluator(pack, decision, on)
            # typed inputs; a pack wanting other names or choices (a reform may add an input the
            # simulator does not give) gets the engine's checks: a clear refusal, not a KeyError
            outputs = evaluator.evaluate(inputs() if callable(inputs) else inputs, checked=True,
                                         wanted=frozenset(wanted) if wanted else None)
        except EvaluationError as error:
            raise SimError("sim.evaluation_failed", error, pack=pack.id, decision=decision) from error
        missing = [name for name in wanted if name not in outputs]
        if missing:
            raise SimError("sim.output_missing", pack=pack.id, decision=decision, output=missing[0])
        if wanted:  # remember only what is read: the memo is the simulator's largest object
            outputs = {name: outputs[name] for name in wanted}
        if len(_MEMO) > _MEMO_LIMIT:
            _MEMO.clear()
        _MEMO[memo_key] = outputs
        return outputs


def default_year(packs) -> int:
    """The first year in which every pack is in force on every period's last day."""
    year = max(p.effective_from.year for p in packs)
    if any(p.effective_from > dt.date(year, 3, 31) for p in packs):
        year += 1
    return year


_IN_FORCE: dict[str, RulePack] = {}


def _in_force_pack(pack_id: str) -> RulePack:
    if pack_id not in _IN_FORCE:
        _IN_FORCE[pack_id] = load_pack(pack_id)
    return _IN_FORCE[pack_id]
