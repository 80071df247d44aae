"""An event's evaluation read from the database, for the report, its downloads and
the event summary.

Four queries whatever the number of responses: the evaluation page, its
questions, the responses' answers (``form_data`` only: never who answered)
and the number enrolled. Free text is cleaned (``lms.core.sanitize.clean_html``)
and reduced to plain text here, so every reader gets the same safe text and a
template escapes it exactly once.
"""

import html
from dataclasses import dataclass, replace

from django.utils.html import strip_tags

from lms.core.sanitize import clean_html
from lms.events.enrolment import enrolled_participants
from lms.events.evaluation_form import LIKERT, EvaluationFormBuilder, agenda_speakers
from lms.events.models import EvaluationPage, EvaluationResponse, EventPage
from lms.reports.evaluation import (
    EvaluationSummary,
    Question,
    response_columns,
    response_row,
    summarise_evaluation,
    with_answered_speakers,
)

CHOICE_TYPES = ("dropdown", "radio", "checkboxes", "multiselect")
# Shown as typed; a checkbox or a hidden field is only in the downloads.
TEXT_TYPES = ("singleline", "multiline", "email", "number", "url", "date", "datetime")


@dataclass(frozen=True)
class EvaluationAnswers:
    """The questions (speakers as the agenda and the answers name them) and every
    response's answers, oldest first."""

    page: EvaluationPage
    questions: list[Question]
    responses: list[dict]


def _kind(field_type: str) -> str | None:
    if field_type == LIKERT:
        return "likert"
    if field_type in CHOICE_TYPES:
        return "choice"
    return "text" if field_type in TEXT_TYPES else None


def _choices(field) -> tuple[str, ...]:
    """A choice question's options, split as Wagtail's form builder splits them."""
    options = EvaluationFormBuilder([]).get_formatted_field_choices(field)
    return tuple(value for value, _label in options)


def evaluation_answers(event: EventPage) -> EvaluationAnswers | None:
    """The event's evaluation (published or not) and its answers; ``None`` if it has none."""
    page = EvaluationPage.objects.child_of(event).first()
    if page is None:
        return None
    speakers = tuple(agenda_speakers(event.agenda))
    fields = list(page.get_form_fields())
    responses = list(
        EvaluationResponse.objects.filter(page=page)
        .order_by("pk")
        .values_list("form_data", flat=True)
    )
    questions = [
        Question(
            name=field.clean_name,
            label=field.label,
            kind=_kind(field.field_type) or "",
            per_speaker=field.per_speaker,
            speakers=speakers if field.per_speaker else (),
            choices=_choices(field) if field.field_type in CHOICE_TYPES else (),
        )
        for field in fields
    ]
    return EvaluationAnswers(
        page=page,
        questions=with_answered_speakers(questions, responses),
        responses=responses,
    )


def plain_text(answer: str) -> str:
    """Typed text as plain text: cleaned by the sanitiser's allow-list, tags
    dropped and entities decoded, so a template escapes it once."""
    return html.unescape(strip_tags(clean_html(answer))).strip()


def evaluation_summary(event: EventPage) -> EvaluationSummary | None:
    """The numbers of the event's evaluation (docs/reports.md, "Evaluation"), or
    ``None`` when the event has no evaluation."""
    answers = evaluation_answers(event)
    if answers is None:
        return None
    summary = summarise_evaluation(
        [q for q in answers.questions if q.kind],
        answers.responses,
        enrolled=enrolled_participants(event).count(),
    )
    texts = tuple(
        replace(item, answers=tuple(t for t in map(plain_text, item.answers) if t))
        for item in summary.texts
    )
    return replace(summary, texts=texts)


def evaluation_table(answers: EvaluationAnswers) -> tuple[list[tuple], list[dict]]:
    """The download: (key, heading) columns, then one row per response."""
    columns = response_columns(answers.questions)
    return columns, [response_row(columns, r) for r in answers.responses]
