"""The curve check of every led unit, and the adjustment step that brings a broken unit into it.

In the workflow a unit whose spread of predikat breaks the curve of its capaian organisasi goes back
to DIKEMBALIKAN_KURVA, its people are re-rated, and `finalkan` refuses until the check passes
(sandbox/workflow/kurva.py, penilaian.py). The simulated year does the same, per period:

1. *First check*: every led unit's subtree (its head excluded, W9) on the ratings as given.
2. *Adjustment*, deepest units first, `putaran` passes at most: a unit that breaks the curve asks
   the pack's `kurva` decision which rules fire; for each broken rule it reads, from that rule's own
   condition in the pack, which count is too high or too low and by how much (e.g. `jumlah_baik >
   batas_baik_maks_baik`: Baik must lose the difference), and plans moves of that many people to the
   nearest predikat that is allowed (`CurvePlanner`). When a group must shrink and both directions
   are one step away, the unit head's stated tendency (`naik`, drawn per unit) chooses up or down.
   The pack decides what is allowed; nothing here knows a quota.
3. *Who moves*: among the unit's people in the group, those moving down go lowest capaian first and
   those moving up highest first (hasil kerja, then perilaku, then the person's latent level); heads
   of sub-units last (their rating hasil kerja is their unit's capaian, so only perilaku can change).
   A moved person is re-rated by the model (`year.Kuadran.rerate`, `year.Nilai.rerate`): the nearest
   ratings or nilai SKP that give the new predikat under the pack.
4. *Final check*: every unit again; a unit that could not be brought in (e.g. nobody movable) is
   reported as still breaking the curve.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from sandbox.rules.model import RulePack
from sandbox.sim.behaviour import PREDIKAT
from sandbox.sim.curve import CurveCheck

_MAX_STEPS = 24  # plan iterations per unit check (a rule fixed per step; real packs need 1–4)


@dataclass
class Tree:
    """The office's units: who heads which, and whose predikat each led unit's curve counts."""

    parent: np.ndarray  # parent unit index, -1 at the top
    head: np.ndarray  # person heading each unit, -1 if none
    order: list  # led units, deepest first
    top_down: list  # every unit, shallowest first
    home: np.ndarray  # per person: the deepest led unit whose curve counts them (-1: none)
    chain: (
        np.ndarray
    )  # (n, depth) per person: the led units whose curves count them, deepest first, -1 padded
    inner: set  # led units with a led unit below them (their adjustment guards those)
    members: dict  # led unit -> person indices in its subtree, its head excluded
    pair_unit: np.ndarray  # (unit, person) membership pairs, for counting all units at once
    pair_person: np.ndarray


def tree_of(units: list, unit_of: np.ndarray, leads: np.ndarray) -> Tree:
    index = {u["id"]: k for k, u in enumerate(units)}
    parent = np.array([index.get(u["parent_id"], -1) for u in units], dtype=np.int64)
    head = np.full(len(units), -1, dtype=np.int64)
    led = np.flatnonzero(leads >= 0)
    head[leads[led]] = led
    depth = np.zeros(len(units), dtype=np.int64)
    for k in range(len(units)):
        d, at = 0, parent[k]
        while at >= 0 and d < 64:  # a broken parent chain in a stored office cannot loop forever
            d, at = d + 1, parent[at]
        depth[k] = d
    units_of, people_of = [], []
    person = np.flatnonzero(unit_of >= 0)
    at = unit_of[person].astype(np.int64)
    for _ in range(64):
        keep = at >= 0
        if not keep.any():
            break
        person, at = person[keep], at[keep]
        not_head = head[at] != person
        units_of.append(at[not_head])
        people_of.append(person[not_head])
        at = parent[at]
    pair_unit = np.concatenate(units_of) if units_of else np.zeros(0, dtype=np.int64)
    pair_person = np.concatenate(people_of) if people_of else np.zeros(0, dtype=np.int64)
    sort = np.argsort(pair_unit, kind="stable")
    pair_unit, pair_person = pair_unit[sort], pair_person[sort]
    bounds = np.searchsorted(pair_unit, np.arange(len(units) + 1))
    order = [k for k in sorted(range(len(units)), key=lambda k: (-depth[k], k)) if head[k] >= 0]
    members = {k: pair_person[bounds[k] : bounds[k + 1]] for k in order}
    top_down = sorted(range(len(units)), key=lambda k: (depth[k], k))
    home = np.full(len(unit_of), -1, dtype=np.int64)
    deepest = np.full(len(units) + 1, -1, dtype=np.int64)  # per unit: the deepest led unit at or above it
    for k in top_down:
        up = parent[k]
        deepest[k] = k if head[k] >= 0 else (deepest[up] if up >= 0 else -1)
    inside = unit_of >= 0
    home[inside] = deepest[unit_of[inside]]
    heads = np.flatnonzero(leads >= 0)
    above = parent[leads[heads]]  # a head is counted by the led unit above the one they lead
    home[heads] = np.where(above >= 0, deepest[np.maximum(above, 0)], -1)
    chain = _chains(home, parent, head)
    led_above = {}
    for k in order:  # a led unit whose nearest led ancestor is u makes u an inner unit
        up = parent[k]
        while up >= 0 and head[up] < 0:
            up = parent[up]
        if up >= 0:
            led_above[k] = int(up)
    inner = set(led_above.values())
    return Tree(parent, head, order, top_down, home, chain, inner, members, pair_unit, pair_person)


def _chains(home: np.ndarray, parent: np.ndarray, head: np.ndarray) -> np.ndarray:
    """Per person, the led units counting them: their home unit, then each led unit above it."""
    columns = []
    at = home.copy()
    for _ in range(64):
        if not (at >= 0).any():
            break
        columns.append(at.copy())
        up = np.where(at >= 0, parent[np.maximum(at, 0)], -1)
        while True:  # skip units nobody leads: their curve is not checked
            unled = (up >= 0) & (head[np.maximum(up, 0)] < 0)
            if not unled.any():
                break
            up = np.where(unled, parent[np.maximum(up, 0)], up)
        at = up
    if not columns:
        return np.full((len(home), 1), -1, dtype=np.int64)
    return np.column_stack(columns)


def unit_counts(tree: Tree, units: int, predikat: np.ndarray) -> np.ndarray:
    """(units, 5) predikat counts of every unit's subtree without its head."""
    counts = np.zeros((units, len(PREDIKAT)), dtype=np.int64)
    np.add.at(counts, (tree.pair_unit, predikat[tree.pair_person]), 1)
    return counts


