"""An event's certificate register: the organisers' listing (``lms/events/admin/listings.py``).

``/admin/kegiatan/<id>/sertifikat/`` lists every certificate of the event,
every version, revoked ones included, with the forms to issue above the table
(:mod:`lms.certificates.issue_forms`; they post to
:mod:`lms.certificates.event_admin`). Filters, search, sorting and paging run
in the database, and one page of the register takes the same number of
queries however many certificates it shows. The spreadsheet has the screen's
rows and columns, as every organiser listing's does, plus why each revoked
certificate was revoked (its public reason and the organisers' note).
"""

import django_filters
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet

from lms.certificates.issue_forms import (
    BulkIssueForm,
    ManualIssueForm,
    issue_candidates,
)
from lms.certificates.models import Certificate
from lms.certificates.register_columns import (
    REVOCATION_COLUMNS,
    STATUS_QUERIES,
    NotedColumn,
    NotedTimeColumn,
    NumberColumn,
    RegisterStatus,
    StatusColumn,
    issued_note,
    status_note,
    status_text,
)
from lms.core.reference import KELURAHAN_CHOICES
from lms.events.admin.access import event_admin_view
from lms.events.admin.listings import OneEventListing
from lms.events.models import EventPage


class RegisterFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=RegisterStatus.choices,
        method="filter_status",
    )
    kelurahan = django_filters.ChoiceFilter(
        label=gettext_lazy("Kelurahan"),
        field_name="user__kelurahan",
        choices=KELURAHAN_CHOICES,
    )

    class Meta:
        model = Certificate
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(STATUS_QUERIES[value])


COLUMNS = [
    NumberColumn("number", label=gettext_lazy("Certificate number"), sort_key="number"),
    NotedColumn(
        "name",
        gettext_lazy("Name"),
        accessor="user.full_name",
        note=lambda certificate: certificate.user.username,
        sort_key="name",
    ),
    NotedColumn(
        "institution",
        gettext_lazy("Institution"),
        accessor="user.get_institution_type_display",
    ),
    NotedColumn("kelurahan", gettext_lazy("Kelurahan"), accessor="user.kelurahan"),
    NotedTimeColumn(
        "issued_at", gettext_lazy("Issued"), note=issued_note, sort_key="issued_at"
    ),
    StatusColumn(
        "status", gettext_lazy("Status"), accessor=status_text, note=status_note
    ),
]

# Every sort ends in number order, so rows that tie keep one order on every page.
IN_NUMBER_ORDER = (F("sequence"), F("version"))
ORDERINGS = {
    "number": IN_NUMBER_ORDER,
    "name": (Lower("user__full_name"), F("user__username"), *IN_NUMBER_ORDER),
    "issued_at": (F("issued_at"), *IN_NUMBER_ORDER),
}


class CertificateRegisterView(OneEventListing):
    """The register of one event, with the issue forms above it on the full page."""

    page_title = gettext_lazy("Certificates")
    template_name = "lms/event_admin/certificates.html"
    header_icon = "doc-full"
    index_url_name = "lms_event_admin:certificates"
    export_filename = "sertifikat"
    filterset_class = RegisterFilterSet
    is_searchable = True
    search_fields = ["number", "user__full_name", "user__username"]
    search_backend_name = None  # the database's own search: Certificate is not indexed
    default_ordering = "number"
    verbose_name_plural = Certificate._meta.verbose_name_plural
    empty_message = gettext_lazy("No certificate has been issued for this event yet.")
    columns = COLUMNS
    spreadsheet_columns = [*COLUMNS, *REVOCATION_COLUMNS]
    # A form that failed to post, shown again with its errors (``register_with_errors``).
    bulk_form = None
    manual_form = None

    def get_base_queryset(self):
        return (
            Certificate.objects.filter(event=self.event)
            .select_related("user", "issued_by", "revoked_by", "replaced_by")
            .defer("snapshot", "replaced_by__snapshot")
        )

    def order_queryset(self, queryset):
        descending = self.ordering.startswith("-")
        keys = ORDERINGS[self.ordering.lstrip("-")]
        return queryset.order_by(
            *(key.desc() if descending else key.asc() for key in keys)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not (self.results_only or self.is_export):
            context.update(self._issue_forms())
        return context

    def _issue_forms(self) -> dict:
        candidates = issue_candidates(self.event)
        return {
            "qualified_count": sum(1 for _user, complete in candidates if complete),
            "bulk_form": self.bulk_form or BulkIssueForm(),
            "manual_form": self.manual_form or ManualIssueForm(candidates=candidates),
        }


def register_with_errors(request, event: EventPage, **forms):
    """The register again with the form that failed (``bulk_form`` or ``manual_form``).

    For the issue views, whose POST changed nothing: a 400 with the errors
    beside the fields, the register as it is, and nothing the organiser typed lost.
    """
    view = CertificateRegisterView(**forms)
    view.setup(request, event)
    response = view.get(request)
    response.status_code = 400
    return response


urlpatterns = [
    path("", event_admin_view(CertificateRegisterView.as_view()), name="certificates"),
    path(
        "rows/",
        event_admin_view(CertificateRegisterView.as_view(results_only=True)),
        name="certificates_rows",
    ),
]
