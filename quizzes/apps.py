from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    """The quiz engine: quiz pages, attempts, grading, question banks, reviews.

    It knows nothing of events or certificates: the page above a quiz decides
    who may take it (``quizzes.hosts``), and a graded attempt is announced
    (``quizzes.signals``) for whoever listens.
    """

    name = "quizzes"
    verbose_name = _("Quizzes")
