"""Organiser reports at the size of a big event: 1,000 participants, a pre-test
and a post-test of 20 questions each, every participant with a graded attempt.

Each figure is one admin page as an organiser loads it (the test client, so
routing, middleware and templates count): the results table (first page of
100 rows), the learning gain with its charts, the post-test's item analysis
with its scatter chart, and the post-test's results (first page of 100 rows, with
the summary of all 950). Wall-clock and CPU medians are both reported: CPU is the
stable one on this shared machine. The data is bulk-written once (attempts take
one frozen paper per test, with per-participant answers and credits), since
what is measured is reading it.
"""

import datetime
import functools
import statistics
import time

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from bench.harness import benchmark
from bench.request_cpu import calibration_ms
from lms.accounts.models import User
from lms.events.models import EventPage
from tests.lms.reports.big_event import fill_event

PARTICIPANTS = 1000
REPEAT, WARMUP = 7, 2


def _event() -> EventPage:
    """An empty event beside the demo's, with its place and organiser."""
    demo = EventPage.objects.live().first()
    now = timezone.now()
    event = EventPage(
        title="Laporan tolok ukur",
        slug="laporan-tolok-ukur",
        starts_at=now - datetime.timedelta(hours=4),
        ends_at=now - datetime.timedelta(hours=1),
        venue=demo.venue,
        kecamatan=demo.kecamatan,
        kelurahan=demo.kelurahan,
        organiser=demo.organiser,
        registration_code="LAPORAN1",
        hours_jp=4,
    )
    demo.get_parent().add_child(instance=event)
    return event


@functools.cache
def _measure_all() -> dict[str, float]:
    big = fill_event(_event(), participants=PARTICIPANTS)
    event, post_test = big.event, big.post_test

    client = Client()
    client.force_login(User.objects.get(username="penyelenggara"))
    pages = {
        "results": reverse("lms_event_admin:results", args=[event.pk]),
        "gain": reverse("lms_event_admin:learning_gain", args=[event.pk]),
        "items": reverse("lms_reports:quiz_items", args=[post_test.pk]),
        "quiz_results": reverse("lms_reports:quiz_results", args=[post_test.pk]),
    }
    figures = {}
    for name, url in pages.items():
        walls, cpus = [], []
        for round_ in range(WARMUP + REPEAT):
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if round_ >= WARMUP:
                walls.append((time.perf_counter() - wall) * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
        figures[f"report_{name}_ms"] = round(statistics.median(walls), 1)
        figures[f"report_{name}_cpu_ms"] = round(statistics.median(cpus), 1)
    return figures


def _register(name: str) -> None:
    benchmark(name, unit="ms", target=1000)(lambda: _measure_all()[name])


# The same fixed loop as bench/request_cpu.py, taken in this run, so that
# figures of different days compare (docs/benchmarks.md, "Reading them").
benchmark("report_calibration_ms", unit="ms", target=1000)(lambda: calibration_ms())


for _page in ("results", "gain", "items", "quiz_results"):
    _register(f"report_{_page}_ms")
    _register(f"report_{_page}_cpu_ms")
