"""What the completion rules say, in words a participant or organiser reads.

``lms/events/completion.py`` speaks in stable codes; this module turns them into
translated labels, with the names of the modules and texts still missing, for
the dashboard, the event page and the organiser's hub alike.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.events.completion import CompletionRules, MissingCode, Outcome

# The post-test is one step whether it is not taken or not passed yet.
POST_TEST = "post_test"


@dataclass(frozen=True)
class Step:
    """One requirement of an event, whether it is met, and how to say it.

    ``missing_titles`` names what is left of a step made of several things (the
    modules to finish, the texts to accept); ``not_passed`` tells a post-test
    taken but not passed yet from one not taken.
    """

    code: str
    label: str
    done: bool
    missing_titles: tuple[str, ...] = ()
    not_passed: bool = False


def completion_steps(
    rules: CompletionRules,
    outcome: Outcome,
    *,
    module_titles: dict[int, str],
    pact_titles: dict[int, str],
) -> list[Step]:
    """Every required step of the event in day order, done or not, in words."""
    missing = {item.code: item.params for item in outcome.missing}
    steps = []
    if rules.require_check_in:
        steps.append(
            Step(
                MissingCode.CHECK_IN,
                _("Check in at the hall"),
                MissingCode.CHECK_IN not in missing,
            )
        )
    if rules.require_pre_test:
        steps.append(
            Step(
                MissingCode.PRE_TEST,
                _("Take the pre-test"),
                MissingCode.PRE_TEST not in missing,
            )
        )
    if rules.required_module_ids:
        left = missing.get(MissingCode.MODULES, {}).get("module_ids", ())
        steps.append(
            Step(
                MissingCode.MODULES,
                _("Finish the modules"),
                MissingCode.MODULES not in missing,
                tuple(module_titles.get(i, "?") for i in left),
            )
        )
    if rules.require_pact:
        left = missing.get(MissingCode.PACT, {}).get("pact_ids", ())
        steps.append(
            Step(
                MissingCode.PACT,
                _pact_label(rules, pact_titles),
                MissingCode.PACT not in missing,
                tuple(pact_titles.get(i, "?") for i in left),
            )
        )
    if rules.require_post_test:
        not_passed = MissingCode.POST_TEST_NOT_PASSED in missing
        steps.append(
            Step(
                POST_TEST,
                _("Pass the post-test"),
                MissingCode.POST_TEST_NOT_TAKEN not in missing and not not_passed,
                not_passed=not_passed,
            )
        )
    return steps


def _pact_label(rules: CompletionRules, pact_titles: dict[int, str]) -> str:
    """Names the one text to accept; several are "the pact and pledge texts"."""
    if len(rules.required_pact_ids) == 1:
        (pact_id,) = rules.required_pact_ids
        return _("Accept “%(title)s”") % {"title": pact_titles.get(pact_id, "?")}
    return _("Accept the pact and pledge texts")
