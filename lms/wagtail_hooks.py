from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.account import NameEmailSettingsPanel
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.access import sync_speaker_membership
from lms.admin_users import AccountNameForm, can_manage_user
from lms.event_admin.access import can_run_events
from lms.models import EventPage, Organisation, Speaker, User


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


class SpeakerViewSet(SnippetViewSet):
    """Speakers' public profiles, chosen on the modules they teach."""

    model = Speaker
    icon = "user"
    menu_label = _("Speakers")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "position", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name", "position"]


register_snippet(SpeakerViewSet)


@hooks.register("register_admin_urls")
def event_admin_urls():
    """The organiser's event tools live under /admin/kegiatan/."""
    return [path("kegiatan/", include("lms.event_admin.urls"))]


class EventsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_run_events(request.user)


@hooks.register("register_admin_menu_item")
def events_menu_item():
    return EventsMenuItem(
        _("Events"), reverse("lms_event_admin:events"), icon_name="date", order=250
    )


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def manage_event_button(page, user, *args, **kwargs):
    """From an event's page in the admin, one click to its participants and tools."""
    if isinstance(page.specific_deferred, EventPage) and can_run_events(user):
        yield Button(
            _("Participants and attendance"),
            reverse("lms_event_admin:event", args=[page.pk]),
            icon_name="group",
            priority=5,
        )


@hooks.register("after_create_user")
@hooks.register("after_edit_user")
def keep_speaker_in_organisation_group(request, user):
    """The role and organisation set on the user form decide the speaker group."""
    sync_speaker_membership(user)


@hooks.register("after_bulk_action")
def keep_speakers_in_organisation_groups(
    request, action_type, objects, action_class_instance
):
    """Bulk "assign role" and "deactivate" change speaker membership too."""
    if action_class_instance.model is User:
        for user in objects:
            sync_speaker_membership(user)


@hooks.register("before_bulk_action")
def keep_superusers_out_of_reach(request, action_type, objects, action_class_instance):
    """Bulk actions on users (deactivate, assign role) obey the same rule as editing."""
    if action_class_instance.model is not User:
        return None
    if all(can_manage_user(request.user, target) for target in objects):
        return None
    return permission_denied(request)


# Wagtail's account page asks for a first and a last name, which our users do
# not have (it would discard them); Wagtail offers no hook to swap that one
# panel's form, so we set it here. Tested in tests/lms/test_admin_shell.py.
NameEmailSettingsPanel.form_class = AccountNameForm


# Pacts and pledges: the snippet, and a version for every saved change of words.
from lms.pact_admin import PactViewSet, record_version_after_save  # noqa: E402

register_snippet(PactViewSet)
hooks.register("after_create_snippet", record_version_after_save)
hooks.register("after_edit_snippet", record_version_after_save)
