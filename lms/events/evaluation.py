"""Who may answer an event's evaluation, recording one response each, and the
participant's evaluation step on the event page and "Beranda saya".

The evaluation is not a completion requirement: it never holds back a
certificate (docs/reports.md, "Evaluation").
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.accounts.models import User
from lms.events.enrolment import enrolled_participants
from lms.events.evaluation_form import stored_answers
from lms.events.models import EvaluationPage, EvaluationResponse, EventPage


def is_enrolled(event: EventPage, user: User) -> bool:
    return enrolled_participants(event).filter(pk=user.pk).exists()


def has_answered(page: EvaluationPage, user: User) -> bool:
    return EvaluationResponse.objects.filter(page=page, user=user).exists()


def record_response(
    *, page: EvaluationPage, user: User, cleaned_data: dict
) -> EvaluationResponse | None:
    """Stores the answers of a valid form; ``None`` if ``user`` had already answered.

    The unique constraint decides, so two submits at once (a double tap, two
    tabs) store one response: the second insert fails and changes nothing.
    """
    answers = stored_answers(page.get_form_fields(), page.speakers, cleaned_data)
    try:
        with transaction.atomic():
            return EvaluationResponse.objects.create(
                page=page, user=user, form_data=answers
            )
    except IntegrityError:
        return None


@dataclass(frozen=True)
class EvaluationStep:
    """The evaluation as the participant's event steps show it."""

    url: str
    open: bool
    answered: bool


def evaluation_step(event: EventPage, user: User, now=None) -> EvaluationStep | None:
    """The event's published evaluation for ``user``; ``None`` if it has none."""
    page = EvaluationPage.objects.live().child_of(event).first()
    if page is None:
        return None
    page.event = event  # known already: no query for it
    return EvaluationStep(
        url=page.url,
        open=page.is_open(now or timezone.now()),
        answered=has_answered(page, user),
    )
