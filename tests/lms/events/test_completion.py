"""Event completion: every combination of rules and record, and the properties that
must hold for any of them.

Completion decides who gets a certificate, so the five steps are checked in all their
combinations (required or not, met or not, and the post-test's three states), and
hypothesis checks that doing more never makes an outcome worse.
"""

import dataclasses
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lms.events.completion import (
    CompletionRules,
    Missing,
    MissingCode,
    Outcome,
    ParticipantRecord,
    evaluate_completion,
)

DAY_ORDER = [
    "check_in",
    "pre_test",
    "modules",
    "pact",
    "post_test_not_taken",
    "post_test_not_passed",
]
NO_RULES = CompletionRules(
    require_check_in=False,
    required_module_ids=frozenset(),
    required_pact_ids=frozenset(),
    require_post_test=False,
)
POST_TEST_STATES = {
    "not_taken": {"post_test_attempted": False, "post_test_passed": False},
    "failed": {"post_test_attempted": True, "post_test_passed": False},
    "passed": {"post_test_attempted": True, "post_test_passed": True},
}


def rules(**changes) -> CompletionRules:
    return dataclasses.replace(NO_RULES, **changes)


def codes(outcome: Outcome) -> list[str]:
    return [item.code for item in outcome.missing]


# -- every combination ---------------------------------------------------------------

COMBINATIONS = list(
    itertools.product(
        [False, True],  # check-in required
        [False, True],  # checked in
        [False, True],  # pre-test required
        [False, True],  # pre-test taken
        [False, True],  # modules required
        [False, True],  # modules done
        [False, True],  # pact required
        [False, True],  # pact accepted
        [False, True],  # post-test required
        list(POST_TEST_STATES),
    )
)


@pytest.mark.parametrize(
    (
        "check_in_required",
        "checked_in",
        "pre_test_required",
        "pre_test_taken",
        "modules_required",
        "modules_done",
        "pact_required",
        "pact_accepted",
        "post_test_required",
        "post_test_state",
    ),
    COMBINATIONS,
)
def test_every_combination_lists_exactly_the_unmet_required_steps_in_day_order(
    check_in_required,
    checked_in,
    pre_test_required,
    pre_test_taken,
    modules_required,
    modules_done,
    pact_required,
    pact_accepted,
    post_test_required,
    post_test_state,
):
    event_rules = CompletionRules(
        require_check_in=check_in_required,
        require_pre_test=pre_test_required,
        required_module_ids=frozenset({1, 2}) if modules_required else frozenset(),
        required_pact_ids=frozenset({10, 11}) if pact_required else frozenset(),
        require_post_test=post_test_required,
    )
    record = ParticipantRecord(
        checked_in=checked_in,
        pre_test_taken=pre_test_taken,
        completed_module_ids=frozenset({1, 2, 7}) if modules_done else frozenset({2}),
        accepted_pact_ids=frozenset({10, 11}) if pact_accepted else frozenset({11}),
        **POST_TEST_STATES[post_test_state],
    )
    # In day order: (required, met, what is listed when required and not met).
    post_test_code = (
        "post_test_not_taken"
        if post_test_state == "not_taken"
        else "post_test_not_passed"
    )
    steps = [
        (check_in_required, checked_in, Missing("check_in")),
        (pre_test_required, pre_test_taken, Missing("pre_test")),
        (modules_required, modules_done, Missing("modules", {"module_ids": (1,)})),
        (pact_required, pact_accepted, Missing("pact", {"pact_ids": (10,)})),
        (post_test_required, post_test_state == "passed", Missing(post_test_code)),
    ]
    expected = tuple(item for required, met, item in steps if required and not met)

    outcome = evaluate_completion(event_rules, record)

    assert outcome.missing == expected
    assert outcome.complete == all(met for required, met, _ in steps if required)
    assert outcome.total_count == sum(required for required, _, _ in steps)
    assert outcome.done_count == sum(required and met for required, met, _ in steps)


# -- single rules --------------------------------------------------------------------


def test_an_event_with_no_rules_is_complete_for_someone_who_did_nothing():
    outcome = evaluate_completion(NO_RULES, ParticipantRecord())

    assert outcome == Outcome(missing=(), total_count=0)
    assert outcome.complete
    assert outcome.done_count == 0


def test_a_participant_who_did_nothing_misses_every_required_step_in_day_order():
    everything = rules(
        require_check_in=True,
        require_pre_test=True,
        required_module_ids={3, 1},
        required_pact_ids={20, 10},
        require_post_test=True,
    )

    outcome = evaluate_completion(everything, ParticipantRecord())

    assert outcome.missing == (
        Missing("check_in"),
        Missing("pre_test"),
        Missing("modules", {"module_ids": (1, 3)}),
        Missing("pact", {"pact_ids": (10, 20)}),
        Missing("post_test_not_taken"),
    )
    assert (outcome.done_count, outcome.total_count) == (0, 5)


