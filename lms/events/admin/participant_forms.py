"""Forms of the participant import and the login slips, in the event admin."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from lms.events.participant_import import (
    ImportFileError,
    ImportPlan,
    ImportPreview,
    preview_participant_file,
)
from lms.events.participant_import.reading import check_file_size


class UploadForm(forms.Form):
    """The participant list; valid when it reads as a table with a usable header.

    Rows with errors are not a reason to refuse the file: the preview shows them.
    """

    file = forms.FileField(
        label=_("Participant list (.xlsx or .csv)"),
        help_text=_("Excel workbook or CSV, one participant per row, at most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_file_size(upload.size)  # before reading it into memory
            data = upload.read()
            self.preview: ImportPreview = preview_participant_file(data, upload.name)
        except ImportFileError as error:
            raise ValidationError(error.message, code=error.code) from error
        self.file_bytes = data
        return upload


class ConfirmImportForm(forms.Form):
    """Confirms what the preview showed; skipping invalid rows is an explicit choice."""

    # The number of rows with errors the organiser saw: if the accounts changed
    # since and more rows now fail, "skip them" no longer means what they chose.
    error_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, plan: ImportPlan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["error_count"].initial = plan.error_count
        if plan.error_count:
            self.fields["skip_invalid"] = forms.BooleanField(
                required=False,
                label=ngettext(
                    "Skip the %(count)s invalid row and import the rest",
                    "Skip the %(count)s invalid rows and import the rest",
                    plan.error_count,
                )
                % {"count": plan.error_count},
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("error_count") != self.plan.error_count:
            raise ValidationError(
                _("The accounts changed since this preview. Check the rows again."),
                code="stale",
            )
        return cleaned


class LoginSlipsForm(forms.Form):
    """Whose slips to print; printing replaces passwords, so it must be confirmed."""

    IMPORTED = "imported"
    NEVER_LOGGED_IN = "never_logged_in"

    who = forms.ChoiceField(label=_("Print login slips for"), widget=forms.RadioSelect)
    confirm = forms.BooleanField(
        label=_(
            "I understand that these participants get new passwords: slips "
            "printed before for them stop working."
        ),
        error_messages={
            "required": _("Tick the box to confirm that passwords will be replaced.")
        },
    )

    def __init__(self, *args, counts: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["who"].choices = [
            (key, _choice_label(key, count)) for key, count in counts.items()
        ]
        self.fields["who"].initial = next(iter(counts), None)


def _choice_label(key: str, count: int) -> str:
    if key == LoginSlipsForm.IMPORTED:
        text = ngettext(
            "The %(count)s new account from this import",
            "The %(count)s new accounts from this import",
            count,
        )
    else:
        text = ngettext(
            "The %(count)s participant of this event who has never logged in",
            "The %(count)s participants of this event who have never logged in",
            count,
        )
    return text % {"count": count}
