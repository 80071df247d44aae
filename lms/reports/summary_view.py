"""The event summary as a PDF, at ``/admin/kegiatan/<id>/ringkasan.pdf``.

Organisers only (``event_admin_view``). Always in Bahasa Indonesia, like the
attendance sheet: it is attached to the laporan kegiatan for the Wali Kota's
office, whatever language the organiser reads the admin in.
"""

from django.http import HttpResponse
from django.urls import path
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lms.core.pdf import render_pdf
from lms.events.admin.access import event_admin_view
from lms.reports.summary import event_summary

# Characters that would end a CSS string or the <style> element holding it.
_CSS_STRING_ESCAPES = str.maketrans(
    {"\\": "\\\\", '"': '\\"', "\n": "\\A ", "<": "\\3C ", ">": "\\3E "}
)


def page_number_content() -> SafeString:
    """The CSS ``content`` of the footer, "Halaman 2 dari 5", from the catalogue.

    The sentence stays whole for translators; its two numbers become WeasyPrint's
    page counters. The text is escaped for a CSS string, so it is safe inside
    the template's ``<style>`` whatever a catalogue holds.
    """
    sentence = _("Page %(number)s of %(total)s").translate(_CSS_STRING_ESCAPES)
    counters = {"number": '" counter(page) "', "total": '" counter(pages) "'}
    return mark_safe(f'"{sentence % counters}"')  # noqa: S308 (escaped above)


@event_admin_view
def summary_pdf(request, event):
    """The ringkasan kegiatan: the event, attendance, results, learning gain, the
    post-test's item analysis, the evaluation, and every participant's results
    as an annex."""
    with translation.override("id"):
        pdf = render_pdf(
            "lms/reports/pdf/summary.html",
            {
                "summary": event_summary(event),
                "page_number_content": page_number_content(),
            },
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"ringkasan-{slugify(event.title)[:60]}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


urlpatterns = [path("ringkasan.pdf", summary_pdf, name="summary_pdf")]