# -- planning moves from the pack's own rules ------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    moves: tuple  # (from, to, people, other way): predikat codes; other way -1 or the code the other
    resolved: bool  # side at the same distance, when people leave an over-full group (either fits)


@dataclass
class CurvePlanner:
    """Moves that bring one unit's counts into the curve, planned with the pack's `kurva` decision."""

    pack: RulePack
    check: CurveCheck
    conditions: dict = field(init=False)  # rule id -> [(field, categories, op, operand, is_name, moving)]

    def __post_init__(self) -> None:
        decision = self.pack.decisions["kurva"]
        deps = {f"jumlah_{name}": frozenset([k]) for k, name in enumerate(PREDIKAT)}
        for derived in decision.derive.values():  # in order: a derived value reads earlier ones
            found: set = set()
            for name in derived.expression.names:
                found |= deps.get(name, frozenset())
            deps[derived.name] = frozenset(found)
        self.conditions = {}
        for rule in decision.rules:
            found = []
            for condition in rule.when:
                cats = deps.get(condition.name, frozenset())
                if not cats or len(cats) == len(PREDIKAT):  # not a count, or the unit's size
                    continue
                for bound in condition.bounds:
                    if bound.op == "ne":
                        continue
                    moving = bool(bound.is_name and deps.get(bound.operand)) and not self._by_size(
                        bound.operand
                    )
                    found.append((condition.name, cats, bound.op, bound.operand, bound.is_name, moving))
            self.conditions[rule.id] = found

    def _by_size(self, name: str) -> bool:
        """Whether a bound reads the counts only through the unit's size (moves keep the size)."""
        return name in getattr(self.check, "size_only", ()) or (
            self.check.fast and self.check.sums.get(name) == (1,) * len(PREDIKAT)
        )

    def plan(self, capaian: int, counts: tuple, prefer_up: bool) -> Plan:
        v = list(counts)
        moves: list = []
        done: set = set()  # (from, to) pairs already planned: never planned back (no back and forth)
        for _ in range(_MAX_STEPS):
            sesuai, fired, names = self.check.evaluate(capaian, v)
            if sesuai:
                return Plan(_merged(moves), True)
            step = self._step(names, fired, v, prefer_up, done)
            if not step:
                return Plan(_merged(moves), False)
            for i, j, t, _ in step:
                v[i] -= t
                v[j] += t
                done.add((i, j))
            moves += step
        return Plan(_merged(moves), False)

    def _step(self, names, fired, v, prefer_up, done) -> list:
        """Moves that stop the first fired rule that counts can stop (its easiest condition)."""
        for rule_id in fired:
            options = []
            for field_name, cats, op, operand, is_name, moving in self.conditions.get(rule_id, ()):
                x, bound = names[field_name], names[operand] if is_name else operand
                if op in ("gt", "gte"):  # the count must come down to the bound
                    need = x - (math.floor(bound) if op == "gt" else math.ceil(bound) - 1)
                    grow = False
                else:  # lt, lte: the count must come up to the bound
                    need = (math.ceil(bound) if op == "lt" else math.floor(bound) + 1) - x
                    grow = True
                if need <= 0:
                    continue
                amount = max(1, math.ceil(need / 2)) if moving else int(need)  # the bound moves too
                step = _transfers(v, cats, grow, amount, prefer_up, done)
                if step:
                    options.append((sum(abs(i - j) * t for i, j, t, _ in step), len(options), step))
            if options:
                return min(options)[2]
        return []


