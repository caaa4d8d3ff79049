"""The Textual app: screens call the services and show their results and errors."""

# The class, seat and submit-guard words the screens show live with the training vocabulary; they
# are registered here once for every screen (they used to arrive as a side effect of importing a
# date formatter from that module).
from sandbox.training import messages as _training_messages  # noqa: F401
