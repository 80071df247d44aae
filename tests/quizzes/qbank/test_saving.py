"""Saving into a quiz and the import_questions command: all or nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model

from quizzes.models import QuizPage
from tests.quizzes.qbank.test_shared_files import SHARED

pytestmark = pytest.mark.usefixtures("in_english")

GIFT = "Q1 {T}\n\nQ2 {=KPU ~Bawaslu}\n"
BROKEN = "Q1 {T}\n\nQ2 {=KPU ~Bawaslu\n\nQ3 {F}\n"


def run(*args) -> str:
    out = StringIO()
    call_command("import_questions", *map(str, args), stdout=out)
    return out.getvalue()


def write(tmp_path: Path, text: str, name: str = "bank.gift") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def latest(quiz) -> QuizPage:
    return QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()


def test_import_appends_a_new_unpublished_revision(quiz, tmp_path):
    before = len(quiz.questions)
    output = run(write(tmp_path, GIFT), "--quiz", quiz.slug)
    assert "Imported 2 question(s)" in output
    draft = latest(quiz)
    assert [b.block_type for b in draft.questions][before:] == [
        "true_false",
        "single_choice",
    ]
    assert (
        draft.questions[before + 1].value["options"][0]["text"].source == "<p>KPU</p>"
    )
    # The live quiz, which participants take, is unchanged until someone publishes.
    assert len(QuizPage.objects.get(pk=quiz.pk).questions) == before


def test_dry_run_lists_and_changes_nothing(quiz, tmp_path):
    revisions = quiz.revisions.count()
    output = run(write(tmp_path, GIFT), "--quiz", quiz.pk, "--dry-run")
    assert "Line 3: single_choice: Q2" in output
    assert "Would import 2 question(s)" in output
    assert quiz.revisions.count() == revisions


def test_an_error_imports_nothing_and_names_the_line(quiz, tmp_path):
    revisions = quiz.revisions.count()
    with pytest.raises(CommandError, match="Line 3: The answers have no closing"):
        run(write(tmp_path, BROKEN), "--quiz", quiz.slug)
    assert quiz.revisions.count() == revisions


def test_a_question_the_editor_refuses_imports_nothing(quiz, tmp_path):
    revisions = quiz.revisions.count()
    with pytest.raises(CommandError, match="Line 3: .*exactly one option"):
        run(write(tmp_path, "Q1 {T}\n\nQ2 {=a =b ~c}"), "--quiz", quiz.slug)
    assert quiz.revisions.count() == revisions


def test_skip_invalid_imports_the_rest_and_says_what_was_skipped(quiz, tmp_path):
    before = len(quiz.questions)
    output = run(write(tmp_path, BROKEN), "--quiz", quiz.slug, "--skip-invalid")
    assert "Skipped Line 3: The answers have no closing '}'." in output
    assert "Imported 2 question(s)" in output
    assert len(latest(quiz).questions) == before + 2


def test_moodle_images_become_wagtail_images(quiz):
    images = get_image_model().objects.count()
    output = run(
        SHARED / "moodle_xml" / "multichoice_with_media.xml", "--quiz", quiz.slug
    )
    assert "bonjour.mp3" in output  # reported, not imported
    assert get_image_model().objects.count() == images + 4
    france = get_image_model().objects.get(title="flag-france.jpg")
    option = latest(quiz).questions[-1].value["options"][1]["text"].source
    assert f'id="{france.pk}"' in option and 'embedtype="image"' in option


def test_a_broken_picture_is_refused_before_anything_is_written(quiz, tmp_path):
    xml = ('<quiz><question type="truefalse"><name><text>P</text></name>'
           '<questiontext format="html"><text>&lt;img src="@@PLUGINFILE@@/a.png"&gt; Q</text>'
           '<file name="a.png" encoding="base64">bm90IGFuIGltYWdl</file></questiontext>'
           '<answer fraction="100"><text>true</text></answer></question></quiz>')  # fmt: skip
    images = get_image_model().objects.count()
    with pytest.raises(CommandError, match="'a.png' is not a readable image"):
        run(write(tmp_path, xml, "bank.xml"), "--quiz", quiz.slug)
    assert get_image_model().objects.count() == images


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quiz", "no-such-quiz"], "No quiz with slug or id"),
        (["--quiz", "kuis", "--format", "aiken"], "no 'ANSWER:' line"),
    ],
)
def test_command_errors(quiz, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        run(write(tmp_path, GIFT), *args)


def test_missing_file(quiz, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(tmp_path / "missing.gift", "--quiz", quiz.slug)
