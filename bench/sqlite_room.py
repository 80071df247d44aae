"""How many people the SQLite demo holds: ``make bench BENCH=sqlite_room``
(docs/benchmarks.md, "SQLite room").

For each room size (``ROOM_SIZES``, default ``30,60,100``): a new SQLite file in
a scratch directory, set up as ``make run`` sets up the demo (migrate, the demo
data, ``runserver`` with the development settings; run directly, without the
autoreloader, so that the bench installs nothing and other edits to the tree do
not restart it), the hall's participants and events (``bench/hall/seed.py``),
then the hall bench's login burst, start burst and hall run
(``bench/hall/scenarios.py``) with that many people. A room is held when no
request fails, nobody gives up and the p95s meet the hall's targets
(``bench/hall_load.py``).
"""

import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import hall_load
from bench.hall import procs, report
from bench.hall.scenarios import Hall
from bench.hall.stack import Serve

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "bench" / "hall" / "seed.py"
SCENARIOS = "abc"
DATABASE = "sqlite"  # for the machine line of bench/latest.json
# A room: an RW meeting or a village hall's training, where the demo is enough.
TARGET = 30


class Room(contextlib.AbstractContextManager):
    """The demo on a fresh SQLite file under ``runserver``, torn down on exit.

    Shaped like the hall bench's stack (``serve.base``, ``serve.process``) so
    that its scenarios run unchanged; there is no PostgreSQL to restart.
    """

    postgres = None

    def __init__(self, tree: Path):
        self.root = Path(tempfile.mkdtemp(prefix="sqlite-room-"))
        self.serve = Serve(tree, self.root, f"sqlite:///{self.root / 'db.sqlite3'}")

    def __enter__(self):
        try:
            self.serve.manage("migrate", "--noinput")
            with open(self.serve.log, "ab") as log:
                self.serve.process = subprocess.Popen(
                    [str(self.serve.tree / ".venv" / "bin" / "python"), "manage.py",
                     "runserver", "--noreload", f"127.0.0.1:{self.serve.port}"],
                    cwd=self.serve.tree, stdout=log, stderr=subprocess.STDOUT,
                    env={**self.serve.env, "DJANGO_SETTINGS_MODULE": "lms.settings.dev"},
                    start_new_session=True,
                )  # fmt: skip
            self._wait_until_serving()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def _wait_until_serving(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(self.serve.base + "/akun/masuk/", timeout=5)
                return
            time.sleep(1)
        raise RuntimeError(f"runserver did not answer; see {self.serve.log}")

    def __exit__(self, *exc):
        self.serve.stop()
        shutil.rmtree(self.root, ignore_errors=True)
        return False


async def _scenarios(room: Room, seed: dict, meter) -> dict[str, dict]:
    hall = Hall(room, seed, meter)
    steps = {
        "a": hall.login_burst,
        "b": hall.start_burst,
        "c": lambda: hall.hall_run("c"),
    }
    summaries = {}
    try:
        for name in SCENARIOS:
            summaries[name] = report.summary(await steps[name](), None, None)
            report.print_table([summaries[name]])
    finally:
        await hall.close()
    return summaries


def held(summaries: dict[str, dict]) -> bool:
    """Nothing failed, nobody gave up, and every p95 met the hall's target."""
    return all(
        value <= hall_load.TARGETS[name]
        for name, value in hall_load.figures(summaries).items()
    )


def measure(tree: Path, size: int) -> dict:
    load_before = report.machine_load()
    with Room(tree) as room:
        output = room.serve.manage(str(SEED), str(size), "b,c")
        seed = json.loads(output.strip().splitlines()[-1])
        with procs.CpuMeter(room.serve.process.pid, lambda: None) as meter:
            summaries = asyncio.run(_scenarios(room, seed, meter))
    return {
        "size": size,
        "held": held(summaries),
        "load_before": load_before,
        "load_after": report.machine_load(),
        "scenarios": summaries,
    }


def run() -> tuple[list[dict], dict]:
    """Each room size in turn; the largest held is the figure for bench/latest.json."""
    tree = Path(os.environ.get("HALL_TREE", ROOT)).resolve()
    sizes = [int(n) for n in os.environ.get("ROOM_SIZES", "30,60,100").split(",")]
    calibration = report.calibration_ms()
    rooms = [measure(tree, size) for size in sizes]
    for room in rooms:
        print(f"room of {room['size']}: {'held' if room['held'] else 'NOT held'}; "
              f"load {room['load_before']['loadavg']} -> {room['load_after']['loadavg']}")  # fmt: skip
    largest = max((r["size"] for r in rooms if r["held"]), default=0)
    full = {"tree": str(tree), "calibration_ms": calibration, "rooms": rooms}
    row = {"name": "sqlite_room_held", "value": largest, "unit": "",
           "target": TARGET, "better": "higher"}  # fmt: skip
    return [row], full
