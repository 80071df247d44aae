"""The certificates' entries in the audit log (``lms.core.audit``)."""

from django.utils.translation import gettext_lazy as _

ISSUE = "lms.certificate.issue"
REVOKE = "lms.certificate.revoke"
REISSUE = "lms.certificate.reissue"

ACTIONS = {
    ISSUE: (_("Issue certificate"), _("Issued certificate %(number)s")),
    REVOKE: (_("Revoke certificate"), _("Revoked certificate %(number)s")),
    REISSUE: (
        _("Re-issue certificate"),
        _("Re-issued certificate %(replaced)s as %(number)s"),
    ),
}
