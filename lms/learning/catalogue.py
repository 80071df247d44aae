"""What the module, lesson, tag and search pages show, in a fixed number of queries.

Each function returns plain data for a template. They fetch in bulk (lessons of
a module in one query, a participant's progress in one query, parents by path in
one query) so a page costs the same however many lessons, tags or speakers it has.
"""

import re
from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Page

from lms.learning.models import LessonPage, LessonProgress, ModulePage
from lms.learning.progress import ModuleProgress, summarise_module_progress

# Rendition sizes the templates ask for, prefetched with the images.
COVER_RENDITION = "fill-640x360"
PORTRAIT_RENDITION = "fill-160x160"
# A search is a way in, not a browse: past a hundred hits, refine the words.
MAX_SEARCH_RESULTS = 100


@dataclass(frozen=True)
class ModuleCard:
    module: ModulePage
    lesson_count: int
    progress: ModuleProgress | None


@dataclass(frozen=True)
class LessonRow:
    lesson: LessonPage
    done: bool
    is_resume: bool


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def _progress_rows(user, lesson_ids) -> dict[int, LessonProgress]:
    if not user.is_authenticated or not lesson_ids:
        return {}
    rows = LessonProgress.objects.filter(user=user, lesson_id__in=lesson_ids).only(
        "lesson_id", "completed_at", "last_viewed_at"
    )
    return {row.lesson_id: row for row in rows}


def summarise_rows(
    lesson_ids: list[int], rows: dict[int, LessonProgress]
) -> ModuleProgress:
    """A module's progress from the participant's progress rows, keyed by lesson id."""
    mine = [rows[i] for i in lesson_ids if i in rows]
    last = max(mine, key=lambda row: row.last_viewed_at, default=None)
    return summarise_module_progress(
        lesson_ids=lesson_ids,
        done_ids={row.lesson_id for row in mine if row.completed_at},
        last_viewed_id=last.lesson_id if last else None,
    )


def _with_cover(queryset):
    images = get_image_model().objects.prefetch_renditions(COVER_RENDITION)
    return queryset.select_related("organisation").prefetch_related(
        "tags", Prefetch("cover_image", queryset=images)
    )


def module_listing(shelf: Page, *, user) -> list[ModuleCard]:
    """The published modules on ``shelf`` and the shelves below it, in tree order."""
    modules = list(
        _with_cover(ModulePage.objects.live().public().descendant_of(shelf)).order_by(
            "path"
        )
    )
    lessons = (
        LessonPage.objects.live()
        .public()
        .descendant_of(shelf)
        .order_by("path")
        .values_list("id", "path")
    )
    lesson_ids_by_module: dict[str, list[int]] = {}
    for lesson_id, path in lessons:
        lesson_ids_by_module.setdefault(path[: -Page.steplen], []).append(lesson_id)
    all_ids = [i for ids in lesson_ids_by_module.values() for i in ids]
    rows = _progress_rows(user, all_ids)
    cards = []
    for module in modules:
        ids = lesson_ids_by_module.get(module.path, [])
        progress = summarise_rows(ids, rows) if user.is_authenticated else None
        cards.append(
            ModuleCard(module=module, lesson_count=len(ids), progress=progress)
        )
    return cards


def _lessons_of(module: ModulePage):
    return (
        LessonPage.objects.live()
        .public()
        .child_of(module)
        .order_by("path")
        .defer_streamfields()
    )


def _quizzes_of(module: ModulePage) -> list:
    """The module's live pages beside its lessons: its practice quizzes.

    Found as the other page types a module accepts (``ModulePage.subpage_types``),
    so learning names the quiz engine only there, as a string, and never imports
    it: the engine sits above learning (docs/architecture.md). One query a type.
    """
    return [
        page
        for model in ModulePage.allowed_subpage_models()
        if model is not LessonPage
        for page in model.objects.live()
        .public()
        .child_of(module)
        .order_by("path")
        .defer_streamfields()
    ]


