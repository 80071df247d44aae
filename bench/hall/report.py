"""Figures from a run: percentiles per request kind, errors, the database check, a table."""

import json
import os
import statistics
import subprocess
import time
from collections import Counter

import psycopg

from bench.hall.ledger import AttemptRow, Verdict, check

KINDS = (
    "login_page", "login", "quiz_page", "start", "attempt_page",
    "time_to_questions", "autosave", "submit", "result",
)  # fmt: skip


def calibration_ms() -> float:
    """A fixed pure-Python loop's CPU time: how fast this machine was just now."""
    started = time.process_time()
    total = 0
    for i in range(3_000_000):
        total += i * i % 7
    return round((time.process_time() - started) * 1000, 1)


def machine_load() -> dict:
    uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    return {"loadavg": [round(x, 2) for x in os.getloadavg()], "uptime": uptime}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def latencies(samples) -> dict:
    """p50/p95/p99 in ms of the answered requests (below 400) of each kind."""
    by_kind: dict[str, list[float]] = {}
    for kind, ms, status in samples:
        if isinstance(status, int) and status < 400:
            by_kind.setdefault(kind, []).append(ms)
    return {
        kind: {
            "n": len(values),
            "p50": round(statistics.median(values)),
            "p95": round(percentile(values, 0.95)),
            "p99": round(percentile(values, 0.99)),
        }
        for kind, values in sorted(by_kind.items(), key=lambda kv: _order(kv[0]))
    }


def _order(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def errors(samples) -> dict[str, int]:
    """Failed requests as "kind status" (a status of 400 or more, a timeout, no reply)."""
    counted = Counter(
        f"{kind} {status}"
        for kind, _ms, status in samples
        if not isinstance(status, int) or status >= 400
    )
    return dict(sorted(counted.items()))


def database_check(url: str, quiz: dict, ledger) -> tuple[Verdict, dict]:
    """The ledger against the rows, and the event's certificates (waited for)."""
    with psycopg.connect(url, autocommit=True) as conn:
        rows = [
            AttemptRow(*row)
            for row in conn.execute(
                "select a.id, u.username, a.quiz_id, a.status, a.submitted_at"
                " from quizzes_attempt a join lms_user u on u.id = a.user_id"
                " where a.quiz_id = %s",
                [quiz["id"]],
            )
        ]
        answers = {
            (attempt, key): (response, revision)
            for attempt, key, response, revision in conn.execute(
                "select attempt_id, question_key, response, revision"
                " from quizzes_answer where attempt_id = any(%s)",
                [[row.id for row in rows]],
            )
        }
        certificates = _certificates(conn, quiz)
    return check(ledger, answers, rows), certificates


def _certificates(conn, quiz: dict, wait: float = 180) -> dict:
    """Passed attempts and valid certificates with their PDF stored, once the
    task worker has caught up (a tree from before certificates were numbered
    first and rendered after has no ``rendered_at``: every row there is rendered)."""
    rendered = (
        " and rendered_at is not null"
        if conn.execute(
            "select 1 from information_schema.columns where table_name ="
            " 'quizzes_certificate' and column_name = 'rendered_at'"
        ).fetchone()
        else ""
    )
    started = time.monotonic()
    while True:
        passed = conn.execute(
            "select count(distinct user_id) from quizzes_attempt"
            " where quiz_id = %s and passed",
            [quiz["id"]],
        ).fetchone()[0]
        issued = conn.execute(
            "select count(*), max(issued_at) from quizzes_certificate"
            " where event_id = %s and revoked_at is null" + rendered,
            [quiz["event"]],
        ).fetchone()
        waited = time.monotonic() - started
        if issued[0] >= passed or waited > wait:
            return {"passed": passed, "issued": issued[0], "waited_s": round(waited)}
        time.sleep(2)


def summary(run, verdict: Verdict | None, certificates: dict | None) -> dict:
    samples = run.recorder.samples
    return {
        "scenario": run.name,
        "wall_s": run.wall_s,
        "requests": len(samples),
        "latency_ms": latencies(samples),
        "errors": errors(samples),
        "gave_up": dict(run.recorder.failures),
        "http_500": sum(1 for _k, _m, s in samples if s == 500),
        "http_503": sum(1 for _k, _m, s in samples if s == 503),
        "server_cpu_s": run.server_cpu_s,
        "client_cpu_s": run.client_cpu_s,
        "loadavg_before": [round(x, 2) for x in run.load_before],
        "loadavg_after": [round(x, 2) for x in run.load_after],
        "events": run.events,
        "task_workers_after": run.task_workers_after,
        "check": None if verdict is None else {
            k: v for k, v in vars(verdict).items() if k != "problems"
        } | {"problems": verdict.problems[:20]},
        "certificates": certificates,
    }  # fmt: skip


def print_table(summaries: list[dict]) -> None:
    for s in summaries:
        print(
            f"\n== scenario {s['scenario']}: {s['wall_s']} s, {s['requests']} requests"
        )
        print(f"{'kind':<20}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
        for kind, row in s["latency_ms"].items():
            print(
                f"{kind:<20}{row['n']:>6}{row['p50']:>9}{row['p95']:>9}{row['p99']:>9}"
            )
        print(f"errors: {s['errors'] or 'none'}; gave up: {s['gave_up'] or 'none'}")
        print(f"server CPU s: {s['server_cpu_s']}; client CPU s: {s['client_cpu_s']}")
        print(f"load average before {s['loadavg_before']}, after {s['loadavg_after']}")
        for event in s["events"]:
            print(f"fault: {event}")
        print(f"task_worker processes running afterwards: {s['task_workers_after']}")
        if s["check"]:
            print(f"check: {json.dumps(s['check'], default=str)}")
        if s["certificates"]:
            print(f"certificates: {s['certificates']}")
