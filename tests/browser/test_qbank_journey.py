"""Issue "Question banks", tried as a new user would: the KPU speaker brings a GIFT
file with one broken question, sees the line of the error, skips it, imports the
rest; once the quiz is published, a participant takes it on a phone."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from lms.demo import DEMO_PASSWORD
from lms.learning.models import ModulePage
from quizzes.models import Attempt, QuizPage
from tests.browser.conftest import log_in_to_admin
from tests.factories import QuizPageFactory, question_blocks

QUIZ_TITLE = "Kuis Impor Bank Soal"
# Question 2, on line 6, is broken: a choice question with no right answer.
GIFT = """::q1:: Kapan pemungutan suara Pemilu 2024? {
=14 Februari 2024
~17 Agustus 2024
}

::q2:: Siapa yang menetapkan hasil pemilu? {~KPPS ~Bawaslu}

::q3:: Bawaslu mengawasi pelaksanaan pemilu. {T}
"""
LINE_OF_THE_ERROR = re.compile(r"(Baris|Line) 6")  # where q2 starts
SKIP = re.compile("Lewati 1 soal|Skip the 1 bad question")


def _quiz():
    module = (
        ModulePage.objects.live()
        .filter(organisation__short_name__startswith="KPUD")
        .first()
    )
    return QuizPageFactory(
        parent=module,
        title=QUIZ_TITLE,
        slug="kuis-impor-bank-soal",
        review_content="feedback",
        questions=question_blocks()[:1],  # what it had before the import
    )


def test_speaker_imports_a_gift_file_and_a_participant_takes_the_quiz(
    demo_site, laptop_page, phone_page, screenshot
):
    quiz = _quiz()
    page = laptop_page
    log_in_to_admin(page, demo_site, "kpud", DEMO_PASSWORD)

    page.goto(f"{demo_site}{reverse('quizzes_qbank:upload', args=[quiz.pk])}")
    page.locator("input[type=file]").set_input_files(
        {"name": "bank-soal.txt", "mimeType": "text/plain", "buffer": GIFT.encode()}
    )
    page.get_by_role(
        "button", name=re.compile("Unggah dan periksa|Upload and check")
    ).click()
    page.wait_for_url(re.compile(r"/soal/impor/periksa/\?token="))
    expect(page.get_by_text(LINE_OF_THE_ERROR).first).to_be_visible()
    screenshot(page, "qbank-preview")

    # Nothing is imported until the broken question is skipped on purpose.
    page.get_by_label(SKIP).check()
    page.get_by_role("button", name=re.compile("^(Impor|Import) 2")).click()
    page.wait_for_url(re.compile(r"/soal/impor/hasil/"))
    expect(page.get_by_text(LINE_OF_THE_ERROR).first).to_be_visible()
    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert len(draft.questions) == 3  # the one it had, q1 and q3

    # The speaker submits for review; here the organiser's publishing is a shortcut.
    QuizPage.objects.get(pk=quiz.pk).get_latest_revision().publish()

    phone = phone_page
    phone.goto(f"{demo_site}{reverse('login')}")
    phone.locator("input[name=username]").fill("peserta")
    phone.locator("input[name=password]").fill(DEMO_PASSWORD)
    phone.locator("form:has(input[name=username]) [type=submit]").click()
    phone.wait_for_url(f"{demo_site}/beranda-saya/")
    phone.goto(f"{demo_site}{quiz.get_url_parts()[2]}")
    phone.locator("form[action$='/mulai/'] button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/kuis/percobaan/\d+/$"))
    expect(phone.locator("fieldset[data-question]")).to_have_count(3)
    choice = phone.locator("fieldset[data-question][data-type=single_choice]").filter(
        has_text="Pemilu 2024?"
    )
    choice.get_by_label("14 Februari 2024").check()
    phone.locator("fieldset[data-question][data-type=true_false]").filter(
        has_text="Bawaslu mengawasi"
    ).get_by_label(re.compile("^(Benar|True)$")).check()
    phone.locator("[data-submit-button]").click()
    dialog = phone.locator("dialog[data-confirm-dialog]")
    dialog.locator("[data-confirm-form] button[type=submit]").click()
    phone.wait_for_url(re.compile(r"/kuis/percobaan/\d+/hasil/$"))
    attempt = Attempt.objects.get(quiz=quiz, user__username="peserta")
    assert not attempt.is_open and len(attempt.paper) == 3
    imported = [a for a in attempt.answers.all() if a.points]
    assert len(imported) == 2  # both imported questions answered right