def _transfers(v, cats, grow, amount, prefer_up, done) -> list:
    """`amount` people into (grow) or out of the categories `cats`, nearest predikat first, the unit
    head's direction breaking ties; a move planned one way is not planned back."""
    inside = [k for k in range(len(v)) if k in cats]
    outside = [k for k in range(len(v)) if k not in cats]
    sources, targets = (outside, inside) if grow else (inside, outside)
    pairs = sorted(
        (abs(i - j), 0 if (j < i) == prefer_up else 1, i, j)
        for i in sources
        if v[i] > 0
        for j in targets
        if (j, i) not in done
    )
    left = {i: v[i] for i in sources}
    moves = []
    for _, _, i, j in pairs:
        if amount <= 0:
            break
        t = min(amount, left[i])
        if t > 0:
            other = 2 * i - j  # leaving a group: the other way, if it is outside too
            moves.append((i, j, t, other if not grow and 0 <= other < len(v) and other not in cats else -1))
            left[i] -= t
            amount -= t
    return moves


def _merged(moves: list) -> tuple:
    out: dict = {}
    for i, j, t, other in moves:
        out[(i, j, other)] = out.get((i, j, other), 0) + t
    return tuple((i, j, t, other) for (i, j, other), t in out.items())


# -- one period of one office -------------------------------------------------------------------


@dataclass
class UnitCheck:
    unit: int
    period: int
    capaian: int
    size: int
    sesuai: bool  # first check, on the ratings as given
    rules: tuple
    sesuai_akhir: bool  # after the adjustment step
    rules_akhir: tuple
    moved: int  # people this unit's adjustment moved (a person may be moved by two units)
    counts: tuple = ()  # the predikat counts of the first check


