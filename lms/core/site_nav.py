"""The main navigation, read from the page tree once and kept in the shared cache.

Every public page shows it, the quiz pages a hall loads at once among them,
and building it from the tree costs a site lookup, the home page's children
and their specific pages: several queries a request for a list that changes
only when an organiser publishes, unpublishes, moves or deletes a page. It
is kept in the shared cache (not in a process's memory) so every app server
sees the same list and a change clears it for all of them.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

CACHE_KEY = "site_nav:v1"
# A safety net: any change the signals miss (a raw SQL fix) shows within an hour.
CACHE_SECONDS = 60 * 60


def navigation_links(request) -> list[dict]:
    """``[{"title": ..., "url": ...}]``: the home page's live, public children in menus.

    Cached per host, since a site's links are relative to it.
    """
    host = request.get_host()
    by_host = cache.get(CACHE_KEY) or {}
    if host not in by_host:
        by_host[host] = _read_links(request)
        cache.set(CACHE_KEY, by_host, CACHE_SECONDS)
    return by_host[host]


def _read_links(request) -> list[dict]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = site.root_page.get_children().live().in_menu().public().specific()
    return [{"title": page.title, "url": page.get_url(request)} for page in pages]


def forget_navigation(instance=None, **kwargs) -> None:
    if instance is None or isinstance(instance, Page):
        cache.delete(CACHE_KEY)


def connect_signals() -> None:
    """Any page saved (a publish, an unpublish, a new live page, a renamed one),
    moved or deleted may change the menu: forget it.

    ``post_save`` is connected for every model, because Django sends it with
    the page's own class (``ModulePage``), never with ``Page``.
    """
    post_save.connect(forget_navigation, dispatch_uid="lms.core.site_nav.save")
    post_delete.connect(forget_navigation, dispatch_uid="lms.core.site_nav.delete")
    post_page_move.connect(forget_navigation, dispatch_uid="lms.core.site_nav.move")
