"""A writer process for the store tests: applies numbered commands and reports each one after commit.

Command n writes five rows across five tables (unor, pegawai, skp, rhk, indikator) plus its audit
row, so a command that is half-applied is visible. The number n is written to stdout only after
`Store.apply` has returned, i.e. after COMMIT: a number on stdout is a promise the test checks.

Run as a script for the concurrency test:  python writer.py DB --first N --count K
The crash test forks `run` directly (it saves the interpreter start-up on each of 50+ kills).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `sandbox` importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sandbox.store import Store, open_store  # noqa: E402

ACTION = "uji.perintah"
INSTANSI = "I-UJI"
TABLE_KEYS = {  # table -> the column that carries the command number (as text)
    "unor": "nama", "pegawai": "jabatan", "skp": "jabatan_snapshot", "rhk": "teks", "indikator": "teks",
}


def nip_for(n: int) -> str:
    return f"{n:018d}"


def seed(store: Store) -> None:
    """The one row every command hangs off; idempotent so several processes may call it."""
    store.apply("trainer", "trainer", "uji.seed", "instansi", INSTANSI, {},
                lambda db: db["instansi"].insert({"id": INSTANSI, "nama": "Instansi Uji"}, ignore=True))


def apply_command(store: Store, n: int, actor: str) -> None:
    def fn(db) -> None:
        nip, tag = nip_for(n), str(n)
        db["unor"].insert({"id": f"U{n}", "instansi_id": INSTANSI, "nama": tag})
        db["pegawai"].insert({"nip": nip, "nama": f"Pegawai {n}", "jabatan": tag, "unor_id": f"U{n}"})
        skp_id = db["skp"].insert({"nip": nip, "jabatan_snapshot": tag, "periode_awal": "2026-01-01",
                                   "periode_akhir": "2026-12-31"}).last_pk
        rhk_id = db["rhk"].insert({"skp_id": skp_id, "jenis": "UTAMA", "teks": tag}).last_pk
        db["indikator"].insert({"rhk_id": rhk_id, "aspek": "KUANTITAS", "teks": tag, "target_nilai": 1.0})

    store.apply(actor, actor, ACTION, "skp", n, {"n": n}, fn)


def run(path: str, first: int, count: int | None, actor: str) -> None:
    store = open_store(path)
    seed(store)
    os.write(1, b"READY\n")
    n = first
    while count is None or n < first + count:
        apply_command(store, n, actor)
        os.write(1, f"{n}\n".encode())  # only after apply returned, i.e. after COMMIT
        n += 1
    store.close()


def numbers_by_table(store: Store) -> dict[str, set[int]]:
    """For each of the five tables and the audit log, the command numbers found in it."""
    found = {table: {int(r[0]) for r in store.conn.execute(f"SELECT {col} FROM {table}")}
             for table, col in TABLE_KEYS.items()}
    found["audit_log"] = {int(r[0]) for r in store.conn.execute(
        "SELECT entity_id FROM audit_log WHERE action = ?", [ACTION])}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--first", type=int, default=1)
    parser.add_argument("--count", type=int, default=None)
    parser.add_argument("--actor", default="199001012020011001")
    args = parser.parse_args(argv)
    run(args.db, args.first, args.count, args.actor)
    return 0


if __name__ == "__main__":
    sys.exit(main())
