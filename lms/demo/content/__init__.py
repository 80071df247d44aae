"""The demo curriculum: one module per organisation shelf, as plain data.

Each module is a package: ``module.py`` holds ``MODULE`` (the module page's
fields) and the ``IMAGES`` and ``DOCUMENTS`` its pages refer to by key;
``lessons.py`` holds ``LESSONS``, the lesson pages in order, each with its
StreamField body built with the helpers in ``build``; ``quiz.py`` holds
``QUIZ``, the module's practice quiz, built with the helpers in ``questions``.
The event's pre-test and post-test, which cover all three modules, are in
``tests``. ``lms.demo.learning`` and ``lms.demo.quizzes`` turn them into pages.
Facts are from public sources (laws, KPU/Bawaslu regulations, the Pemprov DKI's
published complaint channels); where an exact figure was not certain the text
says what is known without it. Every quiz answer is in the lessons' text.
"""

from . import election, smart_city, supervision

# (shelf organisation's short name, module data), in the order of the "Modul" page.
SHELVES = (
    ("KPUD Jakarta Pusat", election),
    ("Bawaslu Jakarta Pusat", supervision),
    ("Pemkot Jakarta Pusat", smart_city),
)

__all__ = ["SHELVES"]
