"""Importing a question bank into a quiz, and exporting a quiz, in the Wagtail admin.

Mounted at ``/admin/kuis/<quiz_id>/soal/`` and reached from the quiz page's
header buttons. The editor uploads a file, reads a preview of every question
with its errors and what is skipped, then confirms; the questions become a new
unpublished revision of the quiz (``quizzes.qbank.saving.import_questions``).
Who may do it is who may edit the quiz page, by Wagtail's page permissions.

The uploaded bytes wait in Django's cache between preview and confirmation,
never in MEDIA, under a random token bound to the user and the quiz (as the
participant import does, :mod:`lms.events.participant_import.uploads`; that module is
tied to events and its own result type, so this keeps a small equivalent).
"""

import base64
import mimetypes
from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin import messages

from lms.core import pending_uploads
from quizzes.blocks import QuestionsBlock
from quizzes.models import QuizPage
from quizzes.qbank import QbankError, parse_file
from quizzes.qbank.decoding import MAX_FILE_BYTES
from quizzes.qbank.export_gift import export_gift
from quizzes.qbank.export_xml import export_moodle_xml
from quizzes.qbank.mapping import questions_from_stream, to_block_data
from quizzes.qbank.model import FILE_URL_PREFIX, ImportedQuestion
from quizzes.qbank.saving import import_questions, plan_import

_TYPE_LABELS = {
    name: block.meta.label for name, block in QuestionsBlock().child_blocks.items()
}
FORMAT_CHOICES = [
    ("", gettext_lazy("Detect from the file")),
    ("gift", "GIFT"),
    ("aiken", "Aiken"),
    ("moodlexml", "Moodle XML"),
]


# --- the upload, kept between preview and confirmation (lms.core.pending_uploads) ---


def _scope(quiz) -> str:
    return f"qbank-import:quiz:{quiz.pk}"


# --- forms --------------------------------------------------------------------


class UploadForm(forms.Form):
    """The question file; valid when it reads as a question bank at all.

    Broken questions are not a reason to refuse the file: the preview lists them.
    """

    file = forms.FileField(
        label=gettext_lazy("Question file"),
        help_text=gettext_lazy(
            "GIFT or Aiken (.txt) or Moodle XML (.xml), at most 10 MB."
        ),
    )
    file_format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=FORMAT_CHOICES, required=False
    )

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if upload.size > MAX_FILE_BYTES:  # before reading it into memory
            self.add_error("file", _("The file is larger than 10 MB."))
            return cleaned
        data = upload.read()
        self.file_bytes = data
        try:
            result = parse_file(data, file_format=cleaned.get("file_format") or None,
                                skip_invalid=True)  # fmt: skip
        except QbankError as error:
            self.add_error("file", str(error))
            return cleaned
        try:
            plan_import(result, skip_invalid=True)
        except QbankError as error:
            # Not one question is usable (often: not a question bank at all):
            # say so with the first reasons rather than show an empty preview.
            self.add_error("file", [error.message, *error.details])
        return cleaned


class ConfirmForm(forms.Form):
    """Confirms what the preview showed; skipping broken questions is a tick."""

    def __init__(self, *args, error_count: int, **kwargs):
        super().__init__(*args, **kwargs)
        if error_count:
            self.fields["skip_invalid"] = forms.BooleanField(
                required=False,
                label=ngettext(
                    "Skip the %(count)s bad question and import the rest",
                    "Skip the %(count)s bad questions and import the rest",
                    error_count,
                )
                % {"count": error_count},
            )

    def clean(self):
        cleaned = super().clean()
        if "skip_invalid" in self.fields and not cleaned.get("skip_invalid"):
            self.add_error(
                "skip_invalid",
                _(
                    "The file has errors, so nothing is imported unless "
                    "you skip the bad questions."
                ),
            )
        return cleaned


# --- what the preview shows ---------------------------------------------------


def _show_pictures(question: ImportedQuestion) -> ImportedQuestion:
    """The question with its embedded pictures inlined, for the preview only:
    they become Wagtail images on import, and have no URL before that."""
    if question.files:
        # Mapped as the saving step will, with the pictures stored, so the
        # notes do not claim that pictures about to be imported are left out.
        question.notes.clear()
        to_block_data(question, images={f.name: 0 for f in question.files})
    for embedded in question.files:
        content_type = mimetypes.guess_type(embedded.name)[0] or ""
        if not content_type.startswith("image/"):
            continue
        source = f'src="{FILE_URL_PREFIX}{embedded.name}"'
        encoded = base64.b64encode(embedded.content).decode()
        inline = f'src="data:{content_type};base64,{encoded}"'
        question.text = question.text.replace(source, inline)
        for option in question.options:
            option.text = option.text.replace(source, inline)
    return question


def _preview(data: bytes, file_format: str | None) -> dict:
    """Every question as it will be imported, the errors and what is skipped."""
    try:
        result = parse_file(data, file_format=file_format, skip_invalid=True)
        plan = plan_import(result, skip_invalid=True)
    except QbankError as error:
        return {"questions": [], "errors": [], "unsupported": [], "fatal": str(error)}
    return {
        "questions": [
            {"question": _show_pictures(question), "type_label": _TYPE_LABELS[kind]}
            for question, kind, _data in plan.blocks
        ],
        "errors": [s for s in plan.skipped if s.kind == "invalid"],
        "unsupported": [s for s in plan.skipped if s.kind != "invalid"],
        "fatal": "",
    }


# --- views --------------------------------------------------------------------


