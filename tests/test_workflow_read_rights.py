"""Who may see an SKP's content (WORKFLOW.md §1.1), enforced in the views every screen reads
through, so it holds whatever the entry path: the owner, their pejabat penilai and atasan pejabat
penilai, anyone above them, and the pseudo-actors — never a colleague beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.tui.office import open_office
from sandbox.workflow import WorkflowRefused, buat_skp
from sandbox.workflow.actors import PSEUDO_ACTORS
from sandbox.workflow.views import (
    current_skp,
    ekspektasi_khusus,
    last_note,
    people,
    period_entries,
    periods_of,
    skp_detail,
)

YEAR = 2026


@pytest.fixture
def office(tmp_path: Path):
    store = open_office(tmp_path / "kantor.db")
    yield store
    store.close()


def _family(store):
    """A pegawai with a colleague under the same atasan, and that atasan's own atasan."""
    staff = people(store)
    by_nip = {p["nip"]: p for p in staff}
    for p in staff:
        atasan = by_nip.get(p["atasan_nip"])
        peers = [q for q in staff if q["atasan_nip"] == p["atasan_nip"] and q["nip"] != p["nip"]]
        if atasan and atasan["atasan_nip"] and peers and not p["memimpin"]:
            return p["nip"], peers[0]["nip"], atasan["nip"], atasan["atasan_nip"]
    raise AssertionError("the demo office has no pegawai with a colleague and two levels above")


def _reads(store, skp_id: int, reader: str) -> None:
    skp_detail(store, skp_id, reader=reader)
    last_note(store, skp_id, reader=reader)
    periods_of(store, skp_id, reader=reader)
    ekspektasi_khusus(store, skp_id, reader=reader)


def test_the_owner_those_above_and_the_pseudo_actors_read_a_colleague_does_not(office):
    owner, colleague, atasan, above = _family(office)
    skp = current_skp(office, owner, YEAR) or {"id": buat_skp(office, owner, YEAR, "kuantitatif")}
    for reader in (owner, atasan, above, *PSEUDO_ACTORS):
        _reads(office, skp["id"], reader)
    for view in (skp_detail, last_note, periods_of, ekspektasi_khusus):
        with pytest.raises(WorkflowRefused) as refused:
            view(office, skp["id"], reader=colleague)
        assert refused.value.code == "workflow.baca.bukan_hak"
    text = refused.value.render("id")
    assert f"SKP {skp['id']} milik {owner}" in text and "tidak berhak melihat" in text
    assert "may not see its content" in refused.value.render("en")


def test_a_period_is_read_under_its_skp_rights(office):
    rows = office.conn.execute("SELECT sp.id, s.nip FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id"
                               " LIMIT 1").fetchall()
    assert rows, "the demo office has no approved SKP with periods"
    period_id, owner = rows[0]
    assert period_entries(office, period_id, reader=owner)["period"]["nip"] == owner
    stranger = next(p["nip"] for p in people(office)
                    if p["nip"] != owner and p["atasan_nip"] is not None and p["memimpin"] == 0)
    with pytest.raises(WorkflowRefused) as refused:
        period_entries(office, period_id, reader=stranger)
    assert refused.value.code == "workflow.baca.bukan_hak"
    with pytest.raises(WorkflowRefused) as missing:
        period_entries(office, 10**9, reader=owner)
    assert missing.value.code == "workflow.periode_skp_tidak_ada"
    with pytest.raises(WorkflowRefused) as missing:
        skp_detail(office, 10**9, reader=owner)
    assert missing.value.code == "workflow.skp_tidak_ada"


def test_the_evaluation_document_is_read_under_its_skp_rights(office):
    from sandbox.workflow.dokumen import dokumen_evaluasi

    period_id, owner = office.conn.execute(
        "SELECT sp.id, s.nip FROM skp_periode sp JOIN skp s ON s.id = sp.skp_id LIMIT 1").fetchone()
    with pytest.raises(WorkflowRefused) as not_yet:  # the owner passes the rights, meets the state
        dokumen_evaluasi(office, period_id, reader=owner)
    assert not_yet.value.code != "workflow.baca.bukan_hak" and "setelah dinilai" in str(not_yet.value)
    stranger = next(p["nip"] for p in people(office)
                    if p["nip"] != owner and p["atasan_nip"] is not None and p["memimpin"] == 0)
    with pytest.raises(WorkflowRefused) as refused:
        dokumen_evaluasi(office, period_id, reader=stranger)
    assert refused.value.code == "workflow.baca.bukan_hak"
