"""What the completion rules say, in words a participant or organiser reads.

``lms/completion.py`` speaks in stable codes; this module turns them into
translated sentences, naming the modules and texts still missing, for the
dashboard and the organiser's hub alike.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.completion import CompletionRules, MissingCode, Outcome


@dataclass(frozen=True)
class Step:
    """One requirement of an event, whether it is met, and how to say it."""

    code: str
    label: str
    done: bool
    detail: str = ""


def completion_steps(
    rules: CompletionRules,
    outcome: Outcome,
    *,
    module_titles: dict[int, str],
    pact_titles: dict[int, str],
) -> list[Step]:
    """Every required step of the event in day order, done or not, in words."""
    missing = {item.code: item for item in outcome.missing}
    steps = []
    if rules.require_check_in:
        steps.append(
            Step(
                MissingCode.CHECK_IN,
                _("Check in at the hall"),
                MissingCode.CHECK_IN not in missing,
                _("Scan the QR code on the hall screen."),
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
        left = missing.get(MissingCode.MODULES)
        titles = [
            module_titles.get(i, "?")
            for i in (left.params["module_ids"] if left else ())
        ]
        steps.append(
            Step(
                MissingCode.MODULES,
                _("Finish the modules"),
                left is None,
                _("Still to finish: %(titles)s") % {"titles": ", ".join(titles)}
                if titles
                else "",
            )
        )
    if rules.require_pact:
        left = missing.get(MissingCode.PACT)
        titles = [
            pact_titles.get(i, "?") for i in (left.params["pact_ids"] if left else ())
        ]
        steps.append(
            Step(
                MissingCode.PACT,
                _("Accept the integrity pact and pledge"),
                left is None,
                _("Still to accept: %(titles)s") % {"titles": ", ".join(titles)}
                if titles
                else "",
            )
        )
    if rules.require_post_test:
        not_passed = MissingCode.POST_TEST_NOT_PASSED in missing
        steps.append(
            Step(
                "post_test",
                _("Pass the post-test"),
                MissingCode.POST_TEST_NOT_TAKEN not in missing and not not_passed,
                _("You have not passed the post-test yet.") if not_passed else "",
            )
        )
    return steps


def missing_summary(steps: list[Step]) -> str:
    """A short list of what is missing, e.g. for a table cell: "Check in, Pass the post-test"."""
    return ", ".join(step.label for step in steps if not step.done)
