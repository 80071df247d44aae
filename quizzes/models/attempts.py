from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AttemptQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(status=Attempt.Status.IN_PROGRESS)

    def submitted(self):
        return self.filter(status=Attempt.Status.SUBMITTED)

    def overdue(self, now):
        """Open attempts whose deadline or quiz's closing time (plus grace) has passed."""
        from quizzes.attempts import GRACE

        return self.in_progress().filter(
            models.Q(deadline__lt=now - GRACE)
            | models.Q(quiz__closes_at__lt=now - GRACE)
        )


class Attempt(models.Model):
    """One participant's sitting of one quiz, with its frozen paper and its grade.

    Attempts are never deleted (promise 6, docs/architecture.md): a quiz page with attempts cannot
    be deleted either (``PROTECT``). ``number`` counts a participant's
    attempts at a quiz from 1, and is what URLs use, so one participant
    cannot name another's attempt.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    class SubmittedBy(models.TextChoices):
        PARTICIPANT = "participant", _("The participant")
        DEADLINE = "deadline", _("Automatically at the deadline")

    quiz = models.ForeignKey(
        "quizzes.QuizPage",
        verbose_name=_("quiz"),
        on_delete=models.PROTECT,
        related_name="attempts",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="quiz_attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started"))
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.CharField(
        _("submitted by"), max_length=20, choices=SubmittedBy.choices, blank=True
    )
    # Frozen at start with the paper: editing the quiz never changes a result.
    pass_mark = models.DecimalField(_("pass mark (%)"), max_digits=5, decimal_places=2)
    # The questions as this participant got them, answers and points included.
    paper = models.JSONField(_("paper"), default=list)
    score = models.DecimalField(
        _("score"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    max_score = models.DecimalField(
        _("maximum score"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    percent = models.DecimalField(
        _("percentage"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("passed"), null=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["quiz", "user", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "user", "number"], name="one_attempt_per_number"
            ),
            # At most one open attempt per participant and quiz, even if two
            # starts race past the application's own check.
            models.UniqueConstraint(
                fields=["quiz", "user"],
                condition=models.Q(status="in_progress"),
                name="one_open_attempt_per_quiz",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return f"{self.user} · {self.quiz_id} #{self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class Answer(models.Model):
    """A participant's latest response to one question of one attempt.

    Saved as it is given (autosave). ``revision`` is the browser's counter for
    that question, so a queued older save arriving after a newer one cannot
    overwrite it. Credit is filled in when the attempt is graded.
    """

    attempt = models.ForeignKey(
        Attempt,
        verbose_name=_("attempt"),
        on_delete=models.PROTECT,
        related_name="answers",
    )
    question_key = models.CharField(_("question"), max_length=16)
    response = models.JSONField(_("response"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    saved_at = models.DateTimeField(_("saved"))
    credit = models.DecimalField(
        _("credit"), max_digits=5, decimal_places=4, null=True, blank=True
    )
    points = models.DecimalField(
        _("points"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_key"], name="one_answer_per_question"
            )
        ]

    def __str__(self):
        return f"{self.attempt} · {self.question_key}"
