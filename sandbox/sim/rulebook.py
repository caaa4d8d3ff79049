"""The rules a simulated year runs under: one pack under test, the rules in force for the rest.

A reform usually changes one decision (the curve, a kuadran cell, a TPP deduction, a weight). The
simulator runs one of three models, chosen by the pack under test:

- `kuadran` (PermenPANRB 6/2022, in force): rating hasil kerja of a leader, predikat, kurva, TPP,
  angka kredit;
- `nilai` (PP 30/2019's numeric model, a pack with `nilai_kinerja`): nilai SKP and nilai perilaku →
  nilai kinerja → predikat, then kurva, TPP and angka kredit;
- `iki` (PermenPANRB 8/2021, a pack with `capaian_iki`): nilai SKP from the capaian of each IKI,
  then as `nilai`.

Each decision comes from the pack under test when it has that decision, else from the pack in force
(`DEFAULT_PACKS`). The model's core decisions and every decision of the pack under test must be in
force all year; a filled-in decision that is not in force in the simulated year (the SE 3/2023
curve in 2021, say) is not simulated, and the report names it. Decisions run through
`rules.batch.BatchEvaluator` on the last day of each period; each distinct input is evaluated once
per process and remembered (a population repeats the same inputs a lot).

The money decision (`tpp`: a regional TPP or a ministry's tunjangan kinerja) gets its inputs by their
regulation names from what the simulator knows (`MoneyPlan`); a required input it cannot supply is
refused before the run. Its pack's integer parameter `bulan_per_periode` says which predikat cuts a
month's pay: 1 the month's own, 3 the quarter's (absent: today's behaviour), 12 the year's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import sandbox.sim.messages  # noqa: F401 (registers the messages)
from sandbox.errors import SandboxError
from sandbox.rules.batch import BatchEvaluator
from sandbox.rules.loader import load_pack
from sandbox.rules.model import RulePack
from sandbox.rules.problems import EvaluationError
from sandbox.sim.adjust import CurvePlanner, room
from sandbox.sim.behaviour import ATTENDANCE, PREDIKAT, WORKING_DAYS
from sandbox.sim.curve import CurveCheck
from sandbox.workflow.rulebook import DEFAULT_PACKS as IN_FORCE

MODELS = {
    "kuadran": ("rating_hasil_kerja_pimpinan", "predikat", "kurva", "tpp", "angka_kredit"),
    "nilai": ("nilai_kinerja", "kurva", "tpp", "angka_kredit"),
    "iki": ("capaian_iki", "nilai_kinerja", "kurva", "tpp", "angka_kredit"),
}
CORE = {"kuadran": ("predikat",), "nilai": ("nilai_kinerja",), "iki": ("capaian_iki", "nilai_kinerja")}
SIM_DECISIONS = tuple(dict.fromkeys(d for decisions in MODELS.values() for d in decisions))
DEFAULT_PACKS = {**{name: IN_FORCE[name] for name in MODELS["kuadran"]},
                 "nilai_kinerja": "pp-30-2019", "capaian_iki": "permenpanrb-8-2021"}
# PP 30/2019 names the middle predikat Cukup; PermenPANRB 6/2022 (and the TPP and angka kredit packs
# reading it) call the same step Butuh Perbaikan ("Butuh Perbaikan (Cukup)").
PREDIKAT_ALIASES = {"cukup": "butuh_perbaikan"}
# The money decision's inputs the simulator supplies, by regulation name (see `MoneyPlan`).
BASE_INPUTS = ("besaran_tpp", "tunjangan_kinerja_kelas_jabatan")  # ← the person's monthly TPP base
PREDIKAT_INPUTS = ("predikat", "nilai_prestasi_kerja")
# PP 46/2011 sebutan nilai prestasi kerja (PMA 29/2016 reads them) for the five PermenPANRB 6/2022
# predikat: the middle step Butuh Perbaikan is Cukup, the lowest Sangat Kurang is Buruk.
NILAI_PRESTASI_KERJA = {"sangat_baik": "sangat_baik", "baik": "baik", "butuh_perbaikan": "cukup",
                        "kurang": "kurang", "sangat_kurang": "buruk"}
# A month's lateness by minutes (Perban BGN 4/2025 Pasal 15) from the TL tiers drawn: TL1 (1–30 min)
# and TL2 (31–60) are late up to 60 minutes, TL3 (61–90) and TL4 (≥ 91 or no check-in) more than 60.
LATENESS_INPUTS = {"terlambat_sampai_60_menit": ("tl1", "tl2"), "terlambat_lebih_60_menit": ("tl3", "tl4")}
PERIOD_PARAMETER = "bulan_per_periode"
PERIOD_MONTHS = (1, 3, 12)
_MEMO_LIMIT = 300_000  # entries; a few hundred bytes each
_MEMO: dict = {}  # per process: (pack hash, decision, date, input key) -> outputs
_EVALUATORS: dict = {}
_CURVES: dict = {}  # kurva fingerprint -> (fingerprint, CurveCheck, CurvePlanner)
_PLANS: dict = {}


class SimError(SandboxError):
    """A simulation that cannot start; `code` and `params` name the catalog message."""

    def __init__(self, code: str, cause: Exception | None = None, **params):
        super().__init__(code, **params)
        self.cause = cause

    def reason(self, lang: str = "id") -> str:
        what = super().reason(lang)
        if self.cause is not None and hasattr(self.cause, "render"):
            what += f" ({self.cause.render(lang)})"
        return what


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
        self.model = ("iki" if "capaian_iki" in pack.decisions else
                      "nilai" if "nilai_kinerja" in pack.decisions else "kuadran")
        chosen = {name: pack if name in pack.decisions else _in_force_pack(DEFAULT_PACKS[name])
                  for name in MODELS[self.model]}
        required = [name for name in chosen if name in CORE[self.model] or chosen[name] is pack]
        self.year = year or default_year([chosen[n] for n in required],
                                         [chosen[n] for n in chosen if n not in required])
        ordered = sorted(required, key=lambda name: chosen[name] is not pack)  # pack under test first
        for name in ordered:
            used = chosen[name]
            if not _in_force_all_year(used, self.year):
                if used.effective_to and dt.date(self.year, 3, 31) > used.effective_to:
                    raise SimError("sim.expired", pack=used.id, year=self.year,
                                   end=used.effective_to.isoformat(), decision=name)
                raise SimError("sim.not_in_force", pack=used.id, year=self.year,
                               start=used.effective_from.isoformat(), decision=name)
        self.packs: dict[str, RulePack] = {name: used for name, used in chosen.items()
                                           if name in required or _in_force_all_year(used, self.year)}
        self.skipped: dict[str, str] = {name: used.id for name, used in chosen.items()
                                        if name not in self.packs}
        self._curves: dict = {}  # date -> (kurva fingerprint, CurveCheck, CurvePlanner)
        self.money = money_plan(self.packs["tpp"], self.year) if "tpp" in self.packs else None

    def paid_year(self) -> int | None:
        """The year the money pack says it pays (its output `tahun_dibayar`), when it says one."""
        plan = self.money
        if plan is None or not plan.paid_next_year:
            return None
        on = dt.date(self.year, 12, 31)
        inputs = plan.inputs(1_000_000, 1, "tidak_ada", {name: 0 for name, _, _ in plan.counts}, self.year)
        try:
            outputs = BatchEvaluator(self.packs["tpp"], "tpp", on).evaluate(
                inputs, checked=True, wanted=frozenset({"tahun_dibayar"}))
        except EvaluationError as error:
            raise SimError("sim.evaluation_failed", error, pack=self.packs["tpp"].id,
                           decision="tpp") from error
        paid = outputs.get("tahun_dibayar")
        return int(paid) if isinstance(paid, int | float) else None

    def has(self, decision: str) -> bool:
        """Whether the decision is simulated this year (a fill-in not in force is not)."""
        return decision in self.packs

    def sources(self) -> dict[str, str]:
        """decision -> pack id, for the report ("—" and the pack when not in force that year)."""
        return {**{name: pack.id for name, pack in self.packs.items()},
                **{name: f"— ({pack_id} tidak berlaku pada {self.year} / not in force in {self.year})"
                   for name, pack_id in self.skipped.items()}}

    def code(self, values: tuple, decision: str, output: str, outputs: dict) -> int:
        """The position of an output value in the simulator's list (a pack may not invent one)."""
        value = outputs.get(output)
        if values is PREDIKAT:
            value = PREDIKAT_ALIASES.get(value, value)
        if value not in values:
            raise SimError("sim.unexpected_value", pack=self.packs[decision].id, decision=decision,
                           output=output, value=value, allowed=", ".join(values))
        return values.index(value)

    def _curve(self, on: dt.date) -> tuple:
        found = self._curves.get(on)
        if found is None:
            pack = self.packs["kurva"]
            print_ = fingerprint(pack, "kurva", on)
            found = _CURVES.get(print_)
            if found is None:
                check = CurveCheck(pack, on)
                found = _CURVES[print_] = (print_, check, CurvePlanner(pack, check))
            self._curves[on] = found
        return found

    def curve_check(self, on: dt.date, capaian: int, counts) -> tuple[bool, tuple]:
        """(sesuai, rule ids broken) of one unit's counts under the pack's `kurva` decision."""
        shown = (capaian, *(counts.tolist() if hasattr(counts, "tolist") else counts))
        print_, check, _ = self._curve(on)
        key = (print_, shown)
        found = _MEMO.get(key)
        if found is None:
            try:
                sesuai, fired, _ = check.evaluate(capaian, shown[1:])
            except EvaluationError as error:
                raise SimError("sim.evaluation_failed", error, pack=self.packs["kurva"].id,
                               decision="kurva") from error
            found = (sesuai, check.broken(fired))
            if len(_MEMO) > _MEMO_LIMIT:
                _MEMO.clear()
            _MEMO[key] = found
        return found

    def curve_room(self, on: dt.date, capaian: int, counts: tuple, i: int, j: int) -> int:
        """How many of the unit's people may move from predikat i to j keeping its curve (`adjust.room`)."""
        key = (self._curve(on)[0], "room", capaian, counts, i, j)
        found = _PLANS.get(key)
        if found is None:
            found = _PLANS[key] = room(self, on, capaian, counts, i, j)
        return found

    def curve_plan(self, on: dt.date, capaian: int, counts: tuple, prefer_up: bool):
        """The moves that bring the counts into the curve (`adjust.CurvePlanner`), remembered."""
        print_, _, planner = self._curve(on)
        key = (print_, capaian, counts, prefer_up)
        found = _PLANS.get(key)
        if found is None:
            try:
                found = planner.plan(capaian, counts, prefer_up)
            except EvaluationError as error:
                raise SimError("sim.evaluation_failed", error, pack=self.packs["kurva"].id,
                               decision="kurva") from error
            if len(_PLANS) > _MEMO_LIMIT:
                _PLANS.clear()
            _PLANS[key] = found
        return found

    def evaluate(self, decision: str, on: dt.date, key, inputs, wanted: tuple = ()) -> dict:
        """The outputs for one input (built by `inputs()` only when not remembered yet).

        `key` must identify the input completely (it is remembered per process across offices);
        `wanted` names the outputs read (others may be left out, see BatchEvaluator).
        """
        pack = self.packs[decision]
        memo_key = (fingerprint(pack, decision, on), key, wanted)  # shared by packs deciding alike
        found = _MEMO.get(memo_key)
        if found is not None:
            return found
        try:
            evaluator = _EVALUATORS.get(memo_key[0])
            if evaluator is None:
                evaluator = _EVALUATORS[memo_key[0]] = BatchEvaluator(pack, decision, on)
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


