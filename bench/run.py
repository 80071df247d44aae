"""Runs the benchmarks and merges their figures into bench/latest.json (docs/benchmarks.md).

Usage: python bench/run.py [NAME ...]   (all in-process ones when no name is given)

In-process benchmarks build a throwaway test database (SQLite in memory unless
DATABASE_URL says otherwise), fill it with the demo data, and measure through
Django's test client, so the figures include URL routing, middleware and
templates. Standalone benchmarks (``STANDALONE``) start their own stack and
run only when named. Each run replaces the figures it measured by name and
keeps the others, so one benchmark never erases another's.
"""

import datetime
import importlib
import io
import json
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
OUT = ROOT / "bench" / "latest.json"

# name -> module with ``run() -> (rows, report)``: its own servers, no test database.
STANDALONE = {"hall_load": "bench.hall_load", "sqlite_room": "bench.sqlite_room"}


def describe_machine(vendor: str) -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, database {vendor}"
    )


def run_in_process(names: list[str]) -> tuple[list[dict], str] | None:
    """The registered benchmarks named (all when none), or None for an unknown name."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings, setup_test_environment

    import bench.certificates  # noqa: F401  (each module registers its benchmarks)
    import bench.learning  # noqa: F401
    import bench.pages  # noqa: F401
    import bench.quiz_flow  # noqa: F401
    import bench.reports  # noqa: F401
    import bench.request_cpu  # noqa: F401
    from bench.harness import REGISTRY

    importlib.import_module("bench.import")  # a keyword, so not an import statement

    # A module's name (BENCH=certificates) stands for all of its benchmarks.
    names = [
        found
        for name in names
        for found in (
            [key for key, b in REGISTRY.items() if b.run.__module__ == f"bench.{name}"]
            or [name]
        )
    ]
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        known = [*REGISTRY, *STANDALONE]
        print(f"Unknown benchmark(s): {', '.join(unknown)}. Known: {', '.join(known)}")
        return None

    setup_test_environment()
    # Real password hashing: the test settings' fast hasher would flatter logins.
    # The site's own list (Argon2id first), or Django's default where a tree sets
    # none (a checkout from before Argon2, measured for comparison).
    from django.conf import global_settings

    from lms.settings import base as site_settings

    hashers = getattr(
        site_settings, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS
    )
    override_settings(PASSWORD_HASHERS=hashers).enable()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        call_command("seed_demo", stdout=io.StringIO())
        results = []
        for name in names or list(REGISTRY):
            bench = REGISTRY[name]
            value = bench.run()
            results.append(
                {
                    "name": name,
                    "value": value,
                    "unit": bench.unit,
                    "target": bench.target,
                    "better": bench.better,
                }
            )
        machine = describe_machine(connection.vendor)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    return results, machine


def print_table(results: list[dict], machine: str) -> None:
    print(f"{'benchmark':<28}{'value':>10}  {'target':>10}  ok")
    for row in results:
        ok = (
            row["value"] <= row["target"]
            if row["better"] == "lower"
            else row["value"] >= row["target"]
        )
        print(
            f"{row['name']:<28}{row['value']:>8} {row['unit']:<2}"
            f"{row['target']:>9} {row['unit']:<2} {'yes' if ok else 'NO'}"
        )
    print(f"machine: {machine}")


def merge(old: dict, results: list[dict], machine: str, reports: dict) -> dict:
    """``old`` (latest.json as it was) with ``results`` replacing entries by name."""
    measured = datetime.date.today().isoformat()
    new = {
        row["name"]: {**row, "machine": machine, "measured": measured}
        for row in results
    }
    kept = [row for row in old.get("results", []) if row["name"] not in new]
    return {
        **old,
        **reports,
        "machine": machine,
        "results": [*kept, *new.values()],
    }


def main(names: list[str]) -> int:
    standalone = [name for name in names if name in STANDALONE]
    in_process = [name for name in names if name not in STANDALONE]
    results, reports, machine = [], {}, ""
    if in_process or not names:
        done = run_in_process(in_process)
        if done is None:
            return 2
        results, machine = done
    for name in standalone:
        module = importlib.import_module(STANDALONE[name])
        rows, report = module.run()
        results += rows
        reports[name] = report
        machine = machine or describe_machine(getattr(module, "DATABASE", "postgresql"))
    print_table(results, machine)
    old = json.loads(OUT.read_text()) if OUT.exists() else {}
    OUT.write_text(json.dumps(merge(old, results, machine, reports), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
