"""The demo quizzes: a practice quiz in every module.

The questions live in ``lms.demo.content`` (each module's ``quiz.py``); the
event's pre-test and post-test are seeded with the event (``lms.demo.events``). Each quiz is found by its slug under
its module and only written when it differs from the data here, as a new
published revision, like the lessons in ``lms.demo.learning``. Attempts already
made keep the paper they froze when they started (promise 1, docs/architecture.md), so
changing a question here never changes a graded attempt.
"""

from home.models import HomePage
from lms.learning.models import ModulePage
from quizzes.models import QuizPage

from .content import SHELVES
from .learning import INDEX_SLUG, SHELF_PAGES, _ensure_order, _ensure_page

# Practice: as often as wanted, the right answers and feedback straight after.
PRACTICE = {
    "kind": QuizPage.Kind.PRACTICE,
    "pass_mark": 60,
    "time_limit_minutes": None,
    "max_attempts": 0,
    "grading_method": QuizPage.GradingMethod.HIGHEST,
    "shuffle_questions": False,
    "shuffle_options": True,
    "review_content": QuizPage.ReviewContent.FEEDBACK,
    "review_timing": QuizPage.ReviewTiming.IMMEDIATELY,
    "grants_certificate": False,
}

# Written for every quiz, so that a demo quiz edited by hand is put back whole.
ALWAYS = {"opens_at": None, "closes_at": None, "draw_count": None}


def quiz_specs() -> list[tuple[str, str, dict]]:
    """(shelf organisation, module slug, quiz fields with slug) for every demo quiz."""
    specs = []
    for short_name, content in SHELVES:
        module_slug = content.MODULE["slug"]
        specs.append((short_name, module_slug, {**PRACTICE, **content.QUIZ}))
    return specs


def demo_module(short_name: str, module_slug: str) -> ModulePage:
    """The demo module ``module_slug`` on the shelf of organisation ``short_name``."""
    index = HomePage.objects.get().get_children().get(slug=INDEX_SLUG)
    shelf = index.get_children().get(slug=SHELF_PAGES[short_name][1])
    return shelf.get_children().get(slug=module_slug).specific


def seed_quizzes() -> str:
    """Creates or corrects the practice quizzes."""
    by_module: dict[tuple[str, str], list[str]] = {}
    questions = 0
    for short_name, module_slug, spec in quiz_specs():
        module = demo_module(short_name, module_slug)
        fields = {**ALWAYS, **{k: v for k, v in spec.items() if k != "slug"}}
        _ensure_page(module, QuizPage, spec["slug"], fields)
        by_module.setdefault((short_name, module_slug), []).append(spec["slug"])
        questions += len(spec["questions"])
    # Quizzes after the lessons: a module opens with its first lesson.
    lessons = {content.MODULE["slug"]: content.LESSONS for _, content in SHELVES}
    for (short_name, module_slug), slugs in by_module.items():
        lesson_slugs = [lesson["slug"] for lesson in lessons[module_slug]]
        _ensure_order(demo_module(short_name, module_slug), [*lesson_slugs, *slugs])
    return f"{len(SHELVES)} practice quizzes with {questions} questions"
