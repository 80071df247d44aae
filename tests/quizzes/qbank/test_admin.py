"""Importing and exporting question banks in the Wagtail admin, over HTTP."""

from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from lms.core import pending_uploads
from quizzes.models import QuizPage
from quizzes.qbank import parse_file
from quizzes.qbank.mapping import questions_from_stream
from quizzes.qbank.text import html_to_text
from tests.factories import QuizPageFactory

pytestmark = pytest.mark.usefixtures("in_english")

FILES = Path(__file__).parent / "files"
GIFT = (
    "::Pemilu::Kapan pemungutan suara Pemilu 2024? {=14 Februari ~27 September}\n\n"
    "Pakta integritas ditandatangani. {T}\n\n"
    "Sebutkan lembaga penyelenggara pemilu. {=KPU =%50%Bawaslu}\n"
)
BROKEN = "Q1 {T}\n\nQ2 {=KPU ~Bawaslu\n\nQ3 {F}\n"


@pytest.fixture
def kpud(learning, client):
    user = learning.speaker_for(learning.kpu)
    client.force_login(user)
    return user


def latest(quiz) -> QuizPage:
    return QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()


def upload(client, quiz, content: bytes | str, name="bank.txt", file_format=""):
    if isinstance(content, str):
        content = content.encode()
    return client.post(
        reverse("quizzes_qbank:upload", args=[quiz.pk]),
        {"file": SimpleUploadedFile(name, content), "file_format": file_format},
    )


def previewed(client, quiz, content, **kwargs):
    """Uploads ``content`` and follows to the preview: (preview URL, response)."""
    response = upload(client, quiz, content, **kwargs)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response.url, client.get(response.url)


def test_preview_shows_each_question_with_type_and_correct_answers(client, kpud, quiz):
    url, response = previewed(client, quiz, GIFT)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Import 3 questions" in page
    assert page.count('class="qbank-question"') == 3
    for text in ("Single choice", "True or false", "Short answer", "Pemilu"):
        assert text in page
    assert "14 Februari" in page and "(100%)" in page
    assert 'Bawaslu</code> <span class="qbank-credit">(50%)' in page
    assert "Correct answer:" in page and "<strong>True</strong>" in page
    assert len(latest(quiz).questions) == len(quiz.questions)  # nothing saved yet


def test_preview_shows_each_number_answer_in_order_with_any_other_number(
    client, kpud, quiz
):
    gift = "Tahun lahir Grant? {#=1822:0#Tepat =%50%1822:2#Hampir ~#Baca lagi}"
    _url, response = previewed(client, quiz, gift)
    page = response.content.decode()
    order = ["Tepat", "1822 ± 2", "Hampir", "Any other number", "Baca lagi"]
    assert [page.index(text) for text in order] == sorted(
        page.index(text) for text in order
    )
    assert "(50%)" in page and "(0%)" in page


def test_confirm_adds_an_unpublished_revision_and_links_to_the_editor(
    client, kpud, quiz
):
    before = len(quiz.questions)
    live_revision = quiz.live_revision_id
    url, _preview = previewed(client, quiz, GIFT)
    response = client.post(url, follow=True)
    page = response.content.decode()
    assert "3 questions were added" in page and "not published yet" in page
    assert reverse("wagtailadmin_pages:edit", args=[quiz.pk]) in page
    draft = latest(quiz)
    assert len(draft.questions) == before + 3
    assert [b.block_type for b in draft.questions][before:] == [
        "single_choice",
        "true_false",
        "short_answer",
    ]
    fresh = QuizPage.objects.get(pk=quiz.pk)
    assert fresh.live_revision_id == live_revision
    assert fresh.has_unpublished_changes
    assert len(fresh.questions) == before  # the live quiz is unchanged


def test_a_second_confirm_imports_nothing_more(client, kpud, quiz):
    url, _preview = previewed(client, quiz, GIFT)
    client.post(url)
    response = client.post(url)
    assert response.status_code == 302 and "hasil" in response.url
    assert len(latest(quiz).questions) == len(quiz.questions) + 3


