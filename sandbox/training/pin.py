"""The trainer's PIN as stored: a salted scrypt hash, never the PIN itself. Its own module because
both the class (set at `class create`) and the door (`access`: checked on every console) need it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

PIN_MIN = 4
SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def new_pin() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${SCRYPT['n']}${SCRYPT['r']}${SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        expected = bytes.fromhex(digest)
        if kind != "scrypt":
            return False
        got = hashlib.scrypt((pin or "").encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p),
                             dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)
