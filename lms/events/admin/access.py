"""Who may run events in the admin, and how a view finds its event."""

import functools

from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied

from lms.events.models import EventPage

RUN_EVENTS_PERMISSION = "lms.add_enrolment"


def can_run_events(user) -> bool:
    """Organisers (and superusers) run events; speakers and participants do not."""
    return user.is_active and user.has_perm(RUN_EVENTS_PERMISSION)


def event_admin_view(view):
    """Wraps ``view(request, event, ...)``: organisers only, the event by its page id.

    An unknown id is a 404; someone without the right gets Wagtail's "permission
    denied" instead of the page.
    """

    @functools.wraps(view)
    def wrapper(request, event_id, *args, **kwargs):
        if not can_run_events(request.user):
            return permission_denied(request)
        event = get_object_or_404(EventPage.objects.specific(), pk=event_id)
        return view(request, event, *args, **kwargs)

    return wrapper
