"""The pages a quiz sits under, as the quiz engine sees them.

A quiz is a page in a module (open to anyone who can see it) or in an event
(for the event's enrolled participants only). The engine knows neither: it
asks the quiz's parent page, and a page that restricts its quizzes says so by
implementing :class:`QuizHost`. Events do (``EventPage.admits_to_quiz``);
the engine imports nothing of theirs (docs/architecture.md, "Where things live").
"""

from typing import Protocol, runtime_checkable


@runtime_checkable
class QuizHost(Protocol):
    """A page that decides who may take the quizzes under it."""

    def admits_to_quiz(self, user) -> bool:
        """Whether ``user`` may start an attempt at a quiz under this page."""
        ...


def may_take(quiz, user) -> bool:
    """Whether ``user`` may start ``quiz``: its parent decides, or anyone may.

    One query for the parent (``specific_deferred`` reads no more rows), plus
    whatever the host asks.
    """
    parent = quiz.get_parent().specific_deferred
    return parent.admits_to_quiz(user) if isinstance(parent, QuizHost) else True