def test_a_broken_question_names_its_line_and_blocks_the_import(client, kpud, quiz):
    before = len(quiz.questions)
    url, response = previewed(client, quiz, BROKEN)
    page = response.content.decode()
    assert "1 question has an error" in page
    assert "Line 3" in page
    assert "Skip the 1 bad question and import the rest" in page
    refused = client.post(url)
    assert refused.status_code == 200
    assert "nothing is imported unless you skip" in refused.content.decode()
    assert len(latest(quiz).questions) == before
    done = client.post(url, {"skip_invalid": "on"}, follow=True).content.decode()
    assert "2 questions were added" in done
    assert "Skipped" in done and "Line 3" in done
    draft = latest(quiz)
    assert [html_to_text(b.value["text"].source) for b in draft.questions][before:] == [
        "Q1",
        "Q3",
    ]


def test_unsupported_types_are_listed_with_their_reason(client, kpud, quiz):
    text = "Tulis pendapat Anda tentang netralitas ASN. {}\n\nQ {T}\n"
    _url, response = previewed(client, quiz, text)
    page = response.content.decode()
    assert "1 item is left out" in page
    assert "Line 1" in page and "grade" in page  # essays need a person to grade
    assert "Import 1 question" in page


def test_moodle_xml_with_embedded_images(client, kpud, quiz):
    data = (FILES / "moodle_xml" / "multichoice_with_media.xml").read_bytes()
    url, response = previewed(client, quiz, data, name="bank.xml")
    page = response.content.decode()
    assert "flag-uk.jpg" in page  # the pictures, to be stored on import
    assert "bonjour.mp3" in page  # sound is reported, not imported
    assert "A picture was left out" not in page
    assert page.count('src="data:image/jpeg;base64,') == 4  # seen before import
    images = get_image_model().objects.count()
    client.post(url, follow=True)
    assert get_image_model().objects.count() > images
    added = latest(quiz).questions[len(quiz.questions) :]
    option_html = [o["text"].source for b in added for o in b.value["options"]]
    assert sum('embedtype="image"' in html for html in option_html) == 4


def test_a_file_that_is_not_a_question_bank_is_refused(client, kpud, quiz):
    response = upload(client, quiz, "Daftar hadir rapat RT 05\nBudi\nSiti\n")
    page = response.content.decode()
    assert response.status_code == 200
    assert "No question in the file can be imported." in page
    assert "Line 1: " in page and "ANSWER:" in page
    binary = upload(client, quiz, "\ufeffQ {T}".encode("utf-16"), name="a.txt")
    assert binary.status_code == 200 and "UTF-16" in binary.content.decode()
    xml = upload(client, quiz, "<html><body>hi</body></html>", name="a.xml")
    assert "not a Moodle XML question file" in xml.content.decode()
    assert len(latest(quiz).questions) == len(quiz.questions)


def test_a_forced_wrong_format_is_refused_clearly(client, kpud, quiz):
    response = upload(client, quiz, GIFT, file_format="moodlexml")
    assert response.status_code == 200
    assert "Upload and check" in response.content.decode()


def test_expired_or_foreign_tokens_start_again(client, kpud, quiz, learning):
    url, _preview = previewed(client, quiz, GIFT)
    token = parse_qs(urlparse(url).query)["token"][0]
    for bad in ("", "nonsense", "A" * 32):
        response = client.get(reverse("quizzes_qbank:preview", args=[quiz.pk]),
                              {"token": bad})  # fmt: skip
        assert response.url == reverse("quizzes_qbank:upload", args=[quiz.pk])
    other_quiz = QuizPageFactory(parent=learning.module, slug="kuis-2")
    response = client.post(
        reverse("quizzes_qbank:preview", args=[other_quiz.pk]) + f"?token={token}"
    )
    assert response.status_code == 302 and "hasil" not in response.url
    colleague = learning.speaker_for(learning.kpu)
    client.force_login(colleague)
    response = client.post(url)
    assert response.url == reverse("quizzes_qbank:upload", args=[quiz.pk])
    assert len(latest(quiz).questions) == len(quiz.questions)
    assert len(latest(other_quiz).questions) == len(other_quiz.questions)


