"""One simulated participant on a phone: its own cookies, CSRF token and quiz.js habits.

Pages (login, quiz page, start, attempt page, submit, result) are navigations:
a person waits up to a minute and tries again when the page fails, backing off.
Autosaves follow ``static/js/quiz.js``: changes queue per question with a
revision counter, the queue goes in one request with a 15 s timeout, and what
is not acknowledged stays queued and is sent again after a delay that starts
at 10 s and grows by half up to 60 s (a 503's Retry-After is honoured).
"""

import asyncio
import datetime
import json
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field

import aiohttp

from bench.hall.ledger import Ledger
from bench.hall.page import Question, choose, read_questions

PAGE_TIMEOUT = 60
PAGE_TRIES = 6
REQUEST_TIMEOUT = 15  # quiz.js REQUEST_TIMEOUT_MS
RETRY_FIRST, RETRY_MAX = 10.0, 60.0  # quiz.js RETRY_FIRST_MS, RETRY_MAX_MS
SUBMIT_WAIT = 8  # quiz.js SUBMIT_WAIT_MS
FLUSH_ROUNDS = 5
AUTOSAVE_SENDS = 40  # at most this many autosave requests per participant
_ATTEMPT_URL = re.compile(r"/kuis/percobaan/(\d+)/$")


@dataclass
class Recorder:
    """Every request: its kind, milliseconds and status (or "timeout"/"network")."""

    samples: list[tuple[str, float, object]] = field(default_factory=list)
    failures: Counter = field(
        default_factory=Counter
    )  # participants who gave up, by step

    def add(self, kind: str, ms: float, status) -> None:
        self.samples.append((kind, ms, status))


@dataclass
class Reply:
    status: int
    location: str
    retry_after: float | None
    body: str


class GaveUp(Exception):
    """A step failed after every retry; the participant stops there."""


class Participant:
    def __init__(self, base: str, username: str, password: str, recorder, ledger, seed):
        self.base = base
        self.username = username
        self.password = password
        self.recorder: Recorder = recorder
        self.ledger: Ledger = ledger
        self.rng = random.Random(seed)
        # Cookies from an IP address need the unsafe jar.
        self.session = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            connector=aiohttp.TCPConnector(limit=6),  # a browser's per-host limit
        )
        self.logged_in = False

    async def close(self) -> None:
        await self.session.close()

    def csrf(self) -> str:
        cookie = self.session.cookie_jar.filter_cookies(self.base).get("csrftoken")
        return cookie.value if cookie else ""

    async def request(self, kind, method, path, *, timeout, **options) -> Reply | None:
        started = time.perf_counter()
        try:
            async with self.session.request(
                method,
                self.base + path,
                timeout=aiohttp.ClientTimeout(total=timeout),
                allow_redirects=False,
                **options,
            ) as response:
                body = await response.text()
                retry = response.headers.get("Retry-After", "")
                reply = Reply(
                    response.status,
                    response.headers.get("Location", ""),
                    float(retry) if retry.isdigit() else None,
                    body,
                )
        except TimeoutError:
            self.recorder.add(kind, (time.perf_counter() - started) * 1000, "timeout")
            return None
        except aiohttp.ClientError:
            self.recorder.add(kind, (time.perf_counter() - started) * 1000, "network")
            return None
        self.recorder.add(kind, (time.perf_counter() - started) * 1000, reply.status)
        return reply

    async def navigate(self, kind, method, path, *, form=None, expect=(200,)) -> Reply:
        """A page load as a person does it: on a failure, wait and load it again."""
        pause = 2.0
        for _ in range(PAGE_TRIES):
            data = (
                None if form is None else {"csrfmiddlewaretoken": self.csrf(), **form}
            )
            reply = await self.request(
                kind, method, path, timeout=PAGE_TIMEOUT, data=data
            )
            if reply is not None and reply.status in expect:
                return reply
            if reply is not None and reply.status < 500:
                break  # refused: trying again would not help
            await asyncio.sleep(min(reply and reply.retry_after or pause, 30))
            pause *= 2
        self.recorder.failures[kind] += 1
        raise GaveUp(f"{self.username}: {kind} {path}")

    # The steps ---------------------------------------------------------------

    async def log_in(self) -> None:
        await self.navigate("login_page", "GET", "/akun/masuk/")
        form = {"username": self.username, "password": self.password}
        await self.navigate("login", "POST", "/akun/masuk/", form=form, expect=(302,))
        self.logged_in = True

    async def open_quiz(self, quiz_url: str) -> None:
        await self.navigate("quiz_page", "GET", quiz_url)

    async def start(self, quiz_url: str, quiz_id: int) -> "Sitting":
        """Presses start and waits for the questions; the sitting that follows."""
        started = await self.navigate(
            "start", "POST", quiz_url + "mulai/", form={}, expect=(302,)
        )
        path = started.location.replace(self.base, "")
        found = _ATTEMPT_URL.search(path)
        if not found:
            self.recorder.failures["start_refused"] += 1
            raise GaveUp(f"{self.username}: start went to {path}")
        page = await self.navigate("attempt_page", "GET", path)
        questions = read_questions(page.body)
        if not questions:
            self.recorder.failures["no_questions"] += 1
            raise GaveUp(f"{self.username}: no questions on {path}")
        attempt = int(found.group(1))
        self.ledger.attempts[attempt] = (self.username, quiz_id)
        return Sitting(self, attempt, path, questions)


