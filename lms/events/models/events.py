import secrets

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.core.reference import KELURAHAN_BY_KECAMATAN, KELURAHAN_CHOICES, Kecamatan
from lms.core.rich_text import SafeRichTextField

# Codes participants type on a phone: no 0/O or 1/I/L to confuse.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_registration_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class AgendaSessionBlock(blocks.StructBlock):
    """One item of the day: when, what, and who speaks."""

    starts = blocks.TimeBlock(label=_("Starts"))
    ends = blocks.TimeBlock(label=_("Ends"), required=False)
    topic = blocks.CharBlock(label=_("Topic"), max_length=200)
    speaker = blocks.CharBlock(
        label=_("Speaker and institution"), required=False, max_length=200,
        help_text=_("Name and institution, e.g. 'Ahmad Fauzi Rahman (KPU Jakarta Pusat)'."),
    )  # fmt: skip

    class Meta:
        icon = "time"
        label = _("Session")


class EventIndexPage(Page):
    """ "Kegiatan": the list of events, upcoming first, then past ones."""

    intro = models.TextField(_("introduction"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["lms.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .select_related("organiser")
            .order_by("starts_at")
        )
        now = timezone.now()
        context["upcoming"] = [e for e in events if not e.has_ended(now)]
        context["past"] = [e for e in reversed(events) if e.has_ended(now)]
        return context


class EventPage(Page):
    """One capacity-building day in a hall: who, where, when, what, and the rules
    that decide who completes it.

    Its pre-test and post-test are child quiz pages; only participants enrolled
    here may take them. Enrolment, attendance and completion records point at
    this page.
    """

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200)
    kecamatan = models.CharField(
        _("kecamatan"), max_length=30, choices=Kecamatan.choices
    )
    kelurahan = models.CharField(
        _("kelurahan"), max_length=40, choices=KELURAHAN_CHOICES, blank=True
    )
    organiser = models.ForeignKey(
        "lms.Organisation",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    summary = SafeRichTextField(
        _("about the event"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
    )
    opened_by = models.CharField(
        _("opened by"),
        max_length=300,
        blank=True,
        help_text=_("The officials who open it, e.g. 'Camat Sawah Besar'."),
    )
    agenda = StreamField(
        [("session", AgendaSessionBlock())], verbose_name=_("agenda"), blank=True
    )
    modules = ParentalManyToManyField(
        "lms.ModulePage",
        verbose_name=_("modules covered"),
        blank=True,
        related_name="events",
    )
    hours_jp = models.PositiveSmallIntegerField(
        _("hours (JP)"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    registration_code = models.CharField(
        _("registration code"),
        max_length=12,
        unique=True,
        default=new_registration_code,
        validators=[RegexValidator(r"^[A-Z0-9]{4,12}$", _("Use 4 to 12 capital letters and digits."))],
        help_text=_("Participants type it to enrol. Letters and digits that are easy to read."),
    )  # fmt: skip
    pacts = ParentalManyToManyField(
        "lms.Pact",
        verbose_name=_("pacts and pledges to accept"),
        blank=True,
        related_name="events",
    )
    certificate_template = models.ForeignKey(
        "lms.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Leave empty to use the default template."),
    )
    require_check_in = models.BooleanField(_("must be checked in"), default=True)
    require_post_test = models.BooleanField(_("must pass the post-test"), default=True)
    require_modules = models.BooleanField(
        _("must finish the modules covered"), default=False
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("venue"),
        FieldRowPanel([FieldPanel("kecamatan"), FieldPanel("kelurahan")]),
        FieldPanel("organiser"),
        FieldPanel("opened_by"),
        FieldPanel("summary"),
        FieldPanel("agenda"),
        FieldPanel("modules"),
        FieldPanel("hours_jp"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_code"),
                FieldPanel("require_check_in"),
                FieldPanel("require_post_test"),
                FieldPanel("require_modules"),
                FieldPanel("pacts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("certificate_template"),
            ],
            heading=_("Enrolment and completion"),
        ),
        *Page.settings_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("venue")]

    parent_page_types = ["lms.EventIndexPage"]
    subpage_types = ["quizzes.QuizPage", "lms.EvaluationPage"]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def has_ended(self, now=None) -> bool:
        """Whether the event is over: listed as past, and joined only after a second "yes"."""
        return self.ends_at < (now or timezone.now())

    def admits_to_quiz(self, user) -> bool:
        """An event's tests are for its enrolled participants (``quizzes.hosts.QuizHost``)."""
        return (
            user.is_authenticated
            and Enrolment.objects.filter(event_id=self.pk, user=user).exists()
        )

    def clean_fields(self, exclude=None):
        # Codes are typed in any case; they are checked and stored in capitals.
        self.registration_code = (self.registration_code or "").strip().upper()
        super().clean_fields(exclude=exclude)

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})
        if self.kelurahan and self.kelurahan not in KELURAHAN_BY_KECAMATAN.get(
            self.kecamatan, ()
        ):
            raise ValidationError(
                {"kelurahan": _("This kelurahan is not in the kecamatan chosen.")}
            )

    def get_context(self, request, *args, **kwargs):
        from lms.events.enrolment import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, user=request.user))
        return context


class Enrolment(models.Model):
    """A participant's place in an event. Only enrolled participants take its tests."""

    class Source(models.TextChoices):
        CODE = "code", _("Registered with the event code")
        IMPORT = "import", _("Imported by an organiser")
        ORGANISER = "organiser", _("Added by an organiser")

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    source = models.CharField(_("how"), max_length=20, choices=Source.choices)
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="one_enrolment_per_event"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.event_id}"
