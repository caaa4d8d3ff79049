"""Steps and checks of the planning-review scenarios (WORKFLOW.md §5): T02 (the superior returns an SKP
with weak indicators), T07 (uneven workload in the Matriks Peran Hasil), T09 ("RHK atasan tidak
muncul": the superior's SKP is still a draft), T10 (a JPT SKP with perspektif) and T11 (the kualitatif
approach).

Two of §5's checks say "per the linter" about RHK and indikator *text*. The sandbox has no such linter
yet (`sandbox.rules.lint` proves decision tables, not SKP text), so the two text tests below —
`is_activity` (an RHK written as an activity, "Melakukan rapat ...") and `expectation_cues` (a
kualitatif success measure names a result, a quality criterion or a time) — are small word-list
heuristics of this module, documented where they are defined. They are the nearest honest check,
not a language model: a trainer reads the debrief with the trainee.
"""

from __future__ import annotations

import json
import re

from sandbox.training.vocab.registry import Verdict, check, define_messages, step
from sandbox.training.vocab.world import YEAR, World
from sandbox.workflow import ajukan, buat_skp, isi_lampiran, tambah_indikator, tambah_rhk
from sandbox.workflow.matriks import matriks_peran_hasil
from sandbox.workflow.skp import PERSPEKTIF

# -- the text heuristics -----------------------------------------------------------------------------
# An RHK names a result ("Tersusunnya ...", "Meningkatnya ...", "Jumlah ..."), not what one does
# ("Melakukan rapat ...", "Menyusun laporan", "Berkoordinasi ..."). Heuristic: the first word is an
# active verb — prefix me-/ber- and no nominalising -nya — or an activity noun; a few nouns that
# merely start with those letters are not verbs.
_ACTIVE_PREFIXES = ("me", "ber")
_ACTIVITY_NOUNS = ("rapat", "kegiatan", "pelaksanaan")
_NOT_VERBS = ("berkas", "berita", "beras", "media", "metode", "mekanisme", "meja", "menu", "meter", "merek")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9%]+", (text or "").lower())


def is_activity(text: str) -> bool:
    """True when an RHK text reads as an activity rather than a result (see the module note)."""
    words = _words(text)
    if not words:
        return False
    first = words[0]
    if first in _ACTIVITY_NOUNS:
        return True
    return first.startswith(_ACTIVE_PREFIXES) and not first.endswith("nya") and first not in _NOT_VERBS


# What a narrative (kualitatif) success measure should promise, by kind. A cue matches at the start
# of a word, so "tersusun" also finds "tersusunnya" and "bulan" finds "bulanan".
_CUES = {
    kind: tuple(cue.strip() for cue in cues.split(","))
    for kind, cues in {
        "hasil": "tersusun, tersedia, terlaksana, terselesaikan, terwujud, diterima, disetujui, ditetapkan,"
        " digunakan, dimanfaatkan, ditindaklanjuti, diadopsi, menjadi dasar, menghasilkan",
        "kualitas": "sesuai, standar, akurat, lengkap, valid, berkualitas, tanpa revisi, tanpa catatan,"
        " tanpa kesalahan, memenuhi, kriteria, layak, relevan, mutu, berbasis data",
        "waktu": "tepat waktu, sebelum, paling lambat, selambat, setiap, triwulan, semester, bulan, minggu,"
        " hari kerja, tanggal, batas waktu, jadwal, tahun",
    }.items()
}


def expectation_cues(text: str) -> list[str]:
    """The kinds of expectation (hasil, kualitas, waktu) an indikator text names (see the module note)."""
    plain = " " + " ".join(_words(text)) + " "
    return [kind for kind, cues in _CUES.items() if any(f" {cue}" in plain for cue in cues)]


def weak_target(indikator: dict) -> bool:
    """A kuantitatif indikator with no usable numeric target: none, zero or below, or a unit that is no
    unit ("-"). The workflow refuses an empty target, so a weak one is staged as 0 with unit "-"."""
    satuan = (indikator.get("target_satuan") or "").strip()
    target = indikator.get("target_nilai")
    return target is None or target <= 0 or not re.search(r"[A-Za-z%]", satuan)


# -- shared reads ------------------------------------------------------------------------------------
def _atasan(world: World, role: str) -> str | None:
    return world.one("SELECT atasan_nip FROM pegawai WHERE nip = ?", [world.nip(role)])["atasan_nip"]


def _live_skp(world: World, nip: str) -> dict | None:
    """The NIP's newest SKP of the year that is not cancelled (`World.skp`, by NIP)."""
    return world.one(
        "SELECT * FROM skp WHERE nip = ? AND periode_awal <= ? AND periode_akhir >= ?"
        " AND status NOT IN ('DIBATALKAN') ORDER BY id DESC LIMIT 1",
        [nip, f"{YEAR}-12-31", f"{YEAR}-01-01"],
    )


