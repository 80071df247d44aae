"""The participant's "my quizzes" page: every quiz they have attempted, with its grade."""

from quizzes.attempts import QuizStanding, standing_from
from quizzes.models import Attempt, QuizPage


def quiz_standings(user) -> list[tuple[QuizPage, QuizStanding]]:
    """Each quiz the participant has attempted, most recent first, in one query."""
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("quiz")
        .defer("paper", "quiz__questions")
        .order_by("-started_at")
    )
    by_quiz: dict[int, list[Attempt]] = {}
    for attempt in attempts:
        by_quiz.setdefault(attempt.quiz_id, []).append(attempt)
    return [
        (group[0].quiz, standing_from(group[0].quiz, group))
        for group in by_quiz.values()
    ]
