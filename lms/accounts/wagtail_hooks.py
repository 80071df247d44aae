"""The admin's side of accounts: organisations, the user admin's guards, and
the audit log's account actions (``lms/accounts/audit.py``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.account import NameEmailSettingsPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.accounts import audit
from lms.accounts.admin_users import AccountNameForm, can_manage_user
from lms.accounts.models import Organisation, User
from lms.core.audit import register_actions


class OrganisationViewSet(SnippetViewSet):
    """Organisations are managed by organisers under "Snippets" in the admin."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "short_name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


register_snippet(OrganisationViewSet)


@hooks.register("before_bulk_action")
def keep_superusers_out_of_reach(request, action_type, objects, action_class_instance):
    """Bulk actions on users (deactivate, assign role) obey the same rule as editing."""
    if action_class_instance.model is not User:
        return None
    if all(can_manage_user(request.user, target) for target in objects):
        return None
    return permission_denied(request)


NameEmailSettingsPanel.form_class = AccountNameForm


@hooks.register("register_log_actions")
def account_log_actions(actions):
    register_actions(actions, audit.ACTIONS)
