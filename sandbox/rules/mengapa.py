""""Mengapa?" in plain language, from the trace stored with a period's result.

A trainee reads, in order: one sentence (predikat and ratings as the pack's words, the regulation
cited), then only what decided it (the inputs the fired rule read, the parameters the trace used),
and — only on request — the technical trace the CLI prints. Everything comes from the stored trace,
whose cites were rendered with the parameters in force when it was decided, so a reform's
explanation quotes the reform's numbers.
"""

from __future__ import annotations

import datetime as dt
import re

import sandbox.rules.messages_mengapa  # noqa: F401  (registers the mengapa.* messages)
from sandbox.formatting import angka, long_date, rupiah
from sandbox.glossary import TERMS
from sandbox.glossary import label as term_label
from sandbox.i18n import message
from sandbox.i18n.catalog import MESSAGES
from sandbox.rules.model import RulePack
from sandbox.rules.texts import FILE_CITED, shown_value, text_on

LEADER = "rating_hasil_kerja_pimpinan"
# a code in prose (`rating_pimpinan_baik`): a person does not read those
CODE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")


def _pack(stored: dict) -> RulePack:
    from sandbox.workflow.rulebook import load_cached

    return load_cached(stored["rule_pack_version"].split("@", 1)[0])


def word(pack: RulePack, name: str, value: object, lang: str, decision: str | None = None) -> str:
    """A value as words: English from the catalog, else the pack's label (its decision first)."""
    if isinstance(value, bool):
        return message("mengapa.ya" if value else "mengapa.tidak", lang)
    if not isinstance(value, str):
        return shown_value(value, None)
    if lang == "en":
        for key in (f"mengapa.kata.{name}.{value}", f"mengapa.kata.{value}"):
            if key in MESSAGES:
                return message(key, lang)
    decisions = sorted(pack.decisions.values(), key=lambda d: d.name != decision)
    specs = [s for d in decisions for s in (*d.inputs.values(), *d.outputs.values())]
    for spec in sorted(specs, key=lambda s: s.name != name):  # the same name first, then any
        if value in spec.labels:
            return spec.labels[value]
    for parameter in pack.parameters.values():
        if value in parameter.labels:
            return parameter.labels[value]
    return value.replace("_", " ")


def _name(pack: RulePack, decision: str, name: str, lang: str) -> str:
    """What an input is called on the forms: the glossary's label, else its description."""
    if name in TERMS:
        text = term_label(name, lang)
        return text[:1].upper() + text[1:]
    spec = pack.decisions[decision].inputs.get(name) if decision in pack.decisions else None
    return (spec.description if spec is not None and spec.description else name.replace("_", " ")).strip()


def clean_cite(text: str | None) -> str:
    """The regulation of a cite, without the parts that name codes or files; a formula sign in a
    note ("perilaku di bawah ekspektasi = misconduct") read as a colon."""
    parts = [p.strip() for p in (text or "").split(";")]
    kept = "; ".join(p for p in parts if p and not CODE.search(p) and not FILE_CITED.search(p))
    return re.sub(r"\s*=\s*", ": ", kept)


def _cite(pack: RulePack, stored: dict) -> str:
    """The fired rule's cite (stored, rendered when decided); the decision's own when it has none."""
    fired = _fired(stored)
    cite = clean_cite(fired.get("cite") if fired else None)
    if not cite and stored["decision"] in pack.decisions:
        on = dt.date.fromisoformat(stored["on"])
        cite = clean_cite(text_on(pack, pack.decisions[stored["decision"]], "cite", on))
    return cite


def _fired(stored: dict) -> dict | None:
    return next((s for s in stored["trace"] if s["kind"] == "rule"), None)


def sentence(stored: dict, lang: str, who: str | None) -> str:
    """Layer 1: one sentence for the predikat, or for a leader's Rating Hasil Kerja."""
    pack = _pack(stored)
    decision, inputs, outputs = stored["decision"], stored["inputs"], stored["outputs"]
    cite = _cite(pack, stored)
    dasar = message("mengapa.dasar", lang, cite=cite) if cite else ""
    form = "anda" if who is None else "nama"
    if decision == LEADER:
        rating = word(pack, "rating_hasil_kerja", outputs["rating_hasil_kerja"], lang, decision)
        return message(f"mengapa.pimpinan.{form}", lang, nama=who, dasar=dasar,
                       rating=rating.lower() if lang == "id" else rating,
                       capaian=word(pack, "predikat_organisasi", inputs["predikat_organisasi"], lang,
                                    "kurva"))
    hk = word(pack, "rating_hasil_kerja", inputs["rating_hasil_kerja"], lang, decision)
    pk = word(pack, "rating_perilaku", inputs["rating_perilaku"], lang, decision)
    return message(f"mengapa.predikat.{form}", lang, nama=who, dasar=dasar,
                   predikat=word(pack, "predikat", outputs["predikat"], lang, decision),
                   hk=hk.lower() if lang == "id" else hk, pk=pk.lower() if lang == "id" else pk)


def deciding(stored: dict, lang: str) -> list[str]:
    """Layer 2: the parameters the trace used and the inputs the fired rule read, as words."""
    pack = _pack(stored)
    decision = stored["decision"]
    lines = []
    for step in stored["trace"]:
        if step["kind"] == "parameter":
            parameter = pack.parameters.get(step["name"])
            uraian = parameter.description if parameter else step["name"].replace("_", " ")
            value = step["value"]
            shown = (word(pack, "", value, lang, decision) if isinstance(value, str)
                     else shown_value(value, parameter.unit if parameter else None))
            lines.append(message("mengapa.ketentuan", lang, uraian=uraian, nilai=shown,
                                 sejak=long_date(step["version"], lang), cite=clean_cite(step["cite"])))
            note = " ".join((step.get("uncertain") or "").split())
            if note and not CODE.search(note):
                lines.append(message("mengapa.belum_pasti", lang, catatan=note))
        elif step["kind"] == "rule":
            for name, value in step["reads"].items():
                lines.append(message("mengapa.nilai", lang, nama=_name(pack, decision, name, lang),
                                     nilai=word(pack, name, value, lang, decision)))
    return lines


