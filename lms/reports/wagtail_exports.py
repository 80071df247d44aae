"""Wagtail's own report downloads, with formula-like cells made plain text.

Wagtail's reports (site history, aging pages, locked pages, workflows, page
types usage) and its redirects listing download CSV files whose cells hold
page titles, user names and paths as typed; a page titled
``=HYPERLINK(...)`` would run as a formula in the organiser's spreadsheet
program. Our own downloads go through ``FormulaSafeExportMixin``
(``lms/core/spreadsheets.py``); these views get it here.

Wagtail declares these URLs itself, before any ``register_admin_urls`` hook,
and has no setting to swap their views, so ``lms/urls.py`` puts these
patterns in front of Wagtail's admin: the same paths, each served by a
subclass of Wagtail's own view with the same arguments, behind the same admin
access check. The patterns are read from Wagtail's URL modules rather than
copied, so a report Wagtail adds on an upgrade is covered too. Form
submissions are covered by the form page itself
(``lms/events/evaluation_submissions.py``).
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import reports as wagtail_reports_urls
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.redirects import urls as wagtail_redirects_urls

from lms.core.spreadsheets import FormulaSafeExportMixin


def formula_safe_patterns(wagtail_patterns) -> list:
    """Wagtail's patterns that download spreadsheets, served by formula-safe views."""
    patterns = []
    for pattern in wagtail_patterns:
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        safe_class = type(
            f"FormulaSafe{view_class.__name__}",
            (FormulaSafeExportMixin, view_class),
            {"__module__": __name__},
        )
        view = safe_class.as_view(**pattern.callback.view_initkwargs)
        patterns.append(
            path(str(pattern.pattern), never_cache(require_admin_access(view)))
        )
    return patterns


# Included by lms/urls.py ahead of Wagtail's admin, at the same prefixes.
report_urlpatterns = formula_safe_patterns(wagtail_reports_urls.urlpatterns)
redirect_urlpatterns = formula_safe_patterns(wagtail_redirects_urls.urlpatterns)
