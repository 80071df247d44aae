"""The question types a speaker writes on a quiz page, as StreamField blocks.

Each block holds one question: its text, points, general feedback and what
its type needs (options with credit, accepted answers, pairs). Checking that a
question can be answered correctly is the pure ``quizzes.grading`` rules'
job; the blocks only turn their findings into messages beside the fields.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from lms.core.rich_text import SafeRichTextBlock

# Question and option texts may carry pictures (a ballot, a map).
QUESTION_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "image"]
OPTION_TEXT_FEATURES = ["bold", "italic", "image"]


def credit_block(*, minimum: int, default: int = 0) -> blocks.DecimalBlock:
    return blocks.DecimalBlock(
        label=_("Credit (%)"),
        min_value=Decimal(minimum),
        max_value=Decimal(100),
        decimal_places=2,
        default=Decimal(default),
        help_text=_("100 for a fully right answer, 0 for a wrong one; "
                    "anything between for partly right."),
    )  # fmt: skip


class OptionBlock(blocks.StructBlock):
    text = SafeRichTextBlock(label=_("Option"), features=OPTION_TEXT_FEATURES)
    credit = credit_block(minimum=-100)
    feedback = blocks.TextBlock(
        label=_("Feedback when chosen"), required=False, max_length=500
    )

    class Meta:
        icon = "radio-empty"
        label = _("Option")


class QuestionBlock(blocks.StructBlock):
    """What every question has; subclasses add what their type needs."""

    text = SafeRichTextBlock(label=_("Question"), features=QUESTION_TEXT_FEATURES)
    points = blocks.DecimalBlock(
        label=_("Points"),
        min_value=Decimal("0.01"),
        max_value=Decimal(100),
        decimal_places=2,
        default=Decimal(1),
    )
    feedback = SafeRichTextBlock(
        label=_("General feedback"),
        required=False,
        features=["bold", "italic", "link"],
        help_text=_("Shown after the attempt, if the review settings allow it."),
    )

    class Meta:
        icon = "help"

    def clean(self, value):
        from quizzes.paper import question_from_block

        value = super().clean(value)
        problems = question_problems(question_from_block(self.name, value))
        if problems:
            raise ValidationError(problems)
        return value


def question_problems(question) -> list[str]:
    """The pure rules' findings about ``question``, as sentences for the editor."""
    from quizzes.grading import validate_question

    return [
        str(PROBLEM_MESSAGES.get(p.code, p.code)) % p.params
        for p in validate_question(question)
    ]


class SingleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=2)

    class Meta:
        label = _("Single choice")
        icon = "radio-full"


class MultipleChoiceBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=2)

    class Meta:
        label = _("Multiple choice")
        icon = "tasks"


class TrueFalseBlock(QuestionBlock):
    correct = blocks.ChoiceBlock(
        label=_("The statement is"),
        choices=[("true", _("True")), ("false", _("False"))],
        default="true",
    )

    class Meta:
        label = _("True or false")
        icon = "tick"


class AcceptedAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Accepted answer"),
        max_length=200,
        help_text=_("* stands for any letters, e.g. 'komisi pemilihan*'."),
    )
    credit = credit_block(minimum=0, default=100)
    feedback = blocks.TextBlock(label=_("Feedback"), required=False, max_length=500)


class ShortAnswerBlock(QuestionBlock):
    answers = blocks.ListBlock(
        AcceptedAnswerBlock(), label=_("Accepted answers"), min_num=1
    )
    case_sensitive = blocks.BooleanBlock(
        label=_("Capital letters matter"), required=False, default=False
    )

    class Meta:
        label = _("Short answer")
        icon = "edit"


class NumericAnswerBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("Answer"), required=False, decimal_places=6)
    tolerance = blocks.DecimalBlock(
        label=_("Tolerance (±)"),
        required=False,
        min_value=Decimal(0),
        decimal_places=6,
        help_text=_("Accepted distance from the answer; empty for exactly."),
    )
    minimum = blocks.DecimalBlock(label=_("Or from"), required=False, decimal_places=6)
    maximum = blocks.DecimalBlock(label=_("to"), required=False, decimal_places=6)
    any_number = blocks.BooleanBlock(
        label=_("Or any other number"),
        required=False,
        default=False,
        help_text=_("Usually last, with no credit, and feedback for a wrong answer."),
    )
    credit = credit_block(minimum=0, default=100)
    feedback = blocks.TextBlock(label=_("Feedback"), required=False, max_length=500)

    def clean(self, value):
        value = super().clean(value)
        has_value = value.get("value") is not None
        has_range = (
            value.get("minimum") is not None and value.get("maximum") is not None
        )
        if has_value + has_range + bool(value.get("any_number")) != 1:
            raise ValidationError(
                _(
                    "Give one of: an answer (with a tolerance), a range from … "
                    "to …, or any other number."
                )
            )
        return value


class NumericBlock(QuestionBlock):
    answers = blocks.ListBlock(
        NumericAnswerBlock(),
        label=_("Accepted answers"),
        min_num=1,
        help_text=_(
            "Checked from the top: the first answer that accepts the number "
            "typed gives its credit and feedback."
        ),
    )
    unit = blocks.CharBlock(
        label=_("Unit"), required=False, max_length=30, help_text=_("e.g. 'hari'")
    )

    class Meta:
        label = _("Number")
        icon = "order"


class PairBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(label=_("Item"), max_length=200)
    answer = blocks.CharBlock(label=_("Its match"), max_length=200)


class MatchingBlock(QuestionBlock):
    pairs = blocks.ListBlock(PairBlock(), label=_("Pairs"), min_num=2)
    distractors = blocks.ListBlock(
        blocks.CharBlock(label=_("Wrong match"), max_length=200),
        label=_("Extra wrong matches"),
        required=False,
        default=[],
    )

    class Meta:
        label = _("Matching")
        icon = "list-ul"


class QuestionsBlock(blocks.StreamBlock):
    """The quiz's pool of questions, in the order the speaker wrote them."""

    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    true_false = TrueFalseBlock()
    short_answer = ShortAnswerBlock()
    numeric = NumericBlock()
    matching = MatchingBlock()


# The grading rules' problem codes, as the editor reads them ("%%" is a percent sign:
# the messages are formatted with the problem's parameters).
PROBLEM_MESSAGES = {
    "single_choice_needs_one_full_credit": _(
        "A single-choice question needs exactly one option with 100%% credit."
    ),
    "choice_credit_out_of_range": _(
        "Each option's credit lies between -100%% and 100%%."
    ),
    "multiple_choice_cannot_reach_full_credit": _(
        "The options' positive credits must add up to at least 100%%."
    ),
    "too_few_options": _("Give at least two options."),
    "duplicate_option_key": _("Two options are the same."),
    "short_answer_needs_a_full_credit_answer": _(
        "At least one accepted answer needs 100%% credit."
    ),
    "empty_accepted_answer": _("An accepted answer is empty."),
    "numeric_needs_a_full_credit_answer": _(
        "At least one accepted answer needs 100%% credit."
    ),
    "range_minimum_above_maximum": _("A range starts above where it ends."),
    "numeric_answer_never_counts": _(
        "Answer %(position)s never counts: the answers above it accept every "
        "number it accepts."
    ),
    "negative_tolerance": _("A tolerance cannot be negative."),
    "matching_needs_two_pairs": _("Give at least two pairs."),
    "points_must_be_positive": _("Points must be more than zero."),
    "duplicate_prompt": _("Two items to match are the same."),
    "empty_option_key": _("An option is empty."),
    "answer_credit_out_of_range": _(
        "An accepted answer's credit lies between 0%% and 100%%."
    ),
    "distractor_is_an_answer": _("An extra wrong match is also a right match."),
}
