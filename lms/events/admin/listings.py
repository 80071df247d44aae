"""What the organisers' listings under ``/admin/kegiatan/`` share.

Each is Wagtail's ``ReportView``, so filters, sorting, paging and the CSV/XLSX
downloads are Wagtail's own: the list of events (``event_listing.py``), an
event's attendance (``attendance_listing.py``), its pact report
(``pact_listing.py``) and its certificate register
(``lms/certificates/register_view.py``). On top of it:

- **The spreadsheet has the screen's columns**: each cell is its column's own
  value (``Column.get_value``), under the column's heading, so the download
  cannot drift from the table.
- **It opens well in a spreadsheet program**: every CSV text cell is neutralised
  (``lms/core/spreadsheets.py``); the CSV starts with a byte-order mark, without
  which Excel reads UTF-8 names with accents as gibberish; times are written in
  Jakarta's time (Wagtail writes UTC), as text in the CSV and as dates in XLSX.
- **One event's listings** are mounted with ``event_admin_view``: organisers
  only, the event by its id. Attendance and pacts take their rows from the
  services that already read them in a fixed number of queries
  (``lms/events/roster.py``, ``lms/events/pacts.py``), then filter and sort
  them in Python; ``RowChoiceFilter`` says how a filter tests a row.
"""

import django_filters
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

from lms.core.spreadsheets import FormulaSafeExportMixin
from lms.events.admin.breadcrumbs import event_breadcrumbs

SPREADSHEET_TIME_FORMAT = "%Y-%m-%d %H:%M"


def local_date(moment, date_format: str) -> str:
    """``moment`` in Jakarta's time (the site's), as ``date_format`` words it."""
    return formats.date_format(timezone.localtime(moment), date_format)


def _csv_time(moment) -> str:
    return (
        timezone.localtime(moment).strftime(SPREADSHEET_TIME_FORMAT) if moment else ""
    )


def _xlsx_time(moment):
    # Naive, in the site's time zone, to the second: what a spreadsheet cell holds.
    return timezone.make_naive(moment).replace(microsecond=0) if moment else None


LOCAL_TIME_EXPORT = {
    SpreadsheetExportMixin.FORMAT_CSV: _csv_time,
    SpreadsheetExportMixin.FORMAT_XLSX: _xlsx_time,
}


class LocalTimeColumn(Column):
    """A moment in the reader's time zone and language; a dash when there is none.

    Its spreadsheet cell is Jakarta's time too (``OrganiserListing``).
    """

    empty_value_display = "–"

    def __init__(self, name, label=None, *, display_format="j M Y H:i", **kwargs):
        super().__init__(name, label, **kwargs)
        self.display_format = display_format

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        moment = context["raw_value"]
        context["value"] = (
            local_date(moment, self.display_format)
            if moment
            else self.empty_value_display
        )
        return context


class RowChoiceFilter(django_filters.ChoiceFilter):
    """A choice tested on each worked-out row with ``keeps(row, value)``, not in a query."""

    def __init__(self, *args, keeps, **kwargs):
        super().__init__(*args, **kwargs)
        self.keeps = keeps

    def filter(self, qs, value):
        return qs


class OrganiserListing(FormulaSafeExportMixin, ReportView):
    """A listing whose spreadsheet is the screen's table.

    ``spreadsheet_columns`` are the screen's ``columns`` unless a listing lays
    its spreadsheet out otherwise (the pact report, one row per pact).
    """

    paginate_by = 100
    # What the page says when there is nothing to list at all (not a filter's doing).
    empty_message = None

    @property
    def spreadsheet_columns(self) -> list[Column]:
        return self.columns

    @property
    def list_export(self):
        return [column.name for column in self.spreadsheet_columns]

    @property
    def export_headings(self):
        return {column.name: column.label for column in self.spreadsheet_columns}

    @property
    def custom_field_preprocess(self):
        return {
            column.name: LOCAL_TIME_EXPORT
            for column in self.spreadsheet_columns
            if isinstance(column, LocalTimeColumn)
        }

    def to_row_dict(self, item):
        return {
            column.name: column.get_value(item) for column in self.spreadsheet_columns
        }

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)

    @property
    def no_results_message(self):
        if self.empty_message and not (self.is_searching or self.is_filtering):
            return self.empty_message
        return super().no_results_message


class OneEventListing(OrganiserListing):
    """One event's listing, mounted with ``event_admin_view``, which hands it the event.

    ``index_url_name`` names the page; its results fragment, which Wagtail
    reloads when a filter changes, is the same name with ``_rows``. The
    download is named ``<export_filename>-<the event's slug>``.
    """

    index_url_name = ""

    def setup(self, request, event, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.event = event

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.event.pk])

    def get_index_results_url(self):
        return reverse(f"{self.index_url_name}_rows", args=[self.event.pk])

    def get_export_url(self, format):
        # The listing's own address, also when a form's failed POST elsewhere
        # shows the page again (the certificate register's issue forms).
        params = self.request.GET.copy()
        params["export"] = format
        return f"{self.index_url}?{params.urlencode()}"

    def get_filename(self):
        return f"{self.export_filename}-{self.event.slug or self.event.pk}"

    def get_page_title(self):
        """The listing's name and the event's, in the header and the browser's tab."""
        return _("%(listing)s: %(event)s") % {
            "listing": self.page_title,
            "event": self.event.title,
        }

    def get_breadcrumbs_items(self):
        return event_breadcrumbs(self.event, {"url": "", "label": self.page_title})

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)


class WorkedOutRowsListing(OneEventListing):
    """One event's rows, from ``event_rows()``, filtered and sorted in Python.

    ``sort_keys`` maps each column's ``sort_key`` to a key function for
    ``sorted``. A key of ``None`` (not checked in, not accepted) puts the row
    last whichever way the column is sorted, in the default order: what is
    missing stays at the bottom of the list.
    """

    sort_keys = {}

    def event_rows(self) -> list:
        raise NotImplementedError

    def get_filtered_queryset(self):
        # The rows are filtered as they are made (get_queryset), not afterwards.
        return self.get_queryset()

    def get_queryset(self):
        rows = [row for row in self.event_rows() if self._keeps(row)]
        key, descending = self.ordering.lstrip("-"), self.ordering.startswith("-")
        sort_key = self.sort_keys[key]
        with_value = [row for row in rows if sort_key(row) is not None]
        without = [row for row in rows if sort_key(row) is None]
        return [
            *sorted(with_value, key=sort_key, reverse=descending),
            *sorted(without, key=self.sort_keys[self.default_ordering]),
        ]

    def _keeps(self, row) -> bool:
        if not (self.filters and self.filters.is_valid()):
            return True  # a value not on offer filters nothing
        return all(
            self.filters.filters[name].keeps(row, value)
            for name, value in self.filters.form.cleaned_data.items()
            if value
        )
