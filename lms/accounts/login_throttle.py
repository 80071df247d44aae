"""Stops password guessing against one account.

Counted per account tried (a phone number in its canonical form, or a
username), not per address: a whole hall shares one public IP address on its
Wi-Fi, and locking that out would stop the event. Each failure restarts the
wait, so a guesser gets ``MAX_FAILURES`` tries per ``LOCKOUT_SECONDS``. The
count lives in the cache, which production shares between app servers.
"""

import hashlib

from django.core.cache import cache

from lms.accounts.phone import normalize_phone

MAX_FAILURES = 10
LOCKOUT_SECONDS = 15 * 60


def _cache_key(login: str) -> str:
    account = normalize_phone(login) or login.strip().lower()
    return "login-failures:" + hashlib.sha256(account.encode()).hexdigest()


def is_locked_out(login: str) -> bool:
    return cache.get(_cache_key(login), 0) >= MAX_FAILURES


def record_failure(login: str) -> None:
    key = _cache_key(login)
    cache.set(key, cache.get(key, 0) + 1, LOCKOUT_SECONDS)


def clear_failures(login: str) -> None:
    cache.delete(_cache_key(login))
