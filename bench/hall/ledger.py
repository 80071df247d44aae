"""What the server acknowledged, and the check of the database against it.

The participants write down every answer they sent (by revision) and every
reply that acknowledged one; every submit the server answered with the result
page's address. After a run, ``check`` compares that ledger with the rows: a
pure function, so tests/bench/ can check it on hand-made data.
"""

import datetime
from dataclasses import dataclass, field

# The server's clock and the bench's are the same machine's; allow rounding.
CLOCK_SLACK = datetime.timedelta(seconds=1)


@dataclass
class AnswerEntry:
    sent: dict[int, object] = field(default_factory=dict)  # revision -> response
    acked: int = 0


@dataclass
class Ledger:
    # (attempt id, question key) -> what was sent and the highest revision acknowledged
    answers: dict[tuple[int, str], AnswerEntry] = field(default_factory=dict)
    # attempt id -> when the server acknowledged its submit (aware datetime)
    submits: dict[int, datetime.datetime] = field(default_factory=dict)
    # attempt id -> (username, quiz id), for every attempt a page showed
    attempts: dict[int, tuple[str, int]] = field(default_factory=dict)

    def sent(self, attempt: int, key: str, revision: int, response) -> None:
        self.answers.setdefault((attempt, key), AnswerEntry()).sent[revision] = response

    def acknowledged(self, attempt: int, key: str, revision: int) -> None:
        entry = self.answers.setdefault((attempt, key), AnswerEntry())
        entry.acked = max(entry.acked, revision)


@dataclass(frozen=True)
class AttemptRow:
    id: int
    username: str
    quiz_id: int
    status: str
    submitted_at: datetime.datetime | None


@dataclass
class Verdict:
    acknowledged_answers: int = 0
    lost_answers: int = 0  # acknowledged, but missing or another value
    acknowledged_submits: int = 0
    ungraded_submits: int = 0  # acknowledged, but the attempt is still open
    double_graded: int = 0  # two graded attempts, or graded again after the ack
    extra_attempts: int = 0  # more than one attempt where one was started
    problems: list[str] = field(default_factory=list)


def check(
    ledger: Ledger,
    answers: dict[tuple[int, str], tuple[object, int]],
    attempts: list[AttemptRow],
) -> Verdict:
    """``answers``: (attempt, key) -> (response, revision) as stored; ``attempts``:
    every attempt at the run's quiz."""
    verdict = Verdict()
    for (attempt, key), entry in ledger.answers.items():
        if not entry.acked:
            continue
        verdict.acknowledged_answers += 1
        stored = answers.get((attempt, key))
        # A later revision than acknowledged is fine (its reply was lost), if sent.
        ok = (
            stored is not None
            and stored[1] >= entry.acked
            and stored[1] in entry.sent
            and entry.sent[stored[1]] == stored[0]
        )
        if not ok:
            verdict.lost_answers += 1
            verdict.problems.append(
                f"answer {attempt}/{key}: acknowledged r{entry.acked}="
                f"{entry.sent.get(entry.acked)!r}, stored {stored!r}"
            )
    by_person: dict[tuple[str, int], list[AttemptRow]] = {}
    for row in attempts:
        by_person.setdefault((row.username, row.quiz_id), []).append(row)
    rows = {row.id: row for row in attempts}
    for person in set(ledger.attempts.values()):
        if len(by_person.get(person, [])) > 1:
            verdict.extra_attempts += 1
            verdict.problems.append(f"{person}: {len(by_person[person])} attempts")
    for attempt, acked_at in ledger.submits.items():
        verdict.acknowledged_submits += 1
        row = rows.get(attempt)
        if row is None or row.status != "submitted":
            verdict.ungraded_submits += 1
            verdict.problems.append(
                f"attempt {attempt}: submit acknowledged, not graded"
            )
            continue
        graded = [r for r in by_person[(row.username, row.quiz_id)] if r.submitted_at]
        if len(graded) > 1 or row.submitted_at > acked_at + CLOCK_SLACK:
            verdict.double_graded += 1
            verdict.problems.append(
                f"attempt {attempt}: graded at {row.submitted_at}, acknowledged "
                f"at {acked_at}, {len(graded)} graded attempt(s)"
            )
    return verdict
