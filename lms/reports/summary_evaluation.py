"""The event summary's evaluation: how participants rated the event and its
speakers, and what they wrote (docs/reports.md, "Event summary (PDF)").

The numbers and the chart are the evaluation page's
(``lms.reports.evaluation_data``, ``lms.reports.evaluation_view``), read in a
fixed number of queries whatever the number of responses. The comments arrive
as plain text, already cleaned, and the template escapes them. A report upward
needs a sample of them, not all: each question keeps its first
``COMMENTS_SHOWN`` comments, each cut to ``COMMENT_LENGTH`` characters, and
says how many more the evaluation page holds.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.text import Truncator

from lms.events.models import EventPage
from lms.reports.evaluation import EvaluationSummary, TextAnswers
from lms.reports.evaluation_data import evaluation_summary
from lms.reports.evaluation_view import evaluation_chart

COMMENTS_SHOWN = 10
# About five lines of the PDF; the form accepts up to 2,000 characters
# (lms.events.evaluation_form.FREE_TEXT_MAX_LENGTH).
COMMENT_LENGTH = 400


@dataclass(frozen=True)
class Comments:
    """One free-text question's comments as printed: the first few, each cut to
    length, and how many were left out."""

    label: str
    shown: tuple[str, ...]
    more: int


@dataclass(frozen=True)
class EvaluationSection:
    """``summary`` is None when the event has no evaluation form; ``chart`` is
    None when nobody has rated anything yet."""

    summary: EvaluationSummary | None
    chart: SafeString | None
    comments: tuple[Comments, ...]


def shortened_comments(item: TextAnswers) -> Comments:
    """The first ``COMMENTS_SHOWN`` answers of ``item`` in the order they came
    in, each cut at ``COMMENT_LENGTH`` characters with an ellipsis."""
    shown = item.answers[:COMMENTS_SHOWN]
    return Comments(
        label=item.label,
        shown=tuple(Truncator(answer).chars(COMMENT_LENGTH) for answer in shown),
        more=len(item.answers) - len(shown),
    )


def evaluation_section(event: EventPage) -> EvaluationSection:
    """The event's evaluation, its chart, and its comments shortened for print."""
    summary = evaluation_summary(event)
    if summary is None:
        return EvaluationSection(summary=None, chart=None, comments=())
    rated = summary.responses and summary.likert
    return EvaluationSection(
        summary=summary,
        chart=evaluation_chart(summary, id_prefix="summary-evaluation")
        if rated
        else None,
        comments=tuple(shortened_comments(item) for item in summary.texts),
    )
