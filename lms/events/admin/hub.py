"""Each event's hub: who is in, and where they stand; and the list of events."""

from django.shortcuts import render
from django.urls import path

from lms.events.admin import event_listing
from lms.events.admin.access import event_admin_view
from lms.events.admin.breadcrumbs import event_breadcrumbs
from lms.events.admin.poster import registration_poster
from lms.events.completion_text import completion_steps
from lms.events.enrolment import enrolled_participants
from lms.events.models import EvaluationPage
from lms.events.standings import EventTests, participant_standings

# The hub's filter: everyone, or those who have (not) completed the event.
STATUS_FILTERS = ("complete", "incomplete")


@event_admin_view
def event_hub(request, event):
    """One event's participants, each with what they have done and what is missing."""
    tests = EventTests.of(event)
    participants = list(enrolled_participants(event))
    rules, standings = participant_standings(
        event, [p.pk for p in participants], tests=tests
    )
    module_titles = dict(event.modules.values_list("pk", "title"))
    pact_titles = dict(event.pacts.values_list("pk", "title"))
    rows = []
    for participant in participants:
        standing = standings[participant.pk]
        steps = completion_steps(
            rules,
            standing.outcome,
            module_titles=module_titles,
            pact_titles=pact_titles,
        )
        rows.append(
            {
                "participant": participant,
                "standing": standing,
                "missing": [step for step in steps if not step.done],
            }
        )
    status = request.GET.get("status", "")
    if status not in STATUS_FILTERS:
        status = ""
    complete_count = sum(1 for r in rows if r["standing"].outcome.complete)
    return render(
        request,
        "lms/event_admin/event_hub.html",
        {
            "event": event,
            "tests": tests,
            "rows": [
                row
                for row in rows
                if not status
                or (status == "complete") == row["standing"].outcome.complete
            ],
            "status": status,
            "enrolled_count": len(rows),
            "checked_in_count": sum(1 for r in rows if r["standing"].record.checked_in),
            "complete_count": complete_count,
            "incomplete_count": len(rows) - complete_count,
            # Without an evaluation the hub offers to add one instead of its report.
            "has_evaluation": EvaluationPage.objects.child_of(event).exists(),
            "header_title": event.title,
            "header_icon": "date",
            "breadcrumbs_items": event_breadcrumbs(event),
        },
    )


urlpatterns = [
    *event_listing.urlpatterns,
    path("<int:event_id>/", event_hub, name="event"),
    path("<int:event_id>/poster.pdf", registration_poster, name="poster"),
]
