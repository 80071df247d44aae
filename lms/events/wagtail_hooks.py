"""The admin's side of events: the "Events" menu, the button from an event's
page to its hub, the pacts' snippet admin, and the audit log's event actions
(``lms/events/audit.py``). The hub's URLs are mounted by
``lms/admin_urls.py``."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from lms.core.audit import register_actions
from lms.events import audit
from lms.events.admin.access import can_run_events
from lms.events.models import EventPage
from lms.events.pact_admin import PactViewSet, record_version_after_save


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


register_snippet(PactViewSet)
hooks.register("after_create_snippet", record_version_after_save)
hooks.register("after_edit_snippet", record_version_after_save)


@hooks.register("register_log_actions")
def event_log_actions(actions):
    register_actions(actions, audit.ACTIONS)
