"""Counting attempts against a limit, atomically, in the database.

A limit allows ``attempts`` in a window of ``window`` that starts at the first
attempt. The attempt that uses the last one starts the wait afresh, so
whoever used them all waits a whole window from then: at most ``attempts``
fit in any stretch of that length.

``take`` reserves an attempt *before* the work it guards (checking a
password, sending an email) in one conditional UPDATE, ``WHERE count <
attempts``. Concurrent requests queue on the row's lock and each sees the
count the one before it left, so no burst can do more than the limit; a
read-then-write count in a cache (get, then set) lets every request of a
burst read the same count and pass together. In autocommit, as Django runs
requests, the UPDATE commits at once, so the row is not held during the work.

The counts live in the database rather than the cache: production's cache is
Django's DatabaseCache, whose ``incr`` is a read then a write.
"""

import hashlib
import math
import threading
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Greatest
from django.utils import timezone

from lms.accounts.models import AttemptCounter

# Rows whose window ended this long ago are deleted, at most once an hour per
# process; a returning key simply starts a new row.
KEEP_STALE_ROWS = timedelta(days=1)
PURGE_EVERY = timedelta(hours=1)
_purge = {"next": None}
_purge_lock = threading.Lock()


@dataclass(frozen=True)
class Limit:
    scope: str
    attempts: int
    window: timedelta


def digest(text: str) -> str:
    """The key of something a stranger typed or an address: not kept as typed."""
    return hashlib.sha256(text.encode()).hexdigest()


def take(limit: Limit, key: str, *, user=None) -> bool:
    """Reserves one attempt; False (and nothing counted) once they are used up."""
    now = timezone.now()
    _purge_stale(now)
    AttemptCounter.objects.bulk_create(
        [AttemptCounter(scope=limit.scope, key=key, user=user, window_start=now)],
        ignore_conflicts=True,
    )
    expired = Q(window_start__lt=now - limit.window)
    taken = (
        AttemptCounter.objects.filter(scope=limit.scope, key=key)
        .filter(Q(count__lt=limit.attempts) | expired)
        .update(
            count=Case(When(expired, then=Value(1)), default=F("count") + 1),
            window_start=Case(
                When(expired | Q(count__gte=limit.attempts - 1), then=Value(now)),
                default=F("window_start"),
            ),
        )
    )
    return taken == 1


def give_back(limit: Limit, key: str) -> None:
    """Returns one reserved attempt, for work that turned out to be no failure.

    Only one, never the whole count: a success of one's own must not wipe out
    failures that other requests from the same key spent.
    """
    AttemptCounter.objects.filter(scope=limit.scope, key=key, count__gt=0).update(
        count=Greatest(F("count") - 1, 0)
    )


def clear(limit: Limit, key: str) -> None:
    """Forgets every attempt of ``key``: it starts afresh."""
    AttemptCounter.objects.filter(scope=limit.scope, key=key).update(count=0)


def seconds_to_wait(limit: Limit, key: str) -> int:
    """How long ``key`` must wait for its next attempt (0: it may try now)."""
    now = timezone.now()
    window_start = (
        AttemptCounter.objects.filter(
            scope=limit.scope,
            key=key,
            count__gte=limit.attempts,
            window_start__gte=now - limit.window,
        )
        .values_list("window_start", flat=True)
        .first()
    )
    if window_start is None:
        return 0
    return max(1, math.ceil((window_start + limit.window - now).total_seconds()))


def minutes(seconds: int) -> int:
    """A wait in whole minutes, rounded up: "wait 1 minute", never "0 minutes"."""
    return max(1, math.ceil(seconds / 60))


def _purge_stale(now) -> None:
    with _purge_lock:
        due = _purge["next"] is None or now >= _purge["next"]
        if due:
            _purge["next"] = now + PURGE_EVERY
    if due:
        AttemptCounter.objects.filter(window_start__lt=now - KEEP_STALE_ROWS).delete()
