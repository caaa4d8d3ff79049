"""The people a seat plays with: a small office of its own, made fresh for every attempt.

Each attempt gets a three-level chain under the class office's root — a Badan (its *kepala*, JPT
Pratama), one Bidang (*kabid*), one Seksi (*kasi*) with its staff (*pegawai*, *rekan1..n*, and an
*operator* when the scenario needs one). The kepala is rated by `KEPALA_DAERAH`, like every head of
a perangkat daerah. Nobody else's work lives in these units, so thirty seats can stage "a unit
where everyone is rated Di Atas" at once without touching each other, and every attempt starts
from the same situation. People are synthetic (Faker id_ID through `sandbox.synth`), seeded by
class, seat, scenario and attempt, so a replay makes the same names.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from sandbox.store import Store
from sandbox.synth.office import generate_office
from sandbox.synth.persist import office_rows

FIXED_ROLES = ("kepala", "kabid", "kasi", "pegawai", "operator")
# The default jabatan of each role (label, jenis_jabatan, jenjang).
JABATAN = {
    "kepala": ("Kepala Badan Latihan", "jpt", "pratama"),
    "kabid": ("Kepala Bidang Pelayanan", "administrator", None),
    "kasi": ("Kepala Seksi Layanan", "pengawas", None),
    "pegawai": ("Analis Kebijakan Ahli Pertama", "fungsional", "ahli_pertama"),
    "rekan": ("Pengelola Layanan Operasional", "pelaksana", None),
    "operator": ("Operator Layanan Operasional", "pelaksana", None),
}


@dataclass(frozen=True)
class Team:
    """What `persiapan.tim` asks for: staff in the seksi (the pegawai counted), an operator, and
    the pegawai's age and digital literacy (scenario T04's older employee)."""

    anggota: int = 3
    operator: bool = False
    usia_pegawai: int | None = None
    literasi_pegawai: float | None = None
    jabatan_pegawai: str | None = None


@dataclass(frozen=True)
class Cast:
    roles: dict[str, str]  # role → NIP
    units: dict[str, str]  # "badan" / "bidang" / "seksi" → unor id

    def nip(self, role: str) -> str:
        return self.roles[role]

    def members(self) -> list[str]:
        """The seksi's staff (everyone the kasi rates), in role order."""
        names = ["pegawai"] + sorted(
            (r for r in self.roles if r.startswith("rekan")), key=lambda r: int(r[5:])
        )
        if "operator" in self.roles:
            names.append("operator")
        return [self.roles[r] for r in names]


def cast_seed(kelas_id: int, kursi: int, skenario: str, ke: int) -> int:
    return zlib.crc32(f"{kelas_id}|{kursi}|{skenario}|{ke}".encode())


def build_cast(store: Store, prefix: str, seed: int, team: Team, root_unor: str | None,
               seat_label: str | None = None) -> Cast:
    """Create the seat's units and people in one audited command; returns who plays what."""
    role_names = ["kepala", "kabid", "kasi", "pegawai"]
    role_names += [f"rekan{i}" for i in range(1, team.anggota)]
    if team.operator:
        role_names.append("operator")
    people = _people(store, seed, len(role_names))
    units = {"badan": f"{prefix}", "bidang": f"{prefix}.B", "seksi": f"{prefix}.B.S"}
    roles = {name: person["nip"] for name, person in zip(role_names, people, strict=True)}
    unit_of = {"kepala": "badan", "kabid": "bidang", "kasi": "seksi"}
    atasan_of = {"kepala": None, "kabid": "kepala", "kasi": "kabid"}
    rows = []
    for name, person in zip(role_names, people, strict=True):
        key = "rekan" if name.startswith("rekan") else name
        label, jenis, jenjang = JABATAN[key]
        if name == "pegawai" and team.jabatan_pegawai:
            label = team.jabatan_pegawai
        row = dict(
            person,
            jabatan=label,
            jenis_jabatan=jenis,
            jenjang=jenjang,
            unor_id=units[unit_of.get(name, "seksi")],
            atasan_nip=roles[atasan_of[name]]
            if atasan_of.get(name)
            else (None if name == "kepala" else roles["kasi"]),
        )
        if name == "pegawai":
            if team.usia_pegawai is not None:
                row["age"] = team.usia_pegawai
            if team.literasi_pegawai is not None:
                row["digital_literacy"] = team.literasi_pegawai
        rows.append(row)
    suffix = seat_label or prefix.rsplit(".", 1)[-1]  # the seat's number, so a trainee can tell it apart
    unit_rows = [
        {
            "id": units["badan"],
            "nama": f"Badan Latihan {suffix}",
            "parent_id": root_unor,
            "pimpinan_nip": roles["kepala"],
        },
        {
            "id": units["bidang"],
            "nama": f"Bidang Pelayanan {suffix}",
            "parent_id": units["badan"],
            "pimpinan_nip": roles["kabid"],
        },
        {
            "id": units["seksi"],
            "nama": f"Seksi Layanan {suffix}",
            "parent_id": units["bidang"],
            "pimpinan_nip": roles["kasi"],
        },
    ]

    def write(db) -> None:
        instansi = db.execute("SELECT instansi_id FROM unor WHERE id = ?", [root_unor]).fetchone()
        db.execute("PRAGMA defer_foreign_keys = ON")
        for unit in unit_rows:
            db["unor"].insert(dict(unit, instansi_id=instansi[0] if instansi else None, aktif=1))
        db["pegawai"].insert_all(rows)

    store.apply(None, None, "latihan.pemeran", "unor", prefix, {"roles": roles}, write)
    return Cast(roles, units)


def _people(store: Store, seed: int, count: int) -> list[dict]:
    """`count` synthetic PNS whose NIPs are not in the file yet; leaders first (they are older)."""
    taken = {r[0] for r in store.conn.execute("SELECT nip FROM pegawai")}
    found: list[dict] = []
    attempt = 0
    while len(found) < count:
        office = generate_office(seed + attempt * 7919, max(40, count * 3), pppk_share=0.0)
        _, people = office_rows(office)
        leaders = [p for p in people if p["jenis_jabatan"] in ("jpt", "administrator", "pengawas")]
        staff = [p for p in people if p not in leaders]
        for person in leaders[:3] + staff:
            if len(found) == count:
                break
            if person["nip"] not in taken:
                taken.add(person["nip"])
                found.append(person)
        attempt += 1
    return found
