"""A second Store of a file in the same process must not release the first one's locks.

POSIX drops every lock a process holds on a file when any descriptor of that file is closed. The
header check used to open() and close() the class file, so a console that opened a second store
(its round-staging worker) while seats wrote could lose the first connection's WAL to another
process's checkpoint. Reproduced here with a real second process."""

from __future__ import annotations

import subprocess
import sys

from sandbox.store import open_store

OTHER = """
import sys
from sandbox.store import open_store
with open_store(sys.argv[1]) as s:
    s.apply(None, None, "uji.lain", "uji", "2", {}, lambda db: None)
"""

READER = """
import sys
from sandbox.store import open_store
with open_store(sys.argv[1]) as s:
    print(" ".join(r[0] for r in s.conn.execute(
        "SELECT action FROM audit_log WHERE action LIKE 'uji.%' ORDER BY id")))
"""


def audit_actions(path) -> list[str]:
    with open_store(path) as store:
        return [r[0] for r in store.conn.execute("SELECT action FROM audit_log WHERE action LIKE 'uji.%'"
                                                 " ORDER BY id")]


def test_a_second_store_in_one_process_keeps_the_first_ones_commits(tmp_path):
    path = tmp_path / "kelas.db"
    first = open_store(path)
    first.apply(None, None, "uji.satu", "uji", "1", {}, lambda db: None)
    second = open_store(path)  # same process, same file: must not touch the file with open()
    second.close()
    subprocess.run([sys.executable, "-c", OTHER, str(path)], check=True, timeout=60)
    first.apply(None, None, "uji.dua", "uji", "1", {}, lambda db: None)
    # another process sees the first store's commit now (not a WAL orphaned by a deleted file)
    seen = subprocess.run([sys.executable, "-c", READER, str(path)], check=True, timeout=60,
                          capture_output=True, text=True).stdout.split()
    first.close()
    assert seen == ["uji.satu", "uji.lain", "uji.dua"]
    assert audit_actions(path) == ["uji.satu", "uji.lain", "uji.dua"]


def test_the_header_of_a_file_is_still_checked_once_no_store_holds_it(tmp_path):
    path = tmp_path / "kelas.db"
    open_store(path).close()
    path.write_bytes(b"not a database at all" * 10)
    try:
        open_store(path)
    except Exception as exc:  # the project's StoreDamagedError
        assert type(exc).__name__ == "StoreDamagedError"
    else:
        raise AssertionError("a damaged file opened")