@pytest.mark.parametrize("who", ["bawaslu", "participant"])
def test_others_are_refused(client, learning, quiz, participant, who):
    """Wagtail sends those who may not edit the quiz away: a participant (no
    admin access) to log in, another organisation's speaker to the dashboard
    with "you do not have permission"."""
    if who == "participant":
        user, refused_to = participant, reverse("wagtailadmin_login")
    else:
        user, refused_to = learning.speaker_for(learning.bawaslu), "/admin/"
    client.force_login(user)
    requests = [
        client.get(reverse(f"quizzes_qbank:{name}", args=[quiz.pk]))
        for name in ("upload", "export_gift", "export_moodle_xml")
    ] + [upload(client, quiz, GIFT)]
    for response in requests:
        assert response.status_code == 302
        assert urlparse(response.url).path == refused_to
    if who == "bawaslu":
        home = client.get(requests[0].url).content.decode()
        assert "permission" in home
    assert len(latest(quiz).questions) == len(quiz.questions)


def test_organisers_may_import(client, organiser, quiz):
    client.force_login(organiser)
    response = upload(client, quiz, GIFT)
    assert response.status_code == 302 and "periksa" in response.url


def test_the_quiz_page_offers_the_buttons(client, kpud, quiz):
    page = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    html = page.content.decode()
    assert reverse("quizzes_qbank:upload", args=[quiz.pk]) in html
    assert reverse("quizzes_qbank:export_gift", args=[quiz.pk]) in html
    assert reverse("quizzes_qbank:export_moodle_xml", args=[quiz.pk]) in html


@pytest.mark.parametrize(
    ("name", "content_type", "extension"),
    [
        ("export_gift", "text/plain", ".gift.txt"),
        ("export_moodle_xml", "application/xml", ".moodle.xml"),
    ],
)
def test_exports_download_and_import_again_to_the_same_questions(
    client, kpud, quiz, name, content_type, extension
):
    response = client.get(reverse(f"quizzes_qbank:{name}", args=[quiz.pk]))
    assert response["Content-Type"].startswith(content_type)
    assert f'{extension}"' in response["Content-Disposition"]
    exported = parse_file(response.content).questions
    original = questions_from_stream(quiz.questions)
    assert len(exported) == len(original) > 0
    for ours, theirs in zip(original, exported, strict=True):
        assert (ours.type, html_to_text(ours.text)) == (
            theirs.type,
            html_to_text(theirs.text),
        )
        assert [o.credit for o in ours.options] == [o.credit for o in theirs.options]
        assert [a.text for a in ours.answers] == [a.text for a in theirs.answers]
    # and through the admin, the same file imports every question again
    url, preview = previewed(client, quiz, response.content, name=f"q{extension}")
    assert f"Import {len(original)} questions" in preview.content.decode()


def test_script_in_a_question_is_inert_in_the_preview(client, kpud, quiz):
    text = "[html]<script>alert(1)</script><img src=x onerror=alert(2)>Siapa? {T}\n"
    _url, response = previewed(client, quiz, text)
    page = response.content.decode()
    assert "<script" not in page.split('class="qbank-questions"')[1]
    assert "onerror" not in page


def test_a_huge_file_is_refused_before_parsing(client, kpud, quiz):
    response = upload(client, quiz, b"Q {T}\n\n" * (10 * 1024 * 1024 // 7 + 1))
    assert response.status_code == 200
    assert "larger than 10 MB" in response.content.decode()


def test_a_file_name_with_markup_is_shown_as_text(client, kpud, quiz):
    _url, response = previewed(
        client, quiz, GIFT, name='<img src=x onerror="alert(1)">.txt'
    )
    page = response.content.decode()
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;.txt" in page
    assert "<img src=x" not in page


def test_a_confirm_while_another_is_importing_imports_nothing(client, kpud, quiz):
    url, _preview = previewed(client, quiz, GIFT)
    token = parse_qs(urlparse(url).query)["token"][0]
    pending_uploads.claim(token)  # another request's
    response = client.post(url, follow=True)
    assert "being imported already" in response.content.decode()
    assert len(latest(quiz).questions) == len(quiz.questions)
