"""Bulk printing of an event's certificates in the admin.

Mounted at ``/admin/kegiatan/<event_id>/cetak/``. The organiser picks an order
and starts a :class:`~quizzes.models.PrintJob`; the background worker prints it
(:mod:`lms.certificates.printing`) while the job page shows a progress bar
fed by a small JSON endpoint, then offers the PDF and the ZIP. Files come from
the private storage through these views only, for organisers only, and a job
is found by its id *within* the event, so another event's job is a 404.
"""

from django import forms
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from lms.certificates.models import Certificate, PrintJob
from lms.certificates.printing import start_print_job
from lms.events.admin.access import event_admin_view
from lms.events.admin.breadcrumbs import event_breadcrumbs
from lms.events.models import EventPage

RECENT_JOBS = 10


class PrintForm(forms.Form):
    """How to sort the pile: the organiser hands certificates out in this order."""

    order = forms.ChoiceField(
        label=gettext_lazy("Order"),
        choices=PrintJob.Order.choices,
        initial=PrintJob.Order.NAME,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Choose the order to print in."),
            "invalid_choice": gettext_lazy("Choose one of the orders shown."),
        },
    )


def _breadcrumbs(event: EventPage, *, job: PrintJob | None = None) -> list[dict]:
    """Down to the printing page; to a job's page below it when there is one."""
    printing = {
        "url": reverse("lms_event_admin:printing", args=[event.pk]) if job else "",
        "label": _("Print certificates"),
    }
    if job is None:
        return event_breadcrumbs(event, printing)
    return event_breadcrumbs(event, printing, {"url": "", "label": _("Print job")})


def job_state(job: PrintJob) -> dict:
    """What the progress bar needs, also served as JSON while the job runs."""
    finished = job.status in (PrintJob.Status.DONE, PrintJob.Status.FAILED)
    state = {
        "status": job.status,
        "status_label": job.get_status_display(),
        "done": job.done,
        "total": job.total,
        "finished": finished,
        "progress_text": _("%(done)s of %(total)s certificates")
        % {"done": job.done, "total": job.total},
        "error": _("Printing failed. Try again, or tell the administrator.")
        if job.status == PrintJob.Status.FAILED
        else "",
    }
    if job.status == PrintJob.Status.DONE:
        state["pdf_url"] = _download_url(job, "pdf")
        state["zip_url"] = _download_url(job, "zip")
    return state


def _download_url(job: PrintJob, kind: str) -> str:
    return reverse(
        "lms_event_admin:print_job_download", args=[job.event_id, job.pk, kind]
    )


@event_admin_view
@require_http_methods(["GET", "POST"])
def printing(request, event):
    """Start a print of all valid certificates; earlier jobs are listed below."""
    form = PrintForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = start_print_job(
            event=event, order=form.cleaned_data["order"], by=request.user
        )
        return redirect("lms_event_admin:print_job", event.pk, job.pk)
    return render(
        request,
        "lms/event_admin/printing.html",
        {
            "event": event,
            "form": form,
            # Only what a print job will print: a certificate still being
            # prepared has no PDF to print yet.
            "certificate_count": Certificate.objects.valid()
            .rendered()
            .filter(event=event)
            .count(),
            "jobs": event.print_jobs.select_related("created_by")[:RECENT_JOBS],
            "header_title": _("Print certificates: %(event)s") % {"event": event.title},
            "breadcrumbs_items": _breadcrumbs(event),
        },
    )


@event_admin_view
def print_job(request, event, job_id: int):
    """One job's progress, and its downloads when done."""
    job = get_object_or_404(PrintJob, pk=job_id, event=event)
    return render(
        request,
        "lms/event_admin/printing_job.html",
        {
            "event": event,
            "job": job,
            "state": job_state(job),
            "state_url": reverse(
                "lms_event_admin:print_job_state", args=[event.pk, job.pk]
            ),
            "header_title": _("Print job: %(event)s") % {"event": event.title},
            "breadcrumbs_items": _breadcrumbs(event, job=job),
        },
    )


@never_cache
@event_admin_view
def print_job_state(request, event, job_id: int):
    """Polled by print_progress.js every few seconds while the job runs."""
    job = get_object_or_404(PrintJob, pk=job_id, event=event)
    return JsonResponse(job_state(job))


@event_admin_view
def print_job_download(request, event, job_id: int, kind: str):
    """The finished PDF or ZIP, streamed from the private storage."""
    job = get_object_or_404(
        PrintJob, pk=job_id, event=event, status=PrintJob.Status.DONE
    )
    stored = {"pdf": job.pdf, "zip": job.zip}.get(kind)
    if not stored:
        raise Http404
    content_type = "application/pdf" if kind == "pdf" else "application/zip"
    return FileResponse(
        stored.open("rb"),
        as_attachment=True,
        filename=stored.name.rsplit("/", 1)[-1],
        content_type=content_type,
    )


urlpatterns = [
    path("", printing, name="printing"),
    path("<int:job_id>/", print_job, name="print_job"),
    path("<int:job_id>/status/", print_job_state, name="print_job_state"),
    path(
        "<int:job_id>/unduh.<str:kind>",
        print_job_download,
        name="print_job_download",
    ),
]
