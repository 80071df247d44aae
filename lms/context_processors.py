from django.conf import settings
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site


def site_shell(request):
    """What the header and footer of every public page need.

    ``nav_pages`` are the home page's children marked "show in menus", so a new
    section (Modul, Kegiatan) appears in the navigation when it is published,
    without a template change.
    """

    def menu_pages():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return list(site.root_page.get_children().live().in_menu().public().specific())

    user = getattr(request, "user", None)
    return {
        "service_name": settings.SITE_NAME,
        # Lazy: admin pages and error pages never show it, so never query it.
        "nav_pages": SimpleLazyObject(menu_pages),
        "user_can_access_admin": bool(
            user
            and user.is_authenticated
            and user.has_perm("wagtailadmin.access_admin")
        ),
    }
