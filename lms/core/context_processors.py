from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.functional import SimpleLazyObject

from lms.core.site_nav import navigation_links


def site_shell(request):
    """What the header and footer of every public page need.

    ``nav_pages`` are the home page's children marked "show in menus", so a new
    section (Modul, Kegiatan) appears in the navigation when it is published,
    without a template change. Both values are lazy: admin pages, JSON answers
    and error pages never show them, so never pay for them.
    """
    user = getattr(request, "user", None)
    return {
        "service_name": settings.SITE_NAME,
        "nav_pages": SimpleLazyObject(lambda: navigation_links(request)),
        "user_can_access_admin": SimpleLazyObject(lambda: can_access_admin(user)),
    }


def can_access_admin(user) -> bool:
    """Whether to show the admin link (and Wagtail's user bar) to ``user``.

    One query, where ``user.has_perm`` loads every permission of the user and
    of their groups (two): most people who see a public page are participants,
    and the answer for them is no. Wagtail checks access itself on every admin
    page; this only decides what the header shows.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user),
        content_type__app_label="wagtailadmin",
        codename="access_admin",
    ).exists()
