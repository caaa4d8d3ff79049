"""Setup steps and checks of this area (see `sandbox.training.vocab`)."""

from __future__ import annotations
