"""Small readers for settings that come from the environment.

Kept apart from ``base.py`` so that every settings module parses booleans and
lists the same way, and so that a missing required value fails with one clear
message instead of a KeyError deep inside Django's start-up.
"""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no; got {raw!r}."
    )


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    """A comma-separated list; blanks are dropped so ``a, b,`` means ``[a, b]``."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(name: str) -> list[str]:
    """A comma-separated list of addresses or networks (``127.0.0.1, 10.0.0.0/8``).

    Checked at start-up: a typo here would otherwise trust nobody (or, worse,
    someone else) without a word.
    """
    entries = env_list(name)
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks such as 127.0.0.1 or "
                f"10.0.0.0/8, comma-separated; {entry!r} is neither."
            ) from None
    return entries


def env_required(name: str, why: str) -> str:
    value = env_str(name)
    if not value:
        raise ImproperlyConfigured(f"{name} is not set. {why}")
    return value
