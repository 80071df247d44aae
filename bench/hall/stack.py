"""What the hall load test runs against: its own PostgreSQL cluster and ``make serve``.

Everything listens on free ports of 127.0.0.1 and lives in one temporary
directory, so the bench never touches another PostgreSQL server or the tree's
media. ``Stack`` is a context manager: leaving it (normally, on an exception
or on Ctrl-C) stops the server, the cluster and removes the directory.
"""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

DATABASE = "lms_hall"
SERVE_LOG = "hall-bench-serve.log"  # kept in the temporary directory after a run


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bindir() -> Path:
    """The newest installed PostgreSQL server's binaries (Debian's layout first)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name),
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise SystemExit(
        "The hall bench needs the PostgreSQL server binaries (initdb, pg_ctl): "
        "apt-get install -y postgresql"
    )


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the postgres user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class Postgres:
    """A throwaway cluster in ``root``: initdb, start, restart, stop."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "pgdata"
        self.port = free_port()
        self.bin = postgres_bindir()
        self.log = root / "postgres.log"
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def _pg_ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        subprocess.run(
            _as_postgres(
                [str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                 "-w", "-t", "60", "-o", options, *args]
            ),
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip

    def start(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
        subprocess.run(
            _as_postgres(
                [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                 "-A", "trust", "-E", "UTF8", "--no-sync"]
            ),
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        self._pg_ctl("start")
        subprocess.run(
            [str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
             "-U", "postgres", DATABASE],
            check=True,
        )  # fmt: skip

    def restart(self) -> None:
        """A fast restart: every connection is cut, as when the server is restarted."""
        self._pg_ctl("-m", "fast", "restart")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("-m", "immediate", "stop")

    def postmaster_pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None


class Serve:
    """``make serve`` of ``tree`` on a free port, in its own session (process group)."""

    def __init__(self, tree: Path, root: Path, database_url: str):
        self.tree = tree
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = root / "serve.log"
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_HTTPS": "0",
            "SITE_URL": self.base,
            "MEDIA_ROOT": str(root / "media"),
            "PRIVATE_MEDIA_ROOT": str(root / "private"),
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)  # `make bench` sets the test one
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 600) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                ["make", "--no-print-directory", "-C", str(self.tree), "serve",
                 f"PORT={self.port}"],
                env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"make serve exited; see {self.log}")
            login = self.base + "/akun/masuk/"
            with contextlib.suppress(OSError), urllib.request.urlopen(login, timeout=5):
                return
            time.sleep(1)
        raise RuntimeError(f"make serve did not answer within {timeout} s")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def manage(self, *args: str, settings: str = "lms.settings.dev") -> str:
        """A management command (or a script: ``manage("script.py")``) against the stack."""
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings}
        python = str(self.tree / ".venv" / "bin" / "python")
        command = [python, *args] if args[0].endswith(".py") else [
            python, "manage.py", *args]  # fmt: skip
        done = subprocess.run(
            command, cwd=self.tree, env=env, check=True, capture_output=True, text=True
        )
        return done.stdout


class Stack(contextlib.AbstractContextManager):
    """A cluster and ``make serve`` on it, torn down on exit whatever happened."""

    def __init__(self, tree: Path):
        self.root = Path(tempfile.mkdtemp(prefix="hall-bench-"))
        self.root.chmod(0o755)
        self.postgres = Postgres(self.root)
        self.serve = Serve(tree, self.root, self.postgres.url)

    def __enter__(self):
        # Ctrl-C and `kill` alike unwind through __exit__.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        try:
            self.postgres.start()
            self.serve.start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        try:
            self.serve.stop()
            # The server's log outlives the scratch directory, for a post-mortem.
            with contextlib.suppress(OSError):
                shutil.copy(self.serve.log, Path(tempfile.gettempdir()) / SERVE_LOG)
        finally:
            try:
                self.postgres.stop()
            finally:
                shutil.rmtree(self.root, ignore_errors=True)
        return False
