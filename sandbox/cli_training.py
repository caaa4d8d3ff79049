"""`ekinerja scenario …`, `ekinerja class …`, `ekinerja seat` and `ekinerja serve`: parse, call
`sandbox.training`, print. Every refusal is one sentence with what to do, never a traceback."""

from __future__ import annotations

import argparse
import json
import sys

from sandbox.formatting import angka
from sandbox.i18n import message
from sandbox.limits import STAFF_MAX_CLI


def add_commands(commands, common: argparse.ArgumentParser) -> None:
    scenario = commands.add_parser("scenario", parents=[common], help="skenario latihan / training scenarios")
    scenario_cmds = scenario.add_subparsers(dest="scenario_command", parser_class=commands._parser_class)
    scenario_cmds.add_parser("list", parents=[common], help="daftar skenario / list scenarios")
    check = scenario_cmds.add_parser("check", parents=[common], help="periksa berkas skenario / check files")
    check.add_argument(
        "files", nargs="*", metavar="BERKAS", help="berkas .yaml; kosong = semua di scenarios/"
    )

    klass = commands.add_parser("class", parents=[common], help="kelas pelatihan / training class")
    cmds = klass.add_subparsers(dest="class_command", parser_class=commands._parser_class)
    db = argparse.ArgumentParser(add_help=False)
    db.add_argument("--db", required=True, metavar="PATH", help="berkas kelas / class file")
    create = cmds.add_parser("create", parents=[common, db], help="buat kelas / create a class")
    create.add_argument("--kursi", "--seats", dest="kursi", type=int, required=True, metavar="N")
    create.add_argument("--nama", "--name", dest="nama", default="Kelas e-Kinerja", metavar="NAMA")
    create.add_argument(
        "--staff",
        type=int,
        default=None,
        metavar="N",
        help="kantor sintetis sebesar N / a synthetic office of N (bawaan: kantor demo)",
    )
    create.add_argument("--seed", type=int, default=1, metavar="S")
    create.add_argument("--pin", default=None, metavar="PIN",
                        help="PIN konsol pelatih (bawaan: dibuat acak, dicetak sekali) / trainer's PIN")
    pin = cmds.add_parser("pin", parents=[common, db], help="ganti PIN pelatih / change the trainer's PIN")
    pin.add_argument("--pin", default=None, metavar="PIN",
                     help="PIN baru (bawaan: acak) / new PIN (default: random)")
    lepas = cmds.add_parser("lepas", parents=[common, db], help="lepas kursi / release seats")
    lepas_which = lepas.add_mutually_exclusive_group(required=True)
    lepas_which.add_argument("--kursi", "--seats", dest="kursi", metavar="1,2,…")
    lepas_which.add_argument("--semua", "--all", dest="semua", action="store_true")
    assign = cmds.add_parser("assign", parents=[common, db], help="tugaskan skenario / assign scenarios")
    assign.add_argument("scenarios", nargs="+", metavar="SKENARIO")
    start = cmds.add_parser("start", parents=[common, db], help="mulai putaran / start a round")
    start.add_argument("scenario", metavar="SKENARIO")
    start.add_argument("--kursi", "--seats", dest="kursi", default=None, metavar="1,2,…")
    clock = cmds.add_parser("clock", parents=[common, db], help="majukan jam kelas / move the class clock")
    clock.add_argument("when", metavar="WAKTU", help="2026-04-09T20:00:00+07:00 atau / or 2026-04-10")
    board = cmds.add_parser("board", parents=[common, db], help="papan kelas / class board")
    board.add_argument("--json", action="store_true")
    peserta = cmds.add_parser("peserta", parents=[common, db], help="nama peserta di kursi / name a seat")
    peserta.add_argument("kursi", type=int, metavar="KURSI")
    peserta.add_argument("nama", metavar="NAMA")
    cmds.add_parser("close", parents=[common, db], help="tutup putaran / close the round")
    cmds.add_parser(
        "console", parents=[common, db], help="konsol pelatih (aplikasi) / trainer's console (app)"
    )
    export = cmds.add_parser("export", parents=[common, db], help="ekspor hasil / export results")
    export.add_argument("--out", required=True, metavar="FOLDER")

    seat = commands.add_parser("seat", parents=[common], help="buka aplikasi untuk satu kursi / open a seat")
    seat.add_argument("--db", required=True, metavar="PATH")
    seat.add_argument("--kursi", "--seat", dest="kursi", type=int, default=None, metavar="N")

    serve = commands.add_parser(
        "serve", parents=[common], help="sajikan kelas ke peramban / serve to browsers"
    )
    serve.add_argument("--db", required=True, metavar="PATH")
    serve.add_argument("--host", default="0.0.0.0", metavar="HOST")
    serve.add_argument("--port", type=int, default=8000, metavar="PORT")
    serve.add_argument("--kursi-per-perangkat", "--seats-per-device", dest="per_device", type=int, default=1,
                       metavar="N", help="kursi per perangkat (alamat IP) / seats per device (IP address)")


