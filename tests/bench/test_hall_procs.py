"""The hall bench tells the server's processes apart by the program they run."""

from bench.hall.procs import Proc, difference, role

SCRIPT = (
    "trap 'kill 0' EXIT; while true; do manage.py task_worker; done & gunicorn lms.wsgi"
)


def proc(*argv, pid=10):
    return Proc(pid=pid, ppid=1, session=1, started=5, cpu_ticks=0, argv=argv)


def test_roles_come_from_the_program_not_from_words_in_a_script():
    assert role(proc("/bin/bash", "-c", SCRIPT)) == "other"
    assert (
        role(proc(".venv/bin/python", ".venv/bin/gunicorn", "lms.wsgi")) == "gunicorn"
    )
    assert role(proc(".venv/bin/python", "manage.py", "task_worker")) == "task_worker"
    assert role(proc(".venv/bin/python", "manage.py", "db_worker")) == "task_worker"
    assert (
        role(proc(".venv/bin/python", "manage.py", "grade_overdue_attempts")) == "other"
    )


def test_a_process_that_changes_role_counts_under_its_new_role_never_negative():
    before = {(10, 5): ("other", 100), (11, 5): ("gunicorn", 50)}
    after = {
        (10, 5): ("task_worker", 300),
        (11, 5): ("gunicorn", 150),
        (12, 9): ("other", 7),
    }
    seconds = difference(after, before)
    assert seconds["task_worker"] > 0
    assert seconds["gunicorn"] > 0
    assert all(value >= 0 for value in seconds.values())
