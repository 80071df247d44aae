"""What the quiz engine announces to the layers above it.

The engine never imports events or certificates (``docs/architecture.md``):
it sends these signals, and whoever cares (certificate issuing) listens.
"""

from django.dispatch import Signal

# Sent inside the grading transaction, once per attempt, when it is graded
# (by the participant's submit or by its deadline). Arguments: ``attempt``.
# A receiver that does slow work defers it (``transaction.on_commit`` or a
# background task), so grading stays fast and cannot fail because of it.
attempt_graded = Signal()
