"""Every PDF the platform prints, from an HTML template, with no network access.

This is the one module that imports WeasyPrint (``../shared/STYLE.md``): login
slips, the attendance sheet, QR posters and certificates all come through
:func:`render_pdf`. Templates link their stylesheet and images relative to the
project's ``static/`` folder (``<link rel="stylesheet" href="css/pdf.css">``);
QR codes are inlined as ``data:`` URIs (:mod:`lms.qr`). The URL fetcher refuses
everything else, so a name typed as ``<img src="http://...">`` can neither
stall printing nor make the server fetch an address of someone's choosing.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher


class LocalAssetFetcher(URLFetcher):
    """Serves ``data:`` URIs and files under the static and media folders; nothing else."""

    def __init__(self):
        super().__init__(allowed_protocols={"file", "data"})
        self._roots = [
            Path(root).resolve()
            for root in (*settings.STATICFILES_DIRS, settings.MEDIA_ROOT)
        ]

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"PDF assets come from static or media only: {url}")
        return super().fetch(url, headers)


def static_base_url() -> str:
    """Where relative links in PDF templates point: the project's ``static/`` folder."""
    return Path(settings.STATICFILES_DIRS[0]).resolve().as_uri() + "/"


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """The PDF of a Django template rendered with ``context``."""
    html = render_to_string(template_name, context, request=request)
    document = HTML(
        string=html, base_url=static_base_url(), url_fetcher=LocalAssetFetcher()
    )
    return document.write_pdf()
