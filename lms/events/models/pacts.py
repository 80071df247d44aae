from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from lms.core.rich_text import SafeRichTextField

PACT_FEATURES = ["bold", "italic", "ol", "ul"]


class Pact(index.Indexed, models.Model):
    """A text participants accept: the Pakta Integritas or the Ikrar netralitas ASN.

    Organisers edit it in the admin; every saved change becomes a new
    :class:`PactVersion`, and acceptances point at the version that was read, so
    a later edit never changes what someone agreed to.
    """

    class Kind(models.TextChoices):
        PACT = "pact", _("Integrity pact")
        PLEDGE = "pledge", _("Pledge")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    body = SafeRichTextField(_("text"), features=PACT_FEATURES)

    panels = [FieldPanel("title"), FieldPanel("kind"), FieldPanel("body")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("pact or pledge")
        verbose_name_plural = _("pacts and pledges")
        ordering = ["kind", "title"]

    def __str__(self):
        return self.title


class PactVersion(models.Model):
    """The exact words of a pact as they stood at one time; never edited."""

    pact = models.ForeignKey(
        Pact, verbose_name=_("pact"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pact version")
        verbose_name_plural = _("pact versions")
        ordering = ["pact", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(
                fields=["pact", "number"], name="one_number_per_pact_version"
            )
        ]

    def __str__(self):
        return f"{self.title} (v{self.number})"


class PactAcceptance(models.Model):
    """That a participant accepted a pact for an event, and exactly which words.

    Online, the participant ticks a box and types their full name; on paper, an
    organiser records the signed sheet on their behalf with a note. ``pact`` repeats
    ``version.pact`` so the database can hold one acceptance per pact and event.
    """

    class Method(models.TextChoices):
        ONLINE = "online", _("Accepted online")
        PAPER = "paper", _("Signed on paper")

    event = models.ForeignKey(
        "lms.EventPage",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        related_name="pact_acceptances",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="pact_acceptances",
    )
    pact = models.ForeignKey(
        Pact, verbose_name=_("pact"), on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        PactVersion,
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="acceptances",
    )
    accepted_at = models.DateTimeField(_("accepted"), default=timezone.now)
    typed_name = models.CharField(_("name typed"), max_length=150, blank=True)
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("pact acceptance")
        verbose_name_plural = _("pact acceptances")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user", "pact"], name="one_acceptance_per_pact"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.version}"