def _rhks(world: World, skp_id: int) -> list[dict]:
    return world.all("SELECT * FROM rhk WHERE skp_id = ? ORDER BY id", [skp_id])


def _indikator(world: World, skp_id: int) -> list[dict]:
    return world.all(
        "SELECT i.*, rhk.teks AS rhk_teks FROM indikator i JOIN rhk ON rhk.id = i.rhk_id"
        " WHERE rhk.skp_id = ? ORDER BY rhk.id, i.id",
        [skp_id],
    )


def _on(rows: list[dict], skp_id: int) -> list[dict]:
    """Audit rows about this SKP (their entity id is the SKP's)."""
    return [r for r in rows if r["entity_id"] == str(skp_id)]


def _parent_rhks(world: World, atasan_nip: str) -> list[dict]:
    """The RHK of the atasan's approved SKP of the year, in the order screens number them."""
    return world.all(
        "SELECT rhk.* FROM rhk JOIN skp ON skp.id = rhk.skp_id WHERE skp.nip = ? AND skp.status = 'DISETUJUI'"
        " AND skp.periode_awal <= ? AND skp.periode_akhir >= ? ORDER BY rhk.id",
        [atasan_nip, f"{YEAR}-12-31", f"{YEAR}-01-01"],
    )


# -- setup steps -------------------------------------------------------------------------------------
LAMPIRAN = {
    "dukungan_sd": "Akses aplikasi layanan dan satu komputer kerja",
    "skema_pj": "Laporan kinerja triwulanan kepada atasan langsung",
    "konsekuensi": "Predikat kinerja menjadi dasar TPP",
}

# T02: RHK 1 is sound; the indikator of RHK 2 and 3 have no usable target; RHK 4 is an activity.
WEAK_PLAN = (
    ("Tersedianya data layanan seksi yang mutakhir", "Jumlah pembaruan data layanan seksi", 12, "kali"),
    ("Tersusunnya laporan capaian layanan seksi", "Laporan capaian layanan", 0, "-"),
    ("Terselesaikannya permohonan layanan masyarakat", "Permohonan layanan yang diproses", 0, "-"),
    ("Melakukan rapat koordinasi layanan", "Jumlah rapat koordinasi yang dihadiri", 12, "kali"),
)


def _new_skp(world: World, nip: str, plan, parents: list[int]) -> int:
    """A kuantitatif SKP for `nip`: each (rhk, indikator, target, satuan) under its parent RHK id."""
    skp_id = buat_skp(world.store, nip, YEAR, "kuantitatif")
    for (rhk_text, ind_text, target, satuan), parent in zip(plan, parents, strict=True):
        rhk_id = tambah_rhk(world.store, nip, skp_id, rhk_text, "utama", induk_rhk_id=parent)
        tambah_indikator(
            world.store, nip, rhk_id, ind_text, aspek="kuantitas", target_nilai=target, target_satuan=satuan
        )
    isi_lampiran(world.store, nip, skp_id, **LAMPIRAN)
    return skp_id


@step("skp_bawahan_lemah", untuk="peran")
def skp_bawahan_lemah(world: World, untuk: str) -> None:
    """T02: the role submits a four-RHK SKP: two indikator with no usable target (0 "-") and one RHK
    phrased as an activity ("Melakukan rapat koordinasi layanan"); it waits for the pejabat."""
    nip = world.nip(untuk)
    parents = [r["id"] for r in _parent_rhks(world, _atasan(world, untuk))]
    if not parents:
        raise ValueError(f"skp_bawahan_lemah: the atasan of {untuk} has no approved SKP to intervene")
    skp_id = _new_skp(world, nip, WEAK_PLAN, [parents[n % len(parents)] for n in range(len(WEAK_PLAN))])
    ajukan(world.store, nip, skp_id)


@step("skp_per_kolom", untuk="peran_list", kolom="list", diajukan="bool?")
def skp_per_kolom(world: World, untuk: list[str], kolom: list, diajukan: bool = True) -> None:
    """T07: each role gets an SKP with one RHK under each listed column of the Matriks Peran Hasil
    (the atasan's RHK by number, 1 = first) and submits it (unless `diajukan: false`)."""
    for role in untuk:
        nip = world.nip(role)
        parents = _parent_rhks(world, _atasan(world, role))
        numbers = [int(k) for k in kolom]
        if not numbers or any(not 1 <= k <= len(parents) for k in numbers):
            raise ValueError(f"skp_per_kolom: columns {kolom} outside 1..{len(parents)}")
        plan = [
            (
                f"Tersusunnya bahan layanan sasaran {k} seksi",
                f"Jumlah bahan layanan sasaran {k} yang diselesaikan",
                12,
                "dokumen",
            )
            for k in numbers
        ]
        skp_id = _new_skp(world, nip, plan, [parents[k - 1]["id"] for k in numbers])
        if diajukan:
            ajukan(world.store, nip, skp_id)