def curve_period(
    tree: Tree,
    units: int,
    predikat: np.ndarray,
    model,
    q: int,
    book,
    on,
    capaian: np.ndarray,
    prefer_up: np.ndarray,
    assumptions,
) -> list:
    """Check every led unit for period q, adjust as the assumptions say, check again.

    `predikat` (n,) is changed in place; `model` re-rates moved people (its own state too). Units
    with no led unit below them do not touch each other, so they are adjusted together.
    """
    counts = unit_counts(tree, units, predikat)  # kept up to date as people move
    at_first = counts.copy()
    checked = {k: book.curve_check(on, int(capaian[k]), counts[k]) for k in tree.order if counts[k].sum()}
    first = dict(checked)
    moved = dict.fromkeys(tree.order, 0)
    if assumptions.adjust_curve and any(not ok for ok, _ in first.values()):
        step = _Step(tree, counts, predikat, model, q, book, on, capaian)
        leaves = [k for k in tree.order if k not in tree.inner and k in checked]
        inner = [k for k in tree.order if k in tree.inner and k in checked]

        def current(k: int) -> tuple:
            if k in step.dirty:
                checked[k] = book.curve_check(on, int(capaian[k]), counts[k])
                step.dirty.discard(k)
            return checked[k]

        for _ in range(assumptions.adjust_passes):
            before = sum(moved.values())
            plans = [
                (k, book.curve_plan(on, int(capaian[k]), tuple(counts[k].tolist()), bool(prefer_up[k])))
                for k in leaves
                if not current(k)[0]
            ]
            for k, done in step.apply_many([(k, plan) for k, plan in plans if plan.moves]).items():
                moved[k] += done
            for k in inner:
                if current(k)[0]:
                    continue
                plan = book.curve_plan(on, int(capaian[k]), tuple(counts[k].tolist()), bool(prefer_up[k]))
                moved[k] += step.apply(k, plan)
            if sum(moved.values()) == before:
                break
        for k in list(step.dirty):
            current(k)
    out = []
    for k in tree.order:
        if k not in first:
            continue
        ok, rules = first[k]
        ok2, rules2 = checked[k]
        out.append(
            UnitCheck(
                k,
                q,
                int(capaian[k]),
                len(tree.members[k]),
                ok,
                rules,
                ok2,
                rules2,
                moved[k],
                tuple(at_first[k].tolist()),
            )
        )
    return out


