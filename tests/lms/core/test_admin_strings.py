"""The admin screens a speaker meets first show no English.

Each page is rendered in Indonesian (the default) and searched for the words
that were left English: the login form's "Password", the Table block's header
options and caption, the tags help text, and the image chooser's label. Wagtail
passes the Table block's words to its JavaScript as a {"English": "translated"}
map, so an English word is looked for everywhere except as such a key.
"""

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.factories import LessonPageFactory

# What the lesson editor used to show in English, and what it shows now.
EDITOR_WORDS = {
    "Table headers": "Header tabel",
    "Display the first row as a header": "Jadikan baris pertama sebagai header",
    "Display the first column as a header": "Jadikan kolom pertama sebagai header",
    "Table caption": "Judul tabel",
    "A heading that identifies the overall topic of the table, and is useful "
    "for screen reader users.": "Judul yang menyebutkan pokok isi tabel",
    "Select a header option": "Pilih jenis header",
    "A comma-separated list of tags.": "Pisahkan beberapa tag dengan koma.",
}

TABLE = {
    "table_header_choice": "row",
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Jenis surat suara",
    "data": [["Warna", "Untuk memilih"], ["Kuning", "DPR RI"]],
}


def shown_text(response) -> str:
    """The page with its HTML entities decoded, as the browser gets the strings."""
    return html.unescape(response.content.decode())


def without_map_keys(text: str, english: str) -> str:
    """``text`` less the places where ``english`` is a key of a string map."""
    return text.replace(f'"{english}": ', "")


@pytest.fixture
def lesson(learning):
    lesson = LessonPageFactory(
        parent=learning.module,
        body=[{"type": "table", "value": TABLE}],
    )
    lesson.tags.add("pemilu")
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def editor(client, organiser):
    client.force_login(organiser)
    return client


def edit_url(lesson):
    return reverse("wagtailadmin_pages:edit", args=[lesson.pk])


def test_admin_login_labels_the_password_in_indonesian(client, db):
    text = shown_text(client.get(reverse("wagtailadmin_login")))
    labels = re.findall(r"<label[^>]*>\s*([^<]*?)\s*<", text)
    assert "Kata sandi" in labels
    assert "Password" not in labels


def test_lesson_editor_with_a_table_and_tags_is_in_indonesian(editor, lesson):
    text = shown_text(editor.get(edit_url(lesson)))
    for english, indonesian in EDITOR_WORDS.items():
        assert indonesian in text
        assert english not in without_map_keys(text, english)


def test_image_chooser_in_the_lesson_editor_has_an_indonesian_label(editor, lesson):
    text = shown_text(editor.get(edit_url(lesson)))
    assert '"label": "Image"' not in text
    assert '"label": "Gambar"' in text


def test_publishing_a_table_with_an_empty_header_cell_is_refused_in_indonesian(
    editor, lesson
):
    """The third column of a new Wagtail table starts empty and is easily left so.

    The draft is saved (required checks wait until publishing); publishing is
    refused with the cell named, and the live lesson keeps its table.
    """
    table = {**TABLE, "data": [["Warna", "Untuk memilih", ""], ["Kuning", "DPR", ""]]}
    form = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "summary": lesson.summary,
            "estimated_minutes": lesson.estimated_minutes,
            "body": streamfield([("table", json.dumps(table))]),
            "tags": "pemilu",
        }
    )
    draft = editor.post(edit_url(lesson), form)
    assert draft.status_code == 302

    refused = editor.post(edit_url(lesson), {**form, "action-publish": "1"})
    assert refused.status_code == 200  # the form again, with the error
    text = shown_text(refused)
    assert "Setiap sel header perlu diisi" in text
    assert "baris 1, kolom 3" in text
    lesson.refresh_from_db()
    assert lesson.body[0].value["data"] == TABLE["data"]
