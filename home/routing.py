"""Finding the page for a URL in two queries, however deep it sits.

Wagtail's ``Page.route`` walks the path one level at a time: at each level it
looks the child up by slug and then loads its specific page, two queries a
level. A post-test (home, Kegiatan, the event, the test) costs eight before
the view starts, for every participant of a hall pressing *Mulai* at once.
Pages know their full ``url_path``, so the deepest page that a prefix of the
URL names can be found in one query, and routing continues from there.

That skips the ``route`` of the pages above it, which is only the same as
Wagtail's walk while no page type that can have children routes its own way
(``may_skip_levels``, kept true by ``tests/home/test_routing.py``).
"""

import functools

from wagtail.models import Page, get_page_models


@functools.cache
def may_skip_levels(start: type[Page]) -> bool:
    """True while every page type below ``start`` that can hold pages routes as
    Wagtail's ``Page`` does (``start`` itself is where the jump begins)."""
    return all(
        model.route is Page.route
        for model in get_page_models()
        if model is not start and model.allowed_subpage_models()
    )


def deepest_page_on_path(parent: Page, path_components: list[str]) -> Page | None:
    """The deepest page under ``parent`` that a leading part of the path names."""
    prefixes = [
        parent.url_path + "/".join(path_components[:depth]) + "/"
        for depth in range(1, len(path_components) + 1)
    ]
    return (
        Page.objects.filter(url_path__in=prefixes, path__startswith=parent.path)
        .order_by("-depth")
        .first()
    )