class _Step:
    """Moving the planned numbers of people of one unit, keeping its sub-units in their curves."""

    def __init__(self, tree, counts, predikat, model, q, book, on, capaian):
        self.tree, self.counts, self.predikat, self.model, self.q = tree, counts, predikat, model, q
        self.book, self.on, self.capaian = book, on, capaian
        self.home = np.where(tree.home >= 0, capaian[np.maximum(tree.home, 0)], 2)
        self.dirty: set = set()  # units whose counts changed since their last check

    def apply_many(self, plans: list) -> dict:
        """Units with no led unit below them, all at once: per unit and source predikat, people in
        key order (lowest first for moves down, highest first for moves up). unit -> people moved."""
        if not plans:
            return {}
        if not getattr(self.model, "vectorised", False):
            return {k: self.apply(k, plan) for k, plan in plans}
        tree, q, predikat = self.tree, self.q, self.predikat
        people = np.concatenate([tree.members[k] for k, _ in plans])
        owner = np.repeat(np.arange(len(plans)), [len(tree.members[k]) for k, _ in plans])
        source = predikat[people].astype(np.int64)
        order = np.lexsort((self.model.key[people, q], source, owner))
        people, group = people[order], (owner * len(PREDIKAT) + source)[order]
        bounds = np.searchsorted(group, np.arange(len(plans) * len(PREDIKAT) + 1))
        chosen, targets, owners = [], [], []
        for u, (_k, plan) in enumerate(plans):
            taken_low, taken_high = {}, {}
            for i, j, t, _ in plan.moves:
                start, end = bounds[u * len(PREDIKAT) + i], bounds[u * len(PREDIKAT) + i + 1]
                low, high = taken_low.get(i, 0), taken_high.get(i, 0)
                if j > i:  # down: lowest first
                    pick = people[start + low : min(start + low + t, end - high)]
                    taken_low[i] = low + len(pick)
                else:
                    pick = people[max(end - high - t, start + low) : end - high]
                    taken_high[i] = high + len(pick)
                chosen.append(pick)
                targets.append(np.full(len(pick), j, dtype=np.int8))
                owners.append(np.full(len(pick), u))
        chosen, targets, owners = np.concatenate(chosen), np.concatenate(targets), np.concatenate(owners)
        ok = self.model.rerate_many(chosen, q, targets)
        chosen, targets, owners = chosen[ok], targets[ok], owners[ok]
        if not len(chosen):
            return {}
        was = predikat[chosen].copy()
        predikat[chosen] = targets
        self._shift(chosen, was, targets)
        done = np.bincount(owners, minlength=len(plans))
        return {k: int(done[u]) for u, (k, _) in enumerate(plans) if done[u]}

    def apply(self, k: int, plan: Plan) -> int:
        """Who moves: heads of sub-units last; then those whose own (deepest) unit's capaian is
        nearest the new predikat; then lowest capaian first when moving down, highest first when
        moving up. A person moves only while every led sub-unit counting them stays in its curve
        (a sub-unit already out of it is not held back)."""
        members = self.tree.members[k]
        total = 0
        inner = k in self.tree.inner
        for i, j, t, other in plan.moves:
            for target in (j, other):
                if target < 0 or t <= 0:
                    continue
                done = self._move_group(k, members, i, target, t, inner)
                total += done
                t -= done
        return total

    def _move_group(self, k: int, members: np.ndarray, i: int, j: int, t: int, inner: bool) -> int:
        """Up to t of the unit's people from predikat i to j, in the order `apply` states."""
        model, q, predikat, tree = self.model, self.q, self.predikat, self.tree
        group = members[predikat[members] == i]
        if not len(group):
            return 0
        key = model.key[group, q]
        accept = None
        if not inner:  # a unit with no led unit below: nobody else's curve to keep
            group = group[np.argsort(key if j > i else -key, kind="stable")]
        else:
            group = group[
                np.lexsort((key if j > i else -key, np.abs(self.home[group] - j), model.is_head[group]))
            ]
            below = tree.chain[group]
            position = np.argmax(below == k, axis=1)  # k's place in each chain
            inside = (below >= 0) & (np.arange(below.shape[1])[None, :] < position[:, None])
            if inside.any():
                accept = self._guard(group, below, inside, i, j)
        done = model.rerate(group, q, j, t, accept)
        if len(done):
            predikat[done] = j
            self._shift(done, np.full(len(done), i), np.full(len(done), j))
        return len(done)

    def _guard(self, group, below, inside, i, j):
        """A callback: may the candidate at position r of `group` move from i to j? It uses and
        spends the room each sub-unit has for such moves (found with the pack's check)."""
        room: dict = {}

        def accept(r: int) -> bool:
            units = below[r][inside[r]].tolist()
            for u in units:
                if u not in room:
                    room[u] = self._room(u, i, j)
                if room[u] <= 0:
                    return False
            for u in units:
                room[u] -= 1
            return True

        return accept

    def _room(self, u: int, i: int, j: int) -> int:
        return self.book.curve_room(self.on, int(self.capaian[u]), tuple(self.counts[u].tolist()), i, j)

    def _shift(self, people: np.ndarray, was: np.ndarray, now: np.ndarray) -> None:
        units = self.tree.chain[people]
        present = units >= 0
        rows = np.repeat(np.arange(len(people)), present.sum(axis=1))
        units = units[present]
        np.add.at(self.counts, (units, was[rows]), -1)
        np.add.at(self.counts, (units, now[rows]), 1)
        self.dirty.update(units.tolist())


def room(book, on, c: int, counts: tuple, i: int, j: int) -> int:
    """How many people of a unit may move from i to j and leave its curve as it is: all of them
    when it is out of its curve already, else the most that keep it in (binary search)."""
    counts = np.array(counts)
    if not book.curve_check(on, c, counts)[0]:
        return int(counts[i])

    def fits(m: int) -> bool:
        shifted = counts.copy()
        shifted[i] -= m
        shifted[j] += m
        return book.curve_check(on, c, shifted)[0]

    low, high = 0, int(counts[i])
    if fits(high):
        return high
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return low