class Sitting:
    """One attempt page open on the phone: the answer queue and its sender."""

    def __init__(self, participant: Participant, attempt: int, path: str, questions):
        self.participant = participant
        self.attempt = attempt
        self.path = path
        self.questions: dict[str, Question] = {q.key: q for q in questions}
        self.order = [q.key for q in questions]
        self.pending: dict[str, dict] = {}
        self.inflight: asyncio.Task | None = None
        self.again = False
        self.retry: asyncio.Task | None = None
        self.retry_delay = RETRY_FIRST
        self.sends = 0
        self.closed = False

    def change(self, key: str, right: bool) -> None:
        """The participant answers (or changes) one question: queue it, send the queue."""
        question = self.questions[key]
        response = choose(question, self.participant.rng, right)
        question.revision += 1
        self.pending[key] = {
            "question": key, "response": response, "revision": question.revision
        }  # fmt: skip
        self.participant.ledger.sent(self.attempt, key, question.revision, response)
        self.flush()

    def flush(self) -> asyncio.Task | None:
        if self.closed:
            return None
        if self.inflight and not self.inflight.done():
            self.again = True
            return self.inflight
        self.inflight = asyncio.ensure_future(self._run_flush())
        return self.inflight

    async def _run_flush(self) -> bool:
        ok, rounds = True, 0
        while True:
            self.again = False
            ok = await self._send_pending()
            rounds += 1
            if not (ok and not self.closed and (self.again or self.pending)):
                break
            if rounds >= FLUSH_ROUNDS:
                break
        if ok and self.pending:
            self._schedule_retry(None)
        return not self.pending

    async def _send_pending(self) -> bool:
        batch = list(self.pending.values())
        if not batch:
            return True
        if self.sends >= AUTOSAVE_SENDS:
            return False
        self.sends += 1
        participant = self.participant
        reply = await participant.request(
            "autosave", "POST", self.path + "simpan/", timeout=REQUEST_TIMEOUT,
            json={"answers": batch},
            headers={"X-CSRFToken": participant.csrf(), "Accept": "application/json"},
        )  # fmt: skip
        if reply is None:
            self._schedule_retry(None)
            return False
        if reply.status == 200:
            try:
                saved = json.loads(reply.body)["saved"]
            except (ValueError, KeyError, TypeError):
                saved = []
            for item in saved:
                key, revision = item["question"], int(item["revision"])
                participant.ledger.acknowledged(self.attempt, key, revision)
                entry = self.pending.get(key)
                if entry and entry["revision"] <= revision:
                    del self.pending[key]
            self._reset_retry()
            return True
        if reply.status == 409:
            self.closed = True
            return False
        if reply.status == 400:
            self.pending.pop(batch[0]["question"], None)
            return False
        self._schedule_retry(reply.retry_after)
        return False

    def _schedule_retry(self, retry_after: float | None) -> None:
        if (self.retry and not self.retry.done()) or self.closed:
            return
        delay = min(retry_after, RETRY_MAX) if retry_after else self.retry_delay
        self.retry_delay = min(self.retry_delay * 1.5, RETRY_MAX)

        async def later():
            await asyncio.sleep(delay)
            self.flush()

        self.retry = asyncio.ensure_future(later())

    def _reset_retry(self) -> None:
        if self.retry and not self.retry.done():
            self.retry.cancel()
        self.retry = None
        self.retry_delay = RETRY_FIRST

    async def submit(self) -> None:
        """Submit: wait up to 8 s for the queue, confirm, post once, see the result."""
        if self.pending:
            task = self.flush()
            if task is not None:
                await asyncio.wait([task], timeout=SUBMIT_WAIT)
        self.closed = True  # the page is left: nothing queued is sent any more
        self._reset_retry()
        participant = self.participant
        submitted = await participant.navigate(
            "submit", "POST", self.path + "kirim/", form={}, expect=(302,)
        )
        participant.ledger.submits[self.attempt] = datetime.datetime.now(datetime.UTC)
        result = submitted.location.replace(participant.base, "")
        await participant.navigate("result", "GET", result)

    async def answer_all(self, changes: int, pauses: tuple[float, float]) -> None:
        """``changes`` answers with pauses between them: each question once, and the
        last few changes go back to earlier questions (a revision 2)."""
        keys = list(self.order)
        fresh = min(len(keys), changes - changes // 10)
        plan = keys[:fresh] + [
            self.participant.rng.choice(keys[:fresh]) for _ in range(changes - fresh)
        ]
        for key in plan:
            await asyncio.sleep(self.participant.rng.uniform(*pauses))
            self.change(key, right=self.participant.rng.random() < 0.9)
