"""Every URL pattern the project serves, read from the URL resolver, and what an
answer to a request means for authorisation.

Listing the patterns from ``get_resolver()`` (Wagtail's hooks included, since
the admin's URL list is built from them) is what makes a new URL show up in
the matrix without anyone remembering to add it.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

# The three answers the matrix speaks of, and what a GET to a POST-only URL gets.
ALLOW = "allowed"
LOGIN = "login-redirect"
DENY = "forbidden"
POST_ONLY = "405 (POST only)"

# Our code, by the module of a pattern's view, and our viewsets, whose views are
# Wagtail's generic ones but whose namespaces name our models.
OUR_PACKAGES = ("lms", "home", "quizzes")
OUR_NAMESPACES = (
    "lms_",
    "quizzes_",
    "wagtailsnippets_lms_",
    "wagtailsnippets_quizzes_",
    "wagtailsnippetchoosers_lms_",
    "wagtailusers_users",
)


@dataclass(frozen=True)
class Pattern:
    """One URL pattern: its route as written, its name (namespaced) and its view's module."""

    route: str
    name: str | None
    module: str
    pattern: URLPattern

    @property
    def key(self) -> str:
        """How the table names it: the URL name, or the route when it has none."""
        return self.name or self.route

    @property
    def is_ours(self) -> bool:
        namespace = (self.name or "").rpartition(":")[0]
        return self.module.split(".")[0] in OUR_PACKAGES or namespace.startswith(
            OUR_NAMESPACES
        )


def all_patterns() -> list[Pattern]:
    """Every pattern the root URLconf resolves, depth first, in resolution order."""
    return list(_walk(get_resolver().url_patterns, "", None))


def _walk(patterns, prefix, namespace):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = (
                    f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                )
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        else:
            name = entry.name and (
                f"{namespace}:{entry.name}" if namespace else entry.name
            )
            module = getattr(entry.callback, "__module__", "")
            yield Pattern(prefix + str(entry.pattern), name, module, entry)


def placeholder_url(pattern: Pattern) -> str | None:
    """A URL for ``pattern`` with made-up parameters (1 for numbers, "x" otherwise).

    Enough for the checks that run before a view looks anything up, such as the
    admin's "log in first". ``None`` when no such URL matches the pattern.
    """
    names = list(pattern.pattern.pattern.converters) or list(
        pattern.pattern.pattern.regex.groupindex
    )
    unnamed = pattern.pattern.pattern.regex.groups - len(
        pattern.pattern.pattern.regex.groupindex
    )
    if pattern.name:
        for value in ("1", "x"):
            try:
                if unnamed:
                    return reverse(pattern.name, args=[value] * unnamed)
                return reverse(pattern.name, kwargs=dict.fromkeys(names, value))
            except NoReverseMatch:
                continue
        return None
    route = re.sub(r"<int:\w+>", "1", pattern.route)
    route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
    return None if re.search(r"[\^$*()\[\]\\]", route) else "/" + route


def login_paths() -> set[str]:
    return {resolve_url(settings.LOGIN_URL), reverse("wagtailadmin_login")}


def outcome(response) -> str:
    """``response`` as the matrix reads it.

    A redirect to a login page is a login-redirect; a redirect to the admin's
    home is Wagtail's "permission denied" (``wagtail.admin.auth.permission_denied``),
    as are 403 and 404 (a 404 is how our views refuse someone else's object);
    anything else below 400 is allowed.
    """
    status = response.status_code
    if status in (403, 404):
        return DENY
    if status == 405:
        return POST_ONLY
    if 300 <= status < 400 and status != 304:
        target = urlsplit(response["Location"]).path
        if target in login_paths():
            return LOGIN
        if target == reverse("wagtailadmin_home"):
            return DENY
        return ALLOW
    if status < 400:
        return ALLOW
    return f"HTTP {status}"
