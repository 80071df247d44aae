"""The four hall scenarios, run one after the other by the same 300 participants.

(a) login burst: everyone logs in within 60 s. (b) start burst: everyone has
the post-test open and presses start within 10 s; the figure is the time from
the press until the questions are on screen. (c) hall run: starts spread over
two minutes, 20 answers each 1-3 s apart, submit, result. (d) the hall run
again, with one gunicorn worker SIGKILLed at 30% of it and PostgreSQL
restarted at 60%. Each scenario has its own hall event (b, c, d) so its
attempts, answers and certificates are its own to check.
"""

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass, field

from bench.hall import procs
from bench.hall.client import GaveUp, Participant, Recorder
from bench.hall.ledger import Ledger

LOGIN_SPREAD = 60
START_SPREAD = 10
HALL_SPREAD = 120
CHANGES = 20
PAUSES = (1.0, 3.0)
SCENARIO_LIMIT = 15 * 60  # seconds: no scenario runs longer, whatever happens


@dataclass
class Run:
    """One scenario's record: requests, ledger, CPU and load around it."""

    name: str
    recorder: Recorder = field(default_factory=Recorder)
    ledger: Ledger = field(default_factory=Ledger)
    events: list[str] = field(default_factory=list)
    wall_s: float = 0.0
    client_cpu_s: float = 0.0
    server_cpu_s: dict = field(default_factory=dict)
    load_before: tuple = ()
    load_after: tuple = ()
    task_workers_after: int = 0


class Hall:
    def __init__(self, stack, seed: dict, meter: procs.CpuMeter):
        self.stack = stack
        self.seed = seed
        self.meter = meter
        base = stack.serve.base
        self.prelude = Run("prelude")
        self.people = [
            Participant(base, name, seed["password"], self.prelude.recorder,
                        self.prelude.ledger, seed=f"{name}:{n}")
            for n, name in enumerate(seed["usernames"])
        ]  # fmt: skip

    async def close(self) -> None:
        await asyncio.gather(*(p.close() for p in self.people))

    async def everyone(self, step, spread: float, run: Run) -> None:
        """``step(person)`` for each participant, started at random within ``spread`` s."""
        for person in self.people:
            person.recorder, person.ledger = run.recorder, run.ledger

        async def one(person):
            await asyncio.sleep(person.rng.uniform(0, spread))
            with contextlib.suppress(GaveUp):  # counted by the recorder
                await step(person)

        await asyncio.wait_for(
            asyncio.gather(*(one(p) for p in self.people)), SCENARIO_LIMIT
        )

    async def measured(self, run: Run, body) -> Run:
        run.load_before = os.getloadavg()
        cpu_before, client_before = self.meter.snapshot(), time.process_time()
        started = time.monotonic()
        await body(run)
        run.wall_s = round(time.monotonic() - started, 1)
        run.client_cpu_s = round(time.process_time() - client_before, 2)
        run.server_cpu_s = procs.difference(self.meter.snapshot(), cpu_before)
        run.load_after = os.getloadavg()
        run.task_workers_after = procs.running(
            self.stack.serve.process.pid, "task_worker"
        )
        return run

    async def logged_in(self) -> None:
        """Logs in whoever is not (a scenario run without the login burst)."""
        missing = [p for p in self.people if not p.logged_in]
        if missing:
            await self.everyone(
                lambda p: p.log_in() if not p.logged_in else asyncio.sleep(0),
                LOGIN_SPREAD, self.prelude,
            )  # fmt: skip

    # The scenarios ----------------------------------------------------------

    async def login_burst(self) -> Run:
        return await self.measured(
            Run("a"), lambda run: self.everyone(lambda p: p.log_in(), LOGIN_SPREAD, run)
        )

    async def start_burst(self) -> Run:
        await self.logged_in()
        quiz = self.seed["quizzes"]["b"]
        await self.everyone(lambda p: p.open_quiz(quiz["url"]), 20, self.prelude)

        async def press(person):
            started = time.perf_counter()
            await person.start(quiz["url"], quiz["id"])
            ms = (time.perf_counter() - started) * 1000
            person.recorder.add("time_to_questions", ms, 200)

        return await self.measured(
            Run("b"), lambda run: self.everyone(press, START_SPREAD, run)
        )

    async def hall_run(self, name: str, faults: bool = False) -> Run:
        await self.logged_in()
        quiz = self.seed["quizzes"][name]

        async def sitting(person):
            await person.open_quiz(quiz["url"])
            sitting = await person.start(quiz["url"], quiz["id"])
            await sitting.answer_all(CHANGES, PAUSES)
            await sitting.submit()

        async def body(run):
            work = self.everyone(sitting, HALL_SPREAD, run)
            if not faults:
                await work
                return
            planned = HALL_SPREAD + CHANGES * sum(PAUSES) / 2
            await asyncio.gather(work, self.faults(run, planned))

        return await self.measured(Run(name), body)

    async def faults(self, run: Run, planned: float) -> None:
        started = time.monotonic()
        await asyncio.sleep(0.3 * planned)
        pid = procs.kill_one_worker(self.stack.serve.process.pid)
        run.events.append(f"{time.monotonic() - started:.0f} s: SIGKILL worker {pid}")
        await asyncio.sleep(max(0.0, 0.6 * planned - (time.monotonic() - started)))
        restart = time.monotonic()
        await asyncio.to_thread(self.stack.postgres.restart)
        run.events.append(
            f"{restart - started:.0f} s: PostgreSQL restarted "
            f"({time.monotonic() - restart:.1f} s)"
        )
