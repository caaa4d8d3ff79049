"""Which rule pack decides what in a sandbox, and running those decisions with their trace kept.

The workflow never computes a predikat, a curve, a keberatan window, TPP or angka kredit itself: it
asks the pack in force through the real durable-rules engine and stores the whole trace in
`evaluation_trace`, linked to the audit row of the command, so "why this predikat?" can be answered
later from the file alone. The pack's YAML is copied into `rule_pack` the first time it is used
(keyed by id and content hash), so a later edit of `rules/` never rewrites how an old result was
reached.

A regulator or trainer points a sandbox at another pack (a reform) with
`pilih_paket(store, TRAINER, "predikat", "reformasi-kuota-sangat-baik-60")`; the choice is a row in
`pengaturan` (`paket.<decision>`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sandbox.rules.engine import Engine, Evaluation
from sandbox.rules.loader import load_pack
from sandbox.rules.model import RulePack
from sandbox.rules.problems import EvaluationError, PackError
from sandbox.store import Store
from sandbox.workflow.actors import ADMIN_INSTANSI, TRAINER
from sandbox.workflow.errors import WorkflowRefused
from sandbox.workflow.support import MAKS_NAMA, MAKS_URL, check_texts, row, shown

# The rules in force (REGULATIONS.md): decision -> pack id.
DEFAULT_PACKS: dict[str, str] = {
    "predikat": "permenpanrb-6-2022",
    "kurva": "permenpanrb-6-2022",
    "rating_hasil_kerja_pimpinan": "permenpanrb-6-2022",
    "keberatan": "pp-30-2019",
    "tpp": "tpp-contoh",
    "angka_kredit": "permenpanrb-1-2023",
}

ENGINE = Engine()
_cache: dict[str, tuple[tuple, RulePack]] = {}


def _stamp(files) -> tuple:
    stamps = []
    for file in files:
        try:
            stamps.append((str(file), Path(file).stat().st_mtime_ns))
        except OSError:
            stamps.append((str(file), None))
    return tuple(stamps)


def load_cached(reference: str) -> RulePack:
    """Load a pack once per content; reloaded when one of its files changes on disk."""
    cached = _cache.get(reference)
    if cached is not None and _stamp(cached[1].files) == cached[0]:
        return cached[1]
    try:
        pack = load_pack(reference)
    except PackError as exc:
        first = exc.problems[0] if getattr(exc, "problems", None) else None
        where = f"{first.file}:{first.line}" if first else reference
        # a pasted document as the pack name is quoted short, not three times in full
        raise WorkflowRefused("workflow.paket.rusak", paket=shown(reference), lokasi=shown(where)) from exc
    _cache[reference] = (_stamp(pack.files), pack)
    return pack


def pack_id_for(db, decision: str) -> str:
    chosen = row(db, "SELECT nilai FROM pengaturan WHERE kunci = ?", [f"paket.{decision}"])
    return json.loads(chosen["nilai"]) if chosen else DEFAULT_PACKS[decision]


def pack_for(db, decision: str) -> RulePack:
    return load_cached(pack_id_for(db, decision))


def _record_pack(db, pack: RulePack, virtual_now: str) -> str:
    version = f"{pack.id}@{pack.content_hash[:12]}"
    if row(db, "SELECT version FROM rule_pack WHERE version = ?", [version]) is None:
        text = "\n".join(Path(f).read_text(encoding="utf-8") for f in pack.files)
        db.execute("INSERT INTO rule_pack (version, nama, source_yaml, source_sha256, loaded_at)"
                   " VALUES (?, ?, ?, ?, ?)", [version, pack.id, text, pack.content_hash, virtual_now])
    return version


def decide(store: Store, db, decision: str, inputs: dict, *, skp_periode_id: int | None = None,
           record: bool = True) -> Evaluation:
    """Evaluate `decision` with the pack chosen for this sandbox on the virtual date; keep the trace.

    Call inside a command (`store.apply`): the trace row links to the command's audit row.
    """
    pack = pack_for(db, decision)
    on = dt.date.fromisoformat(store.current.virtual_now[:10])
    try:
        evaluation = ENGINE.evaluate(pack, decision, inputs, on=on)
    except EvaluationError as exc:
        raise WorkflowRefused("workflow.paket.gagal", paket=pack.id, keputusan=decision,
                              detail=exc) from exc
    if record:
        version = _record_pack(db, pack, store.current.virtual_now)
        trace = {"inputs": inputs, **evaluation.to_json(), "on": on.isoformat()}
        db.execute("INSERT INTO evaluation_trace (audit_id, skp_periode_id, rule_pack_version, decision,"
                   " trace, virtual_ts) VALUES (?, ?, ?, ?, ?, ?)",
                   [store.current.audit_id, skp_periode_id, version, decision,
                    json.dumps(trace, ensure_ascii=False, sort_keys=True, default=str),
                    store.current.virtual_now])
    return evaluation


def pilih_paket(store: Store, actor: str, decision: str, pack_ref: str) -> None:
    """Point this sandbox's `decision` at another pack (e.g. a reform); trainer or admin only."""
    if actor not in (TRAINER, ADMIN_INSTANSI):
        raise WorkflowRefused("workflow.hak.trainer_admin", actor=actor, perintah="pilih paket")
    check_texts(("Keputusan", decision, MAKS_NAMA), ("Paket", pack_ref, MAKS_URL))
    if decision not in DEFAULT_PACKS:
        raise WorkflowRefused("workflow.paket.keputusan_tidak_dikenal", keputusan=decision,
                              dikenal=", ".join(DEFAULT_PACKS))
    try:
        pack = load_cached(pack_ref)
    except OSError as exc:  # a name the file system refuses (too long, …): no such pack
        raise WorkflowRefused("workflow.paket.rusak", paket=shown(pack_ref),
                              lokasi=exc.strerror or type(exc).__name__) from exc
    if decision not in pack.decisions:
        raise WorkflowRefused("workflow.paket.tanpa_keputusan", paket=pack.id, keputusan=decision)

    def fn(db) -> None:
        db["pengaturan"].upsert({"kunci": f"paket.{decision}", "nilai": json.dumps(pack.id)}, pk="kunci")

    store.apply(actor, None, "pengaturan.paket", "pengaturan", f"paket.{decision}",
                {"decision": decision, "pack": pack.id}, fn)


def traces(store: Store, skp_periode_id: int) -> list[dict]:
    """Every stored decision of one assessment period, oldest first, as saved."""
    return [{"decision": d, "rule_pack_version": v, "virtual_ts": ts, **json.loads(t)}
            for d, v, ts, t in store.conn.execute(
                "SELECT decision, rule_pack_version, virtual_ts, trace FROM evaluation_trace"
                " WHERE skp_periode_id = ? ORDER BY id", [skp_periode_id])]


def explain_stored(stored: dict, lang: str = "id") -> str:
    """"Mengapa?" for a stored decision: the saved outputs and trace, labelled by its pack.

    Labels come from the pack as it is on disk now; the trace itself (rule, values, article) is the
    one saved with the result, so it never changes after the fact.
    """
    from sandbox.rules.explain import render_evaluation

    pack_id = stored["rule_pack_version"].split("@", 1)[0]
    evaluation = Evaluation(pack=pack_id, decision=stored["decision"], outputs=stored["outputs"],
                            trace=stored["trace"], on=dt.date.fromisoformat(stored["on"]))
    return render_evaluation(load_cached(pack_id), evaluation, lang)