def run(args, lang: str) -> int:
    from sandbox.store import StoreError
    from sandbox.training.classroom import ClassError
    from sandbox.training.scenario import ScenarioError
    from sandbox.workflow import WorkflowRefused

    try:
        if args.command == "scenario":
            return _scenario(args, lang)
        if args.command == "class":
            return _class(args, lang)
        if args.command == "seat":
            return _seat(args, lang)
        if args.command == "serve":
            return _serve(args, lang)
    except ScenarioError as error:
        _fail(error.render(lang))
        return 1
    except (ClassError, StoreError, WorkflowRefused) as error:
        _fail(error.render(lang))
        return 1
    return 2


def _fail(text: str) -> None:
    print(text, file=sys.stderr)


def _scenario(args, lang: str) -> int:
    from sandbox.training.scenario import check_scenario, default_scenarios_dir, scenario_files

    if args.scenario_command == "list":
        for path in scenario_files():
            scenario, problems = check_scenario(path)
            title = (
                scenario.judul.get(lang) if scenario else message("cli.kelas.rusak", lang, n=len(problems))
            )
            print(f"{path.stem.split('-')[0]:5} {title}  ({path.name})")
        return 0
    if args.scenario_command != "check":
        _fail(
            message("cli.usage", lang, detail="scenario list|check") + " — " + message("cli.usage.fix", lang)
        )
        return 2
    files = args.files or [str(p) for p in scenario_files()]
    if not files:
        _fail(message("cli.kelas.tanpa_skenario", lang, dir=default_scenarios_dir()))
        return 1
    total = 0
    for name in files:
        scenario, problems = check_scenario(name)
        for problem in problems:
            print(problem.render(lang))
        total += len(problems)
        if scenario is not None:
            print(
                message(
                    "cli.skenario_ok",
                    lang,
                    file=name,
                    id=scenario.id,
                    tugas=len(scenario.tugas),
                    langkah=len(scenario.langkah),
                )
            )
    if total:
        _fail(message("cli.skenario_gagal", lang, n=total))
        return 1
    return 0


def _open(path: str):
    from pathlib import Path

    from sandbox.training.classroom import ClassError, open_class

    # An empty file would be made into a new, empty sandbox before "no class here" is said: refuse first.
    if Path(path).expanduser().is_file() and Path(path).expanduser().stat().st_size == 0:
        raise ClassError("kelas.tidak_ada", path=path)
    return open_class(path)


def _class(args, lang: str) -> int:
    from sandbox.formatting import long_datetime
    from sandbox.store import open_store
    from sandbox.training import access, classroom
    from sandbox.training.scenario import load_scenario

    command = args.class_command
    if command is None:
        _fail(
            message("cli.usage", lang, detail="class create|assign|start|clock|board|close|export|pin|lepas")
            + " — "
            + message("cli.usage.fix", lang)
        )
        return 2
    if command == "console":
        _open(args.db)[0].close()  # refuse a file without a class before the app starts
        from sandbox.tui.app import run as run_app

        run_app(lang, db_path=args.db, start="kelas")
        return 0
    if command == "create":
        # refuse bad arguments before the file is opened: a refused create leaves no new file behind
        if not 1 <= args.kursi <= classroom.MAX_SEATS:
            raise classroom.ClassError("kelas.kursi", kursi=args.kursi, maks=classroom.MAX_SEATS)
        if not (args.nama or "").strip():
            raise classroom.ClassError("kelas.nama")
        if args.staff is not None and not 1 <= args.staff <= STAFF_MAX_CLI:
            _fail(message("cli.bad_staff", lang, value=args.staff) + " — "
                  + message("cli.bad_staff.fix", lang, maks=angka(STAFF_MAX_CLI)))
            return 2
        with open_store(args.db) as store:
            existing = store.conn.execute("SELECT nama FROM kelas LIMIT 1").fetchone()
            if existing:
                raise classroom.ClassError("kelas.sudah_ada", path=args.db, nama=existing[0])
            pin = args.pin if args.pin is not None else access.new_pin()
            info = classroom.create_class(store, args.nama, args.kursi, staff=args.staff, seed=args.seed,
                                          pin=pin)
        print(
            message(
                "cli.kelas.dibuat", lang, nama=info.nama, kursi=info.kursi, kode=info.kode_gabung, db=args.db
            )
        )
        if args.pin is None:  # a PIN the trainer did not choose is shown once, now
            print(message("cli.kelas.pin", lang, pin=pin))
        return 0
    store, info = _open(args.db)
    with store:
        workdir = classroom.workdir_for(args.db)
        if command == "assign":
            scenarios = classroom.assign(store, info.id, args.scenarios)
            print(message("cli.kelas.ditugaskan", lang, daftar=", ".join(s.id for s in scenarios)))
        elif command == "start":
            scenario = load_scenario(args.scenario)
            seats = _seats(args.kursi, lang)
            if seats is False:
                return 2

            def shown(done: int, total: int) -> None:
                print(message("cli.kelas.menyiapkan", lang, n=done, total=total), file=sys.stderr, flush=True)

            ids = classroom.start_round(store, info.id, scenario, seats or None, shown, workdir)
            print(message("cli.kelas.dimulai", lang, id=scenario.id, n=len(ids),
                          jam=long_datetime(scenario.jam, lang)))
        elif command == "clock":
            fired = classroom.move_clock(store, info.id, args.when)
            print(message("cli.kelas.jam", lang, jam=long_datetime(store.virtual_now(), lang),
                          n=len(fired)))
        elif command == "board":
            rows = classroom.board(store, info.id)
            if args.json:
                print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=1))
            else:
                print(format_board(rows, lang))
        elif command == "peserta":
            classroom.name_seat(store, info.id, args.kursi, args.nama)
            print(message("cli.kelas.peserta", lang, kursi=args.kursi, nama=args.nama))
        elif command == "pin":
            pin = args.pin if args.pin is not None else access.new_pin()
            access.set_pin(store, info.id, pin)
            print(message("cli.kelas.pin", lang, pin=pin) if args.pin is None
                  else message("cli.kelas.pin_diganti", lang))
        elif command == "lepas":
            seats = None if args.semua else _seats(args.kursi, lang)
            if seats is False or seats == []:
                if seats == []:
                    _fail(message("cli.usage", lang, detail="--kursi") + " — "
                          + message("cli.usage.fix", lang))
                return 2
            freed = access.release(store, info.id, seats)
            print(message("cli.kelas.dilepas", lang, daftar=", ".join(map(str, freed))) if freed
                  else message("cli.kelas.tidak_ada_dilepas", lang))
        elif command == "close":
            n = classroom.close_round(store, info.id, workdir)
            print(message("cli.kelas.ditutup", lang, n=n))
        elif command == "export":
            from sandbox.training.summary import export

            for path in export(store, info.id, args.out, lang):
                print(path)
    return 0