def test_progress_reads_three_of_five_when_two_steps_remain():
    everything = rules(
        require_check_in=True,
        require_pre_test=True,
        required_module_ids={1},
        required_pact_ids={10},
        require_post_test=True,
    )
    record = ParticipantRecord(
        checked_in=True,
        pre_test_taken=True,
        completed_module_ids={1},
        post_test_attempted=True,
    )

    outcome = evaluate_completion(everything, record)

    assert (outcome.done_count, outcome.total_count) == (3, 5)
    assert codes(outcome) == ["pact", "post_test_not_passed"]
    assert not outcome.complete


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("not_taken", [Missing("post_test_not_taken")]),
        ("failed", [Missing("post_test_not_passed")]),
        ("passed", []),
    ],
)
def test_a_post_test_not_taken_and_one_failed_are_told_apart(state, expected):
    record = ParticipantRecord(**POST_TEST_STATES[state])

    outcome = evaluate_completion(rules(require_post_test=True), record)

    assert list(outcome.missing) == expected


def test_a_post_test_passed_without_an_attempt_is_refused():
    with pytest.raises(ValueError, match="without being attempted"):
        ParticipantRecord(post_test_attempted=False, post_test_passed=True)


def test_taking_the_pre_test_is_enough_whatever_the_score():
    outcome = evaluate_completion(
        rules(require_pre_test=True), ParticipantRecord(pre_test_taken=True)
    )

    assert outcome.complete
    assert outcome.total_count == 1


def test_the_pre_test_is_not_required_unless_asked():
    event_rules = CompletionRules(
        require_check_in=True,
        required_module_ids=frozenset(),
        required_pact_ids=frozenset(),
        require_post_test=False,
    )

    outcome = evaluate_completion(event_rules, ParticipantRecord(checked_in=True))

    assert event_rules.require_pre_test is False
    assert outcome.complete


def test_rules_must_be_spelled_out_so_none_is_dropped_by_accident():
    with pytest.raises(TypeError):
        CompletionRules(require_check_in=True)  # type: ignore[call-arg]


# -- modules and pacts ---------------------------------------------------------------


def test_extra_completed_modules_do_not_matter():
    record = ParticipantRecord(completed_module_ids={1, 2, 3, 99})

    outcome = evaluate_completion(rules(required_module_ids={1, 2, 3}), record)

    assert outcome.complete
    assert outcome.total_count == 1


def test_missing_modules_are_listed_sorted_and_only_those_missing():
    record = ParticipantRecord(completed_module_ids={5, 42})

    outcome = evaluate_completion(rules(required_module_ids={9, 5, 3, 12}), record)

    assert outcome.missing == (Missing("modules", {"module_ids": (3, 9, 12)}),)


def test_all_required_modules_are_one_step_of_the_progress():
    record = ParticipantRecord(completed_module_ids={1})

    outcome = evaluate_completion(rules(required_module_ids={1, 2, 3}), record)

    assert (outcome.done_count, outcome.total_count) == (0, 1)


def test_a_required_pledge_is_listed_when_only_the_integrity_pact_is_accepted():
    integrity_pact, pledge = 7, 8
    record = ParticipantRecord(accepted_pact_ids={integrity_pact})

    outcome = evaluate_completion(
        rules(required_pact_ids={integrity_pact, pledge}), record
    )

    assert outcome.missing == (Missing("pact", {"pact_ids": (pledge,)}),)
    assert rules(required_pact_ids={integrity_pact}).require_pact


def test_accepting_texts_the_event_does_not_require_neither_helps_nor_hurts():
    record = ParticipantRecord(accepted_pact_ids={1, 2, 3})

    assert evaluate_completion(rules(required_pact_ids={2}), record).complete
    assert not evaluate_completion(rules(required_pact_ids={4}), record).complete
    assert not rules().require_pact


def test_ids_given_as_lists_or_sets_are_compared_as_sets():
    event_rules = rules(required_module_ids=[2, 1, 2], required_pact_ids={10})
    record = ParticipantRecord(completed_module_ids=(1, 2), accepted_pact_ids=[10])

    assert event_rules.required_module_ids == frozenset({1, 2})
    assert evaluate_completion(event_rules, record).complete


# -- codes ---------------------------------------------------------------------------


def test_codes_are_stable_strings_in_day_order():
    # Templates and translations key on these strings; a rename must fail here.
    assert [code.value for code in MissingCode] == DAY_ORDER
    assert Missing(MissingCode.PACT, {"pact_ids": (1,)}) == Missing(
        "pact", {"pact_ids": (1,)}
    )


# -- properties ----------------------------------------------------------------------

ids = st.frozensets(st.integers(min_value=1, max_value=6), max_size=6)
rules_strategy = st.builds(
    CompletionRules,
    require_check_in=st.booleans(),
    require_pre_test=st.booleans(),
    required_module_ids=ids,
    required_pact_ids=ids,
    require_post_test=st.booleans(),
)
post_test_states = st.sampled_from(list(POST_TEST_STATES.values()))
records = st.builds(
    lambda post_test, **facts: ParticipantRecord(**facts, **post_test),
    post_test=post_test_states,
    checked_in=st.booleans(),
    pre_test_taken=st.booleans(),
    completed_module_ids=ids,
    accepted_pact_ids=ids,
)


