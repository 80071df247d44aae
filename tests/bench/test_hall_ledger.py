"""The hall bench's check of the database against what the server acknowledged.

Hand-made ledgers and rows, no server: the check is what turns a load run into
"nothing lost, nothing graded twice", so it must catch each way of failing.
"""

import datetime

from bench.hall.ledger import AttemptRow, Ledger, check

ACKED_AT = datetime.datetime(2026, 12, 6, 10, 0, tzinfo=datetime.UTC)


def submitted(attempt_id, username="hall001", *, at=ACKED_AT, quiz=7):
    return AttemptRow(attempt_id, username, quiz, "submitted", at)


def ledger_with_answer(revisions, acked) -> Ledger:
    ledger = Ledger()
    ledger.attempts[1] = ("hall001", 7)
    for revision, response in revisions.items():
        ledger.sent(1, "q1", revision, response)
    ledger.acknowledged(1, "q1", acked)
    return ledger


def test_an_acknowledged_answer_stored_as_sent_is_not_lost():
    ledger = ledger_with_answer({1: "a", 2: "b"}, acked=2)
    verdict = check(ledger, {(1, "q1"): ("b", 2)}, [submitted(1)])
    assert verdict.acknowledged_answers == 1
    assert verdict.lost_answers == 0


def test_a_missing_row_is_a_lost_answer():
    verdict = check(ledger_with_answer({1: "a"}, acked=1), {}, [submitted(1)])
    assert verdict.lost_answers == 1


def test_an_older_revision_stored_is_a_lost_answer():
    ledger = ledger_with_answer({1: "a", 2: "b"}, acked=2)
    verdict = check(ledger, {(1, "q1"): ("a", 1)}, [submitted(1)])
    assert verdict.lost_answers == 1


def test_another_value_under_the_acknowledged_revision_is_a_lost_answer():
    ledger = ledger_with_answer({1: ["o1", "o2"]}, acked=1)
    verdict = check(ledger, {(1, "q1"): (["o1"], 1)}, [submitted(1)])
    assert verdict.lost_answers == 1


def test_a_newer_revision_whose_reply_was_lost_is_fine():
    ledger = ledger_with_answer({1: "a", 2: "b"}, acked=1)  # the reply to r2 timed out
    verdict = check(ledger, {(1, "q1"): ("b", 2)}, [submitted(1)])
    assert verdict.lost_answers == 0


def test_answers_never_acknowledged_are_not_counted():
    ledger = Ledger()
    ledger.sent(1, "q1", 1, "a")
    verdict = check(ledger, {}, [submitted(1)])
    assert (verdict.acknowledged_answers, verdict.lost_answers) == (0, 0)


def test_an_acknowledged_submit_graded_once_is_fine():
    ledger = Ledger(submits={1: ACKED_AT}, attempts={1: ("hall001", 7)})
    verdict = check(ledger, {}, [submitted(1)])
    assert verdict.acknowledged_submits == 1
    assert (verdict.double_graded, verdict.ungraded_submits) == (0, 0)


def test_an_acknowledged_submit_still_open_is_ungraded():
    ledger = Ledger(submits={1: ACKED_AT}, attempts={1: ("hall001", 7)})
    row = AttemptRow(1, "hall001", 7, "in_progress", None)
    assert check(ledger, {}, [row]).ungraded_submits == 1


def test_grading_again_after_the_acknowledgement_is_double_grading():
    ledger = Ledger(submits={1: ACKED_AT}, attempts={1: ("hall001", 7)})
    later = ACKED_AT + datetime.timedelta(seconds=30)
    assert check(ledger, {}, [submitted(1, at=later)]).double_graded == 1


def test_a_second_graded_attempt_is_double_grading_and_an_extra_attempt():
    ledger = Ledger(submits={1: ACKED_AT}, attempts={1: ("hall001", 7)})
    verdict = check(ledger, {}, [submitted(1), submitted(2)])
    assert verdict.double_graded == 1
    assert verdict.extra_attempts == 1


def test_other_participants_attempts_do_not_count_as_extra():
    ledger = Ledger(attempts={1: ("hall001", 7)})
    rows = [submitted(1), submitted(2, "hall002")]
    assert check(ledger, {}, rows).extra_attempts == 0
