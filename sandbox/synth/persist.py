"""Writing a generated office into a sandbox database as one audited command."""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.domain import Office
from sandbox.store import Store


@dataclass(frozen=True)
class SavedOffice:
    instansi_id: str
    units: int
    pegawai: int
    created: bool = True  # False: the office was already there and nothing was written


def save_office(store: Store, office: Office, action: str = "synth.office") -> SavedOffice:
    """Insert instansi, unor tree and pegawai in one transaction with one audit row.

    An office already in the file (same instansi id) is left alone: `created` is False.

    Foreign keys are checked at commit (`defer_foreign_keys`), so rows may arrive in any order and
    a half-written office can never be seen: either the whole office is there or none of it.
    """
    instansi = office.instansi
    present = store.db.execute("SELECT count(*) FROM instansi WHERE id = ?", [instansi.id]).fetchone()[0]
    if present:
        return SavedOffice(instansi.id, len(office.units), len(office.pegawai), created=False)
    units, people = office_rows(office)

    def write(db) -> None:
        db.execute("PRAGMA defer_foreign_keys = ON")
        db["instansi"].insert({"id": instansi.id, "nama": instansi.nama})
        db["unor"].insert_all(units, batch_size=1000)
        db["pegawai"].insert_all(people, batch_size=1000)

    payload = {"instansi": instansi.id, "units": len(units), "pegawai": len(people)}
    store.apply(None, None, action, "instansi", instansi.id, payload, write)
    return SavedOffice(instansi.id, len(units), len(people))


def office_rows(office: Office) -> tuple[list[dict], list[dict]]:
    """The `unor` and `pegawai` rows of an office, as stored (also what the simulator reads)."""
    instansi = office.instansi
    units = [{"id": u.id, "instansi_id": instansi.id, "nama": u.nama, "parent_id": u.parent_id,
              "aktif": int(u.aktif), "pimpinan_nip": u.pimpinan_nip,
              "capaian_org_default": u.capaian_org_default} for u in office.units]
    people = [{
        "nip": p.nip, "nama": p.nama, "jenis_asn": p.jenis_asn.value, "golru": p.golongan.kode,
        "jabatan": p.jabatan.label, "jenis_jabatan": p.jabatan.jenis.value,
        "jenjang": p.jabatan.jenjang.value if p.jabatan.jenjang else None, "unor_id": p.unor_id,
        "atasan_nip": p.atasan_nip, "aktif": int(p.aktif),
        "digital_literacy": round(p.digital_literacy, 6), "jenis_kelamin": p.jenis_kelamin.value,
        "tanggal_lahir": p.tanggal_lahir.isoformat(), "tmt": p.tmt.isoformat(),
        "behaviour_profile": p.behaviour_profile.value,
    } for p in office.pegawai]
    return units, people
