"""A participant's progress through a module's lessons.

``summarise_module_progress`` is the rule ("3 of 5 done, continue with …") as a
pure function; the two writers record what the participant did.
"""

from collections.abc import Sequence, Set
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.accounts.models import User
from lms.learning.models import LessonPage, LessonProgress


@dataclass(frozen=True)
class ModuleProgress:
    """How far one participant is through one module."""

    total: int
    done: int
    # The first lesson, in module order, that is not done yet.
    next_lesson_id: int | None
    # Where "continue where you stopped" goes: the lesson last opened if it is
    # not finished, else the next unfinished one.
    resume_lesson_id: int | None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_complete(self) -> bool:
        return self.total > 0 and self.done == self.total


def summarise_module_progress(
    *, lesson_ids: Sequence[int], done_ids: Set[int], last_viewed_id: int | None
) -> ModuleProgress:
    """Progress over ``lesson_ids`` (in module order) from what the participant did.

    Lessons done that are no longer in the module (unpublished since) do not count.
    """
    done = [lesson_id for lesson_id in lesson_ids if lesson_id in done_ids]
    next_lesson_id = next((i for i in lesson_ids if i not in done_ids), None)
    if last_viewed_id in lesson_ids and last_viewed_id not in done_ids:
        resume_lesson_id = last_viewed_id
    else:
        resume_lesson_id = next_lesson_id
    return ModuleProgress(
        total=len(lesson_ids),
        done=len(done),
        next_lesson_id=next_lesson_id,
        resume_lesson_id=resume_lesson_id,
    )


def record_lesson_visit(*, user: User, lesson: LessonPage) -> None:
    """Remembers that ``user`` opened ``lesson`` now, for "continue where you stopped".

    Every lesson view by a logged-in participant calls this, so the usual case
    (a lesson seen before) is one UPDATE; only a first visit inserts.
    """
    now = timezone.now()
    seen = LessonProgress.objects.filter(user=user, lesson=lesson)
    if not seen.update(last_viewed_at=now):
        try:
            with transaction.atomic():
                LessonProgress.objects.create(
                    user=user, lesson=lesson, last_viewed_at=now
                )
        except IntegrityError:  # the same participant's other tab got there first
            seen.update(last_viewed_at=now)


@transaction.atomic
def set_lesson_completion(
    *, user: User, lesson: LessonPage, done: bool
) -> LessonProgress:
    """Marks ``lesson`` done (keeping the first completion time) or not done.

    Idempotent: marking a finished lesson done again changes nothing, so the
    automatic mark at the end of the page and a tap on the button can race.
    """
    now = timezone.now()
    progress, _ = LessonProgress.objects.select_for_update().get_or_create(
        user=user, lesson=lesson, defaults={"last_viewed_at": now}
    )
    completed_at = (progress.completed_at or now) if done else None
    if completed_at != progress.completed_at:
        progress.completed_at = completed_at
        progress.save(update_fields=["completed_at"])
    return progress