@dataclass(frozen=True)
class MoneyPlan:
    """How the simulator supplies a money decision's inputs (decided once per rulebook, before the run).

    `counts` are (input name, ATTENDANCE indices summed, most allowed); `defaults` the optional inputs
    left to the pack's default because the simulator does not know them; `classic` when the inputs are
    those of the original TPP decision (the key and inputs are then built exactly as they always were).
    """

    bulan: int  # 1: the month's predikat cuts its pay; 3: the quarter's; 12: the year's
    base: str
    predikat: str | None  # "predikat", "nilai_prestasi_kerja" or None (the pack reads none)
    hukuman: bool
    counts: tuple
    tahun: bool  # the pack reads tahun_penilaian (the simulated year)
    defaults: tuple
    paid_next_year: bool  # the pack says which year it pays (output tahun_dibayar)
    classic: bool

    def counted(self, attendance) -> dict:
        """The count inputs from one month's ATTENDANCE counts (summed tiers, capped at the input's max)."""
        out = {}
        for name, kinds, most in self.counts:
            total = sum(int(attendance[k]) for k in kinds)
            out[name] = total if most is None else min(total, most)
        return out

    def inputs(self, besaran, predikat: int, hukuman: str, counted: dict, year: int) -> dict:
        """The decision's inputs for one month (`counted`: from `counted`, by input name)."""
        values = {self.base: besaran}
        if self.predikat == "predikat":
            values["predikat"] = PREDIKAT[predikat]
        elif self.predikat:
            values[self.predikat] = NILAI_PRESTASI_KERJA[PREDIKAT[predikat]]
        if self.hukuman:
            values["hukuman_disiplin"] = hukuman
        values.update(counted)
        if self.tahun:
            values["tahun_penilaian"] = year
        return values


