"""What events announce to the layer above them (certificates).

Events never import certificates (docs/architecture.md, "Where things live"):
they send this signal, and whoever cares listens.
"""

from django.dispatch import Signal

# Sent once when a participant newly completes a step of an event that may
# finish it: a check-in, or a pact accepted online. Arguments: ``event_id``,
# ``user_id``. Sent where the step is saved, so a receiver that queues work
# in the database does so in the step's transaction.
event_step_done = Signal()
