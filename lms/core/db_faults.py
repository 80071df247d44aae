"""A lost database answers "try again shortly" (HTTP 503), never a server error.

PostgreSQL restarts, fails over or drops a connection now and then; a hall
must ride through that. A request that meets such a fault gets a 503 with
``Retry-After``: JSON for the scripts (the quiz page's autosave keeps its
queue and sends it again, ``static/js/quiz.js``), otherwise a friendly page in
the site's look. Nothing the server acknowledged is lost: the failed request
acknowledged nothing. docs/deployment.md ("Database faults") tells the story.

Two ways in, because Django hands a middleware's ``process_exception`` only
what the view (or its template) raised: ``DatabaseFaultMiddleware`` answers
those, and ``server_error`` (``handler500`` in ``lms/urls.py``) answers a fault
raised earlier or later, such as loading the session in a middleware, which is
where most requests first touch the database.
"""

import logging
import sys

import psycopg
from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.views import defaults

from lms.core.middleware import wants_json

logger = logging.getLogger(__name__)

# Django wraps the driver's errors in its own classes; psycopg's are listed too
# for code that talks to the driver directly.
DATABASE_FAULTS = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)
# A restart of PostgreSQL takes a few seconds; the quiz page backs off further.
RETRY_AFTER_SECONDS = 5


def is_database_fault(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_FAULTS)


def service_unavailable(request: HttpRequest) -> HttpResponse:
    """The 503 for a request that met a database fault.

    It touches no database: the page is rendered from a plain context, not
    through the context processors (which read the session, the user and the
    menu). A connection that no longer works is closed here, so the worker's
    next request opens a new one instead of failing on the old one.
    """
    _close_broken_connections()
    if wants_json(request):
        response = JsonResponse(
            {
                "error": gettext(
                    "The service is busy. Your answers are kept; they are sent again "
                    "in a moment."
                ),
                "retry": True,
            },
            status=503,
        )
    else:
        response = HttpResponse(
            render_to_string(
                "503.html",
                {
                    "service_name": settings.SITE_NAME,
                    "retry_url": _same_page(request),
                    "csrf_token": get_token(request),
                },
            ),
            status=503,
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def _same_page(request: HttpRequest) -> str:
    """The address to load again, or "" after a form was sent (not repeatable).

    One leading slash only: "//host/" would be another site.
    """
    if request.method not in ("GET", "HEAD"):
        return ""
    return "/" + request.get_full_path().lstrip("/")


def _close_broken_connections() -> None:
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None and not connection.is_usable():
            connection.close()


class DatabaseFaultMiddleware:
    """Turns a database fault raised by a view or its template into a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_fault(exception):
            return None
        logger.warning(
            "Database unavailable, answered 503: %s %s: %s",
            request.method,
            request.path,
            exception,
        )
        return service_unavailable(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: a 503 for a database fault outside a view, else the usual 500.

    Django calls it while handling the exception, so ``sys.exc_info()`` holds it.
    """
    if is_database_fault(sys.exc_info()[1]):
        return service_unavailable(request)
    return defaults.server_error(request)
