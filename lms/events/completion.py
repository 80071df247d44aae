"""Who completes an event: an event's rules and a participant's record in, an outcome out.

A capacity-building day decides completion with explicit rules (docs/events.md), and
"the outcome names what is missing": the dashboard says it in words and certificates
are issued on completion. So the rule is a pure function over plain data (standard
library only, no Django, no ORM, no request) and every combination is tested.

What is missing is a stable code with parameters, never a sentence, so templates can
translate it and tests can compare it (as ``quizzes.grading.validation.Problem`` does).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


def _frozensets(instance: object, *names: str) -> None:
    """Coerce the named fields of a frozen dataclass to frozensets of ids.

    Callers hold sets, lists or ``values_list`` results; comparing those is the same.
    """
    for name in names:
        value: Iterable[int] = getattr(instance, name)
        object.__setattr__(instance, name, frozenset(value))


@dataclass(frozen=True, kw_only=True)
class CompletionRules:
    """What an event asks of a participant before they complete it.

    Required pact texts (the integrity pact and/or the pledge) live here, not in the
    participant's record: they belong to the event, like its required modules, and
    the two sets then read the same way. A non-empty ``required_pact_ids`` *is* "a pact
    is required", so no separate flag can disagree with it.

    Only ``require_pre_test`` has a default (few events use it). The others must be
    named: a forgotten rule would otherwise mean "not required" and issue a
    certificate nobody earned.
    """

    require_check_in: bool
    # Taking the pre-test is enough: it measures where people start, so no pass mark.
    require_pre_test: bool = False
    required_module_ids: frozenset[int]
    required_pact_ids: frozenset[int]
    require_post_test: bool

    def __post_init__(self) -> None:
        _frozensets(self, "required_module_ids", "required_pact_ids")

    @property
    def require_pact(self) -> bool:
        """Whether the participant must accept at least one text before completing."""
        return bool(self.required_pact_ids)


@dataclass(frozen=True, kw_only=True)
class ParticipantRecord:
    """What one participant has done for one event, as facts read from the database.

    Every field defaults to "not done", so a fact the caller forgot to fill in shows
    up as missing instead of completing someone by accident. A post-test is
    "attempted" once an attempt is submitted (one still in progress does not count);
    "passed" comes from the attempts combined, and cannot be true without an attempt.
    Ids done that the rules do not require (modules, pact texts) are simply ignored.
    """

    checked_in: bool = False
    pre_test_taken: bool = False
    completed_module_ids: frozenset[int] = frozenset()
    accepted_pact_ids: frozenset[int] = frozenset()
    post_test_attempted: bool = False
    post_test_passed: bool = False

    def __post_init__(self) -> None:
        _frozensets(self, "completed_module_ids", "accepted_pact_ids")
        if self.post_test_passed and not self.post_test_attempted:
            # A programming error in whoever built the record, not a participant's.
            raise ValueError("A post-test cannot be passed without being attempted.")


class MissingCode(StrEnum):
    """The stable codes of what can be missing, declared in the order a participant
    meets them on the day: check in, pre-test, modules, pact, post-test.

    They are plain strings (``MissingCode.PACT == "pact"``), so a template or a dict
    of messages can use either form. Renaming one breaks translations: don't.
    """

    CHECK_IN = "check_in"
    PRE_TEST = "pre_test"
    MODULES = "modules"
    PACT = "pact"
    # Two codes for the post-test, because the dashboard says different things:
    # "take the post-test" versus "you have not passed the post-test yet".
    POST_TEST_NOT_TAKEN = "post_test_not_taken"
    POST_TEST_NOT_PASSED = "post_test_not_passed"


@dataclass(frozen=True)
class Missing:
    """One required step the participant has not met: a code and what a message needs.

    ``modules`` carries ``{"module_ids": (...)}`` and ``pact`` carries
    ``{"pact_ids": (...)}``, each a sorted tuple of the ids still missing, so the
    dashboard can name them in a stable order; the other codes carry nothing.
    """

    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """Whether a participant completed an event, and if not, what is missing.

    ``total_count`` counts the required steps (at most five: check-in, pre-test,
    modules, pact, post-test; all the required modules together are one step), so the
    dashboard can say "3 dari 5 syarat terpenuhi". ``complete`` and ``done_count`` are
    derived from ``missing``, so they can never disagree with it.
    """

    missing: tuple[Missing, ...]
    total_count: int

    @property
    def complete(self) -> bool:
        """True when nothing required is missing; an event with no rules is complete."""
        return not self.missing

    @property
    def done_count(self) -> int:
        """How many required steps are met."""
        return self.total_count - len(self.missing)


def evaluate_completion(rules: CompletionRules, record: ParticipantRecord) -> Outcome:
    """Decide whether ``record`` meets ``rules``, listing each unmet step in day order.

    Steps the rules do not require are not counted and never listed, whatever the
    record says about them. Doing more than asked (extra modules, extra texts
    accepted) neither helps nor hurts.
    """
    missing: list[Missing] = []
    total = 0
    if rules.require_check_in:
        total += 1
        if not record.checked_in:
            missing.append(Missing(MissingCode.CHECK_IN))
    if rules.require_pre_test:
        total += 1
        if not record.pre_test_taken:
            missing.append(Missing(MissingCode.PRE_TEST))
    if rules.required_module_ids:
        total += 1
        if modules := rules.required_module_ids - record.completed_module_ids:
            missing.append(
                Missing(MissingCode.MODULES, {"module_ids": tuple(sorted(modules))})
            )
    if rules.require_pact:
        total += 1
        if pacts := rules.required_pact_ids - record.accepted_pact_ids:
            missing.append(
                Missing(MissingCode.PACT, {"pact_ids": tuple(sorted(pacts))})
            )
    if rules.require_post_test:
        total += 1
        if not record.post_test_attempted:
            missing.append(Missing(MissingCode.POST_TEST_NOT_TAKEN))
        elif not record.post_test_passed:
            missing.append(Missing(MissingCode.POST_TEST_NOT_PASSED))
    return Outcome(missing=tuple(missing), total_count=total)
