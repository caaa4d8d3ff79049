"""The `ekinerja` command: parses arguments and prints; the rules package does the work."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

from sandbox import __version__
from sandbox.formatting import angka
from sandbox.i18n import message, resolve_language
from sandbox.limits import STAFF_MAX_CLI
from sandbox.usertext import shortened

# No argument a person types needs more (PATH_MAX is 4096 bytes), and a longer one is a paste gone wrong.
MAX_ARG_CHARS = 4096
# Control characters (a NUL, a terminal escape) and lone surrogates (bytes that are not UTF-8, as Python
# hands them over) cannot be stored, printed or used as a path: refused before anything runs.
_BAD_ARG_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad command in our words instead of exiting with its own."""

    def error(self, text: str) -> None:  # type: ignore[override]
        raise _UsageError(text)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=["id", "en"], default=None,
                        help="bahasa pesan / message language (id, en); also EKINERJA_LANG, LANG")
    parser = _Parser(prog="ekinerja", parents=[common],
                     description="e-Kinerja Sandbox — latihan dan uji aturan e-Kinerja / "
                                 "practise e-Kinerja and test its rules")
    parser.add_argument("--version", action="version", version=f"ekinerja {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    rules = commands.add_parser("rules", parents=[common],
                                help="paket aturan / rule packs")
    rules_commands = rules.add_subparsers(dest="rules_command", parser_class=_Parser)

    listing = rules_commands.add_parser("list", parents=[common],
                                        help="daftar paket / list packs")
    listing.add_argument("--json", action="store_true")

    check = rules_commands.add_parser("check", parents=[common],
                                      help="periksa paket / check packs")
    check.add_argument("packs", nargs="*", metavar="PAKET",
                       help="id paket atau berkas; kosong = semua di rules/")
    check.add_argument("--strict", action="store_true",
                       help="peringatan juga menggagalkan / warnings fail the check too")

    kurva = rules_commands.add_parser(
        "kurva", parents=[common],
        help="predikat yang tidak mungkin menurut kurva per ukuran unit / ratings the curve rules out")
    kurva.add_argument("pack", metavar="PAKET")
    kurva.add_argument("--keputusan", default=None, metavar="KEPUTUSAN",
                       help="keputusan kurva / the curve decision (bawaan / default: kurva)")
    kurva.add_argument("--sampai", type=int, default=20, metavar="N",
                       help="ukuran unit terbesar / largest unit size (bawaan / default 20)")
    kurva.add_argument("--on", metavar="YYYY-MM-DD", help="tanggal / date")
    kurva.add_argument("--json", action="store_true")

    evaluate = rules_commands.add_parser("eval", parents=[common],
                                         help="hitung satu keputusan / evaluate a decision")
    evaluate.add_argument("pack", metavar="PAKET")
    evaluate.add_argument("decision", metavar="KEPUTUSAN")
    evaluate.add_argument("pairs", nargs="*", metavar="nama=nilai")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--on", metavar="YYYY-MM-DD",
                          help="tanggal evaluasi / evaluation date")

    demo = commands.add_parser("demo", parents=[common],
                               help="buat kantor demo siap latihan / create the demo office")
    demo.add_argument("--db", metavar="PATH", help="berkas basis data / database file")
    seed = commands.add_parser("seed", parents=[common],
                               help="buat kantor sintetis / create a synthetic office")
    seed.add_argument("--staff", type=int, required=True, metavar="N")
    seed.add_argument("--seed", type=int, default=1, metavar="S")
    seed.add_argument("--db", metavar="PATH", help="berkas basis data / database file")

    population = argparse.ArgumentParser(add_help=False)
    population.add_argument("--staff", type=int, default=None, metavar="N",
                            help="pegawai sintetis / synthetic staff (bawaan / default 10000)")
    population.add_argument("--db", metavar="PATH", help="kantor dari basis data / offices from a database")
    population.add_argument("--seed", type=int, default=1, metavar="S")
    population.add_argument("--year", type=int, default=None, metavar="TAHUN",
                            help="tahun yang disimulasikan / simulated year")
    population.add_argument("--out", metavar="FOLDER",
                            help="folder hasil / results folder (bawaan / default ./hasil-simulasi/…)")
    population.add_argument("--workers", type=int, default=0, metavar="W",
                            help="proses paralel / parallel processes (0 = otomatis / automatic)")
    population.add_argument("--asumsi", metavar="BERKAS",
                            help="berkas asumsi perilaku / behaviour assumptions file "
                                 "(bawaan / default sandbox/sim/asumsi.yaml)")
    population.add_argument("--seeds", type=int, default=1, metavar="K",
                            help="replikasi berpasangan (seed S … S+K−1), angka utama dengan interval "
                                 "90 %% / paired replications, headline figures with a 90 %% interval")
    compare = commands.add_parser("compare", parents=[common, population],
                                  help="bandingkan reformasi dengan paket dasar pada populasi yang sama / "
                                       "compare reforms with a base pack on the same population")
    compare.add_argument("base", metavar="DASAR")
    compare.add_argument("reform", metavar="REFORMASI", nargs="+",
                         help="satu reformasi atau lebih, masing-masing dibanding DASAR / one or more "
                              "reforms, each against DASAR")
    compare.add_argument("--explain", metavar="NIP", default=None,
                         help="jelaskan jalur satu pegawai di setiap paket dengan jejak mesin aturan / "
                              "explain one person's path under every pack with the rules engine's trace")
    impor = commands.add_parser(
        "import", parents=[common],
        help="impor data kantor (dianonimkan) dari templat / import an office's anonymised data "
             "from the template (sandbox/sim/templates/)")
    impor.add_argument("file", metavar="BERKAS", help="templat terisi / the filled template (.xlsx, .csv)")
    impor.add_argument("--db", metavar="PATH", required=True,
                       help="basis data sandbox tujuan / sandbox database to write into")
    impor.add_argument("--id", default=None, metavar="ID",
                       help="kode instansi / instansi code (bawaan / default IMPOR-<BERKAS>)")
    impor.add_argument("--nama", default=None, metavar="NAMA",
                       help="nama instansi / instansi name (bawaan / default: nama berkas / file name)")
    simulate = commands.add_parser("simulate", parents=[common, population],
                                   help="simulasikan satu paket / simulate one pack")
    simulate.add_argument("pack", metavar="PAKET")

    diff = rules_commands.add_parser("diff", parents=[common],
                                     help="beda dua paket / difference of two packs")
    diff.add_argument("base", metavar="DASAR")
    diff.add_argument("other", metavar="REFORMASI")

    from sandbox.cli_training import add_commands

    add_commands(commands, common)
    from sandbox import cli_backup

    cli_backup.add_commands(commands, common)
    from sandbox.cli_nip import add_nip_parser

    add_nip_parser(commands, common)
    from sandbox.cli_api import add_api_parser

    add_api_parser(commands, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang = resolve_language(_peek_lang(argv))
    refusal = _bad_argument(argv, lang)
    if refusal:
        _fail(refusal)
        return 2
    try:
        try:
            args = _parser().parse_args(argv)
        except _UsageError as error:
            _fail(message("cli.usage", lang, detail=str(error)) + " — "
                  + message("cli.usage.fix", lang))
            return 2
        lang = resolve_language(getattr(args, "lang", None) or _peek_lang(argv))
        if args.command is None:
            if sys.stdin.isatty() and sys.stdout.isatty():
                from sandbox.tui.app import run

                run(getattr(args, "lang", None) or _peek_lang(argv))
                return 0
            print(message("welcome", lang, version=__version__))
            return 0
        if args.command == "rules":
            return _rules(args, lang)
        if args.command == "api":
            from sandbox.cli_api import run_api

            return run_api(args, lang)
        if args.command == "nip":
            from sandbox.cli_nip import run_nip

            return run_nip(args, lang)
        if args.command in ("demo", "seed"):
            return _office(args, lang)
        if args.command in ("compare", "simulate"):
            return _simulate(args, lang)
        if args.command == "import":
            return _import(args, lang)
        if args.command in ("scenario", "class", "seat", "serve"):
            from sandbox import cli_training

            return cli_training.run(args, lang)
        if args.command in ("backup", "restore", "periksa", "doctor"):
            from sandbox import cli_backup

            return cli_backup.run(args, lang)
        return 2
    except KeyboardInterrupt:
        _fail(message("cli.interrupted", lang))
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # a path the file system refuses (name too long, not a folder, no access)
        _fail(message("cli.path_unusable", lang, path=shortened(error.filename or "-"),
                      detail=error.strerror or type(error).__name__) + " — "
              + message("cli.path_unusable.fix", lang))
        return 1
    except Exception as error:  # noqa: BLE001 - the last guard: a sentence, never a traceback
        _fail(message("cli.internal_error", lang, detail=f"{type(error).__name__}: {error}"))
        return 70


def _bad_argument(argv: list[str], lang: str) -> str | None:
    """The refusal for an argument no command can use (see `_BAD_ARG_CHAR`, `MAX_ARG_CHARS`), or None."""
    for index, arg in enumerate(argv, start=1):
        if len(arg) > MAX_ARG_CHARS:
            return (message("cli.long_arg", lang, n=index, panjang=len(arg), maks=MAX_ARG_CHARS) + " — "
                    + message("cli.long_arg.fix", lang))
        bad = _BAD_ARG_CHAR.search(arg)
        if bad:
            return (message("cli.bad_arg", lang, n=index, kode=f"U+{ord(bad.group()):04X}") + " — "
                    + message("cli.bad_arg.fix", lang))
    return None


def _peek_lang(argv: list[str]) -> str | None:
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _fail(text: str) -> None:
    print(text, file=sys.stderr)


def _office(args, lang: str) -> int:
    """`ekinerja demo` and `ekinerja seed`: generate an office and store it as one command."""
    from sandbox.store import StoreError, open_store
    from sandbox.synth.office import demo_office, generate_office
    from sandbox.synth.persist import save_office

    if args.command == "seed" and not 1 <= args.staff <= STAFF_MAX_CLI:
        _fail(message("cli.bad_staff", lang, value=args.staff) + " — "
              + message("cli.bad_staff.fix", lang, maks=angka(STAFF_MAX_CLI)))
        return 2
    from sandbox.synth.ready import YEAR, practice_office
    from sandbox.workflow import WorkflowRefused

    office = demo_office() if args.command == "demo" else generate_office(args.seed, args.staff)
    ready = None
    try:
        with open_store(args.db) as store:
            if args.command == "demo":  # made ready to practise, like the app's first run
                saved, ready = practice_office(store, office)
            else:
                saved = save_office(store, office, action="synth.seed")
            path = store.path
    except StoreError as error:
        _fail(error.render(lang))
        return 1
    except WorkflowRefused as refused:
        _fail(refused.render(lang))
        return 1
    if not saved.created:
        print(message("cli.office_exists", lang, path=path, nama=office.instansi.nama))
        return 0 if args.command == "demo" else 1
    print(message("cli.office_saved", lang, path=path, nama=office.instansi.nama,
                  units=saved.units, pegawai=saved.pegawai))
    if ready is not None:
        print(message("cli.demo_ready", lang, periods=ready.periods, year=YEAR, approved=ready.approved_skp))
    return 0


def _simulate(args, lang: str) -> int:
    """`ekinerja compare` and `ekinerja simulate`: run, print the report, write the exports."""
    from sandbox.sim.compare import Request, default_out, run
    from sandbox.sim.report import markdown, write_exports
    from sandbox.sim.rulebook import SimError

    references = [args.base, *args.reform] if args.command == "compare" else [args.pack]
    if args.staff is not None and args.db:
        _fail(message("cli.sim_staff_or_db", lang) + " — " + message("cli.sim_staff_or_db.fix", lang))
        return 2
    staff = None if args.db else (10_000 if args.staff is None else args.staff)
    if staff is not None and not 1 <= staff <= STAFF_MAX_CLI:
        _fail(message("cli.bad_staff", lang, value=staff) + " — "
              + message("cli.bad_staff.fix", lang, maks=angka(STAFF_MAX_CLI)))
        return 2
    for option, value, low, high in (("--year", args.year, 2000, 2100), ("--seed", args.seed, 0, 2**63 - 1),
                                     ("--workers", args.workers, 0, 64), ("--seeds", args.seeds, 1, 100)):
        if value is not None and not low <= value <= high:
            _fail(message("cli.sim_range", lang, option=option, value=value, low=low, high=high) + " — "
                  + message("cli.sim_range.fix", lang, option=option, low=low, high=high))
            return 2
    explain_nip = getattr(args, "explain", None)
    if explain_nip is not None and not re.fullmatch(r"\d{18}", explain_nip.strip()):
        # checked before the run, not after a whole simulation
        _fail(message("sim.explain.bad_nip", lang, nip=shortened(explain_nip)) + " — "
              + message("sim.explain.bad_nip.fix", lang))
        return 2
    for reference in references:
        if _load_or_report(reference, lang) is None:
            return 1
    from sandbox.sim.assumptions import AssumptionsRefused, check_file, default_assumptions

    if args.asumsi:
        assumptions, problems = check_file(args.asumsi)
        if problems:
            for problem in problems:
                _fail(problem.render(lang))
            return 1
    else:
        try:
            assumptions = default_assumptions()
        except AssumptionsRefused as refused:
            _fail(message("sim.asumsi.shipped", lang) + " — " + message("sim.asumsi.shipped.fix", lang))
            for problem in refused.problems:
                _fail(problem.render(lang))
            return 1
    size = f"db-{Path(args.db).stem}" if args.db else f"{staff}"
    out = Path(args.out) if args.out else default_out(references, size, args.seed)
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        line = message("cli.sim_progress", lang, done=f"{done:,}".replace(",", "."),
                       total=f"{total:,}".replace(",", "."), percent=100 * done // max(total, 1))
        print(("\r" + line) if interactive else line, end="" if interactive else "\n", file=sys.stderr,
              flush=True)

    try:
        outcome = run(Request(references, staff=staff, db=args.db, seed=args.seed, year=args.year, out=out,
                              workers=args.workers, assumptions=assumptions, seeds=args.seeds), progress)
        if interactive:
            print(file=sys.stderr)
        written = write_exports(outcome, out)
    except SimError as error:
        if interactive:
            print(file=sys.stderr)
        _fail(error.render(lang))
        return 1
    except OSError as error:  # --out is a file, read-only, full
        _fail(message("cli.sim_out", lang, path=out, detail=error.strerror or error) + " — "
              + message("cli.sim_out.fix", lang))
        return 1
    nip = getattr(args, "explain", None)
    if nip is not None:
        from sandbox.rules.problems import EvaluationError
        from sandbox.sim.explain import explain

        try:
            text = explain(outcome.database, nip.strip(), list(zip(outcome.labels, references, strict=True)),
                           outcome.year, lang)
        except (SimError, EvaluationError) as error:  # a pack the engine refuses for this person's inputs
            _fail(error.render(lang))
            return 1
        if text is None:
            _fail(message("sim.explain.unknown_nip", lang, nip=shortened(nip), path=out,
                          pegawai=f"{outcome.summary.pegawai:,}".replace(",", ".")) + " — "
                  + message("sim.explain.unknown_nip.fix", lang))
            return 1
        print(text)
    else:
        print(markdown(outcome))  # its header says which parts of the year were given, which drawn
    print(message("cli.sim_saved", lang, path=out, csv=sum(1 for p in written if p.suffix == ".csv")))
    print(message("sim.excel_saved", lang))
    return 0


def _import(args, lang: str) -> int:
    """`ekinerja import FILE --db PATH`: an office's own data into a sandbox database, all or nothing."""
    from sandbox.sim.importer import ImportRefused, import_file, sources_line
    from sandbox.sim.rulebook import SimError
    from sandbox.store import StoreError

    stem = Path(args.file).stem
    instansi_id = args.id or "IMPOR-" + (re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-").upper() or "KANTOR")
    try:
        done = import_file(Path(args.file), args.db, instansi_id, args.nama or stem)
    except ImportRefused as refused:
        for line in refused.lines(lang):
            _fail(line)
        return 1
    except (SimError, StoreError) as error:
        _fail(error.render(lang))
        return 1
    given = done.given
    print(message("sim.impor.selesai", lang, nama=done.nama, id=done.instansi_id, path=done.path,
                  unit=given["unit"], pegawai=given["pegawai"]))
    print(sources_line(done.path, lang))
    print(message("sim.impor.lanjut", lang, path=done.path))
    return 0


def _rules(args, lang: str) -> int:
    command = args.rules_command
    if command == "list":
        return _rules_list(args, lang)
    if command == "check":
        return _rules_check(args, lang)
    if command == "eval":
        return _rules_eval(args, lang)
    if command == "diff":
        return _rules_diff(args, lang)
    if command == "kurva":
        return _rules_kurva(args, lang)
    _fail(message("cli.usage", lang, detail="rules") + " — " + message("cli.usage.fix", lang))
    return 2


def _rules_list(args, lang: str) -> int:
    from sandbox.api.packs import pack_summary  # needs no web framework: the API's JSON of a pack
    from sandbox.rules.loader import check_pack, display_path
    from sandbox.rules.registry import default_rules_dir, pack_files

    root = default_rules_dir()
    files = pack_files(root)
    if not files:
        _fail(message("cli.no_packs", lang, dir=root))
        return 1
    rows = []
    for path in files:
        pack, problems = check_pack(path)
        shown = display_path(path)
        if pack is None or problems:
            rows.append({"file": shown, "broken": True})
            continue
        rows.append({**pack_summary(pack), "file": shown})  # the API's /v1/packs row, and the file
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(message("list.header", lang, dir=display_path(root)))
    for row in rows:
        if row.get("broken"):
            print(f"  ✗ {row['file']}: " + message("list.broken", lang, file=row["file"]))
            continue
        end = row["effective_to"] or message("list.open_end", lang)
        print(f"  {row['id']}")
        print(f"      {row['title']}")
        print("      " + message("list.dates", lang, start=row["effective_from"], end=end)
              + (f"; {message('list.extends', lang, base=row['extends'])}"
                 if row["extends"] else ""))
        print(f"      {'; '.join(row['legal_basis'])}")
        print(f"      {row['file']} — {', '.join(row['decisions'])}")
    return 0


def _rules_check(args, lang: str) -> int:
    from sandbox.rules.loader import check_pack, display_path
    from sandbox.rules.proofs import pack_notes
    from sandbox.rules.registry import default_rules_dir, pack_files

    references = args.packs or [str(p) for p in pack_files(default_rules_dir())]
    if not references:
        _fail(message("cli.no_packs", lang, dir=default_rules_dir()))
        return 1
    total = warnings = 0
    for reference in references:
        pack, problems = check_pack(reference)
        for problem in problems:
            print(problem.render(lang))
        total += len(problems)
        if pack is None:
            continue
        notes = pack_notes(pack)  # warnings and notes: the pack is usable, but a person should know
        for note in notes:
            print(note.render(lang))
        warnings += sum(1 for note in notes if note.severity == "warning")
        if not problems:
            shown = display_path(Path(pack.files[0]))
            print(message("cli.check_ok", lang, file=shown, pack=pack.id,
                          decisions=len(pack.decisions), parameters=len(pack.parameters)))
    if total or (warnings and args.strict):
        _fail(message("cli.check_failed", lang, count=total + (warnings if args.strict else 0)))
        return 1
    if warnings:
        print(message("cli.check_warnings", lang, count=warnings))
    return 0


def _date_and_pack(args, lang: str) -> tuple[int, dt.date | None, object]:
    """`--on` and the pack a rules command reads, or the exit code of a refusal already said."""
    on = None
    if args.on:
        try:
            on = dt.date.fromisoformat(args.on)
        except ValueError:
            _fail(message("cli.bad_date", lang, value=args.on) + " — "
                  + message("cli.bad_date.fix", lang))
            return 2, None, None
    pack = _load_or_report(args.pack, lang)
    return (1, None, None) if pack is None else (0, on, pack)


def _rules_kurva(args, lang: str) -> int:
    from sandbox.formatting import long_date
    from sandbox.rules.engine import _in_force
    from sandbox.rules.problems import EvaluationError
    from sandbox.rules.proofs import curve_table

    largest = 40  # 40 people already means 123,410 spreads per organisation predikat
    if not 1 <= args.sampai <= largest:
        _fail(message("cli.kurva.bad_size", lang, value=args.sampai, limit=largest) + " — "
              + message("cli.kurva.bad_size.fix", lang))
        return 2
    code, on, pack = _date_and_pack(args, lang)
    if code:
        return code
    try:
        on = _in_force(pack, on)
    except EvaluationError as error:
        _fail(error.render(lang))
        return 1
    table = curve_table(pack, args.keputusan, most=args.sampai, on=on)
    if table is None:
        decision = args.keputusan or "kurva"
        _fail(message("cli.kurva.not_curve", lang, pack=pack.id, decision=decision) + " — "
              + message("cli.kurva.not_curve.fix", lang))
        return 1
    if args.json:
        print(json.dumps(table.to_json(), ensure_ascii=False, indent=2))
        return 0
    print(message("cli.kurva.header", lang, decision=table.decision, pack=pack.id,
                  on=long_date(table.on.isoformat(), lang), most=table.most))
    print(message("cli.kurva.basis", lang))
    for org, label in table.organisations:
        print(message("cli.kurva.org", lang, org=label))
        for sizes, impossible, none_fits in table.rows(org):
            if none_fits:
                text = message("cli.kurva.none_fits", lang)
            elif impossible:
                text = message("cli.kurva.impossible", lang, ratings=", ".join(impossible))
            else:
                text = message("kurva.all_possible", lang)
            print(message("cli.kurva.row", lang, sizes=sizes, text=text))
    return 0


def _load_or_report(reference: str, lang: str):
    from sandbox.rules.loader import check_pack

    pack, problems = check_pack(reference)
    if problems or pack is None:
        for problem in problems:
            _fail(problem.render(lang))
        return None
    return pack


def _rules_eval(args, lang: str) -> int:
    from sandbox.rules.engine import Engine
    from sandbox.rules.explain import render_evaluation
    from sandbox.rules.problems import EvaluationError

    inputs = {}
    for pair in args.pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            _fail(message("cli.bad_pair", lang, arg=pair) + " — "
                  + message("cli.bad_pair.fix", lang))
            return 2
        if name.strip() in inputs:
            _fail(message("cli.repeated_input", lang, name=name.strip()) + " — "
                  + message("cli.repeated_input.fix", lang))
            return 2
        inputs[name.strip()] = value
    code, on, pack = _date_and_pack(args, lang)
    if code:
        return code
    try:
        result = Engine().evaluate(pack, args.decision, inputs, on=on)
    except EvaluationError as error:
        _fail(error.render(lang))
        return 1
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_evaluation(pack, result, lang))
    return 0


def _rules_diff(args, lang: str) -> int:
    from sandbox.rules.diff import diff_packs

    base = _load_or_report(args.base, lang)
    other = _load_or_report(args.other, lang)
    if base is None or other is None:
        return 1
    lines = diff_packs(base, other, lang)
    print(message("diff.header", lang, a=base.id, b=other.id))
    if not lines:
        print(message("diff.none", lang))
    for line in lines:
        print(line if line.startswith("    ") else f"- {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
