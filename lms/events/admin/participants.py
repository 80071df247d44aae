"""Importing a participant list and printing login slips, in the event admin.

Mounted at ``/admin/kegiatan/<event_id>/peserta/``. The organiser uploads a
file, reads the preview of every row, confirms, sees what was done, and prints
login slips for the new accounts. The uploaded bytes wait in the cache between
these steps (:mod:`lms.events.participant_import.uploads`), never in MEDIA. Views only
pass forms to the services in :mod:`lms.events.participant_import` and
:mod:`lms.events.login_slips`, where the rules live.
"""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin import messages

from lms.events.admin.access import event_admin_view
from lms.events.admin.breadcrumbs import event_breadcrumbs
from lms.events.admin.participant_forms import (
    ConfirmImportForm,
    LoginSlipsForm,
    UploadForm,
)
from lms.events.login_slips import (
    SlipsRefused,
    imported_accounts,
    issue_login_slips,
    never_logged_in,
)
from lms.events.models import EventPage
from lms.events.participant_import import (
    ImportFileError,
    RowStatus,
    import_participants,
    plan_import,
    preview_participant_file,
)
from lms.events.participant_import.template import template_csv
from lms.events.participant_import.uploads import (
    ImportResult,
    UploadExpired,
    claim_for_saving,
    load_upload,
    release,
    store_result,
    store_upload,
)


def _render(request, event: EventPage, template: str, title: str, context: dict):
    return render(
        request,
        f"lms/event_admin/{template}",
        {
            "event": event,
            "header_title": title,
            "breadcrumbs_items": event_breadcrumbs(event, {"url": "", "label": title}),
            **context,
        },
    )


def _step_url(name: str, event: EventPage, token: str) -> str:
    url = reverse(f"lms_event_admin:{name}", args=[event.pk])
    return f"{url}?{urlencode({'token': token})}"


def _start_again(request, event: EventPage, expired: UploadExpired):
    messages.error(request, expired.message)
    return redirect("lms_event_admin:participants_upload", event.pk)


@event_admin_view
def upload(request, event):
    """Step 1: choose the file. A file that is not a list at all is refused here."""
    posted = request.method == "POST"
    form = UploadForm(
        request.POST if posted else None, request.FILES if posted else None
    )
    if posted and form.is_valid():
        token = store_upload(
            data=form.file_bytes,
            filename=form.cleaned_data["file"].name,
            user=request.user,
            event=event,
        )
        return redirect(_step_url("participants_preview", event, token))
    return _render(
        request,
        event,
        "participants_upload.html",
        _("Import participants"),
        {"form": form},
    )


@event_admin_view
def download_template(request, event):
    """A CSV with the expected headers and one example row."""
    response = HttpResponse(template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="daftar-peserta.csv"'
    return response


@event_admin_view
def preview(request, event):
    """Step 2: every row with what confirming does to it; the POST confirms."""
    try:
        stored = load_upload(
            token=request.GET.get("token", ""), user=request.user, event=event
        )
    except UploadExpired as expired:
        return _start_again(request, event, expired)
    if stored.result is not None:  # already imported: a second click, or Back
        return redirect(_step_url("participants_result", event, stored.token))
    parsed = preview_participant_file(stored.data, stored.filename)
    plan = plan_import(event=event, preview=parsed)
    form = ConfirmImportForm(
        request.POST if request.method == "POST" else None, plan=plan
    )
    if request.method == "POST" and form.is_valid():
        if not claim_for_saving(stored):
            messages.warning(request, _("This list is being imported already."))
            return redirect(_step_url("participants_result", event, stored.token))
        # Held until the upload expires once the result is stored, so a request
        # that read the upload before then cannot import it again.
        imported = False
        try:
            outcome = import_participants(
                event=event,
                preview=parsed,
                skip_invalid=form.cleaned_data.get("skip_invalid", False),
                by=request.user,
            )
            store_result(
                upload=stored,
                result=ImportResult.of(outcome),
                user=request.user,
                event=event,
            )
            imported = True
            return redirect(_step_url("participants_result", event, stored.token))
        except ImportFileError as refused:
            form.add_error(None, refused.message)
        finally:
            if not imported:
                release(stored)
    rows_with_errors = [row for row in plan.rows if row.status == RowStatus.ERROR]
    return _render(
        request,
        event,
        "participants_preview.html",
        _("Check the participant list"),
        {
            "form": form,
            "plan": plan,
            "filename": stored.filename,
            "rows_with_errors": rows_with_errors,
            "can_import": plan.preview.valid_count > 0,
        },
    )


@event_admin_view
def result(request, event):
    """Step 3: what the import did, and the way to the new accounts' login slips."""
    try:
        stored = load_upload(
            token=request.GET.get("token", ""), user=request.user, event=event
        )
    except UploadExpired as expired:
        return _start_again(request, event, expired)
    return _render(
        request,
        event,
        "participants_result.html",
        _("Participants imported"),
        {"result": stored.result, "token": stored.token},
    )


@event_admin_view
def login_slips(request, event):
    """Prints login slips, for an import's new accounts or for everyone not yet in.

    A POST, confirmed with a tick: printing replaces the passwords.
    """
    token = request.GET.get("token", "")
    created_ids = _created_ids(request, event, token)
    selections = {LoginSlipsForm.NEVER_LOGGED_IN: never_logged_in(event)}
    if created_ids is not None:
        selections = {
            LoginSlipsForm.IMPORTED: imported_accounts(event, created_ids),
            **selections,
        }
    counts = {key: users.count() for key, users in selections.items()}
    counts = {key: count for key, count in counts.items() if count}
    form = LoginSlipsForm(
        request.POST if request.method == "POST" else None, counts=counts
    )
    if request.method == "POST" and form.is_valid():
        try:
            pdf = issue_login_slips(
                users=selections[form.cleaned_data["who"]],
                event=event,
                by=request.user,
            )
        except SlipsRefused as refused:
            form.add_error(None, refused.message)
        else:
            response = HttpResponse(pdf, content_type="application/pdf")
            filename = f"slip-login-{slugify(event.title)[:60]}.pdf"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            add_never_cache_headers(response)  # it holds passwords
            return response
    return _render(
        request,
        event,
        "participants_slips.html",
        _("Login slips"),
        {"form": form, "import_expired": bool(token) and created_ids is None},
    )


def _created_ids(request, event: EventPage, token: str) -> list[int] | None:
    """The accounts the import ``token`` created, or None without a usable one."""
    if not token:
        return None
    try:
        stored = load_upload(token=token, user=request.user, event=event)
    except UploadExpired:
        return None
    return stored.result.created_ids if stored.result else None


urlpatterns = [
    path("", upload, name="participants_upload"),
    path("contoh.csv", download_template, name="participants_template"),
    path("periksa/", preview, name="participants_preview"),
    path("hasil/", result, name="participants_result"),
    path("slip-login/", login_slips, name="participants_slips"),
]