@step("skp_tanpa_rhk", untuk="peran_list")
def skp_tanpa_rhk(world: World, untuk: list[str]) -> None:
    """T09: each role has opened *Tambah SKP* (a DRAFT of the year) but has no RHK yet."""
    for role in untuk:
        buat_skp(world.store, world.nip(role), YEAR, "kuantitatif")


# -- T02: returning and fixing -----------------------------------------------------------------------
_REF = re.compile(
    r"\b(rhk|indikator)\b\W{0,3}(?:(?:ke|no|nomor)\W{0,3})?"
    r"(\d+(?:\.\d+)?(?:\s*(?:,|dan|&|serta|-)\s*\d+(?:\.\d+)?)*)",
    re.IGNORECASE,
)


def _staged(world: World, skp_id: int, owner: str) -> list[dict]:
    """The SKP's RHK (with indikator) as setup staged them, numbered as screens number them.

    Read from the setup's audit rows (append-only evidence), so the flaws a note must name stay those
    the scenario staged even after the trainee has fixed (or deleted) the rows.
    """
    staged: list[dict] = []
    by_id: dict[int, dict] = {}
    pending = None
    for audit in world.all(
        "SELECT action, entity_id, payload FROM audit_log WHERE id <= ? AND session_nip = ?"
        " AND action IN ('skp.rhk.tambah', 'skp.indikator.tambah') ORDER BY id",
        [world.audit_start, owner],
    ):
        payload = json.loads(audit["payload"])
        if audit["action"] == "skp.rhk.tambah":
            pending = None
            if audit["entity_id"] == str(skp_id):
                pending = {"no": len(staged) + 1, "teks": payload["teks"], "indikator": []}
                staged.append(pending)
            continue
        target = by_id.get(payload["rhk_id"])
        if target is None and pending is not None and pending["indikator"] == []:
            target = by_id[payload["rhk_id"]] = pending
        if target is not None:
            target["indikator"].append(payload)
    return staged


def _flaws(staged: list[dict]) -> tuple[set[int], set[int], list[str]]:
    """Flawed RHK numbers, flawed indikator numbers (counted over the SKP) and the flawed texts."""
    rhk_no, ind_no, texts, count = set(), set(), [], 0
    for rhk in staged:
        if is_activity(rhk["teks"]):
            rhk_no.add(rhk["no"])
            texts.append(rhk["teks"])
        for ind in rhk["indikator"]:
            count += 1
            if weak_target(ind):
                rhk_no.add(rhk["no"])
                ind_no.add(count)
                texts.append(ind["teks"])
    return rhk_no, ind_no, texts


def _named(note: str, rhk_no: set[int], ind_no: set[int], texts: list[str]) -> list[str]:
    """The flawed items a note points at: "RHK 2", "indikator 3.1", "indikator 2", or a quoted run of
    three words (12+ characters) of a flawed text."""
    found = []
    for kind, numbers in _REF.findall(note):
        for number in re.findall(r"\d+(?:\.\d+)?", numbers):
            head = int(number.split(".")[0])
            if head in rhk_no or (kind.lower() == "indikator" and "." not in number and head in ind_no):
                found.append(f"{kind} {number}")
    plain = " ".join(_words(note))
    for text in texts:
        words = _words(text)
        for start in range(max(len(words) - 2, 0)):
            run = " ".join(words[start : start + 3])
            if len(run) >= 12 and run in plain:
                found.append(f'"{run}"')
                break
    return found


