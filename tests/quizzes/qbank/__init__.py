"""Tests of question-bank import and export (quizzes.qbank)."""