def module_outline(module: ModulePage, *, user) -> dict:
    """A module page's lessons with their status, progress, speakers and tags."""
    lessons = list(_lessons_of(module))
    rows = _progress_rows(user, [lesson.pk for lesson in lessons])
    progress = summarise_rows([lesson.pk for lesson in lessons], rows)
    portraits = get_image_model().objects.prefetch_renditions(PORTRAIT_RENDITION)
    speakers = module.speakers.select_related("organisation").prefetch_related(
        Prefetch("photo", queryset=portraits)
    )
    by_id = {lesson.pk: lesson for lesson in lessons}
    return {
        "lessons": [
            LessonRow(
                lesson=lesson,
                done=bool(rows.get(lesson.pk) and rows[lesson.pk].completed_at),
                is_resume=bool(rows) and lesson.pk == progress.resume_lesson_id,
            )
            for lesson in lessons
        ],
        "progress": progress if user.is_authenticated else None,
        # Only someone who has opened a lesson here has somewhere to continue.
        "continue_lesson": by_id.get(progress.resume_lesson_id) if rows else None,
        "first_lesson": lessons[0] if lessons else None,
        "speakers": list(speakers) if module.pk else [],
        "quizzes": _quizzes_of(module),
        "tags": list(module.tags.all()),
    }


def lesson_context(lesson: LessonPage, *, user) -> dict:
    """A lesson's place in its module: module, position, neighbours, progress."""
    module = ModulePage.objects.filter(path=_parent_path(lesson)).first()
    siblings = list(_lessons_of(module)) if module else []
    ids = [sibling.pk for sibling in siblings]
    position = ids.index(lesson.pk) if lesson.pk in ids else None
    rows = _progress_rows(user, ids)
    return {
        "module": module,
        "position": position + 1 if position is not None else None,
        "lesson_total": len(ids),
        "previous_lesson": siblings[position - 1] if position else None,
        "next_lesson": (
            siblings[position + 1]
            if position is not None and position + 1 < len(siblings)
            else None
        ),
        "progress": summarise_rows(ids, rows) if user.is_authenticated else None,
        "is_done": bool(rows.get(lesson.pk) and rows[lesson.pk].completed_at),
        "tags": list(lesson.tags.all()),
    }


@dataclass(frozen=True)
class Result:
    """A module or lesson in a list of results, with the module a lesson is in."""

    page: Page
    module: ModulePage | None


def attach_modules(pages: list[Page]) -> list[Result]:
    """Pairs each lesson with its module, fetching all modules in one query."""
    lesson_parent_paths = {
        _parent_path(page) for page in pages if isinstance(page, LessonPage)
    }
    modules = {
        module.path: module
        for module in ModulePage.objects.filter(path__in=lesson_parent_paths).only(
            "id", "title", "path", "url_path"
        )
    }
    return [
        Result(
            page=page,
            module=modules.get(_parent_path(page))
            if isinstance(page, LessonPage)
            else None,
        )
        for page in pages
    ]


def tagged_pages(tag_slug: str) -> list[Result]:
    """Published modules, then lessons, that carry the tag ``tag_slug``."""
    modules = list(
        ModulePage.objects.live()
        .public()
        .filter(tags__slug=tag_slug)
        .select_related("organisation")
        .order_by("title")
        .distinct()
    )
    lessons = list(
        LessonPage.objects.live()
        .public()
        .filter(tags__slug=tag_slug)
        .defer_streamfields()
        .order_by("title")
        .distinct()
    )
    return attach_modules([*modules, *lessons])


def search_words(query: str) -> list[str]:
    """The words of a query, without punctuation.

    Search backends give punctuation meaning (SQLite's FTS5 fails outright on
    a stray quote or ">"); participants mean only the words.
    """
    return re.findall(r"\w+", query)


def search_learning(query: str) -> list[Result]:
    """Published modules and lessons matching every word of ``query``, best first."""
    words = search_words(query)
    if not words:
        return []
    hits = list(
        Page.objects.live()
        .public()
        .type(ModulePage, LessonPage)
        .search(" ".join(words), operator="and")[:MAX_SEARCH_RESULTS]
    )
    specific = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[hit.pk for hit in hits])
        .defer_streamfields()
        .specific(defer=False)
    }
    return attach_modules([specific[hit.pk] for hit in hits if hit.pk in specific])