@check("catatan_pengembalian", oleh="peran", untuk="peran", min_karakter="int?")
def catatan_pengembalian(world: World, oleh: str, untuk: str, min_karakter: int = 20) -> Verdict:
    """T02: the pejabat returned the SKP (DIAJUKAN → DIKEMBALIKAN) with a note of `min_karakter`+ characters
    that names a flawed RHK or indikator — by its number as the screens show it ("RHK 4", "indikator
    2.1") or by quoting it. The flaws are those of the SKP as staged, read from the setup's audit rows.
    The notes are read from the `skp.kembalikan` audit rows of the attempt (the same transaction wrote
    the `skp_status_log` row), so a return during setup never counts."""
    skp = world.skp(untuk)
    if skp is None:
        return Verdict.failed("cek.skp.tidak_ada")
    returns = _on(world.actions("skp.kembalikan", session=world.nip(oleh)), skp["id"])
    if not returns:
        return Verdict.failed("cek.review.catatan.tidak_ada")
    rhk_no, ind_no, texts = _flaws(_staged(world, skp["id"], skp["nip"]))
    cacat = ", ".join(f"RHK {n}" for n in sorted(rhk_no)) or "-"
    long_enough = False
    for audit in returns:
        note = (json.loads(audit["payload"]).get("catatan") or "").strip()
        if len(note) < min_karakter:
            continue
        long_enough = True
        named = _named(note, rhk_no, ind_no, texts)
        if named:
            return Verdict.passed("cek.review.catatan.ok", rujukan=", ".join(named))
    if long_enough:
        return Verdict.failed("cek.review.catatan.tanpa_rujukan", cacat=cacat)
    return Verdict.failed("cek.review.catatan.pendek", min=min_karakter, cacat=cacat)


def _remaining_flaws(world: World, skp: dict) -> tuple[list[dict], list[dict]]:
    """(indikator with a weak target, RHK written as an activity) of the SKP as it is now."""
    weak = [i for i in _indikator(world, skp["id"]) if skp["pendekatan"] == "kuantitatif" and weak_target(i)]
    activity = [r for r in _rhks(world, skp["id"]) if is_activity(r["teks"])]
    return weak, activity


def _removed(world: World, skp: dict) -> tuple[int, int]:
    """(RHK, indikator) fewer than setup staged: a flaw deleted is not a flaw fixed — the plan lost the
    work it described. Rewriting an item, or deleting it and writing a better one, keeps the count."""
    staged = _staged(world, skp["id"], skp["nip"])
    rhk_gone = len(staged) - len(_rhks(world, skp["id"]))
    ind_gone = sum(len(r["indikator"]) for r in staged) - len(_indikator(world, skp["id"]))
    return max(rhk_gone, 0), max(ind_gone, 0)


@check("skp_diperbaiki", untuk="peran")
def skp_diperbaiki(world: World, untuk: str) -> Verdict:
    """T02: after being returned, the SKP has a usable numeric target and unit on every indikator
    (kuantitatif), no RHK reads as an activity (the heuristic `is_activity`), no fewer RHK or
    indikator than setup staged (a flaw deleted is not fixed), and the pegawai submitted it again
    after the last return."""
    skp = world.skp(untuk)
    if skp is None:
        return Verdict.failed("cek.skp.tidak_ada")
    returns = _on(world.actions("skp.kembalikan"), skp["id"])
    if not returns:
        return Verdict.failed("cek.review.perbaikan.belum_dikembalikan")
    weak, activity = _remaining_flaws(world, skp)
    if weak:
        return Verdict.failed("cek.review.perbaikan.target", n=len(weak), rhk=weak[0]["rhk_teks"])
    if activity:
        return Verdict.failed("cek.review.perbaikan.kegiatan", rhk=activity[0]["teks"])
    rhk_gone, ind_gone = _removed(world, skp)
    if rhk_gone or ind_gone:
        return Verdict.failed("cek.review.perbaikan.dihapus", rhk=rhk_gone, indikator=ind_gone)
    again = [
        a
        for a in _on(world.actions("skp.ajukan", session=skp["nip"]), skp["id"])
        if a["id"] > returns[-1]["id"]
    ]
    if not again or skp["status"] not in ("DIAJUKAN", "DISETUJUI"):
        return Verdict.failed("cek.review.perbaikan.belum_diajukan", status=skp["status"])
    return Verdict.passed("cek.review.perbaikan.ok")


@check("disetujui_setelah_perbaikan", oleh="peran", untuk="peran")
def disetujui_setelah_perbaikan(world: World, oleh: str, untuk: str) -> Verdict:
    """T02: the pejabat approved the SKP in the session, only after returning it, and what was
    approved no longer has a weak target or an activity RHK, nor fewer RHK or indikator than staged."""
    skp = world.skp(untuk)
    if skp is None:
        return Verdict.failed("cek.skp.tidak_ada")
    approvals = _on(world.actions("skp.setujui", session=world.nip(oleh)), skp["id"])
    if skp["status"] != "DISETUJUI" or not approvals:
        return Verdict.failed("cek.review.persetujuan.belum", status=skp["status"])
    returns = _on(world.actions("skp.kembalikan"), skp["id"])
    if not returns or returns[0]["id"] > approvals[-1]["id"]:
        return Verdict.failed("cek.review.persetujuan.tanpa_pengembalian")
    weak, activity = _remaining_flaws(world, skp)
    if weak or activity:
        return Verdict.failed("cek.review.persetujuan.masih_lemah", n=len(weak) + len(activity))
    if any(_removed(world, skp)):
        return Verdict.failed("cek.review.persetujuan.dihapus")
    return Verdict.passed("cek.review.persetujuan.ok")


