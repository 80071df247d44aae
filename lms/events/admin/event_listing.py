"""The organiser's list of events (``/admin/kegiatan/``): each event with its place,
organiser and how many are enrolled and checked in, linking to its hub.

Wagtail's report view over ``EventPage``: search by title, filters, sorting,
paging and CSV/XLSX. The counts are one subquery each, so the number of queries
does not grow with the number of events.
"""

import django_filters
from django import forms
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, TitleColumn

from lms.accounts.models import Organisation
from lms.core.reference import KELURAHAN_CHOICES
from lms.events.admin.access import can_run_events
from lms.events.admin.listings import LocalTimeColumn, OrganiserListing
from lms.events.models import CheckIn, Enrolment, EventPage


def _count_of(model) -> Coalesce:
    """How many ``model`` rows point at each event, as one subquery.

    Two counts over two joins would multiply each other's rows (every
    enrolment times every check-in); a subquery each stays linear.
    """
    rows = (
        model.objects.filter(event=OuterRef("pk"))
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def _organisers(request):
    return Organisation.objects.filter(
        pk__in=EventPage.objects.values("organiser_id")
    ).order_by("name")


class EventFilterSet(WagtailFilterSet):
    organiser = django_filters.ModelChoiceFilter(
        label=_("Organiser"), queryset=_organisers
    )
    kelurahan = django_filters.ChoiceFilter(
        label=_("Kelurahan"), choices=KELURAHAN_CHOICES
    )
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Upcoming or under way")), ("past", _("Past"))],
        method="filter_when",
        widget=forms.RadioSelect,
        empty_label=_("All"),
    )

    class Meta:
        model = EventPage
        fields = []

    def filter_when(self, queryset, name, value):
        # The same line as EventPage.has_ended: over once its end has passed.
        now = timezone.now()
        if value == "past":
            return queryset.filter(ends_at__lt=now)
        return queryset.filter(ends_at__gte=now)


class EventListView(OrganiserListing):
    """Every event, newest first, for organisers only."""

    page_title = _("Events")
    header_icon = "date"
    template_name = "lms/event_admin/event_list.html"
    context_object_name = "events"
    model = EventPage
    filterset_class = EventFilterSet
    is_searchable = True
    search_fields = ["title"]
    search_backend_name = None  # the database's own search, on the title
    default_ordering = "-starts_at"
    index_url_name = "lms_event_admin:events"
    index_results_url_name = "lms_event_admin:events_rows"
    export_filename = "kegiatan"
    verbose_name_plural = EventPage._meta.verbose_name_plural
    empty_message = _("No events yet. Add one as a page under “Kegiatan” in Pages.")
    columns = [
        TitleColumn(
            "title",
            label=_("Event"),
            get_url=lambda event: reverse("lms_event_admin:event", args=[event.pk]),
            sort_key="title",
        ),
        LiveStatusTagColumn(label=_("Status")),
        LocalTimeColumn(
            "starts_at",
            _("Date"),
            display_format="D j M Y, H:i",
            sort_key="starts_at",
        ),
        Column("venue", _("Venue")),
        Column("kelurahan", _("Kelurahan")),
        Column("organiser.name", _("Organiser")),
        Column("enrolled_count", _("Enrolled")),
        Column("checked_in_count", _("Checked in")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_run_events(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        # What the status column reads (scheduled? in moderation?) comes in
        # with the rows, as Wagtail's page listings fetch it.
        return (
            EventPage.objects.select_related("organiser")
            .annotate_approved_schedule()
            .prefetch_workflow_states()
            .annotate(
                enrolled_count=_count_of(Enrolment),
                checked_in_count=_count_of(CheckIn),
            )
        )

    def order_queryset(self, queryset):
        # The id breaks ties, so that paging never shows an event twice.
        return queryset.order_by(self.ordering, "pk")


urlpatterns = [
    path("", EventListView.as_view(), name="events"),
    path("rows/", EventListView.as_view(results_only=True), name="events_rows"),
]
