from quizzes.models.attempts import Answer, Attempt
from quizzes.models.quiz_page import QuizPage

__all__ = ["Answer", "Attempt", "QuizPage"]
