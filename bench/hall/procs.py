"""The server's processes, read from /proc: who they are and the CPU they used.

CPU is utime+stime of each process. A process that dies (a gunicorn worker
killed on purpose, PostgreSQL's backends at a restart) takes its figures with
it, so a sampler thread remembers the last figures of every process it saw:
a part of a second may go unseen, which the report accepts.
"""

import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Proc:
    pid: int
    ppid: int
    session: int
    started: int  # clock ticks after boot: with pid, names a process for good
    cpu_ticks: int
    argv: tuple[str, ...]


def processes() -> list[Proc]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            argv = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue  # gone meanwhile
        # The command name may hold spaces and parentheses: split after the last ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        found.append(
            Proc(
                pid=int(entry.name),
                ppid=int(fields[1]),
                session=int(fields[3]),
                started=int(fields[19]),
                cpu_ticks=int(fields[11]) + int(fields[12]),
                argv=tuple(argv.split("\0")[:3]),
            )
        )
    return found


def descendants(procs: list[Proc], root: int) -> list[Proc]:
    """``root`` and every process below it."""
    children: dict[int, list[Proc]] = {}
    for proc in procs:
        children.setdefault(proc.ppid, []).append(proc)
    found = [p for p in procs if p.pid == root]
    queue = list(found)
    while queue:
        for child in children.get(queue.pop().pid, []):
            found.append(child)
            queue.append(child)
    return found


def role(proc: Proc) -> str:
    """By the program run, not by words anywhere in the command line: the shell
    that ``make serve`` starts names gunicorn and task_worker in its script."""
    program = [Path(arg).name for arg in proc.argv[:2]]
    if "gunicorn" in program:
        return "gunicorn"
    # task_worker is what `make serve` runs; db_worker is what it ran before.
    if proc.argv[1:3] in (("manage.py", "task_worker"), ("manage.py", "db_worker")):
        return "task_worker"
    return "other"  # make, the shells, the minute grading timer


def gunicorn_workers(procs: list[Proc], serve_session: int) -> list[Proc]:
    mine = [p for p in procs if p.session == serve_session and role(p) == "gunicorn"]
    pids = {p.pid for p in mine}
    return [p for p in mine if p.ppid in pids]


def running(serve_session: int, name: str) -> int:
    """How many processes of a role (``task_worker``, ``gunicorn``) are running now."""
    return sum(1 for p in processes() if p.session == serve_session and role(p) == name)


def kill_one_worker(serve_session: int) -> int:
    """SIGKILLs one gunicorn worker (gunicorn's master starts another); its pid."""
    workers = gunicorn_workers(processes(), serve_session)
    if not workers:
        raise RuntimeError("no gunicorn worker found")
    os.kill(workers[0].pid, signal.SIGKILL)
    return workers[0].pid


class CpuMeter:
    """Server CPU-seconds by role (gunicorn, task_worker, postgres, other), sampled.

    ``serve_session`` is ``make serve``'s session; ``postmaster`` returns the
    cluster's current postmaster pid (it changes when PostgreSQL restarts).
    """

    def __init__(self, serve_session: int, postmaster, interval: float = 0.5):
        self.serve_session = serve_session
        self.postmaster = postmaster
        self.interval = interval
        self.last: dict[tuple[int, int], tuple[str, int]] = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def sample(self) -> None:
        procs = processes()
        seen = [(role(p), p) for p in procs if p.session == self.serve_session]
        postmaster = self.postmaster()
        if postmaster:
            seen += [("postgres", p) for p in descendants(procs, postmaster)]
        with self.lock:
            for name, proc in seen:
                self.last[(proc.pid, proc.started)] = (name, proc.cpu_ticks)

    def snapshot(self) -> dict[tuple[int, int], tuple[str, int]]:
        """Every process seen so far: its role now and its last CPU ticks."""
        self.sample()
        with self.lock:
            return dict(self.last)

    def _run(self) -> None:
        while not self.stopping.wait(self.interval):
            self.sample()

    def __enter__(self):
        self.sample()
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join()
        return False


def difference(after: dict, before: dict) -> dict[str, float]:
    """CPU-seconds by role between two snapshots, each process under its latest
    role (a shell forked by ``make serve`` becomes task_worker when it execs)."""
    seconds: dict[str, float] = {}
    for key, (name, ticks) in after.items():
        used = ticks - before.get(key, (name, 0))[1]
        seconds[name] = seconds.get(name, 0.0) + used / TICKS
    return {name: round(value, 2) for name, value in sorted(seconds.items())}
