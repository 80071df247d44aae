from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

# The certificate models began in the quiz engine's app and moved to ``lms`` with
# their tables: ``db_table`` keeps the ``quizzes_`` names, so no row moved
# (lms/migrations/0011_certificates_move_from_quizzes.py).

DEFAULT_NUMBERING = "{seq:03d}/SERT/{event_code}/{month_roman}/{year}"


class PrivateStorage(LazyObject):
    """Issued files live outside the media storage: only views that check who asks serve them.

    ``STORAGES["private"]``: a local or shared folder, or a private bucket
    (lms/settings/storage.py). Everything reads and writes it through the
    storage API, never by path, so any app server or task worker serves the same
    files. Lazy, so the storage is built from the settings in force at first use.
    """

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


def get_private_storage() -> PrivateStorage:
    """The fields' storage, as a callable so migrations name it instead of a path."""
    return private_storage


class CertificateTemplate(ClusterableModel):
    """How certificates look: paper, background, logos, wording, signatories, numbering.

    Editing a template changes only certificates issued afterwards: an issued
    certificate is a stored PDF (promise 7, docs/architecture.md).
    """

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("Landscape")
        PORTRAIT = "portrait", _("Portrait")

    class PaperSize(models.TextChoices):
        A4 = "A4", "A4"
        F4 = "F4", "F4 (215 × 330 mm)"
        LETTER = "letter", "Letter"

    class Font(models.TextChoices):
        LIBERATION_SERIF = "Liberation Serif", "Liberation Serif"
        LIBERATION_SANS = "Liberation Sans", "Liberation Sans"
        DEJAVU_SERIF = "DejaVu Serif", "DejaVu Serif"
        DEJAVU_SANS = "DejaVu Sans", "DejaVu Sans"

    name = models.CharField(_("name"), max_length=100, unique=True)
    is_default = models.BooleanField(
        _("default template"),
        default=False,
        help_text=_("Used by events that do not choose a template."),
    )
    orientation = models.CharField(
        _("orientation"),
        max_length=10,
        choices=Orientation.choices,
        default=Orientation.LANDSCAPE,
    )
    paper_size = models.CharField(
        _("paper size"), max_length=10, choices=PaperSize.choices, default=PaperSize.A4
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=100, default="SERTIFIKAT")
    body = models.TextField(
        _("body text"),
        help_text=_(
            "Placeholders: {name}, {institution}, {position}, {event}, {dates}, "
            "{venue}, {hours}, {score}, {number}, {issue_date}."
        ),
    )
    font = models.CharField(
        _("font"), max_length=40, choices=Font.choices, default=Font.LIBERATION_SERIF
    )
    numbering_pattern = models.CharField(
        _("numbering pattern"),
        max_length=120,
        default=DEFAULT_NUMBERING,
        help_text=_("Fields: {seq:03d}, {event_code}, {month_roman}, {month}, {year}."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("is_default"),
        FieldRowPanel([FieldPanel("orientation"), FieldPanel("paper_size")]),
        FieldPanel("background"),
        InlinePanel("logos", label=_("Logos"), max_num=3),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldPanel("font"),
        InlinePanel("signatories", label=_("Signatories"), max_num=3),
        MultiFieldPanel([FieldPanel("numbering_pattern")], heading=_("Numbering")),
    ]

    class Meta:
        db_table = "quizzes_certificatetemplate"
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CertificateLogo(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="logos"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        db_table = "quizzes_certificatelogo"


class CertificateSignatory(Orderable):
    """One official who signs: printed name, position, NIP and a signature image."""

    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=200)
    nip = models.CharField("NIP", max_length=30, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("nip"),
        FieldPanel("signature"),
    ]

    class Meta(Orderable.Meta):
        db_table = "quizzes_certificatesignatory"


class CertificateCounter(models.Model):
    """The last sequence number used in one numbering series (an event, or a quiz).

    Issuing locks this row, so numbers are unique and without gaps even when
    two organisers issue at once: a failed issue rolls its number back.
    """

    series = models.CharField(_("series"), max_length=40, unique=True)
    last_sequence = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        db_table = "quizzes_certificatecounter"

    def __str__(self):
        return f"{self.series}: {self.last_sequence}"


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)

    def rendered(self):
        """Those whose PDF is stored: the only ones a download or print can serve."""
        return self.filter(rendered_at__isnull=False)

    def pending(self):
        """Numbered but not rendered yet ("being prepared"): the render is retried."""
        return self.filter(rendered_at__isnull=True)


