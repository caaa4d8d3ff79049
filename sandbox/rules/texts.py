"""The prose of a pack that stays true: numbers taken from parameters, regulations rather than files.

A cite, description, title or `uncertain:` note may quote a parameter with a placeholder instead of
typing its number, so a reform that changes the value changes the sentence too:

    cite: SE MenPANRB 3/2023 — Sangat Baik paling banyak {param:kurva_istimewa_maks_sangat_baik}

- `{param:NAMA}` — the value as a person reads it, in Indonesian notation, shaped by the
  parameter's `unit`: `bagian…` (a share of 1) is shown as a percentage (0.7 → "70 %"),
  `persen…` as a percentage followed by the rest of the unit (4, `persen per hari` → "4 % per
  hari"), a one-word unit after the number (14, `hari` → "14 hari"), anything else as the number.
- `{param:NAMA[KUNCI]}` — one entry of a `table` parameter, shaped the same way.
- `{param:NAMA:angka}` — the number alone, without unit (for "60/40").
- `{param:NAMA:cite}` — the parameter's own `cite`, so a number and its source travel together.
- a `choice` parameter is shown by its `labels:` entry (`porsi_disiplin` → "porsi disiplin").

The loader refuses a placeholder it cannot fill (with file and line) and a text that cites a file
(`REGULATIONS.md §4`): a user has the regulations, never our notes. `typed_numbers` finds numbers
typed in prose that equal a parameter's value, where a placeholder belongs (a note of `rules check`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from sandbox.formatting import angka

PLACEHOLDER = re.compile(r"\{param:([^{}]*)\}")
_INNER = re.compile(r"^([a-z][a-z0-9_]*)(?:\[([A-Za-z0-9_]+)\])?(?::(angka|cite))?$")
FILE_CITED = re.compile(r"[\w./-]*\.md\b", re.IGNORECASE)
MAX_DEPTH = 3  # `{param:x:cite}` inside a cite inside a cite: deeper is a loop, shown as "…"


def angka_id(value: object) -> str:
    """A number in Indonesian notation (0,5; 12,5; 1.000; 70, not 70.00000000000001); other values as
    they are."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return angka(value)


def shown_value(value: object, unit: str | None, bare: bool = False) -> str:
    """A parameter value as prose quotes it; `bare` gives the number alone."""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if not isinstance(value, int | float):
        return str(value)
    unit = (unit or "").strip()
    if unit.startswith("bagian"):
        return angka_id(value * 100) if bare else f"{angka_id(value * 100)} %"
    if bare:
        return angka_id(value)
    if unit.startswith("persen"):
        rest = unit[len("persen"):].strip()
        return f"{angka_id(value)} %" + (f" {rest}" if rest else "")
    if re.fullmatch(r"[a-z]+", unit):
        return f"{angka_id(value)} {unit}"
    return angka_id(value)


def placeholder_problems(text: str, parameters: dict) -> list[tuple[str, dict]]:
    """Every placeholder in `text` the loader cannot fill, as (catalog code, message params)."""
    problems = []
    for match in PLACEHOLDER.finditer(text):
        written = match.group(0)
        parsed = _INNER.match(match.group(1).strip())
        if parsed is None:
            problems.append(("text.bad_placeholder", {"text": written}))
            continue
        name, key, form = parsed.groups()
        parameter = parameters.get(name)
        if parameter is None:
            close = difflib.get_close_matches(name, sorted(parameters), n=3)
            problems.append(("text.unknown_placeholder", {
                "text": written, "name": name,
                "known": ", ".join(close or sorted(parameters)[:6]) or "—"}))
            continue
        if form == "cite":
            if key is not None:
                problems.append(("text.placeholder_key", {"text": written, "name": name,
                                                          "keys": "—"}))
            continue
        if parameter.type == "table":
            if key is None or key not in parameter.keys:
                problems.append(("text.placeholder_key", {
                    "text": written, "name": name, "keys": ", ".join(map(str, parameter.keys))}))
        elif key is not None:
            problems.append(("text.placeholder_key", {"text": written, "name": name, "keys": "—"}))
    return problems


def render(text: str | None, parameters: dict, on: dt.date, _depth: int = 0) -> str | None:
    """`text` with each placeholder replaced by the value in force on `on` (checked beforehand)."""
    if not text or "{param:" not in text:
        return text

    def fill(match: re.Match) -> str:
        parsed = _INNER.match(match.group(1).strip())
        parameter = parameters.get(parsed.group(1)) if parsed else None
        if parameter is None:
            return match.group(0)
        _, key, form = parsed.groups()
        if form == "cite":
            if _depth >= MAX_DEPTH:
                return "…"
            return render(parameter.templates.get("cite", parameter.cite), parameters, on,
                          _depth + 1) or ""
        chosen = parameter.value_on(on)
        if chosen is None:  # not in force yet on that day: say so rather than guess
            return "—"
        value = chosen[0]
        if key is not None:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, str) and value in parameter.labels:
            return parameter.labels[value]
        return shown_value(value, parameter.unit, bare=form == "angka")

    return PLACEHOLDER.sub(fill, text)


