"""What a participant may see of a submitted attempt, per the quiz's review policy.

Promise 5 (docs/architecture.md): right answers never reach the browser before the
review policy allows. Everything the result page shows passes through here.
"""

from dataclasses import dataclass, field

from quizzes.models import Attempt, QuizPage
from quizzes.question_text import with_html


@dataclass(frozen=True)
class QuestionReview:
    number: int
    question: dict  # the frozen question; only shown fields are read from it
    response: object
    points: object  # awarded
    outcome: str  # "correct", "partial", "wrong", "unanswered"
    show_answers: bool
    show_feedback: bool


@dataclass(frozen=True)
class Review:
    available: bool
    show_score: bool
    show_correctness: bool
    show_feedback: bool
    questions: list[QuestionReview] = field(default_factory=list)


def _outcome(answer) -> str:
    if answer is None or answer.response is None:
        return "unanswered"
    if answer.credit is None or answer.credit <= 0:
        return "wrong"
    return "correct" if answer.credit >= 1 else "partial"


def review_of(attempt: Attempt, *, has_open_attempt: bool = False, now=None) -> Review:
    """The review ``attempt`` may show now.

    Nothing beyond "submitted" while the participant has another attempt
    open at the same quiz: the review of the first would answer the second.
    """
    quiz = attempt.quiz
    if has_open_attempt or not quiz.review_is_available(now):
        return Review(
            available=False,
            show_score=False,
            show_correctness=False,
            show_feedback=False,
        )
    content = quiz.review_content
    correctness = content in (
        QuizPage.ReviewContent.CORRECTNESS,
        QuizPage.ReviewContent.FEEDBACK,
    )
    feedback = content == QuizPage.ReviewContent.FEEDBACK
    if not correctness:
        return Review(
            available=True, show_score=True, show_correctness=False, show_feedback=False
        )
    answers = {a.question_key: a for a in attempt.answers.all()}
    questions = [
        QuestionReview(
            number=number,
            question=question,
            response=answers[question["key"]].response
            if question["key"] in answers
            else None,
            points=answers[question["key"]].points if question["key"] in answers else 0,
            outcome=_outcome(answers.get(question["key"])),
            show_answers=feedback,
            show_feedback=feedback,
        )
        for number, question in enumerate(with_html(attempt.paper), start=1)
    ]
    return Review(
        available=True,
        show_score=True,
        show_correctness=True,
        show_feedback=feedback,
        questions=questions,
    )