# -- T07: workload in the Matriks Peran Hasil --------------------------------------------------------
@check("matriks_seimbang", oleh="peran", minimal="int?", maksimal="int?")
def matriks_seimbang(world: World, oleh: str, minimal: int = 1, maksimal: int = 3) -> Verdict:
    """T07: in the leader's Matriks Peran Hasil (`sandbox.workflow.matriks`, the view the trainee
    sees; it only reads), every direct subordinate carries `minimal` to `maksimal` of the leader's
    RHK (keterlibatan), and every leader RHK is carried by someone.

    §5 says "before approving SKPs": this reads the state after the session. An approved SKP is
    locked, so a balanced matrix of approved SKPs means the balance was struck before approval (or
    through a revision, which returns the SKP to the pejabat)."""
    matriks = matriks_peran_hasil(world.store, world.nip(oleh), YEAR)
    if not matriks.kolom:
        return Verdict.failed("cek.review.matriks.tanpa_kolom")
    below = [b for b in matriks.baris if b.keterlibatan < minimal]
    if below:
        return Verdict.failed(
            "cek.review.matriks.kurang",
            n=len(below),
            nama=below[0].nama,
            peran=below[0].keterlibatan,
            min=minimal,
        )
    above = [b for b in matriks.baris if b.keterlibatan > maksimal]
    if above:
        return Verdict.failed(
            "cek.review.matriks.lebih",
            n=len(above),
            nama=above[0].nama,
            peran=above[0].keterlibatan,
            maks=maksimal,
        )
    empty = [k for k in matriks.kolom if not any(b.sel.get(k["id"]) for b in matriks.baris)]
    if empty:
        return Verdict.failed("cek.review.matriks.kolom_kosong", n=len(empty), rhk=empty[0]["teks"])
    spread = ", ".join(f"{b.keterlibatan}" for b in matriks.baris)
    return Verdict.passed("cek.review.matriks.seimbang", sebaran=spread, min=minimal, maks=maksimal)


@check("bawahan_disetujui", oleh="peran")
def bawahan_disetujui(world: World, oleh: str) -> Verdict:
    """T07: every direct subordinate of the leader has an approved SKP of the year."""
    staff = world.all(
        "SELECT nip, nama FROM pegawai WHERE atasan_nip = ? AND aktif = 1 ORDER BY nama", [world.nip(oleh)]
    )
    waiting = []
    for person in staff:
        skp = _live_skp(world, person["nip"])
        if skp is None or skp["status"] != "DISETUJUI":
            waiting.append((person["nama"], skp["status"] if skp else "BELUM_DIBUAT"))
    if waiting:
        return Verdict.failed(
            "cek.review.bawahan.belum", n=len(waiting), nama=waiting[0][0], status=waiting[0][1]
        )
    return Verdict.passed("cek.review.bawahan.disetujui", n=len(staff))


# -- T09: the cascade --------------------------------------------------------------------------------
@check("induk_disetujui_dulu", untuk="peran")
def induk_disetujui_dulu(world: World, untuk: str) -> Verdict:
    """T09: the superior's SKP (of the role's pejabat penilai) is DISETUJUI, and it reached that state
    before any RHK of the role's SKP was created. RHK rows carry no time of their own, so "before" is
    the order of the audit rows (`skp.setujui` of the superior's SKP, `skp.rhk.tambah` of the role's
    SKP), which is exact even when the virtual clock stands still. The workflow already refuses an
    RHK without an approved parent, so this mostly confirms the cascade was completed."""
    atasan = _atasan(world, untuk)
    parent = _live_skp(world, atasan) if atasan else None
    if parent is None or parent["status"] != "DISETUJUI":
        return Verdict.failed(
            "cek.review.induk.belum_disetujui", status=parent["status"] if parent else "BELUM_DIBUAT"
        )
    approved = _on(world.actions("skp.setujui"), parent["id"])
    approved_at = approved[0]["id"] if approved else world.audit_start
    own = world.skp(untuk)
    created = _on(world.actions("skp.rhk.tambah"), own["id"]) if own else []
    early = [a for a in created if a["id"] < approved_at]
    if early:
        return Verdict.failed("cek.review.induk.rhk_lebih_dulu", n=len(early))
    return Verdict.passed("cek.review.induk.ok")