def combine(first: ParticipantRecord, second: ParticipantRecord) -> ParticipantRecord:
    """Everything either record did: a record that did at least as much as each."""
    return ParticipantRecord(
        checked_in=first.checked_in or second.checked_in,
        pre_test_taken=first.pre_test_taken or second.pre_test_taken,
        completed_module_ids=first.completed_module_ids | second.completed_module_ids,
        accepted_pact_ids=first.accepted_pact_ids | second.accepted_pact_ids,
        post_test_attempted=first.post_test_attempted or second.post_test_attempted,
        post_test_passed=first.post_test_passed or second.post_test_passed,
    )


def missing_by_step(outcome: Outcome) -> dict[str, frozenset[int]]:
    """Each unmet step (the post-test's two codes as one step) and its missing ids."""
    steps = {}
    for item in outcome.missing:
        step = "post_test" if item.code.startswith("post_test") else item.code
        steps[step] = frozenset(next(iter(item.params.values()), ()))
    return steps


@settings(max_examples=500)
@given(rules_strategy, records)
def test_complete_exactly_when_nothing_is_missing_and_counts_add_up(
    event_rules, record
):
    outcome = evaluate_completion(event_rules, record)

    assert outcome.complete == (outcome.missing == ())
    assert outcome.done_count + len(outcome.missing) == outcome.total_count
    assert 0 <= outcome.done_count <= outcome.total_count <= 5


@settings(max_examples=500)
@given(rules_strategy, records)
def test_missing_items_follow_the_day_and_name_no_step_twice(event_rules, record):
    listed = codes(evaluate_completion(event_rules, record))

    positions = [DAY_ORDER.index(code) for code in listed]
    assert positions == sorted(set(positions))
    assert not {"post_test_not_taken", "post_test_not_passed"} <= set(listed)


@settings(max_examples=500)
@given(rules_strategy, records, records)
def test_doing_more_never_makes_an_outcome_worse(event_rules, record, more):
    before = evaluate_completion(event_rules, record)
    after = evaluate_completion(event_rules, combine(record, more))

    assert after.total_count == before.total_count
    assert after.done_count >= before.done_count
    assert after.complete or not before.complete
    missing_before = missing_by_step(before)
    for step, listed_ids in missing_by_step(after).items():
        assert step in missing_before
        assert listed_ids <= missing_before[step]


def subset_of(data, ids: frozenset[int]) -> frozenset[int]:
    """Draw some of ``ids`` (possibly none, possibly all)."""
    if not ids:
        return ids
    return data.draw(st.frozensets(st.sampled_from(sorted(ids))))


@settings(max_examples=500)
@given(rules_strategy, records, st.data())
def test_dropping_a_requirement_never_makes_an_outcome_worse(event_rules, record, data):
    fewer = CompletionRules(
        require_check_in=event_rules.require_check_in and data.draw(st.booleans()),
        require_pre_test=event_rules.require_pre_test and data.draw(st.booleans()),
        required_module_ids=subset_of(data, event_rules.required_module_ids),
        required_pact_ids=subset_of(data, event_rules.required_pact_ids),
        require_post_test=event_rules.require_post_test and data.draw(st.booleans()),
    )

    before = evaluate_completion(event_rules, record)
    after = evaluate_completion(fewer, record)

    assert after.complete or not before.complete
    assert len(after.missing) <= len(before.missing)
    missing_before = missing_by_step(before)
    for step, listed_ids in missing_by_step(after).items():
        assert listed_ids <= missing_before[step]


@settings(max_examples=300)
@given(rules_strategy, records)
def test_what_the_rules_do_not_require_never_changes_the_outcome(event_rules, record):
    # Whatever the participant did on unrequired steps, only the required ones count.
    only_required = ParticipantRecord(
        checked_in=record.checked_in or not event_rules.require_check_in,
        pre_test_taken=record.pre_test_taken or not event_rules.require_pre_test,
        completed_module_ids=record.completed_module_ids
        & event_rules.required_module_ids,
        accepted_pact_ids=record.accepted_pact_ids & event_rules.required_pact_ids,
        post_test_attempted=record.post_test_attempted,
        post_test_passed=record.post_test_passed,
    )

    assert evaluate_completion(event_rules, only_required) == evaluate_completion(
        event_rules, record
    )


@settings(max_examples=500)
@given(rules_strategy, records)
def test_listed_ids_are_exactly_the_required_ones_not_yet_done(event_rules, record):
    listed = missing_by_step(evaluate_completion(event_rules, record))

    modules = event_rules.required_module_ids - record.completed_module_ids
    pacts = event_rules.required_pact_ids - record.accepted_pact_ids
    assert listed.get("modules", frozenset()) == modules
    assert listed.get("pact", frozenset()) == pacts
