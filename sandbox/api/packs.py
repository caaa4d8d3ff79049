"""The packs the API serves: read once from the rules folder at startup, looked up by id only.

A pack reference from the network is a key into this table, never a path: `find_pack_file` would
open any file the server can read, so the API does not call it with what a client sent.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from sandbox.rules.loader import check_pack, display_path
from sandbox.rules.model import RulePack
from sandbox.rules.registry import default_rules_dir, pack_files
from sandbox.rules.texts import text_on


@dataclass
class Catalog:
    """Usable packs by id (and by file stem, as the CLI accepts), with their JSON made once."""

    root: Path
    packs: dict = field(default_factory=dict)  # id -> RulePack
    aliases: dict = field(default_factory=dict)  # id or file stem -> id
    broken: list = field(default_factory=list)  # files the checker refuses (shown, never served)
    summaries: list = field(default_factory=list)
    details: dict = field(default_factory=dict)

    @classmethod
    def load(cls, rules_dir: Path | None = None) -> Catalog:
        root = Path(rules_dir) if rules_dir else default_rules_dir()
        catalog = cls(root)
        for path in pack_files(root):
            pack, problems = check_pack(path, root)
            if pack is None or problems:
                catalog.broken.append(display_path(path))
                continue
            if pack.id in catalog.packs:
                continue  # two files declaring one id: the first in the stable order wins, as the CLI
            catalog.packs[pack.id] = pack
            catalog.aliases[pack.id] = pack.id
            catalog.aliases.setdefault(path.stem, pack.id)
        for pack in catalog.packs.values():
            catalog.summaries.append(pack_summary(pack))
            catalog.details[pack.id] = pack_detail(pack)
        return catalog

    def get(self, reference: str) -> RulePack | None:
        key = self.aliases.get(reference)
        return self.packs[key] if key is not None else None

    def ids(self) -> list[str]:
        return list(self.packs)

    def path_of(self, pack: RulePack) -> str:
        return str(Path(pack.files[0]).resolve())


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _plain(value):
    """A parameter value as JSON (dates as ISO text, tuples as lists)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def pack_summary(pack: RulePack) -> dict:
    return {"id": pack.id, "title": pack.title, "title_en": pack.title_en,
            "legal_basis": list(pack.legal_basis), "effective_from": pack.effective_from.isoformat(),
            "effective_to": _date(pack.effective_to), "extends": pack.extends,
            "decisions": list(pack.decisions)}


def _input(spec) -> dict:
    return {"type": spec.type, "values": [_plain(v) for v in spec.values], "labels": _plain(spec.labels),
            "minimum": spec.minimum, "maximum": spec.maximum, "required": not spec.has_default,
            "default": _plain(spec.default) if spec.has_default else None,
            "description": spec.description, "unit": spec.unit}


def pack_detail(pack: RulePack) -> dict:
    on = pack.default_date()
    parameters = {}
    for name, parameter in pack.parameters.items():
        parameters[name] = {
            "description": parameter.description, "type": parameter.type, "unit": parameter.unit,
            "cite": text_on(pack, parameter, "cite", on),
            "uncertain": text_on(pack, parameter, "uncertain", on) if parameter.uncertain else None,
            "values": [{"since": since.isoformat(), "value": _plain(value)}
                       for since, value in parameter.values],
            "choices": list(parameter.choices), "labels": _plain(parameter.labels)}
    decisions = {}
    for name, decision in pack.decisions.items():
        decisions[name] = {
            "title": decision.title, "cite": decision.cite, "description": decision.description,
            "hit_policy": decision.hit_policy,
            "inputs": {n: _input(spec) for n, spec in decision.inputs.items()},
            "outputs": {n: {"type": spec.type, "values": [_plain(v) for v in spec.values],
                            "labels": _plain(spec.labels), "description": spec.description,
                            "unit": spec.unit}
                        for n, spec in decision.outputs.items()}}
    return {**pack_summary(pack), "description": pack.description, "parameters": parameters,
            "decisions": decisions}


def example_inputs(decision) -> dict:
    """Inputs a person could send for a decision: the first allowed value, else the default, else the
    smallest number allowed (used for the OpenAPI examples, each checked by evaluating it)."""
    inputs = {}
    for name, spec in decision.inputs.items():
        if spec.has_default:
            continue
        if spec.type == "enum":
            inputs[name] = spec.values[0]
        elif spec.type == "boolean":
            inputs[name] = False
        else:
            low = spec.minimum if spec.minimum is not None else 0
            high = spec.maximum if spec.maximum is not None else low
            value = min(max(low, 0), high) if spec.maximum is not None else max(low, 0)
            inputs[name] = int(value) if spec.type == "integer" or float(value).is_integer() else value
    return inputs