@check("rhk_mengintervensi_atasan", untuk="peran")
def rhk_mengintervensi_atasan(world: World, untuk: str) -> Verdict:
    """T09: the role's SKP has RHK, and every one intervenes an RHK of the superior's approved SKP."""
    skp = world.skp(untuk)
    if skp is None:
        return Verdict.failed("cek.skp.tidak_ada")
    rhks = _rhks(world, skp["id"])
    if not rhks:
        return Verdict.failed("cek.review.rhk.kosong")
    parents = {r["id"] for r in _parent_rhks(world, _atasan(world, untuk) or "")}
    stray = [r for r in rhks if r["induk_rhk_id"] not in parents]
    if stray:
        return Verdict.failed("cek.review.intervensi.bukan_atasan", n=len(stray), rhk=stray[0]["teks"])
    return Verdict.passed("cek.review.intervensi.ok", n=len(rhks))


# -- T10: JPT SKP --------------------------------------------------------------------------------------
@check("rhk_berklasifikasi", untuk="peran")
def rhk_berklasifikasi(world: World, untuk: str) -> Verdict:
    """T10: every RHK of the JPT's SKP has a klasifikasi, and at least one is Organisasi."""
    skp = world.skp(untuk)
    if skp is None:
        return Verdict.failed("cek.skp.tidak_ada")
    rhks = _rhks(world, skp["id"])
    if not rhks:
        return Verdict.failed("cek.review.rhk.kosong")
    bare = [r for r in rhks if not r["klasifikasi"]]
    if bare:
        return Verdict.failed("cek.review.klasifikasi.kosong", n=len(bare), rhk=bare[0]["teks"])
    if not any(r["klasifikasi"] == "organisasi" for r in rhks):
        return Verdict.failed("cek.review.klasifikasi.tanpa_organisasi")
    return Verdict.passed("cek.review.klasifikasi.ok", n=len(rhks))


@check("perspektif_jpt", untuk="peran", jumlah="int?")
def perspektif_jpt(world: World, untuk: str, jumlah: int = 4) -> Verdict:
    """T10: every indikator of the JPT's SKP has a perspektif, and at least `jumlah` of the four
    (penerima layanan, penguatan internal, proses bisnis, anggaran) are used. The Perjanjian Kinerja
    targets are given in the scenario's text only (there is no PK table), so the check does not match
    indikator to PK targets."""
    skp = world.skp(untuk)
    if skp is None:
        return Verdict.failed("cek.skp.tidak_ada")
    indikator = _indikator(world, skp["id"])
    if not indikator:
        return Verdict.failed("cek.review.perspektif.tanpa_indikator")
    bare = [i for i in indikator if not i["perspektif"]]
    if bare:
        return Verdict.failed("cek.review.perspektif.kosong", n=len(bare), indikator=bare[0]["teks"])
    used = {i["perspektif"] for i in indikator}
    wanted = min(jumlah, len(PERSPEKTIF))
    if len(used) < wanted:
        return Verdict.failed(
            "cek.review.perspektif.kurang",
            ada=len(used),
            harus=wanted,
            belum=", ".join(p for p in PERSPEKTIF if p not in used),
        )
    return Verdict.passed("cek.review.perspektif.ok", ada=len(used))


# -- T11: kualitatif ---------------------------------------------------------------------------------
@check("ukuran_kualitatif", untuk="peran", min_karakter="int?", isyarat="int?")
def ukuran_kualitatif(world: World, untuk: str, min_karakter: int = 40, isyarat: int = 1) -> Verdict:
    """T11: the SKP's pendekatan is kualitatif and every indikator is a narrative success measure of
    `min_karakter`+ characters naming at least `isyarat` kinds of expectation (hasil, kualitas, waktu; the
    heuristic `expectation_cues`). No numeric target is asked for."""
    skp = world.skp(untuk)
    if skp is None:
        return Verdict.failed("cek.skp.tidak_ada")
    if skp["pendekatan"] != "kualitatif":
        return Verdict.failed("cek.review.kualitatif.pendekatan", pendekatan=skp["pendekatan"])
    indikator = _indikator(world, skp["id"])
    if not indikator:
        return Verdict.failed("cek.review.kualitatif.tanpa_indikator")
    short = [i for i in indikator if len(i["teks"].strip()) < min_karakter]
    if short:
        return Verdict.failed(
            "cek.review.kualitatif.pendek", n=len(short), indikator=short[0]["teks"], min=min_karakter
        )
    vague = [i for i in indikator if len(expectation_cues(i["teks"])) < isyarat]
    if vague:
        return Verdict.failed(
            "cek.review.kualitatif.tanpa_ekspektasi",
            n=len(vague),
            indikator=vague[0]["teks"],
            isyarat=isyarat,
        )
    return Verdict.passed("cek.review.kualitatif.ok", n=len(indikator))


