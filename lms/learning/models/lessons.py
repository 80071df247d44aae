from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from lms.core.rich_text import SanitisedStreamField
from lms.learning.blocks import LessonBodyBlock
from lms.learning.serializers import TagNamesField


class LessonPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "lms.LessonPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class LessonPage(Page):
    """One sitting of study inside a module, read on a phone in a few minutes.

    The body is a StreamField of the blocks in ``lms.learning.blocks``; a participant's
    visit and completion are kept in ``LessonProgress``.
    """

    summary = models.CharField(
        _("summary"),
        max_length=250,
        blank=True,
        help_text=_("One sentence shown in the module's list of lessons."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("How long a participant needs to read it."),
    )
    body = SanitisedStreamField(LessonBodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=LessonPageTag, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        APIField("summary"),
        APIField("estimated_minutes"),
        APIField("body"),
        APIField("tags", serializer=TagNamesField()),
    ]

    parent_page_types = ["lms.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def serve(self, request, *args, **kwargs):
        from lms.learning.progress import record_lesson_visit

        if request.user.is_authenticated:
            record_lesson_visit(user=request.user, lesson=self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from lms.learning.catalogue import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(self, user=request.user))
        return context
