"""The event's evaluation: a Wagtail form page under the event, answered once.

Built on ``wagtail.contrib.forms`` (docs/reports.md, "Evaluation"): editors add
questions as they add fields to any Wagtail form, with the agreement scale and
"ask about each speaker" besides Wagtail's own field types
(``lms.events.evaluation_form``). Participants of the event answer it once;
the link to their account exists only to enforce that, and no report, listing
or download shows it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import (
    FORM_FIELD_CHOICES,
    AbstractForm,
    AbstractFormField,
    AbstractFormSubmission,
)

from lms.events.evaluation_form import (
    LIKERT,
    EvaluationFormBuilder,
    agenda_speakers,
    flat_answers,
    speaker_key,
    speaker_label,
)
from lms.events.models.events import EventPage


class EvaluationPageForm(WagtailAdminFormPageForm):
    """Wagtail's form page editor (it refuses two questions with the same name), in
    which a page being added learns the event it goes under, so its closing time
    is checked against the event's start before it is saved."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if parent_page is not None and not self.instance.path:
            self.instance.event = parent_page.specific


class EvaluationPage(AbstractForm):
    """ "Evaluasi kegiatan": how the participants rated the day and each speaker.

    Open to the event's enrolled participants from the event's start until
    ``closes_at`` (for good when it is empty); one response each.
    """

    intro = models.TextField(
        _("introduction"),
        max_length=1000,
        blank=True,
        help_text=_("Shown above the questions, e.g. why the answers matter."),
    )
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_(
            "Participants can answer from the start of the event until then. "
            "Leave empty to keep it open."
        ),
    )

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        FieldPanel("closes_at"),
        InlinePanel("form_fields", label=_("Questions")),
    ]

    parent_page_types = ["lms.EventPage"]
    subpage_types = []
    max_count_per_parent = 1
    form_builder = EvaluationFormBuilder
    base_form_class = EvaluationPageForm

    class Meta:
        verbose_name = _("event evaluation")
        verbose_name_plural = _("event evaluations")

    @cached_property
    def event(self) -> EventPage:
        return EventPage.objects.parent_of(self).get()

    @cached_property
    def speakers(self) -> list[str]:
        """Whom the per-speaker questions ask about: the event's agenda, now."""
        return agenda_speakers(self.event.agenda)

    def clean(self):
        super().clean()
        # A page being added has no place in the tree yet: the editor's form
        # (EvaluationPageForm) tells it its event; elsewhere it has none yet.
        event = self.event if self.path or "event" in self.__dict__ else None
        if self.closes_at and event and self.closes_at <= event.starts_at:
            raise ValidationError(
                {"closes_at": _("The evaluation must close after the event starts.")}
            )

    def is_open(self, now=None) -> bool:
        """From the event's start until ``closes_at`` (if any)."""
        now = now or timezone.now()
        return self.event.starts_at <= now and (
            self.closes_at is None or now < self.closes_at
        )

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), "event": self.event}

    def get_form_class(self):
        return self.form_builder(
            self.get_form_fields(), speakers=self.speakers
        ).get_form_class()

    def get_data_fields(self):
        """Wagtail's submissions listing: one column per question and speaker."""
        columns = [("submit_time", _("Submission date"))]
        for field in self.get_form_fields():
            if field.per_speaker:
                columns.extend(
                    (
                        speaker_key(field.clean_name, speaker),
                        speaker_label(field.label, speaker),
                    )
                    for speaker in self.speakers
                )
            else:
                columns.append((field.clean_name, field.label))
        return columns

    def get_submission_class(self):
        return EvaluationResponse

    def get_submissions_list_view_class(self):
        from lms.events.evaluation_submissions import EvaluationSubmissionsListView

        return EvaluationSubmissionsListView

    def process_form_submission(self, form):
        """The participant's response, or ``None`` when they had already answered."""
        from lms.events.evaluation import record_response

        return record_response(
            page=self, user=form.user, cleaned_data=form.cleaned_data
        )

    def serve(self, request, *args, **kwargs):
        from lms.events.views.evaluation import serve_evaluation

        request.is_preview = False
        return serve_evaluation(self, request)


class EvaluationField(AbstractFormField):
    """One question of an evaluation: Wagtail's form field plus the agreement
    scale and "ask about each speaker"."""

    page = ParentalKey(
        EvaluationPage, on_delete=models.CASCADE, related_name="form_fields"
    )
    field_type = models.CharField(
        _("field type"),
        max_length=16,
        choices=[(LIKERT, _("Agreement scale (1–5)")), *FORM_FIELD_CHOICES],
    )
    # As Wagtail's own field: previews need the type to build the form.
    field_type.required_on_save = True
    per_speaker = models.BooleanField(
        _("ask about each speaker"),
        default=False,
        help_text=_(
            "Asks the question once for each speaker named in the event's agenda."
        ),
    )

    panels = [*AbstractFormField.panels, FieldPanel("per_speaker")]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("evaluation question")
        verbose_name_plural = _("evaluation questions")


class EvaluationResponse(AbstractFormSubmission):
    """One participant's answers (``form_data``), anonymous to organisers.

    ``user`` only makes the response unique per participant: nothing shows it.
    Deleting the account keeps the answers and drops the link.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("evaluation response")
        verbose_name_plural = _("evaluation responses")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"], name="one_evaluation_response_per_participant"
            )
        ]

    def __str__(self):
        return f"{self.page_id} · {self.pk}"

    def get_data(self):
        """The answers for Wagtail's listing and downloads: never the participant."""
        return {**flat_answers(self.form_data), "submit_time": self.submit_time}
