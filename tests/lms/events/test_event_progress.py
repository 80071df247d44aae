"""Where each participant of an event stands, read from real rows in bulk."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.events.completion import CompletionRules, Missing, MissingCode
from lms.events.models import EventPage
from lms.events.standings import EventTests, completion_rules, participant_standings
from tests.factories import PactFactory, ParticipantFactory
from tests.lms.events.event_builders import (
    accept,
    attempt,
    check_in,
    enrol,
    finish,
    make_event,
    make_test,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pacts(db):
    return [PactFactory(title="Pakta Integritas"), PactFactory(title="Ikrar ASN")]


@pytest.fixture
def event(home_page, learning, pacts):
    """Every rule on: check in, finish the KPU module, accept both texts, pass."""
    return make_event(
        home_page,
        modules=[learning.module],
        pacts=pacts,
        require_check_in=True,
        require_modules=True,
        require_post_test=True,
    )


@pytest.fixture
def post_test(event):
    return make_test(event, "post_test", slug="post-test")


@pytest.fixture
def pre_test(event):
    return make_test(event, "pre_test", slug="pre-test")


def standing_of(event, user):
    _rules, standings = participant_standings(event, [user.pk])
    return standings[user.pk]


def codes(standing):
    return [item.code for item in standing.outcome.missing]


def do_everything(event, user, learning, pacts, post_test, percent=80):
    check_in(event, user)
    for pact in pacts:
        accept(event, user, pact)
    finish(user, learning.lessons)
    attempt(post_test, user, percent=percent)


# Rules from the event's settings


def test_completion_rules_come_from_the_event_settings(
    event, post_test, learning, pacts
):
    rules = completion_rules(event, EventTests.of(event))
    assert rules == CompletionRules(
        require_check_in=True,
        required_module_ids={learning.module.pk},
        required_pact_ids={p.pk for p in pacts},
        require_post_test=True,
    )


def test_modules_covered_are_not_required_unless_the_event_says_so(
    home_page, learning, post_test
):
    event = make_event(home_page, modules=[learning.module], require_modules=False)
    rules = completion_rules(event, EventTests.of(event))
    assert rules.required_module_ids == frozenset()
    assert not rules.require_pact


def test_an_event_without_a_post_test_page_does_not_require_one(event):
    rules = completion_rules(event, EventTests.of(event))
    assert event.require_post_test and not rules.require_post_test


def test_a_draft_post_test_does_not_count_as_one(event):
    draft = make_test(event, "post_test", slug="draft-post-test")
    draft.unpublish()
    tests = EventTests.of(event)
    assert tests.post_tests == ()
    assert not completion_rules(event, tests).require_post_test


def test_an_unpublished_module_is_not_required(event, learning, post_test):
    learning.module.unpublish()
    rules = completion_rules(event, EventTests.of(event))
    assert rules.required_module_ids == frozenset()


def test_rules_are_the_same_on_an_event_with_its_relations_prefetched(
    event, learning, post_test
):
    prefetched = EventPage.objects.prefetch_related("modules", "pacts").get(pk=event.pk)
    rules = completion_rules(prefetched, EventTests.of(prefetched))
    assert rules == completion_rules(event, EventTests.of(event))
    assert rules.required_module_ids == {learning.module.pk}  # not every module


def test_event_tests_are_sorted_by_kind_in_tree_order(event, post_test, pre_test):
    second = make_test(event, "post_test", slug="post-test-2")
    tests = EventTests.of(event)
    assert [t.pk for t in tests.pre_tests] == [pre_test.pk]
    assert [t.pk for t in tests.post_tests] == [post_test.pk, second.pk]


# Standings from rows


def test_a_participant_who_did_everything_is_complete(
    event, learning, pacts, post_test
):
    user = ParticipantFactory()
    do_everything(event, user, learning, pacts, post_test)
    standing = standing_of(event, user)
    assert standing.outcome.complete and standing.outcome.total_count == 4
    assert standing.checked_in_at is not None
    assert standing.post_test_grade == 80


def test_a_participant_who_did_nothing_misses_every_step_in_day_order(
    event, learning, pacts, post_test
):
    standing = standing_of(event, ParticipantFactory())
    assert standing.outcome.missing == (
        Missing(MissingCode.CHECK_IN),
        Missing(MissingCode.MODULES, {"module_ids": (learning.module.pk,)}),
        Missing(MissingCode.PACT, {"pact_ids": tuple(sorted(p.pk for p in pacts))}),
        Missing(MissingCode.POST_TEST_NOT_TAKEN),
    )
    assert standing.checked_in_at is None and standing.post_test_grade is None


def test_a_failed_post_test_is_taken_but_not_passed(event, learning, pacts, post_test):
    user = ParticipantFactory()
    do_everything(event, user, learning, pacts, post_test, percent=40)
    standing = standing_of(event, user)
    assert codes(standing) == [MissingCode.POST_TEST_NOT_PASSED]
    assert standing.post_test_grade == 40


def test_a_post_test_still_in_progress_is_not_taken(event, learning, pacts, post_test):
    user = ParticipantFactory()
    do_everything(event, user, learning, pacts, post_test, percent=40)
    attempt(post_test, user, number=2)  # the retry, still open
    assert codes(standing_of(event, user)) == [MissingCode.POST_TEST_NOT_PASSED]
    other = ParticipantFactory()
    attempt(post_test, other)
    assert MissingCode.POST_TEST_NOT_TAKEN in codes(standing_of(event, other))


def test_passing_on_the_second_attempt_completes(event, learning, pacts, post_test):
    user = ParticipantFactory()
    do_everything(event, user, learning, pacts, post_test, percent=30)
    attempt(post_test, user, percent=90, number=2)
    standing = standing_of(event, user)
    assert standing.outcome.complete and standing.post_test_grade == 90


def test_the_pre_test_counts_once_submitted(event, pre_test):
    user, starter = ParticipantFactory(), ParticipantFactory()
    attempt(pre_test, user, percent=10)  # no pass mark: taking it is enough
    attempt(pre_test, starter)
    _rules, standings = participant_standings(event, [user.pk, starter.pk])
    assert standings[user.pk].record.pre_test_taken
    assert not standings[starter.pk].record.pre_test_taken


def test_a_module_needs_all_its_published_lessons(event, learning, pacts, post_test):
    user = ParticipantFactory()
    finish(user, learning.lessons[:2])
    assert MissingCode.MODULES in codes(standing_of(event, user))
    learning.lessons[2].unpublish()  # no longer part of the module
    assert MissingCode.MODULES not in codes(standing_of(event, user))


def test_a_module_without_lessons_cannot_be_finished(home_page, learning, post_test):
    event = make_event(
        home_page, modules=[learning.bawaslu_module], require_modules=True
    )
    user = ParticipantFactory()
    finish(user, learning.lessons)
    assert codes(standing_of(event, user)) == [
        MissingCode.CHECK_IN,
        MissingCode.MODULES,
    ]


def test_only_the_pacts_not_accepted_are_missing(event, pacts):
    user = ParticipantFactory()
    accept(event, user, pacts[0])
    (missing,) = [
        m for m in standing_of(event, user).outcome.missing if m.code == "pact"
    ]
    assert missing.params == {"pact_ids": (pacts[1].pk,)}


def test_what_was_done_for_another_event_does_not_count(
    home_page, event, learning, pacts, post_test
):
    other = make_event(home_page, pacts=pacts)
    user = ParticipantFactory()
    check_in(other, user)
    for pact in pacts:
        accept(other, user, pact)
    other_test = make_test(other, "post_test", slug="other-post-test")
    attempt(other_test, user, percent=100)
    assert codes(standing_of(event, user)) == [
        MissingCode.CHECK_IN,
        MissingCode.MODULES,
        MissingCode.PACT,
        MissingCode.POST_TEST_NOT_TAKEN,
    ]


def test_standings_cover_exactly_the_users_asked_for(event, post_test):
    users = ParticipantFactory.create_batch(3)
    _rules, standings = participant_standings(event, [u.pk for u in users[:2]])
    assert set(standings) == {users[0].pk, users[1].pk}
    assert participant_standings(event, [])[1] == {}


def test_queries_do_not_grow_with_the_number_of_participants(
    event, learning, pacts, post_test, pre_test
):
    def participants_with_history(count):
        users = ParticipantFactory.create_batch(count)
        enrol(event, *users)
        for n, user in enumerate(users):
            check_in(event, user)
            accept(event, user, pacts[n % 2])
            finish(user, learning.lessons[: n % 4])
            attempt(pre_test, user, percent=50)
            attempt(post_test, user, percent=30 + n)
            attempt(post_test, user, number=2)
        return [u.pk for u in users]

    def queries(user_ids):
        with CaptureQueriesContext(connection) as captured:
            participant_standings(event, user_ids)
        return len(captured)

    few = queries(participants_with_history(5))
    many = queries(participants_with_history(40))
    assert few == many
