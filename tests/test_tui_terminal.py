"""The app in a real terminal: tmux runs the installed `ekinerja` (the README's launch command after
install), keys are sent and the screen is read back, as a newcomer would meet it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")


def _capture(session: str) -> str:
    return subprocess.run([TMUX, "capture-pane", "-t", session, "-p"], capture_output=True, text=True).stdout


def _wait_for(session: str, *needles: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if all(n in screen for n in needles):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"waited {timeout:.0f} s for {needles!r}; the screen shows:\n{screen}")


@pytest.mark.skipif(TMUX is None, reason="tmux is not installed")
def test_a_newcomer_reaches_the_skp_screen_and_creates_a_draft(tmp_path):
    exe = Path(sys.executable).parent / "ekinerja"
    assert exe.exists(), "the package must be installed (pip install -e .) so `ekinerja` exists"
    session = f"ekinerja-test-{os.getpid()}"
    command = (f"env -u EKINERJA_DB XDG_DATA_HOME={tmp_path} EKINERJA_LANG=id TERM=xterm-256color {exe}")
    subprocess.run([TMUX, "new-session", "-d", "-s", session, "-x", "80", "-y", "24", command], check=True)
    try:
        _wait_for(session, "Pilih peran", "Siapa Anda hari ini?")
        subprocess.run([TMUX, "send-keys", "-t", session, "Darijan", "Enter"], check=True)
        _wait_for(session, "Beranda", "Darijan Nainggolan", "buat SKP 2026")
        subprocess.run([TMUX, "send-keys", "-t", session, "F2"], check=True)
        _wait_for(session, "SKP Saya", "Anda belum punya SKP 2026")
        subprocess.run([TMUX, "send-keys", "-t", session, "Enter"], check=True)  # the focused "Buat SKP"
        _wait_for(session, "status draf", "Tambah RHK")
        subprocess.run([TMUX, "send-keys", "-t", session, "C-q"], check=True)
    finally:
        subprocess.run([TMUX, "kill-session", "-t", session], capture_output=True)
    db = tmp_path / "ekinerja-sandbox" / "sandbox.db"
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT p.nama, s.status FROM skp s JOIN pegawai p ON p.nip = s.nip"
                            " WHERE p.nama LIKE 'Darijan%'").fetchall()
    assert rows == [("Darijan Nainggolan, S.T., M.Si.", "DRAFT")]
