from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from lms.core.rich_text import SafeRichTextField
from lms.learning.serializers import TagNamesField


class ModuleIndexPage(Page):
    """A shelf of modules: "Modul" under the home page, and one per organisation.

    The per-organisation shelves are what keep speakers apart: each
    organisation's speaker group gets edit rights on its own shelf only
    (see ``lms.learning.access``), so a KPUD speaker never sees Bawaslu's drafts.
    """

    intro = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences shown above the list of modules."),
    )
    organisation = models.ForeignKey(
        "lms.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="module_indexes",
        help_text=_(
            "Whose shelf this is. Its speakers may write here and nowhere else. "
            "Leave empty for the top 'Modul' page."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("organisation")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage", "lms.ModuleIndexPage"]
    subpage_types = ["lms.ModuleIndexPage", "lms.ModulePage"]

    class Meta:
        verbose_name = _("module index")
        verbose_name_plural = _("module indexes")

    def get_context(self, request, *args, **kwargs):
        from lms.learning.catalogue import module_listing

        context = super().get_context(request, *args, **kwargs)
        context["modules"] = module_listing(self, user=request.user)
        return context


class ModulePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "lms.ModulePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def nearest_organisation(page: Page):
    """The organisation of the closest module shelf at or above ``page``."""
    shelf = (
        ModuleIndexPage.objects.ancestor_of(page, inclusive=True)
        .filter(organisation__isnull=False)
        .select_related("organisation")
        .order_by("-depth")
        .first()
    )
    return shelf.organisation if shelf else None


class ModulePageForm(WagtailAdminPageForm):
    """Fills in and checks the module's organisation from the shelf it is on."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        self.shelf_organisation = (
            nearest_organisation(parent_page) if parent_page else None
        )
        if self.shelf_organisation and not self.instance.organisation_id:
            self.initial["organisation"] = self.shelf_organisation.pk

    def clean_organisation(self):
        organisation = self.cleaned_data.get("organisation")
        if self.shelf_organisation and organisation != self.shelf_organisation:
            raise ValidationError(
                _("A module on the %(shelf)s shelf belongs to %(shelf)s."),
                params={"shelf": self.shelf_organisation},
            )
        return organisation


class ModulePage(Page):
    """A unit of study on one subject (e.g. "Tahapan Pemilu 2024").

    Its lessons (and, with the quiz engine, its practice quiz) are its
    children, in the order the speaker arranges them in the page tree.
    """

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("What the module is about, in two or three sentences."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.ForeignKey(
        "lms.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="modules",
    )
    speakers = ParentalManyToManyField(
        "lms.Speaker",
        verbose_name=_("speakers"),
        blank=True,
        related_name="modules",
    )
    learning_objectives = SafeRichTextField(
        _("learning objectives"),
        blank=True,
        features=["ul", "ol", "bold", "italic"],
        help_text=_("A list: 'After this module, participants can …'"),
    )
    duration_jp = models.PositiveSmallIntegerField(
        _("duration (JP)"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(40)],
        help_text=_("Teaching hours (jam pelajaran) of 45 minutes."),
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=ModulePageTag, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("speakers"),
                FieldPanel("duration_jp"),
                FieldPanel("tags"),
            ],
            heading=_("About the module"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.FilterField("organisation"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("organisation_name"),
        APIField("speaker_names"),
        APIField("learning_objectives"),
        APIField("duration_jp"),
        APIField("tags", serializer=TagNamesField()),
    ]
    base_form_class = ModulePageForm

    parent_page_types = ["lms.ModuleIndexPage"]
    subpage_types = ["lms.LessonPage", "quizzes.QuizPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @property
    def organisation_name(self) -> str:
        return self.organisation.name

    @property
    def speaker_names(self) -> list[str]:
        return [speaker.name for speaker in self.speakers.all()]

    def get_context(self, request, *args, **kwargs):
        from lms.learning.catalogue import module_outline

        context = super().get_context(request, *args, **kwargs)
        context.update(module_outline(self, user=request.user))
        return context
