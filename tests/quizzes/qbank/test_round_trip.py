"""Export then import gives the same questions back: GIFT and Moodle XML,
for generated questions and through the quiz page's blocks."""

from dataclasses import replace
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.blocks import QuestionsBlock
from quizzes.qbank.export_gift import export_gift
from quizzes.qbank.export_xml import export_moodle_xml
from quizzes.qbank.gift import parse_gift
from quizzes.qbank.mapping import from_block, questions_from_stream, to_block_data
from quizzes.qbank.moodle_xml import parse_moodle_xml
from tests.quizzes.qbank.strategies import questions

# A slow 2-core machine: no per-example deadline, few enough examples to
# finish in seconds.
ROUND_TRIP = settings(max_examples=60, deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
BLOCK = QuestionsBlock()


def comparable(question):
    """A question without what only says where it came from."""
    return replace(question, source="", notes=[], text_format="html", files=[])


def as_range(number):
    """A numeric answer as the numbers it accepts (XML writes ranges as
    middle ± half width)."""
    if number.any_number:
        return ("*", "*", number.credit, number.feedback)
    if number.value is None:
        return (number.minimum, number.maximum, number.credit, number.feedback)
    tolerance = number.tolerance or Decimal(0)
    return (number.value - tolerance, number.value + tolerance, number.credit, number.feedback,
            number.tolerance is None)  # fmt: skip


@ROUND_TRIP
@given(st.lists(questions(gift=True), min_size=1, max_size=4))
def test_gift_round_trip(originals):
    result = parse_gift(export_gift(originals))
    assert result.skipped == []
    assert [comparable(q) for q in result.questions] == [
        comparable(q) for q in originals
    ]


@ROUND_TRIP
@given(st.lists(questions(), min_size=1, max_size=4))
def test_moodle_xml_round_trip(originals):
    result = parse_moodle_xml(export_moodle_xml(originals))
    assert result.skipped == []
    back = [comparable(q) for q in result.questions]
    expected = [comparable(q) for q in originals]
    for question in back + expected:
        question.numbers = [as_range(n)[:4] for n in question.numbers]
    assert back == expected


def through_blocks(question):
    """Our quiz's stored question block, read back as an exportable question."""
    kind, data = to_block_data(question)
    return (
        kind,
        data,
        from_block(kind, BLOCK.child_blocks[kind].to_python(data), name=question.name),
    )


@ROUND_TRIP
@given(questions(gift=True), st.sampled_from(["gift", "xml"]))
def test_quiz_to_file_to_quiz_keeps_every_block_field(question, file_format):
    kind, data, exported = through_blocks(question)
    exported.tags = question.tags
    if file_format == "gift":
        (back,) = parse_gift(export_gift([exported])).questions
    else:
        (back,) = parse_moodle_xml(export_moodle_xml([exported])).questions
    back_kind, back_data = to_block_data(back)
    if kind == "numeric" and file_format == "xml":
        # Ranges come back as middle ± half width: the same numbers accepted.
        data["answers"] = [block_range(a) for a in data["answers"]]
        back_data["answers"] = [block_range(a) for a in back_data["answers"]]
    assert (back_kind, back_data) == (kind, data)


def block_range(answer: dict) -> tuple:
    if answer["any_number"]:
        return ("*", "*", answer["credit"], answer["feedback"])
    if answer["value"] is None:
        low, high = Decimal(answer["minimum"]), Decimal(answer["maximum"])
    else:
        tolerance = Decimal(answer["tolerance"] or 0)
        low, high = (
            Decimal(answer["value"]) - tolerance,
            Decimal(answer["value"]) + tolerance,
        )
    return (low, high, answer["credit"], answer["feedback"])


@ROUND_TRIP
@given(questions())
def test_xml_keeps_points_units_and_case_through_blocks(question):
    kind, data, exported = through_blocks(question)
    (back,) = parse_moodle_xml(export_moodle_xml([exported])).questions
    back_data = to_block_data(back)[1]
    assert back_data["points"] == data["points"]
    assert back_data.get("unit") == data.get("unit")
    assert back_data.get("case_sensitive") == data.get("case_sensitive")


def test_a_real_quiz_survives_both_formats(quiz):
    """The fixture quiz (one question of every type) out and back in."""
    original = [(b.block_type, BLOCK.child_blocks[b.block_type].get_prep_value(b.value))
                for b in quiz.questions]  # fmt: skip

    def back(parsed):
        return [to_block_data(q) for q in parsed.questions]

    def without_ids(blocks):
        return [
            (kind, {k: strip_ids(v) for k, v in data.items()}) for kind, data in blocks
        ]

    exported = questions_from_stream(quiz.questions)
    assert without_ids(
        back(parse_moodle_xml(export_moodle_xml(exported)))
    ) == normalised(original)
    via_gift = back(parse_gift(export_gift(exported)))
    expected = normalised(original)
    expected[4][1]["unit"] = ""  # GIFT has no units
    assert without_ids(via_gift) == expected


def strip_ids(value):
    """A ListBlock's stored items without their ids, as plain values."""
    if isinstance(value, list):
        return [strip_ids(item["value"] if isinstance(item, dict) and "id" in item else item)
                for item in value]  # fmt: skip
    if isinstance(value, dict):
        return {k: strip_ids(v) for k, v in value.items()}
    return value


def normalised(blocks):
    """Stored block data in the shape ``to_block_data`` returns (numbers as text)."""
    result = []
    for kind, data in blocks:
        data = strip_ids(data)
        for key in ("points",):
            data[key] = f"{Decimal(data[key]):.2f}"
        for item in data.get("options", []) + data.get("answers", []):
            item["credit"] = f"{Decimal(item['credit']):.2f}"
            for key in ("value", "tolerance", "minimum", "maximum"):
                if key in item and item[key] is not None:
                    item[key] = f"{Decimal(item[key]):f}"
        result.append((kind, data))
    return result
