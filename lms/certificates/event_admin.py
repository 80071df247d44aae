"""An event's certificates in the admin: issuing, revoking, re-issuing, downloading.

Mounted at ``/admin/kegiatan/<event_id>/sertifikat/``; organisers only
(:func:`lms.events.admin.access.event_admin_view`). The register itself, with
the issue forms above it, is :mod:`lms.certificates.register_view`; the forms
are :mod:`lms.certificates.issue_forms`. The rules (who qualifies, when a
reason is needed, numbering) are in :mod:`lms.certificates.eligibility`,
:mod:`lms.certificates.issuing` and :mod:`lms.certificates.revoking`; these
views collect the organiser's choice and report the outcome. A certificate id
from another event is a 404.
"""

import logging

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from lms.certificates.eligibility import CertificateRefused
from lms.certificates.issue_forms import (
    BulkIssueForm,
    ManualIssueForm,
    ReasonForm,
    RevokeForm,
    issue_candidates,
)
from lms.certificates.issuing import issue_certificate, issue_for_qualified
from lms.certificates.models import Certificate
from lms.certificates.register_view import register_with_errors
from lms.certificates.register_view import urlpatterns as register_urlpatterns
from lms.certificates.revoking import reissue_certificate, revoke_certificate
from lms.certificates.views import DOWNLOAD_FIELDS, certificate_pdf_response
from lms.events.admin.access import event_admin_view
from lms.events.admin.breadcrumbs import event_breadcrumbs

logger = logging.getLogger(__name__)


@require_POST
@event_admin_view
def issue_all(request, event):
    """Issues to everyone who has completed the event and has no certificate yet."""
    form = BulkIssueForm(request.POST)
    if not form.is_valid():
        return register_with_errors(request, event, bulk_form=form)
    result = issue_for_qualified(
        event=event, by=request.user, reason=form.cleaned_data["reason"]
    )
    count = len(result.issued)
    if count or not result.failed:
        messages.success(
            request,
            ngettext(
                "%(count)s certificate issued.",
                "%(count)s certificates issued.",
                count,
            )
            % {"count": count},
        )
    for user, error in result.failed:
        messages.error(
            request,
            _("The certificate of %(name)s could not be issued: %(error)s")
            % {"name": user.full_name, "error": error},
        )
    return redirect("lms_event_admin:certificates", event.pk)


@require_POST
@event_admin_view
def issue_one(request, event):
    """Issues one participant's certificate by hand (with a reason if not complete)."""
    form = ManualIssueForm(request.POST, candidates=issue_candidates(event))
    if form.is_valid():
        participant = form.participants[form.cleaned_data["participant"]]
        try:
            certificate = issue_certificate(
                user=participant,
                event=event,
                method=Certificate.Method.MANUAL,
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        except CertificateRefused as refused:
            form.add_error("reason", refused.message)
        except Exception as error:  # noqa: BLE001 - the render; the number is kept
            logger.exception("Certificate for user %s failed", participant.pk)
            messages.error(
                request,
                _(
                    "The certificate of %(name)s could not be made: %(error)s. "
                    "If it was numbered, it is listed as being prepared and its PDF "
                    "is made again by the next retry."
                )
                % {"name": participant.full_name, "error": error},
            )
            return redirect("lms_event_admin:certificates", event.pk)
        else:
            messages.success(
                request,
                _("Certificate %(number)s issued to %(name)s.")
                % {"number": certificate.number, "name": participant.full_name},
            )
            return redirect("lms_event_admin:certificates", event.pk)
    return register_with_errors(request, event, manual_form=form)


def _change(
    request, event, certificate_id, *, form_class, action, template_title, done_message
):
    """The revoke and re-issue pages: the certificate, why, one button.

    ``form_class``'s fields are ``action``'s keyword arguments besides the
    certificate and who acts.
    """
    certificate = get_object_or_404(
        Certificate.objects.select_related("user"), pk=certificate_id, event=event
    )
    form = form_class(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            result = action(
                certificate=certificate, by=request.user, **form.cleaned_data
            )
        except CertificateRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, done_message % {"number": result.number})
            return redirect("lms_event_admin:certificates", event.pk)
    title = template_title % {"number": certificate.number}
    return render(
        request,
        "lms/event_admin/certificates_change.html",
        {
            "event": event,
            "certificate": certificate,
            "form": form,
            "is_reissue": action is reissue_certificate,
            "header_title": title,
            "header_icon": "doc-full",
            "breadcrumbs_items": event_breadcrumbs(
                event,
                {
                    "url": reverse("lms_event_admin:certificates", args=[event.pk]),
                    "label": _("Certificates"),
                },
                {"url": "", "label": title},
            ),
        },
        status=400 if form.is_bound else 200,
    )


@event_admin_view
def revoke(request, event, certificate_id):
    """Revokes a certificate with a public reason and a private note; it stays on record."""
    return _change(
        request,
        event,
        certificate_id,
        form_class=RevokeForm,
        action=revoke_certificate,
        template_title=_("Revoke certificate %(number)s"),
        done_message=_("Certificate %(number)s is revoked."),
    )


@event_admin_view
def reissue(request, event, certificate_id):
    """Re-issues a certificate (after fixing the account) with a reason."""
    return _change(
        request,
        event,
        certificate_id,
        form_class=ReasonForm,
        action=reissue_certificate,
        template_title=_("Re-issue certificate %(number)s"),
        done_message=_("Certificate %(number)s issued in its place."),
    )


@event_admin_view
def download(request, event, certificate_id):
    """Any certificate of the event as issued, revoked ones included (for the record)."""
    certificate = get_object_or_404(
        Certificate.objects.only(*DOWNLOAD_FIELDS), pk=certificate_id, event=event
    )
    if not certificate.is_rendered:
        messages.warning(
            request,
            _(
                "Certificate %(number)s is being prepared: its PDF is not stored yet. "
                "Reload the page in a minute."
            )
            % {"number": certificate.number},
        )
        return redirect("lms_event_admin:certificates", event.pk)
    return certificate_pdf_response(request, certificate)


urlpatterns = [
    *register_urlpatterns,
    path("terbitkan-semua/", issue_all, name="certificates_issue_all"),
    path("terbitkan/", issue_one, name="certificates_issue"),
    path("<int:certificate_id>/cabut/", revoke, name="certificate_revoke"),
    path("<int:certificate_id>/terbitkan-ulang/", reissue, name="certificate_reissue"),
    path("<int:certificate_id>/unduh/", download, name="certificate_admin_download"),
]
