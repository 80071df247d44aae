from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LessonProgressQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)


class LessonProgress(models.Model):
    """Where one participant is in one lesson: when they last opened it, and
    whether (and when) they finished it.

    One row per participant and lesson, so "continue where you stopped" and
    "3 of 5 lessons done" are single indexed queries.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="lesson_progress",
    )
    lesson = models.ForeignKey(
        "lms.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    first_viewed_at = models.DateTimeField(_("first opened"), auto_now_add=True)
    last_viewed_at = models.DateTimeField(_("last opened"), db_index=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = LessonProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="one_progress_per_user_and_lesson"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.lesson_id}"
