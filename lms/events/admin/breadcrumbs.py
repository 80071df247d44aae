"""The trail above every organiser tool of one event: Home › Events › the event › here."""

from django.urls import reverse
from django.utils.translation import gettext as _


def event_breadcrumbs(event, *last: dict) -> list[dict]:
    """Wagtail's ``breadcrumbs_items`` down to ``event``, then ``last`` (``{"url", "label"}``)."""
    return [
        {"url": reverse("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse("lms_event_admin:events"), "label": _("Events")},
        {
            "url": reverse("lms_event_admin:event", args=[event.pk]),
            "label": event.title,
        },
        *last,
    ]
