"""The event summary (ringkasan kegiatan) that organisers attach to the laporan
kegiatan: one function per section, composed into a ``Summary``
(docs/reports.md, "Event summary (PDF)").

Adding a section is a function returning its dataclass, a field here filled in
:func:`event_summary`, and one include in ``lms/reports/pdf/summary.html``. Every
section reads what it needs in a fixed number of queries, so the summary costs
the same for 20 participants as for 1,000.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from lms.events.evaluation_form import agenda_speakers
from lms.events.models import EventPage
from lms.events.standings import EventTests
from lms.reports.results import ResultRow, event_results
from lms.reports.summary_attendance import AttendanceSection, attendance_section
from lms.reports.summary_evaluation import EvaluationSection, evaluation_section
from lms.reports.summary_gain import GainSection, gain_section
from lms.reports.summary_items import ItemsSection, items_section
from lms.reports.summary_results import ResultsSection, results_section


@dataclass(frozen=True)
class SummaryHeader:
    """What the event was: the page itself, who organised and who spoke, and when
    this summary was made."""

    event: EventPage
    organiser: str
    speakers: tuple[str, ...]
    generated_at: datetime

    @property
    def one_day(self) -> bool:
        """Whether the event starts and ends on the same day (in local time)."""
        return timezone.localdate(self.event.starts_at) == timezone.localdate(
            self.event.ends_at
        )


def summary_header(event: EventPage, now: datetime) -> SummaryHeader:
    """The header, its speakers named as the evaluation form names them."""
    return SummaryHeader(
        event=event,
        organiser=event.organiser.name,
        speakers=tuple(agenda_speakers(event.agenda)),
        generated_at=now,
    )


@dataclass(frozen=True)
class Summary:
    """One field per section, in the order the PDF prints them; ``annex`` is the
    participants' results table at the end."""

    header: SummaryHeader
    attendance: AttendanceSection
    results: ResultsSection
    gain: GainSection
    items: ItemsSection
    evaluation: EvaluationSection
    annex: list[ResultRow]


def event_summary(event: EventPage, *, now: datetime | None = None) -> Summary:
    """Every section of ``event``'s summary, from one read of its results."""
    rows = event_results(event)
    return Summary(
        header=summary_header(event, now or timezone.now()),
        attendance=attendance_section(rows),
        results=results_section(event, rows),
        gain=gain_section(rows),
        items=items_section(EventTests.of(event).post_tests),
        evaluation=evaluation_section(event),
        annex=rows,
    )