def money_plan(pack: RulePack, year: int) -> MoneyPlan:
    """The plan for a pack's `tpp` decision, or a SimError naming the input the simulator cannot give."""
    decision = pack.decisions["tpp"]
    on = dt.date(year, 12, 31)
    parameter = pack.parameters.get(PERIOD_PARAMETER)
    chosen = parameter.value_on(on) if parameter is not None else None
    bulan = 3 if chosen is None else chosen[0]
    if isinstance(bulan, bool) or bulan not in PERIOD_MONTHS:
        raise SimError("sim.bulan.periode_tidak_dikenal", pack=pack.id, nilai=bulan,
                       boleh=", ".join(map(str, PERIOD_MONTHS)))
    spec = decision.inputs
    base = next((name for name in BASE_INPUTS if name in spec), None)
    predikat = next((name for name in PREDIKAT_INPUTS if name in spec), None)
    counts = []
    for name, item in spec.items():
        if name in ATTENDANCE:
            kinds = (ATTENDANCE.index(name),)
        elif name in LATENESS_INPUTS:
            kinds = tuple(ATTENDANCE.index(k) for k in LATENESS_INPUTS[name])
        else:
            kinds = None
        if kinds is not None:  # capped at the input's max only when the draws could exceed it
            most = item.maximum
            most = None if most is None or most >= len(kinds) * WORKING_DAYS else int(most)
            counts.append((name, kinds, most))
    known = {base, predikat, "hukuman_disiplin", "tahun_penilaian", *(c[0] for c in counts)} - {None}
    missing = [name for name, item in spec.items() if name not in known and not item.has_default]
    if base is None or missing:
        what = missing[0] if missing else " / ".join(BASE_INPUTS)
        raise SimError("sim.bulan.masukan_tidak_dikenal", pack=pack.id, masukan=what,
                       dikenal=", ".join([*BASE_INPUTS, *PREDIKAT_INPUTS, "hukuman_disiplin",
                                          "tahun_penilaian", *ATTENDANCE, *LATENESS_INPUTS]))
    if predikat is not None and spec[predikat].type == "enum":  # every predikat must be a choice
        given = PREDIKAT if predikat == "predikat" else tuple(NILAI_PRESTASI_KERJA.values())
        absent = [value for value in given if value not in spec[predikat].values]
        if absent:
            raise SimError("sim.bulan.pilihan_tidak_dikenal", pack=pack.id, masukan=predikat,
                           pilihan=", ".join(absent), diberikan=", ".join(given))
    classic = (base == "besaran_tpp" and predikat == "predikat" and "hukuman_disiplin" in spec
               and [c[0] for c in counts] == list(ATTENDANCE) and all(c[2] is None for c in counts)
               and set(spec) == {base, predikat, "hukuman_disiplin", *ATTENDANCE})
    return MoneyPlan(bulan=bulan, base=base, predikat=predikat, hukuman="hukuman_disiplin" in spec,
                     counts=tuple(counts), tahun="tahun_penilaian" in spec,
                     defaults=tuple(name for name in spec if name not in known),
                     paid_next_year="tahun_dibayar" in decision.outputs, classic=classic)