define_messages(
    {
        "cek.review.catatan.tidak_ada": (
            "SKP belum dikembalikan dengan catatan oleh pejabat penilai",
            "the pejabat penilai has not returned the SKP with a note",
        ),
        "cek.review.catatan.pendek": (
            "catatan pengembalian kurang dari {min} karakter; sebutkan bagian yang salah ({cacat})",
            "the return note is shorter than {min} characters; name what is wrong ({cacat})",
        ),
        "cek.review.catatan.tanpa_rujukan": (
            "catatan pengembalian tidak menyebut RHK atau indikator yang bermasalah ({cacat})",
            "the return note does not name the flawed RHK or indicator ({cacat})",
        ),
        "cek.review.catatan.ok": (
            "catatan pengembalian jelas dan menyebut {rujukan}",
            "the return note is clear and names {rujukan}",
        ),
        "cek.review.perbaikan.belum_dikembalikan": (
            "SKP belum pernah dikembalikan, jadi belum ada perbaikan",
            "the SKP was never returned, so nothing has been fixed yet",
        ),
        "cek.review.perbaikan.target": (
            '{n} indikator masih tanpa target angka dan satuan yang jelas (misalnya pada RHK "{rhk}")',
            '{n} indicators still lack a clear numeric target and unit (e.g. under RHK "{rhk}")',
        ),
        "cek.review.perbaikan.kegiatan": (
            'RHK "{rhk}" masih berupa kegiatan; tulis hasil yang dicapai (misalnya "Terlaksananya ...")',
            'RHK "{rhk}" is still an activity; write the result reached (e.g. "Terlaksananya ...")',
        ),
        "cek.review.perbaikan.dihapus": (
            "kelemahan dihapus, bukan diperbaiki: {rhk} RHK dan {indikator} indikator hilang dari SKP; "
            "ubah teks dan targetnya (atau tulis yang lebih baik sebagai gantinya)",
            "flaws deleted, not fixed: {rhk} RHK and {indikator} indicators are gone from the SKP; "
            "change their text and targets (or write better ones in their place)",
        ),
        "cek.review.perbaikan.belum_diajukan": (
            "SKP sudah diperbaiki tetapi belum diajukan lagi (status {status})",
            "the SKP is fixed but not submitted again (status {status})",
        ),
        "cek.review.perbaikan.ok": (
            "SKP diperbaiki sesuai catatan dan diajukan lagi",
            "the SKP was fixed as the note asked and submitted again",
        ),
        "cek.review.persetujuan.belum": (
            "SKP belum disetujui pejabat penilai dalam sesi ini (status {status})",
            "the pejabat penilai has not approved the SKP in this session (status {status})",
        ),
        "cek.review.persetujuan.tanpa_pengembalian": (
            "SKP disetujui tanpa dikembalikan dulu untuk diperbaiki",
            "the SKP was approved without first being returned for fixing",
        ),
        "cek.review.persetujuan.masih_lemah": (
            "SKP disetujui padahal masih ada {n} kelemahan (target kosong atau RHK berupa kegiatan)",
            "the SKP was approved with {n} flaws left (missing targets or activity RHK)",
        ),
        "cek.review.persetujuan.dihapus": (
            "SKP disetujui setelah RHK atau indikator yang lemah dihapus, bukan diperbaiki",
            "the SKP was approved after weak RHK or indicators were deleted, not fixed",
        ),
        "cek.review.persetujuan.ok": (
            "SKP yang sudah diperbaiki disetujui",
            "the fixed SKP was approved",
        ),
        "cek.review.matriks.tanpa_kolom": (
            "pimpinan belum punya RHK pada SKP tahun ini, jadi Matriks Peran Hasil kosong",
            "the leader has no RHK in this year's SKP, so the Matriks Peran Hasil is empty",
        ),
        "cek.review.matriks.kurang": (
            "{n} pegawai memegang kurang dari {min} peran (misalnya {nama}: {peran})",
            "{n} staff hold fewer than {min} roles (e.g. {nama}: {peran})",
        ),
        "cek.review.matriks.lebih": (
            "{n} pegawai memegang lebih dari {maks} peran (misalnya {nama}: {peran}); beban belum merata",
            "{n} staff hold more than {maks} roles (e.g. {nama}: {peran}); the workload is uneven",
        ),
        "cek.review.matriks.kolom_kosong": (
            '{n} RHK pimpinan tidak dipegang siapa pun (misalnya "{rhk}")',
            '{n} of the leader\'s RHK are carried by nobody (e.g. "{rhk}")',
        ),
        "cek.review.matriks.seimbang": (
            "beban merata: setiap pegawai memegang {min}–{maks} peran ({sebaran}) dan semua RHK terbagi",
            "the workload is even: every staff member holds {min}–{maks} roles ({sebaran}) and every RHK"
            " is covered",
        ),
        "cek.review.bawahan.belum": (
            "{n} SKP bawahan belum disetujui (misalnya {nama}: {status})",
            "{n} subordinates' SKP are not approved (e.g. {nama}: {status})",
        ),
        "cek.review.bawahan.disetujui": (
            "SKP semua bawahan ({n}) sudah disetujui",
            "every subordinate's SKP ({n}) is approved",
        ),
        "cek.review.induk.belum_disetujui": (
            "SKP atasan belum disetujui (status {status}), jadi RHK atasan belum dapat dipilih",
            "the superior's SKP is not approved (status {status}), so their RHK cannot be chosen yet",
        ),
        "cek.review.induk.rhk_lebih_dulu": (
            "{n} RHK bawahan dibuat sebelum SKP atasan disetujui",
            "{n} subordinate RHK were created before the superior's SKP was approved",
        ),
        "cek.review.induk.ok": (
            "SKP atasan disetujui lebih dulu, sebelum RHK bawahan dibuat",
            "the superior's SKP was approved first, before the subordinate's RHK were created",
        ),
        "cek.review.rhk.kosong": ("SKP belum punya RHK", "the SKP has no RHK yet"),
        "cek.review.intervensi.bukan_atasan": (
            '{n} RHK tidak mengintervensi RHK atasan yang disetujui (misalnya "{rhk}")',
            '{n} RHK do not intervene an RHK of the superior\'s approved SKP (e.g. "{rhk}")',
        ),
        "cek.review.intervensi.ok": (
            "setiap RHK ({n}) mengintervensi RHK atasan",
            "every RHK ({n}) intervenes a superior's RHK",
        ),
        "cek.review.klasifikasi.kosong": (
            '{n} RHK belum diberi klasifikasi Organisasi/Individu (misalnya "{rhk}")',
            '{n} RHK have no Organisasi/Individu classification (e.g. "{rhk}")',
        ),
        "cek.review.klasifikasi.tanpa_organisasi": (
            "tidak ada RHK berklasifikasi Organisasi; RHK pimpinan tinggi diturunkan dari Perjanjian Kinerja",
            "no RHK is classified Organisasi; a senior leader's RHK come from the Perjanjian Kinerja",
        ),
        "cek.review.klasifikasi.ok": (
            "setiap RHK ({n}) berklasifikasi, termasuk RHK Organisasi",
            "every RHK ({n}) is classified, Organisasi ones included",
        ),
        "cek.review.perspektif.tanpa_indikator": (
            "SKP belum punya indikator",
            "the SKP has no indicator yet",
        ),
        "cek.review.perspektif.kosong": (
            '{n} indikator belum diberi perspektif (misalnya "{indikator}")',
            '{n} indicators have no perspektif (e.g. "{indikator}")',
        ),
        "cek.review.perspektif.kurang": (
            "baru {ada} dari {harus} perspektif dipakai; belum: {belum}",
            "only {ada} of {harus} perspektif are used; missing: {belum}",
        ),
        "cek.review.perspektif.ok": (
            "setiap indikator berperspektif; {ada} perspektif dipakai",
            "every indicator has a perspektif; {ada} perspektif are used",
        ),
        "cek.review.kualitatif.pendekatan": (
            "pendekatan SKP {pendekatan}, bukan kualitatif",
            "the SKP approach is {pendekatan}, not kualitatif",
        ),
        "cek.review.kualitatif.tanpa_indikator": (
            "SKP belum punya ukuran keberhasilan",
            "the SKP has no success measure yet",
        ),
        "cek.review.kualitatif.pendek": (
            '{n} ukuran keberhasilan kurang dari {min} karakter (misalnya "{indikator}")',
            '{n} success measures are shorter than {min} characters (e.g. "{indikator}")',
        ),
        "cek.review.kualitatif.tanpa_ekspektasi": (
            "{n} ukuran keberhasilan belum menyebut {isyarat} jenis ekspektasi (hasil, kriteria mutu atau"
            ' waktu), misalnya "{indikator}"',
            "{n} success measures do not name {isyarat} kind(s) of expectation (result, quality"
            ' criterion or time), e.g. "{indikator}"',
        ),
        "cek.review.kualitatif.ok": (
            "SKP kualitatif dengan {n} ukuran keberhasilan naratif",
            "a kualitatif SKP with {n} narrative success measures",
        ),
    }
)
