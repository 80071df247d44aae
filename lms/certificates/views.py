"""A participant downloads their own certificate: the stored bytes, nothing rendered.

A certificate still being prepared (numbered, its PDF not stored yet) has no
bytes to serve: the participant is sent to "My home", which says so.

The lookup is one query by id *and* owner, so another participant's id is a
404 that says nothing about whether it exists. The ETag is the SHA-256 stored
at issue, so a phone that already has the file gets a 304 on a weak
connection instead of the whole PDF again.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from lms.certificates.models import Certificate

# What a download needs of the row; the snapshot can be large.
DOWNLOAD_FIELDS = ("pk", "number", "pdf", "sha256", "rendered_at")


def certificate_filename(certificate: Certificate) -> str:
    """``sertifikat-001-sert-keg12-ix-2023.pdf``: the number, safe for any phone."""
    return f"sertifikat-{slugify(certificate.number.replace('/', '-'))}.pdf"


def certificate_pdf_response(request, certificate: Certificate):
    """The issued file as an attachment, or 304 when the client already holds it."""
    etag = f'"{certificate.sha256}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = FileResponse(
            certificate.pdf.open("rb"),
            as_attachment=True,
            filename=certificate_filename(certificate),
            content_type="application/pdf",
        )
    response["ETag"] = etag
    # The bytes of one id never change, but revoking it must take effect.
    response["Cache-Control"] = "private, no-cache"
    return response


@require_safe
@login_required
def certificate_download(request, certificate_id: int):
    """The requester's own valid certificate ``certificate_id``; anything else is a 404."""
    certificate = get_object_or_404(
        Certificate.objects.valid().only(*DOWNLOAD_FIELDS),
        pk=certificate_id,
        user=request.user,
    )
    if not certificate.is_rendered:
        messages.info(request, being_prepared_message())
        return redirect("dashboard")
    return certificate_pdf_response(request, certificate)


def being_prepared_message() -> str:
    """The same words as "My home" and the result page use for a pending certificate."""
    return " ".join(
        (
            _("Your certificate is being prepared."),
            _("Reload this page in a minute to download it."),
        )
    )
