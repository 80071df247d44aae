from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.routing import deepest_page_on_path, may_skip_levels
from lms.core.rich_text import SafeRichTextField


class HomePage(Page):
    """The site's front page ("Beranda"): what the service is and where to start.

    There is exactly one, at the top of the site; sections such as "Modul" and
    "Kegiatan" are its children and appear in the main navigation.
    """

    heading = models.CharField(
        _("heading"),
        max_length=120,
        blank=True,
        help_text=_("The large heading at the top. The page title is used when empty."),
    )
    intro = SafeRichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences under the heading: who this service is for."),
    )

    content_panels = [*Page.content_panels, FieldPanel("heading"), FieldPanel("intro")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("heading"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Jumps to the deepest page the URL names in one query (``home/routing.py``)."""
        if not path_components or not may_skip_levels(type(self)):
            return super().route(request, path_components)
        page = deepest_page_on_path(self, path_components)
        if page is None:
            return super().route(request, path_components)
        remaining = path_components[page.depth - self.depth :]
        return page.specific.route(request, remaining)