class Certificate(models.Model):
    """An issued certificate: the stored PDF, its hash, and what was printed on it.

    Never deleted (promise 6, docs/architecture.md). Re-issuing makes a new version that ``replaces``
    the old one, which is revoked with a reason; both stay on record.

    A revoked certificate has two reasons: a public one from a short list, the
    only one its verification page shows, and the organiser's own note, which
    may name people or circumstances and so stays in the admin
    (``docs/certificates.md``).

    A certificate is stored in two steps (``docs/certificates.md``): its row is
    saved with its number while the series counter is locked, then the PDF is
    rendered outside any lock and stored with its SHA-256 and ``rendered_at``.
    Until then it is "being prepared": ``pdf`` and ``sha256`` are blank.
    """

    class Method(models.TextChoices):
        AUTOMATIC = "automatic", _("Issued automatically on completion")
        MANUAL = "manual", _("Issued by an organiser")

    class PublicReason(models.TextChoices):
        """Why a certificate was revoked, worded for anyone checking it on ``/v/``."""

        NAME_MISSPELT = "name_misspelt", _("Name misspelt")
        ISSUED_IN_ERROR = "issued_in_error", _("Issued in error")
        REPLACED = "replaced", _("Replaced by a new certificate")

    series = models.CharField(_("series"), max_length=40)
    sequence = models.PositiveIntegerField(_("sequence"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    number = models.CharField(_("number"), max_length=120, unique=True)
    event = models.ForeignKey(
        "lms.EventPage",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    quiz = models.ForeignKey(
        "quizzes.QuizPage",
        verbose_name=_("quiz"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    snapshot = models.JSONField(_("what was printed"))
    pdf = models.FileField(
        _("PDF"), storage=get_private_storage, upload_to="certificates/", blank=True
    )
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    verification_code = models.CharField(
        _("verification code"), max_length=43, unique=True
    )
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    rendered_at = models.DateTimeField(_("PDF stored"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issue_reason = models.CharField(_("reason for issuing"), max_length=300, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    revoke_public_reason = models.CharField(
        _("public reason for revoking"),
        max_length=20,
        choices=PublicReason.choices,
        blank=True,
    )
    revoke_note = models.CharField(
        _("organisers' note on revoking"), max_length=300, blank=True
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        db_table = "quizzes_certificate"
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["series", "sequence", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "sequence", "version"],
                name="one_certificate_per_number_and_version",
            ),
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=models.Q(revoked_at__isnull=True, event__isnull=False),
                name="one_valid_certificate_per_event_participant",
            ),
        ]

    def __str__(self):
        return self.number

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None

    @property
    def is_rendered(self) -> bool:
        return self.rendered_at is not None


class PrintJob(models.Model):
    """A bulk print of an event's certificates, run in the background with progress."""

    class Order(models.TextChoices):
        NAME = "name", _("Name")
        KELURAHAN = "kelurahan", _("Kelurahan, then name")
        NUMBER = "number", _("Certificate number")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Printing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    event = models.ForeignKey(
        "lms.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="print_jobs",
    )
    order = models.CharField(_("order"), max_length=10, choices=Order.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total = models.PositiveIntegerField(_("certificates"), default=0)
    done = models.PositiveIntegerField(_("printed"), default=0)
    pdf = models.FileField(
        _("PDF"), storage=get_private_storage, upload_to="print-jobs/", blank=True
    )
    zip = models.FileField(
        _("ZIP"), storage=get_private_storage, upload_to="print-jobs/", blank=True
    )
    error = models.TextField(_("error"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        db_table = "quizzes_printjob"
        verbose_name = _("print job")
        verbose_name_plural = _("print jobs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.event_id} · {self.created_at:%Y-%m-%d %H:%M}"
