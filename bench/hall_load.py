"""The hall load test: ``make bench BENCH=hall_load`` (docs/benchmarks.md, "Hall load").

Standalone: it starts its own PostgreSQL cluster and ``make serve`` of the tree
under test (``HALL_TREE``, this repository by default) on free ports, seeds
300 participants, runs the scenarios (``HALL_SCENARIOS``, default ``abcd``),
checks the database against what the server acknowledged, prints a table and
returns the figures for bench/latest.json. Everything is torn down at the end,
also on Ctrl-C or failure.
"""

import asyncio
import json
import os
from pathlib import Path

from bench.hall import procs, report
from bench.hall.scenarios import Hall
from bench.hall.stack import Stack

ROOT = Path(__file__).resolve().parent.parent
SEED = Path(__file__).resolve().parent / "hall" / "seed.py"

# (name, unit, target): the figures bench/latest.json gets from this bench.
TARGETS = {
    "hall_login_p95_ms": 3000,
    "hall_start_p95_ms": 5000,
    "hall_autosave_p95_ms": 250,
    "hall_submit_p95_ms": 1000,
    "hall_result_p95_ms": 1000,
    "hall_errors": 0,
    "hall_fault_lost_answers": 0,
    "hall_fault_double_graded": 0,
    "hall_fault_500s": 0,
}


def figures(summaries: dict[str, dict]) -> dict[str, float]:
    """The named figures from the scenarios that ran."""

    def p95(scenario, kind):
        return summaries[scenario]["latency_ms"].get(kind, {}).get("p95")

    found: dict[str, float | None] = {}
    if "a" in summaries:
        found["hall_login_p95_ms"] = p95("a", "login")
    if "b" in summaries:
        found["hall_start_p95_ms"] = p95("b", "time_to_questions")
    if "c" in summaries:
        for kind in ("autosave", "submit", "result"):
            found[f"hall_{kind}_p95_ms"] = p95("c", kind)
    normal = [s for name, s in summaries.items() if name in "abc"]
    if normal:
        found["hall_errors"] = sum(
            sum(s["errors"].values())
            + sum(s["gave_up"].values())
            + (s["check"] or {}).get("lost_answers", 0)
            + (s["check"] or {}).get("double_graded", 0)
            + (s["check"] or {}).get("extra_attempts", 0)
            for s in normal
        )
    if "d" in summaries:
        check = summaries["d"]["check"]
        found["hall_fault_lost_answers"] = (
            check["lost_answers"] + check["ungraded_submits"]
        )
        found["hall_fault_double_graded"] = (
            check["double_graded"] + check["extra_attempts"]
        )
        found["hall_fault_500s"] = summaries["d"]["http_500"]
    return {name: value for name, value in found.items() if value is not None}


async def _scenarios(stack, seed, meter, wanted: str) -> dict[str, dict]:
    hall = Hall(stack, seed, meter)
    summaries = {}
    try:
        steps = {
            "a": hall.login_burst,
            "b": hall.start_burst,
            "c": lambda: hall.hall_run("c"),
            "d": lambda: hall.hall_run("d", faults=True),
        }
        for name in wanted:
            run = await steps[name]()
            verdict = certificates = None
            if name in "bcd":
                verdict, certificates = await asyncio.to_thread(
                    report.database_check,
                    stack.postgres.url,
                    seed["quizzes"][name],
                    run.ledger,
                )
            summaries[name] = report.summary(run, verdict, certificates)
            report.print_table([summaries[name]])
    finally:
        await hall.close()
    return summaries


def run() -> tuple[list[dict], dict]:
    """Runs the bench; the rows for bench/latest.json and the full report."""
    tree = Path(os.environ.get("HALL_TREE", ROOT)).resolve()
    wanted = os.environ.get("HALL_SCENARIOS", "abcd")
    count = int(os.environ.get("HALL_PARTICIPANTS", "300"))
    calibration = report.calibration_ms()
    load_before = report.machine_load()
    with Stack(tree) as stack:
        print(f"hall: {tree} served at {stack.serve.base}, PostgreSQL on "
              f":{stack.postgres.port}, scratch {stack.root}")  # fmt: skip
        output = stack.serve.manage(str(SEED), str(count), "b,c,d")
        seed = json.loads(output.strip().splitlines()[-1])
        with procs.CpuMeter(
            stack.serve.process.pid, stack.postgres.postmaster_pid
        ) as meter:
            summaries = asyncio.run(_scenarios(stack, seed, meter, wanted))
    full = {
        "tree": str(tree),
        "participants": count,
        "calibration_ms": calibration,
        "calibration_after_ms": report.calibration_ms(),
        "load_before": load_before,
        "load_after": report.machine_load(),
        "scenarios": summaries,
    }
    rows = [
        {"name": name, "value": value, "unit": "ms" if name.endswith("_ms") else "",
         "target": TARGETS[name], "better": "lower"}
        for name, value in figures(summaries).items()
    ]  # fmt: skip
    print(f"\ncalibration {calibration} ms (3,000,000-step loop); load {load_before}")
    return rows, full
