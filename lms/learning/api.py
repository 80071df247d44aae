"""The read-only Wagtail API v2: published pages (modules and lessons) as JSON.

Only the pages endpoint is exposed; images and documents are reached through
the pages that use them.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from lms.learning.models import LessonPage, ModulePage

# What each page type's API fields read, fetched with the page list so a list
# of fifty modules costs the same as a list of one.
RELATED_FOR_API = {
    ModulePage: {"select": ("organisation",), "prefetch": ("speakers", "tags")},
    LessonPage: {"select": (), "prefetch": ("tags",)},
}


class LearningPagesAPIViewSet(PagesAPIViewSet):
    def get_queryset(self):
        queryset = super().get_queryset()
        related = RELATED_FOR_API.get(queryset.model)
        if related:
            queryset = queryset.select_related(*related["select"]).prefetch_related(
                *related["prefetch"]
            )
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LearningPagesAPIViewSet)
