"""The public verification page ``/v/<code>/``: no login, rate-limited, never cached.

Anyone holding a certificate (an employer, a kelurahan office) scans its QR
code or types the printed address and sees whether it is valid. They may also
upload the PDF they were given to learn whether it is byte for byte the issued
file. The rules live in :mod:`lms.certificates.verification`.
"""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lms.certificates.verification import (
    MAX_UPLOAD_BYTES,
    PDF_MAGIC,
    allow_lookup,
    file_verdict,
    find_certificate,
    hash_matches,
    sha256_of_chunks,
    verification_result,
)
from lms.core.client_address import client_address


class UploadForm(forms.Form):
    """A PDF to compare with the issued file; rejected early when it cannot be one."""

    file = forms.FileField(
        label=_("Check a PDF file"),
        help_text=_(
            "Choose the certificate file you received (PDF, at most 10 MB). "
            "It is not stored; only its fingerprint is compared."
        ),
        error_messages={
            "required": _("Choose the certificate's PDF file."),
            "empty": _("The file is empty. Choose the certificate's PDF file."),
            "invalid": _("No file was received. Choose the file again."),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _(
                    "The file is too big (at most %(limit)s MB). A certificate is smaller."
                ),
                params={"limit": MAX_UPLOAD_BYTES // (1024 * 1024)},
                code="too_big",
            )
        upload.seek(0)
        if upload.read(len(PDF_MAGIC)) != PDF_MAGIC:
            raise forms.ValidationError(
                _("This file is not a PDF. Choose the certificate's PDF file."),
                code="not_pdf",
            )
        upload.seek(0)
        return upload


def _private(response):
    # Search engines must not index people's names; no cache may keep the page.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def verify_certificate(request, code: str):
    """Shows a certificate's state; on POST, also whether an uploaded PDF matches."""
    if not allow_lookup(client_address(request)):
        return _private(
            render(request, "quizzes/certificates/verify_rate_limited.html", status=429)
        )
    certificate = find_certificate(code)
    if certificate is None:
        return _private(
            render(request, "quizzes/certificates/verify_not_found.html", status=404)
        )
    result = verification_result(certificate)
    verdict = None
    if request.method == "POST" and certificate.is_rendered:
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            uploaded = sha256_of_chunks(form.cleaned_data["file"].chunks())
            verdict = file_verdict(
                matches=hash_matches(certificate, uploaded), status=result.status
            )
    else:
        form = UploadForm()
    context = {"result": result, "form": form, "verdict": verdict}
    return _private(render(request, "quizzes/certificates/verify.html", context))
