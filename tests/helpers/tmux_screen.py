"""A real terminal for a test: tmux runs a command at a fixed size, keys go in with `send-keys` as a
person would press them, and the screen comes back as text with `capture-pane`.

Waits poll the screen until what is expected shows (bounds are generous: they are not speed checks).
Text that wraps at the terminal's edge is also searched with the lines joined, and the notifications
(Textual's toasts, drawn after a `▌` bar at the right) can be read on their own."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections import Counter

TMUX = shutil.which("tmux")


def flat(screen: str) -> str:
    """The screen's text with lines joined, borders and bars (box-drawing and block characters)
    dropped and spaces collapsed, so a sentence wrapped inside a dialog or a panel is found."""
    return re.sub(r"\s+", " ", re.sub("[\u2500-\u259f]", " ", screen))


def toasts(screen: str) -> list[str]:
    """The notifications on screen, each as its lines (text right of the toast's `▌` bar)."""
    found, current = [], []
    for line in screen.splitlines():
        if "▌" not in line:
            if current:
                found.append(current)
            current = []
            continue
        text = line.rsplit("▌", 1)[1].strip()
        if text:
            current.append(text)
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return ["\n".join(lines) for lines in found]


def _said(screen: str) -> Counter:
    """The notifications on screen as comparable texts (wrapping and scrollbar marks dropped)."""
    return Counter(flat(t).strip().lower() for t in toasts(screen))


class TmuxScreen:
    """One tmux session running `command` at `width`×`height`."""

    def __init__(self, name: str, command: str, width: int = 80, height: int = 24) -> None:
        self.name = name
        self.before: Counter = Counter()  # the notifications showing when keys were last sent
        subprocess.run([TMUX, "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command],
                       check=True)
        # if the app dies, its last words (a traceback) stay on screen for the failure message
        subprocess.run([TMUX, "set-option", "-t", name, "remain-on-exit", "on"], capture_output=True)

    def ended(self) -> bool:
        """Whether the program in the terminal has exited."""
        shown = subprocess.run([TMUX, "display-message", "-p", "-t", self.name, "#{pane_dead}"],
                               capture_output=True, text=True)
        return shown.returncode != 0 or shown.stdout.strip() == "1"

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], capture_output=True)

    def screen(self) -> str:
        return subprocess.run([TMUX, "capture-pane", "-t", self.name, "-p"], capture_output=True,
                              text=True).stdout

    def keys(self, *keys: str, pause: float = 0.15) -> None:
        """Named keys (Tab, Enter, Down, Escape, F2, BTab…), one at a time, as fingers press them;
        each waits for the screen to settle, as eyes do before the next key (on a loaded machine a
        key sent at once can land before the focus moved)."""
        self.before = _said(self.screen())
        for key in keys:
            subprocess.run([TMUX, "send-keys", "-t", self.name, key], check=True)
            time.sleep(pause)
            self.settle()

    def type(self, text: str) -> None:
        """Literal text, typed into whatever has the focus."""
        self.before = _said(self.screen())
        subprocess.run([TMUX, "send-keys", "-t", self.name, "-l", text], check=True)
        time.sleep(0.15)
        self.settle()

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Wait until the screen has not changed for `quiet` seconds (a bound, not a speed check)."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return

    def wait_for(self, *needles: str, timeout: float = 30.0) -> str:
        """The screen once every needle shows (case-insensitive, wrapped lines joined)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            seen = (screen.lower(), flat(screen).lower())
            if all(any(n.lower() in s for s in seen) for n in needles):
                return screen
            if self.ended():
                raise AssertionError(f"the app exited while waiting for {needles!r}:\n{self.screen()}")
            time.sleep(0.2)
        raise AssertionError(f"waited {timeout:.0f} s for {needles!r}; the screen shows:\n{screen}")

    def wait_gone(self, needle: str, timeout: float = 30.0) -> str:
        """The screen once `needle` no longer shows (a dialog or a list closed)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if needle.lower() not in flat(screen).lower():
                return screen
            time.sleep(0.2)
        raise AssertionError(f"waited {timeout:.0f} s for {needle!r} to go; the screen shows:\n{screen}")

    def new_toasts(self) -> list[str]:
        """The notifications that appeared since keys were last sent (older ones linger a while)."""
        shown, fresh = self.screen(), []
        old = self.before.copy()
        for toast in toasts(shown):
            text = flat(toast).strip().lower()
            if old[text] > 0:
                old[text] -= 1
            else:
                fresh.append(toast)
        return fresh

    def wait_toast(self, *needles: str, timeout: float = 30.0) -> str:
        """The text of a notification, new since keys were last sent, that shows every needle (a
        message seen at this size)."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            for toast in self.new_toasts():
                if all(n.lower() in flat(toast).lower() for n in needles):
                    return toast
            time.sleep(0.2)
        raise AssertionError(f"waited {timeout:.0f} s for a notification with {needles!r}; the screen "
                             f"shows:\n{screen}")