_FINGERPRINTS: dict = {}


def fingerprint(pack: RulePack, decision: str, on: dt.date) -> tuple:
    """What one decision of a pack computes on a date: its definition as written and the values of
    the parameters it names. Two packs with the same fingerprint give the same outputs for the same
    inputs (a reform changing one kuadran cell leaves its curve alike), so they share answers."""
    known = _FINGERPRINTS.get((pack.content_hash, decision, on))
    if known is None:
        raw = pack.raw.get("decisions", {}).get(decision) if isinstance(pack.raw, dict) else None
        text = json.dumps(raw, sort_keys=True, default=str, ensure_ascii=False) if raw is not None else None
        if text is None:  # no raw definition to compare: the pack itself
            known = (pack.content_hash, decision, on)
        else:
            values = []
            for name, parameter in sorted(pack.parameters.items()):
                if name in text:
                    chosen = parameter.value_on(on)
                    shown = json.dumps(chosen[0] if chosen else None, sort_keys=True, default=str)
                    values.append((name, shown))
            known = (decision, on, hashlib.sha256((text + repr(values)).encode()).hexdigest())
        _FINGERPRINTS[(pack.content_hash, decision, on)] = known
    return known


def _in_force_all_year(pack: RulePack, year: int) -> bool:
    return all(pack.effective_from <= on and (not pack.effective_to or on <= pack.effective_to)
               for on in period_ends(year))


def default_year(required, optional=()) -> int:
    """The first year in which the required packs are in force on every period's last day and, if
    there is one before they lapse, every optional pack too; else the last year the required are."""
    required, optional = list(required), list(optional)
    year = max(p.effective_from.year for p in required)
    if any(p.effective_from > dt.date(year, 3, 31) for p in required):
        year += 1
    ends = [p.effective_to for p in required if p.effective_to]
    last = min(ends).year - (1 if min(ends) < dt.date(min(ends).year, 12, 31) else 0) if ends else year + 50
    for candidate in range(year, max(year, last) + 1):
        if all(_in_force_all_year(p, candidate) for p in optional):
            return candidate
    return max(year, last) if ends else year


_IN_FORCE: dict[str, RulePack] = {}


def _in_force_pack(pack_id: str) -> RulePack:
    if pack_id not in _IN_FORCE:
        _IN_FORCE[pack_id] = load_pack(pack_id)
    return _IN_FORCE[pack_id]
