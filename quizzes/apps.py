from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    """The quiz engine: quiz pages, attempts, grading, certificates, reports.

    Its models arrive with the quiz issue; the app exists from the start so
    that migrations and URLs have a stable home.
    """

    name = "quizzes"
    verbose_name = _("Quizzes")

    def ready(self):
        # Connects certificate issuing to the engine's attempt_graded signal.
        from quizzes.certificates import receivers  # noqa: F401
