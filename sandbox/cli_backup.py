"""`ekinerja backup`, `ekinerja restore` and `ekinerja periksa`: parse, call `sandbox.store.backup`,
print. Every refusal is one sentence with what to do, never a traceback."""

from __future__ import annotations

import argparse
import logging
import sys

from sandbox.i18n import message

COMMANDS = ("backup", "restore", "periksa", "doctor")


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser("backup", parents=[common],
                                 help="salin cadangan basis data / back up a database")
    backup.add_argument("--db", required=True, metavar="PATH", help="berkas kelas / class file")
    backup.add_argument("--ke", "--to", dest="ke", default=None, metavar="BERKAS",
                        help="berkas atau folder tujuan / target file or folder "
                             "(bawaan / default: cadangan/<nama>-<waktu>.db di sebelah --db)")
    restore = commands.add_parser("restore", parents=[common],
                                  help="pulihkan dari salinan cadangan / restore a backup")
    restore.add_argument("--db", required=True, metavar="PATH", help="berkas kelas / class file")
    restore.add_argument("--dari", "--from", dest="dari", required=True, metavar="BERKAS",
                         help="salinan cadangan / the backup")
    check = commands.add_parser("periksa", aliases=["doctor"], parents=[common],
                                help="periksa (dan perbaiki) berkas / check (and repair) a file")
    check.add_argument("--db", required=True, metavar="PATH", help="berkas kelas / class file")


def run(args, lang: str) -> int:
    from sandbox.store import StoreError

    # The repair is reported below in the user's language, not a second time by the store's logger.
    logging.getLogger("sandbox.store").addHandler(logging.NullHandler())
    try:
        if args.command == "backup":
            return _backup(args, lang)
        if args.command == "restore":
            return _restore(args, lang)
        if args.command in ("periksa", "doctor"):
            return _check(args, lang)
    except StoreError as error:
        _fail(error.render(lang))
        return 1
    return 2


def _fail(text: str) -> None:
    print(text, file=sys.stderr)


def _backup(args, lang: str) -> int:
    from sandbox.store.backup import backup

    interactive = sys.stderr.isatty()
    shown = [-1]

    def progress(done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if interactive and percent != shown[0]:
            shown[0] = percent
            print("\r" + message("cli.cadangan.progres", lang, persen=percent), end="", file=sys.stderr,
                  flush=True)

    try:
        path = backup(args.db, args.ke, progress)
    finally:
        if interactive and shown[0] >= 0:
            print(file=sys.stderr)
    print(message("cli.cadangan.selesai", lang, db=args.db, path=path,
                  ukuran=max(1, round(path.stat().st_size / 1024))))
    return 0


def _restore(args, lang: str) -> int:
    from sandbox.store.backup import restore

    kept = restore(args.dari, args.db)
    if kept is None:
        print(message("cli.pulih.baru", lang, db=args.db, dari=args.dari))
    else:
        print(message("cli.pulih.selesai", lang, db=args.db, dari=args.dari, lama=kept))
    return 0


def _check(args, lang: str) -> int:
    from pathlib import Path

    from sandbox.store import open_store
    from sandbox.store.backup import check_content, integrity, latest_backup
    from sandbox.store.errors import StoreMissingError

    path = Path(args.db).expanduser()
    wal = path.with_name(path.name + "-wal")
    empty = path.is_file() and path.stat().st_size == 0 and not wal.exists()
    if not path.is_file() or (empty and latest_backup(path) is None):
        raise StoreMissingError(path=path)  # a check must not create the file it was asked about
    with open_store(path) as store:
        if store.repaired:
            print(store.repaired.render(lang))
        ms, repaired = integrity(store)
        if repaired:
            print(repaired.render(lang))
        check_content(store)  # every page whole is not enough: a crafted trigger or view is whole too
    print(message("cli.periksa.utuh", lang, path=path, ms=round(ms, 1)))
    return 0
