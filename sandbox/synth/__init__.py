"""Realistic synthetic offices for practice and simulation: reproducible from a seed, never real people."""

from sandbox.synth.nip import NipError, NipPns, NiPppk, parse_nip
from sandbox.synth.office import DEFAULT_PROFILE_SHARES, demo_office, generate_office

__all__ = [
    "DEFAULT_PROFILE_SHARES",
    "NiPppk",
    "NipError",
    "NipPns",
    "demo_office",
    "generate_office",
    "parse_nip",
]
