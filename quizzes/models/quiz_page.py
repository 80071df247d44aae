from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from lms.core.rich_text import SafeRichTextField, SanitisedStreamField
from quizzes.blocks import QuestionsBlock


def _delegate(view_name: str):
    """A route that hands the request to ``quizzes.views.<view_name>``.

    Imported when called: the views import these models.
    """

    def route(self, request, *args, **kwargs):
        from quizzes import views

        return getattr(views, view_name)(request, self, *args, **kwargs)

    route.__name__ = view_name
    return route


class QuizPage(RoutablePageMixin, Page):
    """A graded quiz: a practice quiz in a module, or an event's pre- or post-test.

    The page holds the settings and the pool of questions; each attempt
    freezes its own paper from them (``quizzes.paper``). Serving is delegated
    to the views in ``quizzes.views`` through the routes below.
    """

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Practice quiz")
        PRE_TEST = "pre_test", _("Pre-test")
        POST_TEST = "post_test", _("Post-test")

    class GradingMethod(models.TextChoices):
        HIGHEST = "highest", _("Highest attempt")
        LATEST = "latest", _("Latest attempt")
        FIRST = "first", _("First attempt")
        MEAN = "mean", _("Average of attempts")

    class ReviewContent(models.TextChoices):
        SCORE = "score", _("Score only")
        CORRECTNESS = "correctness", _("Score and which answers were right")
        FEEDBACK = "feedback", _("Score, right answers and feedback")

    class ReviewTiming(models.TextChoices):
        IMMEDIATELY = "immediately", _("Immediately after submitting")
        AFTER_CLOSE = "after_close", _("After the quiz closes")
        NEVER = "never", _("Never")

    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.PRACTICE
    )
    introduction = SafeRichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("What the quiz covers and anything to know before starting."),
    )
    pass_mark = models.DecimalField(
        _("pass mark (%)"),
        max_digits=5,
        decimal_places=2,
        default=60,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text=_("Empty for no limit."),
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(
        _("closes"),
        null=True,
        blank=True,
        help_text=_("Open attempts are submitted automatically at this time."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"),
        default=1,
        validators=[MaxValueValidator(100)],
        help_text=_("0 for no limit."),
    )
    grading_method = models.CharField(
        _("grade when attempted more than once"),
        max_length=20,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    draw_count = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Draw this many questions at random from the pool; empty for all."),
    )
    review_content = models.CharField(
        _("after submitting, show"),
        max_length=20,
        choices=ReviewContent.choices,
        default=ReviewContent.CORRECTNESS,
    )
    review_timing = models.CharField(
        _("show it"),
        max_length=20,
        choices=ReviewTiming.choices,
        default=ReviewTiming.IMMEDIATELY,
    )
    grants_certificate = models.BooleanField(
        _("passing earns a certificate"),
        default=False,
        help_text=_("Usually the post-test of an event."),
    )
    questions = SanitisedStreamField(
        QuestionsBlock(), verbose_name=_("questions"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("introduction"),
        FieldPanel("questions"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("pass_mark"), FieldPanel("grants_certificate")]
                ),
                FieldRowPanel(
                    [FieldPanel("max_attempts"), FieldPanel("grading_method")]
                ),
                FieldPanel("time_limit_minutes"),
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            ],
            heading=_("Grading and timing"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("draw_count"),
            ],
            heading=_("Question order and selection"),
        ),
        MultiFieldPanel(
            [FieldPanel("review_content"), FieldPanel("review_timing")],
            heading=_("Review"),
        ),
        *Page.settings_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["lms.ModulePage", "lms.EventPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("The quiz must close after it opens.")}
            )
        if self.review_timing == self.ReviewTiming.AFTER_CLOSE and not self.closes_at:
            raise ValidationError(
                {"closes_at": _("Set a closing time to show the review after it.")}
            )
        if self.draw_count and self.draw_count > len(self.questions):
            raise ValidationError(
                {
                    "draw_count": _("The pool has only %(count)d questions.")
                    % {"count": len(self.questions)}
                }
            )

    # The page serves its start page; starting and an attempt's own URLs
    # (quizzes/urls.py) skip the page tree, because a hall starts and
    # autosaves all at once and routing through the tree costs two queries
    # per level. ``mulai/`` stays for start pages already open on phones when
    # a server is upgraded. URL words are Indonesian, like the rest of the site.
    home = path("")(_delegate("quiz_home"))
    start = path("mulai/", name="start")(_delegate("start"))

    def serve_preview(self, request, mode_name):
        return _delegate("preview")(self, request)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.opens_at is None or self.opens_at <= now) and (
            self.closes_at is None or now < self.closes_at
        )

    def review_is_available(self, now=None) -> bool:
        """Whether a submitted attempt's review may be shown now."""
        if self.review_timing == self.ReviewTiming.NEVER:
            return False
        if self.review_timing == self.ReviewTiming.AFTER_CLOSE:
            from quizzes.attempts import GRACE

            # Not while late answers are still accepted (the grace period).
            return self.closes_at is not None and (
                (now or timezone.now()) >= self.closes_at + GRACE
            )
        return True

    @property
    def decides_passing(self) -> bool:
        """Whether a result here is called passed or not passed.

        Not for a pre-test: it measures where a participant starts, before
        the event teaches anything, so its pages give the score alone, to be
        compared with the post-test's.
        """
        return self.kind != self.Kind.PRE_TEST
