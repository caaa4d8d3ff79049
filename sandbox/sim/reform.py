"""Writing a reform from the workbench: one parameter of a pack changed, in a file that checks.

The file is what a regulator would draft by hand (see rules/reforms/): `extends` the base pack,
overrides one parameter from a date, and cites where the change comes from. It is checked with the
same checker as `ekinerja rules check` before it is kept; a file that does not pass is removed and
its problems are returned, so the workbench never leaves a broken pack behind.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import yaml

from sandbox.errors import SandboxError
from sandbox.rules.loader import check_pack
from sandbox.rules.model import RulePack
from sandbox.rules.problems import Problem
from sandbox.rules.registry import find_pack_file
from sandbox.rules.texts import shown_value

EDITABLE = ("number", "integer", "choice", "boolean")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{2,60}$")


class ReformRefused(SandboxError):
    """A value or name the workbench cannot write; `code`/`params` name the catalog message."""

    def __init__(self, code: str, problems: list[Problem] | None = None, **params):
        super().__init__(code, **params)
        self.problems = problems or []

    def render(self, lang: str = "id") -> str:
        return "\n".join([super().render(lang), *(p.render(lang) for p in self.problems)])


class _Dumper(yaml.SafeDumper):
    """Plain YAML as people write it: no &anchors for a date used twice."""

    def ignore_aliases(self, data) -> bool:
        return True


def editable_parameters(pack: RulePack) -> list[str]:
    """Parameters one value can change (tables and free text are edited in the YAML itself)."""
    return [name for name, p in pack.parameters.items() if p.type in EDITABLE]


def parse_value(pack: RulePack, name: str, text: str):
    """A typed value for the parameter from what was typed (comma or point as decimal mark)."""
    parameter = pack.parameters[name]
    raw = text.strip()
    if parameter.type == "choice":
        if raw not in parameter.choices:
            raise ReformRefused("sim.reform.bad_choice", value=raw, allowed=", ".join(parameter.choices))
        return raw
    if parameter.type == "boolean":
        if raw.lower() in ("true", "ya", "yes", "benar"):
            return True
        if raw.lower() in ("false", "tidak", "no", "salah"):
            return False
        raise ReformRefused("sim.reform.bad_boolean", value=raw)
    number = raw.replace(",", ".")
    try:
        value = float(number)
    except ValueError:
        raise ReformRefused("sim.reform.bad_number", value=raw) from None
    if value != value or value in (float("inf"), float("-inf")) or abs(value) > 10**12:
        raise ReformRefused("sim.reform.bad_number", value=raw)
    if parameter.type == "integer":
        if not value.is_integer():
            raise ReformRefused("sim.reform.not_integer", value=raw)
        return int(value)
    return int(value) if value.is_integer() and "." not in number else value


def write_parameter_reform(base: RulePack, name: str, value, pack_id: str, folder: Path,
                           effective_from: dt.date | None = None) -> tuple[Path, RulePack]:
    """Write `<folder>/<pack_id>.yaml` changing one parameter of `base`; check it; return it loaded."""
    if not _ID.match(pack_id):
        raise ReformRefused("sim.reform.bad_id", id=pack_id)
    if name not in base.parameters:
        raise ReformRefused("sim.reform.unknown_parameter", name=name, pack=base.id)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReformRefused("sim.reform.unwritable", path=str(folder),
                            detail=error.strerror or error) from None
    path = folder / f"{pack_id}.yaml"
    if path.exists():
        raise ReformRefused("sim.reform.exists", path=str(path))
    taken = find_pack_file(pack_id)  # an id another pack declares would shadow it everywhere
    if taken is not None:
        raise ReformRefused("sim.reform.id_taken", id=pack_id, path=str(taken))
    since = effective_from or dt.date(dt.date.today().year + 1, 1, 1)
    parameter = base.parameters[name]
    base_file = Path(base.files[0]).resolve()
    by_id = find_pack_file(base.id)
    extends = base.id if by_id is not None and Path(by_id).resolve() == base_file else \
        os.path.relpath(base_file, folder.resolve())
    old = parameter.value_on(since)
    # the new value is quoted through its placeholder (rendered from the reform's own parameter, the
    # Indonesian way); the base's prose is taken as written, so its placeholders follow the reform too
    new = f"{{param:{name}}}"
    was = shown_value(old[0], parameter.unit) if old else "-"
    described = parameter.templates.get("description", parameter.description)
    document = {
        "pack": pack_id,
        "title": f"Rancangan reformasi — {described} menjadi {new}",
        "title_en": f"Draft reform — {name} becomes {new}",
        "extends": extends,
        "legal_basis": [f"Rancangan perubahan {base.title} (dibuat di meja kerja regulator, untuk simulasi)"],
        "effective_from": since,
        "description": f"Satu parameter diubah dari {was} menjadi {new}.",
        "parameters": {name: {
            "cite": f"Rancangan perubahan — {parameter.templates.get('cite', parameter.cite)}",
            "values": {since: value},
        }},
    }
    header = ("# Reform written by the regulator's workbench (ekinerja, Meja Kerja Regulator): one "
              "parameter changed.\n# Edit it like any pack; `ekinerja rules check` must stay clean.\n")
    text = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    try:
        path.write_text(header + text, encoding="utf-8")
    except OSError as error:
        raise ReformRefused("sim.reform.unwritable", path=str(path),
                            detail=error.strerror or error) from None
    pack, problems = check_pack(path)
    if pack is None or problems:
        path.unlink()
        raise ReformRefused("sim.reform.check_failed", problems=problems, path=str(path))
    return path, pack
