"""The accounts' entries in the audit log (``lms.core.audit``)."""

from django.utils.translation import gettext_lazy as _

ROLES_GIVEN = "lms.account.roles_given"
ROLES_TAKEN = "lms.account.roles_taken"
LOCKED = "lms.account.locked"
UNLOCKED = "lms.account.unlocked"

ACTIONS = {
    ROLES_GIVEN: (_("Give role"), _("Gave the role %(roles)s")),
    ROLES_TAKEN: (_("Take away role"), _("Took away the role %(roles)s")),
    LOCKED: (
        _("Login locked"),
        _("Login locked for %(minutes)s minutes after %(count)s wrong passwords"),
    ),
    UNLOCKED: (_("Login unlocked"), _("Unlocked the login")),
}
