"""Who is at the keyboard: the persona chosen on the first screen, and the sandbox they work in."""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.store import Store
from sandbox.synth.ready import YEAR  # noqa: F401  (the practice year, for the screens)
from sandbox.workflow.actors import PENGELOLA_KINERJA, TRAINER

REGULATOR = "REGULATOR"  # a persona outside the office: the workbench, no workflow rights


@dataclass
class Session:
    store: Store
    lang: str
    actor: str | None = None  # a NIP, or TRAINER
    nama: str = ""
    jabatan: str = ""
    unit: str = ""
    memimpin: bool = False
    # a classroom seat: the class, the seat, its current attempt and scenario, and its own folder
    kelas_id: int | None = None
    seat: int | None = None
    attempt_id: int | None = None
    scenario: object | None = None
    workdir: str | None = None
    # a seat: the only personas this process may become (its attempt's roles); None = no limit (the
    # office app, the trainer's console). Set by the seat screen; see `__setattr__`.
    allowed: frozenset[str] | None = None

    def __setattr__(self, name: str, value: object) -> None:
        """A seat can never become anyone outside its own attempt's roles (another seat's people,
        the trainer), whichever screen or key tries: every read of a screen follows the persona."""
        if name == "actor" and value is not None:
            allowed = self.__dict__.get("allowed")
            if allowed is not None and value not in allowed:
                from sandbox.training.access import AccessRefused

                raise AccessRefused("akses.bukan_kursi_ini", kursi=self.__dict__.get("seat"))
        super().__setattr__(name, value)

    @property
    def is_trainer(self) -> bool:
        return self.actor == TRAINER

    @property
    def is_operator(self) -> bool:
        """The pengelola kinerja: watches the units and checks their curves; has no SKP of its own."""
        return self.actor == PENGELOLA_KINERJA

    @property
    def is_regulator(self) -> bool:
        return self.actor == REGULATOR

    @property
    def has_own_skp(self) -> bool:
        return not (self.is_trainer or self.is_operator or self.is_regulator)

    def virtual_today(self) -> str:
        return self.store.virtual_now()[:10]
