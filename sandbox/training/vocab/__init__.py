"""The registered setup steps and checks, gathered from their area modules.

- `common`: the cast's approved SKPs, entries and ratings staged through the workflow, and the
  checks of drafting an SKP, evidence before the deadline, saving once, asking for help;
- `review`: returning and fixing an SKP, the cascade, workload, JPT and kualitatif SKPs;
- `rating`: the curve, capaian organisasi, evidence links, behaviour feedback, keberatan;
- `integrity`: acting as someone else and assisted sessions;
- `profile`: a stale profile, a SIASN sync error and the report to the admin (T08);
- `regulator`: rule-change replays.
"""

from sandbox.training.vocab import common, integrity, profile, rating, regulator, review  # noqa: F401 (registers)
from sandbox.training.vocab.registry import CHECKS, STEPS, Verdict, Word
from sandbox.training.vocab.world import World

__all__ = ["CHECKS", "STEPS", "Verdict", "Word", "World"]
