"""Who is at the keyboard: the persona chosen on the first screen, and the sandbox they work in."""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.store import Store
from sandbox.workflow.actors import TRAINER

YEAR = 2026


@dataclass
class Session:
    store: Store
    lang: str
    actor: str | None = None  # a NIP, or TRAINER
    nama: str = ""
    jabatan: str = ""
    unit: str = ""
    memimpin: bool = False

    @property
    def is_trainer(self) -> bool:
        return self.actor == TRAINER

    def virtual_today(self) -> str:
        return self.store.virtual_now()[:10]