def _seats(text: str | None, lang: str):
    if not text:
        return []
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        _fail(message("cli.usage", lang, detail=f"--kursi {text}") + " — " + message("cli.usage.fix", lang))
        return False


def format_board(rows, lang: str) -> str:
    head = message("cli.kelas.papan_kepala", lang)
    lines = [head]
    for r in rows:
        state = (message(f"hasil.{r.hasil}", lang) if r.hasil else "–") + (" ⚠" if r.macet else "")
        lines.append(
            f"{r.kursi:>3} {(r.peserta or '-')[:18]:18} {r.skenario or '-':5} {r.ke or '-':>2} "
            f"{r.tugas_lulus}/{r.tugas_total:<3} {r.petunjuk:>3} {r.galat:>3} {r.bantuan:>3} "
            f"{r.ditolak:>3} {r.integritas:>3}  {state}"
        )
    return "\n".join(lines)


def _seat(args, lang: str) -> int:
    """A seat's app. Started by `ekinerja serve`, it carries the seat's session token: the seat is the
    token's, and a `--kursi` that names another seat is refused. Typed at a terminal without
    `--kursi`, the app asks for the join code and claims a seat like a browser does; `--kursi N` at
    a terminal is the trainer's (or an SSH ForceCommand's) choice."""
    import os

    from sandbox.training import access
    from sandbox.tui.app import run

    token = os.environ.pop(access.TOKEN_ENV, None) or None
    store, info = _open(args.db)  # refuse a file without a class before the app starts
    with store:
        seat = args.kursi
        if token is not None:
            held = access.seat_of_token(store, info.id, token)
            if held is None or (seat is not None and seat != held):
                raise access.AccessRefused("akses.sesi")
            seat = held
        if seat is not None and not 1 <= seat <= info.kursi:  # before the app starts, not inside it
            from sandbox.training.classroom import ClassError

            raise ClassError("kelas.kursi_salah", kursi=seat, jumlah=info.kursi)
    run(lang, db_path=args.db, start="kursi", seat=seat, token=token)
    return 0


def _serve(args, lang: str) -> int:
    from sandbox.training.serve import serve

    if not 1 <= args.port <= 65535:
        _fail(message("cli.bad_port", lang, value=args.port) + " — " + message("cli.bad_port.fix", lang))
        return 2
    host = args.host.strip()
    if not host or len(host) > 253 or any(ch.isspace() for ch in host):
        _fail(message("cli.bad_host", lang, value=args.host[:80]) + " — " + message("cli.bad_host.fix", lang))
        return 2
    if args.per_device < 1:
        _fail(message("akses.per_perangkat", lang, nilai=args.per_device) + " — "
              + message("akses.per_perangkat.fix", lang))
        return 2
    _open(args.db)[0].close()  # refuse a file without a class before serving it
    serve(args.db, host=args.host, port=args.port, lang=lang, per_device=args.per_device)
    return 0