def quiz_editor_view(view):
    """Runs ``view(request, quiz)`` for whoever may edit the quiz page in Wagtail."""

    @wraps(view)
    def wrapper(request, quiz_id, *args, **kwargs):
        quiz = get_object_or_404(QuizPage, pk=quiz_id)
        if not quiz.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        return view(request, quiz, *args, **kwargs)

    return wrapper


def _render(request, quiz, template: str, title: str, context: dict):
    return render(
        request,
        f"quizzes/qbank_admin/{template}",
        {
            "quiz": quiz,
            "header_title": title,
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {
                    "url": reverse("wagtailadmin_pages:edit", args=[quiz.pk]),
                    "label": quiz.title,
                },
                {"url": "", "label": title},
            ],
            **context,
        },
    )


def _step_url(name: str, quiz, token: str) -> str:
    url = reverse(f"quizzes_qbank:{name}", args=[quiz.pk])
    return f"{url}?{urlencode({'token': token})}"


def _start_again(request, quiz):
    messages.error(
        request,
        _(
            "This upload has expired or was not made by you for this quiz. "
            "Upload the file again."
        ),
    )
    return redirect("quizzes_qbank:upload", quiz.pk)


@quiz_editor_view
def upload(request, quiz):
    """Step 1: choose the file and, if wanted, its format."""
    posted = request.method == "POST"
    form = UploadForm(
        request.POST if posted else None, request.FILES if posted else None
    )
    if posted and form.is_valid():
        token = pending_uploads.keep(
            owner=request.user,
            scope=_scope(quiz),
            data=form.file_bytes,
            filename=form.cleaned_data["file"].name,
            file_format=form.cleaned_data["file_format"] or None,
            result=None,
        )
        return redirect(_step_url("preview", quiz, token))
    return _render(request, quiz, "upload.html", _("Import questions"), {"form": form})


@quiz_editor_view
def preview(request, quiz):
    """Step 2: every question as it will be imported; the POST confirms."""
    token = request.GET.get("token", "")
    entry = pending_uploads.load(token, owner=request.user, scope=_scope(quiz))
    if entry is None:
        return _start_again(request, quiz)
    if entry["result"] is not None:  # already imported: a second click, or Back
        return redirect(_step_url("result", quiz, token))
    shown = _preview(entry["data"], entry["file_format"])
    posted = request.method == "POST"
    form = ConfirmForm(
        request.POST if posted else None, error_count=len(shown["errors"])
    )
    if posted and form.is_valid() and pending_uploads.claim(token):
        skip, imported = form.cleaned_data.get("skip_invalid", False), False
        try:
            result = parse_file(entry["data"], file_format=entry["file_format"],
                                skip_invalid=skip)  # fmt: skip
            plan = import_questions(quiz=quiz, result=result, user=request.user,
                                    skip_invalid=skip)  # fmt: skip
            # The file is not needed again; what the import did replaces it.
            summary = {
                "imported": len(plan.blocks),
                "skipped": [(s.where, s.reason) for s in plan.skipped],
            }
            pending_uploads.save(token, owner=request.user, scope=_scope(quiz),
                                 data=None, filename=entry["filename"],
                                 file_format=entry["file_format"], result=summary)  # fmt: skip
            imported = True
            return redirect(_step_url("result", quiz, token))
        except QbankError as error:
            form.add_error(None, str(error))
        finally:
            # Held for the rest of the hour after an import, so a request that
            # read the entry before the result was stored cannot import again.
            if not imported:
                pending_uploads.release(token)
    elif posted and form.is_valid():
        # Another request is importing this file; once it is done, this
        # preview page leads to its result.
        messages.warning(request, _("This file is being imported already."))
        return redirect(_step_url("preview", quiz, token))
    return _render(
        request,
        quiz,
        "preview.html",
        _("Check the questions"),
        {"form": form, "filename": entry["filename"], **shown},
    )


@quiz_editor_view
def result(request, quiz):
    """Step 3: what was added, what was skipped, and the way to publish."""
    entry = pending_uploads.load(
        request.GET.get("token", ""), owner=request.user, scope=_scope(quiz)
    )
    if entry is None or entry["result"] is None:
        return _start_again(request, quiz)
    return _render(
        request,
        quiz,
        "result.html",
        _("Questions imported"),
        {"result": entry["result"]},
    )


def _download(quiz, text: str, extension: str, content_type: str) -> HttpResponse:
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    name = slugify(quiz.title) or "quiz"
    response["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def _questions(quiz):
    """The quiz's pool as the editor sees it now: its latest revision."""
    return questions_from_stream(quiz.get_latest_revision_as_object().questions)


@quiz_editor_view
def download_gift(request, quiz):
    return _download(quiz, export_gift(_questions(quiz)), "gift.txt", "text/plain")


@quiz_editor_view
def download_moodle_xml(request, quiz):
    return _download(
        quiz, export_moodle_xml(_questions(quiz)), "moodle.xml", "application/xml"
    )


app_name = "quizzes_qbank"
urlpatterns = [
    path("<int:quiz_id>/soal/impor/", upload, name="upload"),
    path("<int:quiz_id>/soal/impor/periksa/", preview, name="preview"),
    path("<int:quiz_id>/soal/impor/hasil/", result, name="result"),
    path("<int:quiz_id>/soal/ekspor/gift/", download_gift, name="export_gift"),
    path(
        "<int:quiz_id>/soal/ekspor/moodle-xml/",
        download_moodle_xml,
        name="export_moodle_xml",
    ),  # fmt: skip
]
