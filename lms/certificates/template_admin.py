"""Certificate templates in the admin: the form's checks and a preview on sample data.

Organisers add and edit templates under "Certificate templates". Saving refuses
a body with an unknown ``{placeholder}`` or a numbering pattern that could not
make unique numbers (``numbering.check_pattern``), naming what is wrong. The "Preview" button in the edit form's
footer sends the form as it is, unsaved, to :class:`CertificatePreviewView`,
which prints the certificate for a sample participant of the demo event in a
new tab: what will print, before anything changes.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.views.snippets import SnippetViewSet

from lms.certificates.models import CertificateTemplate
from lms.certificates.numbering import InvalidPattern, check_pattern, format_number
from lms.certificates.rendering import (
    PLACEHOLDERS,
    render_certificate_pdf,
    unknown_placeholders,
)

# The preview prints a sample: the Sawah Besar day of 27 September 2023 that the
# platform was first built for (docs/events.md), written here rather than read
# from the demo data, which production code never imports.
SAMPLE_SEQUENCE, SAMPLE_ISSUED_ON = 7, datetime.date(2023, 9, 27)
SAMPLE_EVENT_CODE = "SAWAH7"
# A participant whose long Indonesian name tests the layout.
SAMPLE_SNAPSHOT = {
    "name": "R.A. Siti Nur'aini Kusumawardhani, S.Sos.",
    "institution": "Ketua RT 005/RW 03 · RT",
    "kelurahan": "Pasar Baru",
    "event_title": "Peningkatan Kapasitas Lembaga Kemasyarakatan Kecamatan Sawah Besar",
    "event_dates": "Rabu, 27 September 2023",
    "venue": "Aula Kantor Kecamatan Sawah Besar",
    "hours_jp": 4,
    "score": "87",
    "issue_date": "27 September 2023",
}


def _braces(words) -> str:
    return ", ".join("{" + word + "}" for word in words)


def sample_number(pattern: str) -> str:
    """The number the pattern makes for the preview (the pattern itself if it cannot)."""
    try:
        return format_number(
            pattern,
            seq=SAMPLE_SEQUENCE,
            event_code=SAMPLE_EVENT_CODE,
            issued_on=SAMPLE_ISSUED_ON,
        )
    except InvalidPattern:
        return pattern


def sample_snapshot(template: CertificateTemplate) -> dict:
    """What the preview prints: the sample participant, numbered by the template."""
    return {
        **SAMPLE_SNAPSHOT,
        "number": sample_number(template.numbering_pattern),
        "verification_url": f"{settings.SITE_URL}/v/contoh-pratinjau/",
    }


class CertificateTemplateForm(WagtailAdminModelForm):
    """The template form, refusing wording or numbering that would print wrongly."""

    def clean_body(self):
        body = self.cleaned_data["body"]
        unknown = unknown_placeholders(body)
        if unknown:
            raise ValidationError(
                [
                    _("Unknown placeholder {%(word)s}. Use only: %(placeholders)s.")
                    % {"word": word, "placeholders": _braces(PLACEHOLDERS)}
                    for word in unknown
                ]
            )
        return body

    def clean_numbering_pattern(self):
        pattern = self.cleaned_data["numbering_pattern"]
        try:
            check_pattern(pattern)
        except InvalidPattern as error:
            raise ValidationError(error.message) from None
        return pattern


class CertificatePreviewView(PermissionCheckedMixin, View):
    """The certificate on sample data, as a PDF in a new tab.

    GET shows a saved template; POST shows the edit or create form as filled in,
    without saving it (invalid forms get their errors listed instead).
    """

    any_permission_required = ["add", "change", "view"]
    viewset = None

    def get(self, request, pk=None):
        if pk is None:
            # A template not yet saved exists only in the form that posts it.
            return HttpResponseNotAllowed(["POST"])
        return self._pdf(get_object_or_404(CertificateTemplate, pk=pk))

    def post(self, request, pk=None):
        instance = (
            get_object_or_404(CertificateTemplate, pk=pk)
            if pk
            else CertificateTemplate()
        )
        form_class = self.viewset.get_form_class(for_update=pk is not None)
        form = form_class(
            request.POST, request.FILES, instance=instance, for_user=request.user
        )
        if not form.is_valid():
            return TemplateResponse(
                request,
                "quizzes/certificate_admin/preview_errors.html",
                {"form": form, "header_title": _("Preview")},
                status=400,
            )
        # Unsaved: the form fills the template and its logos and signatories in memory.
        return self._pdf(form.save(commit=False))

    def _pdf(self, template):
        pdf = render_certificate_pdf(
            snapshot=sample_snapshot(template), template=template
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'inline; filename="pratinjau-sertifikat.pdf"'
        return response


class PreviewMenuItem(ActionMenuItem):
    """A footer button that posts the form, unsaved, to the preview in a new tab."""

    name = "action-preview-certificate"
    label = gettext_lazy("Preview")
    icon_name = "view"
    template_name = "quizzes/certificate_admin/preview_button.html"
    order = 10

    def is_shown(self, context):
        return context["view"] in ("create", "edit")

    def get_url(self, parent_context):
        viewset = CertificateTemplate.snippet_viewset
        instance = parent_context.get("instance")
        if instance is not None and instance.pk:
            return reverse(viewset.get_url_name("preview"), args=[instance.pk])
        return reverse(viewset.get_url_name("preview_new"))


@hooks.register("register_snippet_action_menu_item")
def certificate_preview_button(model):
    return PreviewMenuItem() if model is CertificateTemplate else None


class CertificateTemplateViewSet(SnippetViewSet):
    """ "Certificate templates" in the admin menu, for organisers."""

    model = CertificateTemplate
    # The admin addresses the templates had in the quiz engine's app, kept so
    # that bookmarks and links still open (docs/architecture.md, "Where things live").
    url_prefix = "snippets/quizzes/certificatetemplate"
    url_namespace = "wagtailsnippets_quizzes_certificatetemplate"
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Certificate templates")
    add_to_admin_menu = True
    menu_order = 306
    list_display = ["name", "is_default", "paper_size", "orientation"]
    search_fields = ["name", "title"]
    edit_handler = ObjectList(
        CertificateTemplate.panels, base_form_class=CertificateTemplateForm
    )

    def get_urlpatterns(self):
        preview = CertificatePreviewView.as_view(
            viewset=self, permission_policy=self.permission_policy
        )
        return super().get_urlpatterns() + [
            path("preview/", preview, name="preview_new"),
            path("preview/<int:pk>/", preview, name="preview"),
        ]
