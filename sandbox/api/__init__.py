"""Rule packs as a service: the HTTP/JSON API (`ekinerja api`), an optional extra.

Importing this package needs nothing beyond the sandbox; `app` and `server` need fastapi and uvicorn
(`pip install -e '.[api]'`). The API calls the same library functions as the CLI and adds no rules
of its own: a decision over HTTP is the decision `ekinerja rules eval --json` prints.
"""

from __future__ import annotations

import importlib.util


def available() -> bool:
    """Whether the extra is installed (checked without importing it: the CLI stays fast)."""
    return all(importlib.util.find_spec(name) is not None for name in ("fastapi", "uvicorn"))
