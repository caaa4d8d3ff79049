"""`ekinerja nip NIP`: read a NIP PNS or NI PPPK aloud in words, or say which digits are wrong and what to
write instead. Parsing is `sandbox.domain.nip`; this module only prints."""

from __future__ import annotations

import argparse
import json
import sys

from sandbox.domain.asn import JenisAsn
from sandbox.domain.nip import NIP_LENGTH, NipError, NipPns, grouped, is_separator, marker, parse_nip
from sandbox.formatting import MONTHS, long_date
from sandbox.i18n import message
from sandbox.usertext import shortened

SHOWN_LIMIT = 80  # typed text longer than this is shortened (`sandbox.usertext.shortened`)


def add_nip_parser(commands, common: argparse.ArgumentParser) -> None:
    nip = commands.add_parser("nip", parents=[common],
                              help="baca NIP PNS atau NI PPPK / read a NIP or NI PPPK")
    # Several words, so `ekinerja nip 19850312 201001 1 002` works without quotes.
    nip.add_argument("nip", nargs="+", metavar="NIP",
                     help="18 digit, boleh berspasi / 18 digits, spaces allowed")
    nip.add_argument("--jenis", choices=["pns", "pppk"], default=None,
                     help="baca sebagai NIP PNS atau NI PPPK (bawaan: dari digit 13–14) / "
                          "read as a PNS NIP or NI PPPK (default: from digits 13–14)")
    nip.add_argument("--json", action="store_true")


def run_nip(args, lang: str) -> int:
    typed = " ".join(args.nip)
    jenis = None if args.jenis is None else JenisAsn(args.jenis.upper())
    try:
        parsed = parse_nip(typed, jenis)
    except NipError as error:
        return _refuse(typed, error, lang, args.json)
    if args.json:
        print(json.dumps(_fields(typed, parsed), ensure_ascii=False, indent=2))
        return 0
    for line in _lines(parsed, lang):
        print(line)
    return 0


def _lines(parsed, lang: str) -> list[str]:
    lines = [message("nip.cli.sah", lang, nip=grouped(parsed.text))]
    if isinstance(parsed, NipPns):
        tmt, months = parsed.tmt_cpns, MONTHS.get(lang, MONTHS["id"])
        rows = [message("nip.cli.jenis", lang, jenis=message("nip.cli.jenis.pns", lang)),
                message("nip.cli.lahir", lang, tanggal=long_date(parsed.tanggal_lahir.isoformat(), lang)),
                message("nip.cli.tmt", lang, bulan=f"{months[tmt.month - 1]} {tmt.year}")]
    else:
        arti = f"nip.cli.kode.{parsed.kode}" if parsed.kode in ("21", "24") else "nip.cli.kode.lain"
        rows = [message("nip.cli.jenis", lang, jenis=message("nip.cli.jenis.pppk", lang)),
                message("nip.cli.lahir", lang, tanggal=long_date(parsed.tanggal_lahir.isoformat(), lang)),
                message("nip.cli.tahun_pppk", lang, tahun=parsed.tahun_pengangkatan),
                message("nip.cli.kode", lang, kode=parsed.kode, arti=message(arti, lang))]
    rows += [message("nip.cli.kelamin", lang,
                     kelamin=message(f"nip.cli.kelamin.{parsed.jenis_kelamin.value}", lang)),
             message("nip.cli.urut", lang, urut=parsed.nomor_urut)]
    return lines + [f"  {row}" for row in rows]


def _fields(typed: str, parsed) -> dict:
    out = {"sah": True, "ditulis": typed, "nip": parsed.text, "jenis_asn": parsed.jenis_asn.value,
           "tanggal_lahir": parsed.tanggal_lahir.isoformat()}
    if isinstance(parsed, NipPns):
        out["tmt_cpns"] = parsed.tmt_cpns.isoformat()
    else:
        out["tahun_pengangkatan"] = parsed.tahun_pengangkatan
        out["kode"] = parsed.kode
    out["jenis_kelamin"] = parsed.jenis_kelamin.name.lower()
    out["nomor_urut"] = parsed.nomor_urut
    return out


def _refuse(typed: str, error: NipError, lang: str, as_json: bool) -> int:
    if as_json:
        print(json.dumps({"sah": False, "ditulis": typed, "kesalahan": error.code,
                          "digit": list(error.digits) if error.digits else None,
                          "pesan": error.render(lang)}, ensure_ascii=False, indent=2))
        return 1
    said = message("nip.cli.tidak_sah", lang, ditulis=shortened(typed, SHOWN_LIMIT))
    lines = [said] if typed.strip() else []
    lines.append(error.render(lang))
    lines += _pointer(typed, error)
    for line in lines:
        print(line, file=sys.stderr)
    return 1


def _pointer(typed: str, error: NipError) -> list[str]:
    """The number again with carets under the wrong digits, when it can be lined up: the 18 digits in
    their groups, or the typed text itself (short, plain characters) for a character that is no digit."""
    if error.digits is None:
        return []
    compact = "".join(c for c in typed if not is_separator(c))
    if len(compact) == NIP_LENGTH and compact.isascii() and compact.isdigit():
        return [f"    {grouped(compact)}", f"    {marker(error.digits)}"]
    position = error.params.get("posisi")
    if isinstance(position, int) and len(typed) <= SHOWN_LIMIT and typed.isascii() and typed.isprintable():
        return [f"    {typed}", f"    {' ' * (position - 1)}^"]
    return []
