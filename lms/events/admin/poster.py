"""The registration poster: an A4 sheet for the hall door with the event's QR code."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.text import slugify

from lms.core.pdf import render_pdf
from lms.core.qr import qr_svg_data_uri
from lms.events.admin.access import event_admin_view
from lms.events.models import EventPage


def registration_url(event: EventPage) -> str:
    """The join page with the event's code filled in, as the poster's QR code opens it."""
    query = urlencode({"kode": event.registration_code})
    return f"{settings.SITE_URL}{reverse('join_event')}?{query}"


@event_admin_view
def registration_poster(request, event):
    """The poster as a PDF the organiser prints: opened in the browser, not saved."""
    url = registration_url(event)
    pdf = render_pdf(
        "lms/pdf/registration_poster.html",
        {"event": event, "url": url, "qr": qr_svg_data_uri(url, scale=10)},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"poster-{slugify(event.title)[:60]}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
