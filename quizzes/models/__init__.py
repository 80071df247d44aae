from .attempts import Answer, Attempt
from .quiz_page import QuizPage

__all__ = ["Answer", "Attempt", "QuizPage"]
