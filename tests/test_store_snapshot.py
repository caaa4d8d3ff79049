"""`Store.snapshot`: several reads that must agree with each other (the kill test's checker, the
trainer's board, a scenario's progress and the verdict `finish` records) see one committed state,
while other seats go on committing."""

from __future__ import annotations

from pathlib import Path

import pytest

from sandbox.store import open_store
from sandbox.tui.office import open_office

COUNT = "SELECT count(*) FROM audit_log"


def _note(store, text: str) -> None:  # one audited command, as another seat commits one
    store.apply(None, None, "uji.catatan", None, None, {"teks": text}, lambda db: None)


@pytest.fixture
def office(tmp_path: Path) -> Path:
    db = tmp_path / "kantor.db"
    open_office(db).close()
    return db


def test_a_snapshot_does_not_see_a_commit_made_inside_it(office: Path) -> None:
    with open_store(office) as reader, open_store(office) as writer:
        with reader.snapshot() as conn:
            before = conn.execute(COUNT).fetchone()[0]
            _note(writer, "during")
            assert conn.execute(COUNT).fetchone()[0] == before
        assert not reader.conn.in_transaction
        assert reader.conn.execute(COUNT).fetchone()[0] == before + 1


def test_a_snapshot_inside_a_write_is_that_write(office: Path) -> None:
    """A check called from inside a command reads the command's own rows and leaves its transaction
    open for the command to commit."""
    with open_store(office) as store:
        before = store.conn.execute(COUNT).fetchone()[0]
        with store.write() as db:
            db.execute("INSERT INTO audit_log (wall_ts, virtual_ts, action) VALUES ('x', 'x', 'uji')")
            with store.snapshot() as conn:
                assert conn.execute(COUNT).fetchone()[0] == before + 1
            assert store.conn.in_transaction
        assert store.conn.execute(COUNT).fetchone()[0] == before + 1


def test_a_snapshot_ends_its_read_on_an_error(office: Path) -> None:
    with open_store(office) as store:
        with pytest.raises(RuntimeError), store.snapshot():
            store.conn.execute(COUNT).fetchone()
            raise RuntimeError("a reader fails half-way")
        assert not store.conn.in_transaction