def stored_result(store, skp_periode_id: int) -> list[dict]:
    """The last predikat decision and, when it came from a unit's capaian, the leader's rating
    decided in the same command (stored right before it)."""
    from sandbox.workflow.rulebook import traces

    stored = [t for t in traces(store, skp_periode_id) if t["decision"] in (LEADER, "predikat")]
    last = max((i for i, t in enumerate(stored) if t["decision"] == "predikat"), default=None)
    if last is None:
        return []
    before = stored[last - 1] if last > 0 and stored[last - 1]["decision"] == LEADER else None
    return [t for t in (stored[last], before) if t is not None]


def _owner(store, skp_periode_id: int) -> tuple[str, str]:
    found = store.conn.execute(
        "SELECT p.nip, p.nama FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
        " JOIN pegawai p ON p.nip = s.nip WHERE sp.id = ?", [skp_periode_id]).fetchone()
    return (found[0], found[1]) if found else ("", "")


def jejak_teknis(store, skp_periode_id: int, lang: str) -> str:
    """Layer 3: the technical trace, as the CLI prints it (rule ids, parameter names, versions)."""
    from sandbox.workflow.rulebook import explain_stored

    decided = list(reversed(stored_result(store, skp_periode_id)))
    return "\n\n".join(explain_stored(t, lang) for t in decided)


def mengapa(store, skp_periode_id: int, lang: str, technical: bool = False, *,
            reader: str | None = None) -> str:
    """Why this period has its predikat: the sentence(s), what decided it, the trace if asked.

    Said to "Anda" when `reader` owns the period, else naming the pegawai (a pejabat reading)."""
    decided = stored_result(store, skp_periode_id)
    if not decided:
        return message("mengapa.belum", lang)
    nip, nama = _owner(store, skp_periode_id)
    who = None if reader is not None and reader == nip else nama
    pack = _pack(decided[0])
    title = (pack.title_en or pack.title) if lang == "en" else pack.title
    lines = [sentence(t, lang, who) for t in decided]
    lines += ["", message("mengapa.penentu", lang, tanggal=long_date(decided[0]["on"], lang), paket=title)]
    for stored in reversed(decided):  # the leader's rating first: it feeds the predikat
        lines += deciding(stored, lang)
    if technical:
        lines += ["", message("mengapa.jejak_judul", lang), jejak_teknis(store, skp_periode_id, lang)]
    return "\n".join(lines)


def _amount(name: str, spec, value: object) -> str:
    """An output's number as a reader writes it: rupiah, a percentage, or a plain number."""
    about = f"{name} {getattr(spec, 'description', '') or ''}".lower()
    if "rupiah" in about or name.startswith("tpp"):
        return rupiah(value)
    if "persen" in about:
        return f"{angka(value)} %"
    return angka(value)


def _plain_name(code: str) -> str:
    """A code as words when the pack gives none: `tpp` → TPP, `angka_kredit` → Angka kredit."""
    return code.upper() if len(code) <= 3 else code.replace("_", " ").capitalize()


def hitungan(stored: dict, lang: str) -> str:
    """A computed entitlement (TPP, angka kredit) in plain words: each result with its description,
    money as rupiah, the reasons the rules listed, the regulation, then what decided it. Never the
    output's code or a bare `4840000` (the technical trace stays behind "Jejak teknis")."""
    pack = _pack(stored)
    decision = pack.decisions.get(stored["decision"])
    title = (decision.description if decision is not None and decision.description
             else _plain_name(stored["decision"]))
    lines = [message("mengapa.hitungan.judul", lang, judul=title[:1].upper() + title[1:],
                     tanggal=long_date(stored["on"], lang))]
    reasons: list[str] = []
    outputs = stored["outputs"]
    money_first = sorted(outputs, key=lambda n: _amount(n, None, 0).startswith("Rp") is False)
    for name in money_first:
        value = outputs[name]
        spec = decision.outputs.get(name) if decision is not None else None
        if isinstance(value, list):
            reasons += [str(item.get("pesan", "")) if isinstance(item, dict) else str(item) for item in value]
            continue
        label = spec.description if spec is not None and spec.description else _plain_name(name)
        label = re.sub(r"\s*\((rupiah|persen)\)|\s+persen$", "", label).strip()
        shown = (word(pack, name, value, lang, stored["decision"]) if isinstance(value, str | bool)
                 else _amount(name, spec, value))
        lines.append(message("mengapa.nilai", lang, nama=label[:1].upper() + label[1:], nilai=shown))
    if lang == "id":  # a pack's message quotes its numbers as Python prints them: 0.5 → 0,5
        reasons = [re.sub(r"(?<=\d)\.(?=\d)", ",", reason) for reason in reasons]
    lines += [f"  • {reason}" for reason in reasons if reason]
    cites = []
    for step in stored["trace"]:
        cite = clean_cite(step.get("cite")) if step["kind"] == "rule" else ""
        if cite and cite not in cites:
            cites.append(cite)
    if cites:
        lines.append(message("mengapa.hitungan.dasar", lang, cite="; ".join(cites)))
    lines += [line for line in deciding(stored, lang) if line not in lines]
    return "\n".join(lines)
