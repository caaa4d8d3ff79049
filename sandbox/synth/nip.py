"""The NIP PNS and NI PPPK for the generator and the importer: reading a NIP is domain knowledge and
lives in `sandbox.domain.nip`; this module keeps the names its users import."""

from __future__ import annotations

from sandbox.domain.nip import (
    KNOWN_PPPK_CODES,
    MIN_AGE_AT_APPOINTMENT,
    NIP_LENGTH,
    NipError,
    NipPns,
    NiPppk,
    parse_nip,
)

__all__ = ["KNOWN_PPPK_CODES", "MIN_AGE_AT_APPOINTMENT", "NIP_LENGTH", "NiPppk", "NipError", "NipPns",
           "parse_nip"]
