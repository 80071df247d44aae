"""The trail above every organiser tool of one event: Home › Events › the event › here."""

from django.urls import reverse
from django.utils.translation import gettext as _


def event_breadcrumbs(event, *last: dict) -> list[dict]:
    """Wagtail's ``breadcrumbs_items`` down to ``event``, then ``last`` (``{"url", "label"}``).

    Without ``last`` the event's hub is the page itself, so its crumb links nowhere.
    """
    hub_url = reverse("lms_event_admin:event", args=[event.pk]) if last else ""
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("lms_event_admin:events"), "label": _("Events")},
        {"url": hub_url, "label": event.title},
        *last,
    ]
