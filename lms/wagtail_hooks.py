"""Wagtail reads an app's hooks from ``<app>.wagtail_hooks``: each domain of
``lms`` keeps its own, and this module loads them, then mounts the organiser's
event tools (``lms/admin_urls.py``)."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from wagtail import hooks

from lms.accounts import wagtail_hooks as accounts_hooks
from lms.certificates import wagtail_hooks as certificates_hooks
from lms.events import wagtail_hooks as events_hooks
from lms.learning import wagtail_hooks as learning_hooks
from lms.reports import wagtail_hooks as reports_hooks

DOMAIN_HOOKS = (
    accounts_hooks,
    learning_hooks,
    events_hooks,
    certificates_hooks,
    reports_hooks,
)


@hooks.register("register_admin_urls")
def event_admin_urls():
    """The organiser's event tools live under /admin/kegiatan/."""
    return [path("kegiatan/", include("lms.admin_urls"))]


@hooks.register("insert_global_admin_js")
def admin_set_up_script():
    """Starts the widgets Wagtail would start with inline scripts
    (``lms/core/admin_scripts.py``); deferred, so it runs once every widget
    script of the page has loaded."""
    return format_html('<script src="{}" defer></script>', static("js/admin_set_up.js"))
