"""The audit log: Wagtail's log entries, written by the services that act.

Organisers read the entries in the admin's *Site history* report and on an
object's history. Each domain names its actions with :func:`register_actions`
from its ``wagtail_hooks.py`` and writes them with :func:`log_audit` from the
service function that does the thing, so every path (an admin view, a
background task, a command) logs it exactly once. What is logged:
``docs/security.md`` ("Audit log").
"""

from wagtail.log_actions import LogFormatter, log


class _DataMessage(LogFormatter):
    """A message filled in from the entry's ``data``: the message template is
    translated when shown, the facts stay as they were recorded."""

    template = ""

    def format_message(self, log_entry):
        return self.template % (log_entry.data or {})


def register_actions(actions, table: dict) -> None:
    """Registers ``{action: (label, message)}``; ``message`` may name keys of
    the entry's ``data`` (``%(number)s``)."""
    for action, (label, message) in table.items():
        formatter = type(
            "AuditMessage", (_DataMessage,), {"label": label, "template": message}
        )
        actions.register_action(action)(formatter)


def log_audit(instance, action: str, *, by, title: str = "", **data):
    """Writes one log entry of ``action`` on ``instance``, acted by ``by``.

    ``by`` None means the person of the admin request in progress, if any
    (Wagtail's log context), else nobody: a background task or the system.
    """
    return log(instance, action, user=by, title=title or None, data=data)
