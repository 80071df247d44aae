"""The records organisers look things up in: attempts, enrolments, check-ins and
certificates, as read-only Wagtail listings with filters, search and CSV/XLSX.

Records are never edited or deleted here (promise 6, docs/architecture.md): each
listing has its index and an inspect page only, and a permission policy that
grants organisers "view" and nobody anything else. Changes go through the tools
that keep the rules (the event hub, certificate issuing and revoking).
"""

from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lms.certificates.models import Certificate
from lms.core.spreadsheets import FormulaSafeExportMixin
from lms.events.admin.access import can_run_events
from lms.events.models import CheckIn, Enrolment
from quizzes.models import Attempt


class ViewOnlyForOrganisers(ModelPermissionPolicy):
    """Organisers may view; no one may add, change or delete through the admin."""

    def user_has_permission(self, user, action):
        return action == "view" and can_run_events(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and can_run_events(user)


class RecordIndexView(FormulaSafeExportMixin, generic.IndexView):
    """Wagtail's listing, with its spreadsheet cells safe from formula injection."""


class RecordViewSet(ModelViewSet):
    """A read-only listing: index (with its results fragment) and inspect, nothing else."""

    index_view_class = RecordIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Not in Wagtail's reference index: it would add queries to every save of
    # an attempt or certificate (the hall's busiest writes), and records are
    # never deleted, so "where is this used" is never asked of them.
    add_to_reference_index = False
    search_backend_name = None  # the database's own search over ``search_fields``
    list_per_page = 50
    related = ()

    def get_index_view_kwargs(self, **kwargs):
        # The people and pages each row names, joined in: the query count stays
        # the same however many rows a page shows.
        return super().get_index_view_kwargs(
            queryset=self.model._default_manager.select_related(*self.related),
            **kwargs,
        )

    def register_admin_url_finder(self):
        """None: Wagtail's URL finder points at an edit page, which records lack."""

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class AttemptViewSet(RecordViewSet):
    url_prefix = "catatan/percobaan"
    url_namespace = "lms_records_attempts"
    model = Attempt
    icon = "tasks"
    menu_label = _("Attempts")
    related = ("user", "quiz")
    list_display = [
        "user",
        "quiz",
        "number",
        "status",
        "percent",
        BooleanColumn("passed", label=_("Passed")),
        "submitted_at",
    ]
    list_filter = ["status", "passed", "quiz"]
    list_export = [
        "user",
        "quiz",
        "number",
        "status",
        "percent",
        "passed",
        "submitted_at",
        "started_at",
        "submitted_by",
    ]
    search_fields = ["user__full_name", "user__username", "quiz__title"]
    inspect_view_fields = [*list_export, "deadline", "score", "max_score", "pass_mark"]


class EnrolmentViewSet(RecordViewSet):
    url_prefix = "catatan/pendaftaran"
    url_namespace = "lms_records_enrolments"
    model = Enrolment
    icon = "group"
    menu_label = _("Enrolments")
    related = ("user", "event")
    list_display = ["user", "event", "source", "enrolled_at"]
    list_filter = ["event", "source"]
    list_export = list_display
    search_fields = ["user__full_name", "user__username", "event__title"]


class CheckInViewSet(RecordViewSet):
    url_prefix = "catatan/kehadiran"
    url_namespace = "lms_records_check_ins"
    model = CheckIn
    icon = "check"
    menu_label = _("Check-ins")
    related = ("user", "event")
    list_display = ["user", "event", "method", "checked_in_at"]
    list_filter = ["event", "method"]
    list_export = list_display
    search_fields = ["user__full_name", "user__username", "event__title"]


class CertificateViewSet(RecordViewSet):
    url_prefix = "catatan/sertifikat"
    url_namespace = "lms_records_certificates"
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    related = ("user", "event")
    list_display = [
        "number",
        "user",
        "event",
        "method",
        "issued_at",
        "revoked_at",
        "revoke_public_reason",
        "revoke_note",
    ]
    list_filter = ["event", "method"]
    # The public reason's words, not its code, in the spreadsheet as on screen.
    list_export = [
        "get_revoke_public_reason_display" if field == "revoke_public_reason" else field
        for field in list_display
    ]
    export_headings = {
        "get_revoke_public_reason_display": capfirst(
            Certificate._meta.get_field("revoke_public_reason").verbose_name
        )
    }
    search_fields = ["number", "user__full_name", "user__username"]
    inspect_view_fields = [*list_display, "sha256", "issue_reason"]


class RecordsGroup(ModelViewSetGroup):
    """ "Records" in the admin menu, shown to organisers only (the policy decides)."""

    menu_label = _("Records")
    menu_icon = "list-ul"
    menu_order = 260
    items = (AttemptViewSet, EnrolmentViewSet, CheckInViewSet, CertificateViewSet)


for _viewset in RecordsGroup.items:
    register_permission_policy(
        _viewset.model, ViewOnlyForOrganisers(_viewset.model), exact_class=True
    )
