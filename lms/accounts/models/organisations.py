from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Organisation(index.Indexed, models.Model):
    """An institution whose staff speak at or run events (KPUD, Bawaslu, the city).

    Speakers and organisers belong to one; modules, events and certificates are
    attributed to one. ``parent`` lets a unit such as Bagian Pemerintahan sit
    under the city government that it is part of.
    """

    class Kind(models.TextChoices):
        ELECTION_COMMISSION = "election_commission", _("Election commission (KPU)")
        ELECTION_SUPERVISOR = (
            "election_supervisor",
            _("Election supervisory body (Bawaslu)"),
        )
        CITY_GOVERNMENT = "city_government", _("City government")
        GOVERNMENT_UNIT = "government_unit", _("Government unit or agency")
        KECAMATAN = "kecamatan", _("Kecamatan office")
        KELURAHAN = "kelurahan", _("Kelurahan office")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"),
        max_length=60,
        blank=True,
        help_text=_("Used where space is tight, e.g. 'KPUD Jakpus'."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="units",
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set by lms.learning.access when the organisation first has speakers or a shelf.
    speaker_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("speaker group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="speaking_for",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name
