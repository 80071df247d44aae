"""bench/run.py merges a run's figures into bench/latest.json instead of replacing it."""

from bench.run import merge


def row(name, value):
    return {"name": name, "value": value, "unit": "ms", "target": 1, "better": "lower"}


OLD = {
    "machine": "old machine",
    "results": [row("quiz_flow_20q", 108), row("hall_login_p95_ms", 900)],
    "hall_load": {"scenarios": "old"},
}


def test_a_run_replaces_its_figures_by_name_and_keeps_the_others():
    merged = merge(OLD, [row("hall_login_p95_ms", 120)], "new machine", {})
    values = {r["name"]: r["value"] for r in merged["results"]}
    assert values == {"quiz_flow_20q": 108, "hall_login_p95_ms": 120}
    assert merged["hall_load"] == {"scenarios": "old"}


def test_each_new_figure_says_where_and_when_it_was_measured():
    merged = merge(OLD, [row("cpu_ms_start", 20)], "new machine", {})
    new = next(r for r in merged["results"] if r["name"] == "cpu_ms_start")
    assert new["machine"] == "new machine"
    assert new["measured"]
    kept = next(r for r in merged["results"] if r["name"] == "quiz_flow_20q")
    assert "measured" not in kept


def test_a_standalone_report_replaces_its_own_report_only():
    merged = merge(OLD, [], "new machine", {"hall_load": {"scenarios": "new"}})
    assert merged["hall_load"] == {"scenarios": "new"}
    assert len(merged["results"]) == 2


def test_a_first_run_starts_the_file():
    merged = merge({}, [row("quiz_flow_20q", 100)], "machine", {})
    assert [r["name"] for r in merged["results"]] == ["quiz_flow_20q"]
