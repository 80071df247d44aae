"""The pact report of one event (``/admin/kegiatan/<event_id>/pakta/``): each
participant with, for every pact or pledge the event asks for, how and when they
accepted it, or a link to record their paper signature.

Wagtail's report view over :func:`lms.events.pacts.collect_pact_standings`
(three queries however many participants): a filter on whether everything is
accepted, sorting by name or by any pact, paging, CSV/XLSX. The spreadsheet keeps
the columns the report's CSV has always had, one row per participant and pact
(the screen's rows, each spread over the event's pacts), so that what was built
on the old file still reads the new one.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BaseColumn, Column

from lms.accounts.models import User
from lms.events.admin.listings import (
    LocalTimeColumn,
    RowChoiceFilter,
    WorkedOutRowsListing,
)
from lms.events.models import Pact, PactAcceptance
from lms.events.pacts import collect_pact_standings


@dataclass(frozen=True)
class PactRow:
    """One participant, with their acceptance of each pact (``None``: not yet)."""

    participant: User
    acceptances: dict[int, PactAcceptance | None]

    @property
    def all_accepted(self) -> bool:
        return all(self.acceptances.values())


@dataclass(frozen=True)
class PactSpreadsheetRow:
    """One participant and one pact, as the report's CSV has always had them."""

    pact: str
    participant: str
    username: str
    status: str
    accepted_at: datetime.datetime | None = None
    how: str = ""
    version: int | None = None
    typed_name: str = ""
    note: str = ""
    recorded_by: str = ""

    @classmethod
    def of(cls, pact: Pact, participant: User, acceptance: PactAcceptance | None):
        if acceptance is None:
            return cls(
                pact=pact.title,
                participant=participant.full_name,
                username=participant.username,
                status=_("Not yet"),
            )
        return cls(
            pact=pact.title,
            participant=participant.full_name,
            username=participant.username,
            status=_("Accepted"),
            accepted_at=acceptance.accepted_at,
            how=acceptance.get_method_display(),
            version=acceptance.version.number,
            typed_name=acceptance.typed_name,
            note=acceptance.note,
            recorded_by=(
                acceptance.recorded_by.full_name if acceptance.recorded_by else ""
            ),
        )


class PactColumn(BaseColumn):
    """One pact in a participant's row: how, when and which version they accepted,
    or "Not yet" with the link to record a paper signature."""

    cell_template_name = "lms/event_admin/pact_cell.html"

    def __init__(self, pact: Pact, *, paper_url: str):
        super().__init__(
            f"pact_{pact.pk}", label=pact.title, sort_key=f"pact_{pact.pk}"
        )
        self.pact = pact
        self.paper_url = paper_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["acceptance"] = instance.acceptances[self.pact.pk]
        context["paper_url"] = f"{self.paper_url}?peserta={instance.participant.pk}"
        return context


class PactFilterSet(WagtailFilterSet):
    acceptance = RowChoiceFilter(
        label=gettext_lazy("Pacts and pledges"),
        choices=[
            ("complete", gettext_lazy("All accepted")),
            ("missing", gettext_lazy("Some not accepted yet")),
        ],
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("All"),
        keeps=lambda row, value: row.all_accepted == (value == "complete"),
    )

    class Meta:
        model = User
        fields = []


def _by_name(row: PactRow) -> tuple:
    return (row.participant.full_name.casefold(), row.participant.pk)


def _by_acceptance_of(pact_pk: int):
    """Earliest acceptance first; those who have not accepted have no key (last)."""

    def key(row: PactRow) -> tuple | None:
        acceptance = row.acceptances[pact_pk]
        return (acceptance.accepted_at, *_by_name(row)) if acceptance else None

    return key


class PactReportView(WorkedOutRowsListing):
    """Each participant and each required pact: accepted (how, when), or not yet."""

    page_title = gettext_lazy("Pacts and pledges")
    header_icon = "doc-full-inverse"
    template_name = "lms/event_admin/pacts.html"
    index_url_name = "lms_event_admin:pacts"
    filterset_class = PactFilterSet
    default_ordering = "name"
    empty_message = gettext_lazy("Nobody is enrolled yet.")
    export_filename = "pakta"
    # One row per participant and pact (PactSpreadsheetRow), as the CSV has always had.
    spreadsheet_columns = [
        Column("pact", gettext_lazy("Pact or pledge")),
        Column("participant", gettext_lazy("Participant")),
        Column("username", gettext_lazy("Username")),
        Column("status", gettext_lazy("Status")),
        LocalTimeColumn("accepted_at", gettext_lazy("Accepted at")),
        Column("how", gettext_lazy("How")),
        Column("version", gettext_lazy("Version")),
        Column("typed_name", gettext_lazy("Name typed")),
        Column("note", gettext_lazy("Note")),
        Column("recorded_by", gettext_lazy("Recorded by")),
    ]

    @cached_property
    def standings(self):
        return collect_pact_standings(event=self.event)

    @cached_property
    def columns(self):
        return [
            Column(
                "name",
                gettext_lazy("Name"),
                accessor="participant.full_name",
                sort_key="name",
            ),
            Column(
                "username", gettext_lazy("Username"), accessor="participant.username"
            ),
            *(
                PactColumn(
                    standing.pact,
                    paper_url=reverse(
                        "lms_event_admin:pact_paper",
                        args=[self.event.pk, standing.pact.pk],
                    ),
                )
                for standing in self.standings
            ),
        ]

    @cached_property
    def sort_keys(self):
        return {
            "name": _by_name,
            **{
                f"pact_{standing.pact.pk}": _by_acceptance_of(standing.pact.pk)
                for standing in self.standings
            },
        }

    def event_rows(self) -> list[PactRow]:
        accepted = {
            standing.pact.pk: {a.user_id: a for a in standing.accepted}
            for standing in self.standings
        }
        # Every standing lists every participant, as accepted or not.
        participants = {
            person.pk: person
            for standing in self.standings
            for person in (*(a.user for a in standing.accepted), *standing.not_accepted)
        }
        return [
            PactRow(
                participant=person,
                acceptances={
                    pact_pk: by_user.get(person.pk)
                    for pact_pk, by_user in accepted.items()
                },
            )
            for person in participants.values()
        ]

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """The screen's rows, each spread over the event's pacts in their order."""
        rows = [
            PactSpreadsheetRow.of(
                standing.pact, row.participant, row.acceptances[standing.pact.pk]
            )
            for row in queryset
            for standing in self.standings
        ]
        return super().as_spreadsheet(rows, spreadsheet_format)

    def get_context_data(self, **kwargs):
        return super().get_context_data(standings=self.standings, **kwargs)
