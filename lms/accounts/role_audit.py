"""Role changes in the audit log: whoever adds an account to a group, or takes it out.

A signal rather than a service, because roles change through Wagtail's own
user forms and its "assign role" bulk action as well as ours. Only changes made
by someone in the admin are logged (Wagtail's log context names them): a
participant signing up joins the participant group by themself, and an import
adds its accounts in bulk, which the import's own entry records
(``lms/events/audit.py``). Connected in ``lms/apps.py``.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from wagtail.log_actions import get_active_log_context

from lms.accounts import audit
from lms.accounts.models import User
from lms.core.audit import log_audit

_LOGGED = {"post_add": audit.ROLES_GIVEN, "post_remove": audit.ROLES_TAKEN}


@receiver(m2m_changed, sender=User.groups.through, dispatch_uid="accounts.roles")
def log_role_changes(sender, instance, action, reverse, pk_set, **kwargs):
    by = get_active_log_context().user
    if action not in _LOGGED or not pk_set or by is None:
        return
    if reverse:  # group.user_set.add(...): one group, several accounts
        users, groups = User.objects.filter(pk__in=pk_set), [instance]
    else:
        users, groups = [instance], Group.objects.filter(pk__in=pk_set)
    roles = ", ".join(sorted(group.name for group in groups))
    for user in users:
        log_audit(user, _LOGGED[action], by=by, roles=roles)
