"""The events' entries in the audit log (``lms.core.audit``)."""

from django.utils.translation import gettext_lazy as _

MANUAL_CHECK_IN = "lms.event.manual_check_in"
PAPER_PACT = "lms.event.paper_pact"
PARTICIPANT_IMPORT = "lms.event.participant_import"

ACTIONS = {
    MANUAL_CHECK_IN: (
        _("Manual check-in"),
        _("Checked in %(participant)s by hand: %(reason)s"),
    ),
    PAPER_PACT: (
        _("Paper pact signature"),
        _("Recorded %(participant)s's paper signature of %(pact)s: %(note)s"),
    ),
    PARTICIPANT_IMPORT: (
        _("Participant import"),
        _(
            "Imported participants: %(created)s new accounts, %(updated)s updated, "
            "%(enrolled)s enrolled, %(skipped)s rows skipped"
        ),
    ),
}
