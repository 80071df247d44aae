"""The questions of an event's evaluation as a Django form, and its answers as stored.

Wagtail's form builder (``wagtail.contrib.forms``) with two additions
(docs/reports.md, "Evaluation"):

- **The agreement scale**: five levels from 1 (strongly disagree) to 5
  (strongly agree), shown as a group of radio buttons under the question as
  its legend (``includes/field.html``), and stored as the number.
- **Ask about each speaker**: the question is asked once per speaker of the
  event's agenda. Its answers are stored under the question's name as one
  value per speaker, by the speaker's name, so they stay whose they were when
  the agenda changes later: ``{"materi": 4, "narasumber": {"Ratna …": 5}}``.

Free text is limited in length (single lines to Wagtail's 255 characters), so
one answer cannot fill a report.
"""

from django import forms
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

LIKERT = "likert"
LIKERT_LEVELS = (
    (1, _("Strongly disagree")),
    (2, _("Disagree")),
    (3, _("Neutral")),
    (4, _("Agree")),
    (5, _("Strongly agree")),
)
# A comment longer than a page of text is more likely pasted than written.
FREE_TEXT_MAX_LENGTH = 2000


def agenda_speakers(agenda) -> list[str]:
    """The speakers named in an event's agenda, each once, in agenda order.

    Two spellings that make the same form field name (``speaker_key``) count as
    one speaker, so every speaker's answers have a field of their own.
    """
    speakers, keys = [], set()
    for block in agenda:
        speaker = (block.value.get("speaker") or "").strip()
        key = slugify(speaker, allow_unicode=True)
        if speaker and key not in keys:
            keys.add(key)
            speakers.append(speaker)
    return speakers


def speaker_key(name: str, speaker: str) -> str:
    """The form field (and spreadsheet column) of question ``name`` about ``speaker``.

    Question names are snake_case (Wagtail's ``clean_name``), so the double
    hyphen keeps a speaker's field apart from every question's.
    """
    return f"{name}--{slugify(speaker, allow_unicode=True)}"


def speaker_label(label: str, speaker: str) -> str:
    return f"{label} — {speaker}"


class EvaluationFormBuilder(FormBuilder):
    """Wagtail's form builder plus the agreement scale and per-speaker questions."""

    def __init__(self, fields, *, speakers=()):
        super().__init__(fields)
        self.speakers = tuple(speakers)

    @property
    def formfields(self):
        formfields = {}
        for field in self.fields:
            name = field.clean_name or field.get_field_clean_name()
            create = self.get_create_field_function(field.field_type)
            if not field.per_speaker:
                formfields[name] = create(field, self.get_field_options(field))
                continue
            for speaker in self.speakers:
                options = self.get_field_options(field, speaker=speaker)
                formfields[speaker_key(name, speaker)] = create(field, options)
        return formfields

    def get_field_options(self, field, *, speaker=None):
        options = super().get_field_options(field)
        if speaker is not None:
            options["label"] = speaker_label(field.label, speaker)
        options["error_messages"] = {
            "required": gettext("Answer this question: %(question)s")
            % {"question": options["label"]},
            "max_length": gettext(
                "Write at most %(limit_value)d characters; this answer has "
                "%(show_value)d."
            ),
        }
        return options

    def create_likert_field(self, field, options):
        options["error_messages"]["invalid_choice"] = gettext(
            "Choose one of the five answers, from 1 (strongly disagree) to 5 "
            "(strongly agree)."
        )
        options["initial"] = None  # a level chosen in advance would sway the answer
        return forms.TypedChoiceField(
            choices=[
                (value, format_lazy("{} · {}", value, label))
                for value, label in LIKERT_LEVELS
            ],
            coerce=int,
            empty_value=None,
            widget=forms.RadioSelect,
            **options,
        )

    def create_multiline_field(self, field, options):
        options["max_length"] = FREE_TEXT_MAX_LENGTH
        return super().create_multiline_field(field, options)


def stored_answers(fields, speakers, cleaned_data: dict) -> dict:
    """A valid form's answers as they are stored: per-speaker ones by speaker name."""
    answers = {}
    for field in fields:
        if field.per_speaker:
            answers[field.clean_name] = {
                speaker: cleaned_data.get(speaker_key(field.clean_name, speaker))
                for speaker in speakers
            }
        else:
            answers[field.clean_name] = cleaned_data.get(field.clean_name)
    return answers


def flat_answers(form_data: dict) -> dict:
    """Stored answers with one key per question and speaker (``speaker_key``), as
    Wagtail's submissions listing and its downloads read them."""
    flat = {}
    for name, value in form_data.items():
        if isinstance(value, dict):
            for speaker, answer in value.items():
                flat[speaker_key(name, speaker)] = answer
        else:
            flat[name] = value
    return flat