def text_on(pack, owner: object, field: str, on: dt.date) -> str | None:
    """A rendered field of a pack object (cite, uncertain, …) for the evaluation date `on`."""
    template = getattr(owner, "templates", {}).get(field)
    if template is None:
        return getattr(owner, field)
    return render(template, pack.parameters, on)


def render_pack(pack) -> None:
    """Fill the placeholders of every text of a loaded pack for its default date.

    The written text stays in each object's `templates`, so the engine renders it again for the
    date it evaluates (a parameter may change value within a pack's life)."""
    on = pack.default_date()
    owners: list[tuple[object, tuple[str, ...]]] = [(pack, ("title", "title_en", "description"))]
    owners += [(p, ("description", "cite", "uncertain")) for p in pack.parameters.values()]
    for decision in pack.decisions.values():
        owners.append((decision, ("title", "cite", "description")))
        owners += [(d, ("cite",)) for d in decision.derive.values()]
        owners += [(r, ("cite", "description")) for r in decision.rules]
    owners += [(c, ("description", "cite")) for c in pack.constraints]
    for owner, fields in owners:
        for name in fields:
            written = getattr(owner, name, None)
            if isinstance(written, str) and "{param:" in written:
                owner.templates[name] = written
    for owner, fields in owners:
        for name in fields:
            if name in owner.templates:
                setattr(owner, name, render(owner.templates[name], pack.parameters, on))


# --------------------------------------------------------------------------- typed numbers

# Regulation references are not quantities: "6/2022", "Pasal 41 ayat (5)", "hlm. 94", years.
_REFERENCES = (
    re.compile(r"\{[^{}]*\}"),
    re.compile(r'"[^"]*"|“[^”]*”'),  # a quotation of another text says what that text says
    re.compile(r"\b\d+(?:[-.]\d+)*/\d{4}\b"),
    re.compile(r"\b(?:pasal|ps|ayat|angka|huruf|hlm|halaman|nomor|no|tahun|bab|lampiran|butir|"
               r"paragraf|anak lampiran)\.?\s*\(?\d+\)?(?:\s*(?:–|-|s\.d\.|sampai|dan|,)\s*\(?\d+\)?)*",
               re.IGNORECASE),
    re.compile(r"\(\d+\)"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(r"\b(?:19|20)\d{2}\b"),
)
_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(?!\w)")
_AFTER = re.compile(r"\s*(%|persen\b|[a-z]+)?", re.IGNORECASE)


def _as_number(token: str) -> float | None:
    if "," in token:
        token = token.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token):
        token = token.replace(".", "")
    try:
        return float(token)
    except ValueError:
        return None


def _quoted_values(parameters: dict, on: dt.date) -> list[tuple[str, float, str]]:
    """(how a placeholder would name it, value as prose writes it, kind) for every number."""
    found = []
    for parameter in parameters.values():
        chosen = parameter.value_on(on)
        if chosen is None or parameter.type not in ("number", "integer", "table"):
            continue
        unit = (parameter.unit or "").strip()
        if unit.startswith("bagian"):
            kind, scale = "%", 100
        elif unit.startswith("persen"):
            kind, scale = "%", 1
        elif re.fullmatch(r"[a-z]+", unit):
            kind, scale = unit, 1
        else:
            kind, scale = "", 1
        entries = chosen[0].items() if isinstance(chosen[0], dict) else [(None, chosen[0])]
        for key, value in entries:
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            name = parameter.name if key is None else f"{parameter.name}[{key}]"
            found.append((name, round(value * scale, 6), kind))
    return found


def typed_numbers(text: str, parameters: dict, on: dt.date,
                  hint: frozenset = frozenset()) -> list[tuple[str, str]]:
    """Numbers typed in `text` that equal a parameter's value: [(number as typed, placeholder)].

    A number followed by `%`/`persen` is compared with percentages (`unit: bagian…` or
    `persen…`), one followed by a unit word with parameters of that unit, a bare number with
    parameters that have no unit. Skipped: regulation references (`6/2022`, `Pasal 41 ayat (5)`,
    years), quotations of another text in quotation marks, and the bare numbers 0 and 1 (which
    prose uses for "none" and "one"). `hint` names the parameters the text's owner reads: among
    parameters of equal value, the placeholder suggested is theirs.
    """
    cleaned = text
    for pattern in _REFERENCES:
        cleaned = pattern.sub(lambda m: " " * len(m.group(0)), cleaned)
    values = _quoted_values(parameters, on)
    units = {kind for _, _, kind in values if kind not in ("", "%")}
    hits = []
    for match in _NUMBER.finditer(cleaned):
        number = _as_number(match.group(1))
        if number is None:
            continue
        after = _AFTER.match(cleaned, match.end()).group(1) or ""
        after = after.lower()
        kind = "%" if after in ("%", "persen") else (after if after in units else "")
        if kind == "" and number in (0, 1):
            continue
        same = [name for name, value, value_kind in values
                if value_kind == kind and abs(value - number) < 1e-9]
        if same:
            # the text's own parameter (or one its rule reads) is the likely meaning
            name = next((n for n in same if n.split("[")[0] in hint), same[0])
            typed = match.group(1) + (" %" if kind == "%" else f" {kind}" if kind else "")
            hits.append((typed, "{param:" + name + "}"))
    return hits
