"""Lesson body blocks render what participants need, and refuse bad input.

Each block is rendered the way a lesson page renders it
(``block.render(block.to_python(stored_value))``) and checked on what a reader
sees or a phone fetches. UI strings are checked in English (the source
language); dates are checked in Indonesian.
"""

import datetime
from html.parser import HTMLParser

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.documents.models import Document

from lms.learning.blocks.lesson_body import LessonBodyBlock
from lms.learning.blocks.media import empty_header_cells
from lms.learning.blocks.structured import ContactBlock, StageBlock

BLOCKS = LessonBodyBlock().child_blocks
YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


class Element:
    def __init__(self, tag, attrs):
        self.tag, self.attrs, self.text = tag, dict(attrs), ""

    def has_class(self, name):
        return name in (self.attrs.get("class") or "").split()


class Page(HTMLParser):
    """Rendered HTML as a flat list of elements, each with its own text."""

    VOID = {"img", "br", "input", "meta", "link", "source", "hr"}

    def __init__(self, html):
        super().__init__()
        self.elements, self.open = [], []
        self.feed(html)
        self.text = " ".join(" ".join(e.text.split()) for e in self.elements if e.text)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, attrs)
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data

    def find_all(self, tag=None, cls=None):
        return [
            e
            for e in self.elements
            if (tag is None or e.tag == tag) and (cls is None or e.has_class(cls))
        ]

    def find(self, tag=None, cls=None):
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'} class={cls}> in the output"
        return found[0]


def render(name, value):
    block = BLOCKS[name]
    return block.render(block.to_python(value))


def page(name, value):
    return Page(render(name, value))


def words(text):
    return " ".join(text.split())


@pytest.fixture(autouse=True)
def english():
    """UI strings in their source language; tests switch to "id" where needed."""
    with translation.override("en"):
        yield


# --- Every block has a preview in the block picker ---------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(BLOCKS))
def test_every_block_renders_a_preview(name, image, document):
    block = BLOCKS[name]
    assert block.is_previewable
    html = block.render(block.get_preview_value())
    assert "<iframe" not in html
    assert Page(html).text


def test_timeline_preview_shows_every_state():
    block = BLOCKS["timeline"]
    html = block.render(block.get_preview_value())
    for word in ("Done", "Under way", "Upcoming"):
        assert word in html


def test_every_block_has_its_own_template_in_lms_blocks():
    for block in BLOCKS.values():
        assert block.meta.template.startswith("lms/blocks/")
        get_template(block.meta.template)  # exists and compiles


# --- Heading and text --------------------------------------------------------


def test_heading_has_a_linkable_id_and_its_level():
    h2 = page("heading", {"text": "Cara melapor", "level": "h2"}).find("h2")
    assert h2.attrs["id"] == "cara-melapor"
    assert words(h2.text) == "Cara melapor"

    h3 = page("heading", {"text": "Lewat JAKI", "level": "h3"}).find("h3")
    assert h3.attrs["id"] == "lewat-jaki"


def test_paragraph_is_rich_text():
    html = render("paragraph", "<p>Datang ke <b>TPS</b> pukul 07.00.</p>")
    assert '<div class="rich-text lesson-text"><p>Datang ke <b>TPS</b>' in html


# --- Image --------------------------------------------------------------------


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(
        title="Foto TPS", file__width=1600, file__height=900, file__filename="tps.jpg"
    )


@pytest.mark.django_db
def test_image_is_responsive_lazy_and_has_its_alt_text_and_caption(image):
    result = page(
        "image",
        {
            "image": {
                "image": image.pk,
                "alt_text": "Petugas KPPS di TPS",
                "decorative": False,
            },
            "caption": "Suasana TPS 012 Kartini",
            "credit": "KPU DKI Jakarta",
        },
    )
    img = result.find("img")
    assert img.attrs["alt"] == "Petugas KPPS di TPS"
    assert img.attrs["loading"] == "lazy"
    assert img.attrs["sizes"] == "(min-width: 48em) 44rem, 100vw"
    assert [c.split()[-1] for c in img.attrs["srcset"].split(", ")] == [
        "400w",
        "800w",
        "1200w",
    ]
    caption = words(result.find("figcaption").text)
    assert "Suasana TPS 012 Kartini" in caption
    assert "Source: KPU DKI Jakarta" in caption


@pytest.mark.django_db
def test_decorative_image_has_an_empty_alt_and_no_caption_when_none_is_given(image):
    result = page(
        "image",
        {
            "image": {"image": image.pk, "alt_text": "", "decorative": True},
            "caption": "",
        },
    )
    assert result.find("img").attrs["alt"] == ""
    assert not result.find_all("figcaption")


# --- Video --------------------------------------------------------------------


def test_video_requests_nothing_from_youtube_on_page_view():
    html = render(
        "video",
        {
            "url": YOUTUBE_URL,
            "title": "Cara mencoblos surat suara",
            "duration": "3:12",
            "caption": "Simulasi di TPS contoh.",
        },
    )
    result = Page(html)
    assert "<iframe" not in html
    assert "ytimg" not in html
    # Nothing is fetched: no src, srcset or poster anywhere.
    assert not [
        e for e in result.elements if {"src", "srcset", "poster"} & e.attrs.keys()
    ]
    # The only link to YouTube is the "Watch on YouTube" link to the original address.
    youtube_links = [e for e in result.elements if "youtube" in e.attrs.get("href", "")]
    assert len(youtube_links) == 1
    assert youtube_links[0].attrs["href"] == YOUTUBE_URL
    assert words(youtube_links[0].text) == "Watch on YouTube"
    # The player address waits in a data attribute for the script.
    figure = result.find("figure", "lesson-video")
    assert (
        figure.attrs["data-video"]
        == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )


def test_video_shows_title_duration_description_and_a_play_button():
    result = page(
        "video",
        {
            "url": YOUTUBE_URL,
            "title": "Cara mencoblos surat suara",
            "duration": "3:12",
            "caption": "Simulasi di TPS contoh.",
        },
    )
    button = result.find("button")
    assert button.attrs["type"] == "button"
    assert words(button.text) == "Play video: Cara mencoblos surat suara"
    assert (
        words(result.find(cls="lesson-video__title").text)
        == "Cara mencoblos surat suara"
    )
    assert words(result.find(cls="lesson-video__duration").text) == "Duration: 3:12"
    assert "Simulasi di TPS contoh." in result.text


def test_vimeo_video_links_to_vimeo():
    result = page("video", {"url": "https://vimeo.com/76979871", "title": "Pengawasan"})
    link = result.find("a", "lesson-video__link")
    assert link.attrs["href"] == "https://vimeo.com/76979871"
    assert words(link.text) == "Watch on Vimeo"
    assert (
        "player.vimeo.com/video/76979871" in result.find("figure").attrs["data-video"]
    )


def test_video_with_an_address_that_is_not_a_video_renders_nothing():
    assert (
        render("video", {"url": "https://example.com/", "title": "Bukan video"}).strip()
        == ""
    )


# --- Document -----------------------------------------------------------------


@pytest.fixture
def document(db):
    document = Document.objects.create(
        title="Peraturan KPU Nomor 25 Tahun 2023",
        file=ContentFile(b"%PDF-1.4\n" + b"0" * 2048, name="pkpu-25-2023.pdf"),
    )
    document.get_file_size()  # what the admin's upload stores
    return document


@pytest.mark.django_db
def test_document_links_to_the_file_with_its_type_and_size(document):
    result = page("document", {"document": document.pk, "description": "Untuk dibaca."})
    link = result.find("a", "lesson-download__link")
    assert link.attrs["href"] == document.url
    assert words(result.find(cls="lesson-download__title").text) == document.title
    assert words(result.find(cls="lesson-download__meta").text) == words(
        f"PDF, {filesizeformat(document.file_size)}"
    )
    assert "Untuk dibaca." in result.text


@pytest.mark.django_db
def test_document_link_text_can_replace_the_title_and_size_is_left_out_if_unknown(
    document,
):
    Document.objects.filter(pk=document.pk).update(file_size=None)
    result = page("document", {"document": document.pk, "title": "Unduh PKPU 25/2023"})
    assert words(result.find(cls="lesson-download__title").text) == "Unduh PKPU 25/2023"
    assert words(result.find(cls="lesson-download__meta").text) == "PDF"


# --- Callout and quote --------------------------------------------------------


@pytest.mark.parametrize(
    "kind, word", [("info", "Information:"), ("warning", "Warning:"), ("tip", "Tip:")]
)
def test_callout_says_its_kind_in_words_not_only_in_colour(kind, word):
    result = page(
        "callout", {"kind": kind, "title": "Jangan lupa", "body": "<p>Bawa KTP-el.</p>"}
    )
    assert result.find("div", "notice").has_class(f"notice--{kind}")
    assert words(result.find(cls="visually-hidden").text) == word
    assert words(result.find(cls="notice__title").text) == "Jangan lupa"
    assert "<p>Bawa KTP-el.</p>" in render(
        "callout", {"kind": kind, "title": "", "body": "<p>Bawa KTP-el.</p>"}
    )


def test_quote_names_who_said_it():
    result = page(
        "quote",
        {
            "text": "Masyarakat adalah mata kami.",
            "attribution": "Narasumber",
            "role": "Bawaslu",
        },
    )
    assert words(result.find("blockquote").text) == "Masyarakat adalah mata kami."
    assert words(result.find("figcaption").text) == "Narasumber, Bawaslu"


# --- Table --------------------------------------------------------------------


def test_table_has_caption_header_row_and_escapes_cells():
    html = render(
        "table",
        {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Jenis surat suara",
            "data": [["Warna", "Untuk"], ["<script>alert(1)</script>", None]],
        },
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    result = Page(html)
    assert result.find(cls="table-wrap").has_class("lesson-table")
    assert words(result.find("caption").text) == "Jenis surat suara"
    assert [words(th.text) for th in result.find_all("th")] == ["Warna", "Untuk"]
    assert {th.attrs["scope"] for th in result.find_all("th")} == {"col"}
    assert result.find("thead")
    assert [words(td.text) for td in result.find_all("td")] == [
        "<script>alert(1)</script>",
        "",
    ]
    assert "None" not in html


def test_table_with_a_header_column_uses_row_headers_and_no_thead():
    result = page(
        "table",
        {
            "first_row_is_table_header": False,
            "first_col_is_header": True,
            "table_caption": "",
            "data": [["Kuning", "DPR RI"], ["Merah", "DPD RI"]],
        },
    )
    assert not result.find_all("thead")
    assert not result.find_all("caption")
    assert [(th.attrs["scope"], words(th.text)) for th in result.find_all("th")] == [
        ("row", "Kuning"),
        ("row", "Merah"),
    ]


def test_table_renders_empty_header_cells_as_plain_cells():
    """An empty <th> names nothing for a screen reader (axe empty-table-header)."""
    result = page(
        "table",
        {
            "table_header_choice": "both",
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "table_caption": "",
            "data": [
                ["", "Warna", None],
                ["Kuning", "DPR RI", "x"],
                ["  ", "DPD", "y"],
            ],
        },
    )
    headers = result.find_all("th")
    assert [(th.attrs["scope"], words(th.text)) for th in headers] == [
        ("col", "Warna"),
        ("row", "Kuning"),
    ]
    assert [words(td.text) for td in result.find_all("td")] == [
        "",
        "",
        "DPR RI",
        "x",
        "",
        "DPD",
        "y",
    ]


# --- Timeline -----------------------------------------------------------------


def test_timeline_marks_each_stage_done_under_way_or_upcoming_in_words():
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    result = page(
        "timeline",
        {
            "title": "Tahapan",
            "stages": [
                {
                    "start": str(today - 10 * day),
                    "end": str(today - 5 * day),
                    "title": "Lalu",
                },
                {"start": str(today - day), "end": str(today + day), "title": "Kini"},
                {"start": str(today + 5 * day), "title": "Nanti"},
            ],
        },
    )
    stages = result.find_all("li", "lesson-timeline__stage")
    assert [words(t.text) for t in result.find_all("span", "tag")] == [
        "Done",
        "Under way",
        "Upcoming",
    ]
    assert [s.attrs.get("aria-current") for s in stages] == [None, "step", None]
    assert stages[1].has_class("lesson-timeline__stage--current")
    assert result.find("ol")


def test_timeline_dates_are_in_the_readers_language_with_ranges():
    with translation.override("id"):
        result = page(
            "timeline",
            {
                "stages": [
                    {
                        "start": "2023-11-28",
                        "end": "2024-02-10",
                        "title": "Masa kampanye",
                    },
                    {
                        "start": "2024-02-14",
                        "end": "2024-02-14",
                        "title": "Pemungutan suara",
                    },
                ]
            },
        )
    dates = [words(d.text) for d in result.find_all("p", "lesson-timeline__date")]
    assert dates[0].startswith("28 November 2023 – ")
    assert dates[0].endswith(" 10 Februari 2024")
    assert dates[1] == "14 Februari 2024"
    assert [t.attrs["datetime"] for t in result.find_all("time")] == [
        "2023-11-28",
        "2024-02-10",
        "2024-02-14",
    ]


# --- Steps and FAQ ------------------------------------------------------------


def test_steps_are_an_ordered_list_in_order():
    result = page("steps", BLOCKS["steps"].meta.preview_value)
    assert result.find("ol").has_class("lesson-steps")
    assert [words(p.text) for p in result.find_all("p", "lesson-steps__title")] == [
        "Buka menu JakLapor",
        "Foto masalahnya",
        "Kirim dan pantau",
    ]


def test_faq_folds_each_answer_under_its_question():
    html = render("faq", BLOCKS["faq"].meta.preview_value)
    result = Page(html)
    assert len(result.find_all("details")) == 1
    assert words(result.find("summary").text) == "Apakah boleh mencoblos di TPS lain?"
    assert "<p>Boleh, jika sudah mengurus pindah memilih.</p>" in html


# --- Complaint channel ----------------------------------------------------------

CONTACTS = [
    ("phone", "0811-1272-206", "", "tel:08111272206", "Phone"),
    ("sms", "+62 811 1272 206", "", "sms:+628111272206", "SMS"),
    ("whatsapp", "+62 811-1272-206", "Chat", "https://wa.me/628111272206", "WhatsApp"),
    ("whatsapp", "0811-1272-206", "", "https://wa.me/628111272206", "WhatsApp"),
    ("email", "lapor@jakarta.go.id", "", "mailto:lapor@jakarta.go.id", "Email"),
    ("web", "https://lapor.go.id", "LAPOR!", "https://lapor.go.id", "Website"),
    ("app", "https://jaki.jakarta.go.id", "", "https://jaki.jakarta.go.id", "App"),
    ("social", "https://x.com/dkijakarta", "@dkijakarta", "https://x.com/dkijakarta", "Social media"),
]  # fmt: skip


@pytest.mark.django_db
def test_complaint_channel_links_open_the_right_app_with_the_kind_in_words(image):
    result = page(
        "complaint_channel",
        {
            "name": "JAKI",
            "logo": image.pk,
            "purpose": "Melapor masalah kota.",
            "contacts": [
                {"kind": kind, "value": value, "label": label}
                for kind, value, label, _href, _word in CONTACTS
            ],
        },
    )
    assert words(result.find("h3").text) == "JAKI"
    assert "Melapor masalah kota." in result.text
    logo = result.find("img")
    assert logo.attrs["alt"] == ""
    assert (logo.attrs["width"], logo.attrs["height"]) == ("96", "96")

    links = result.find_all("a", "lesson-channel__link")
    assert [link.attrs["href"] for link in links] == [c[3] for c in CONTACTS]
    kinds = [words(k.text) for k in result.find_all("span", "lesson-channel__kind")]
    assert kinds == [f"{c[4]}:" for c in CONTACTS]
    shown = [words(v.text) for v in result.find_all("span", "lesson-channel__value")]
    assert shown == [c[2] or c[1] for c in CONTACTS]
    rels = {
        c[0]: link.attrs.get("rel") for c, link in zip(CONTACTS, links, strict=True)
    }
    assert rels == {
        "phone": None,
        "sms": None,
        "whatsapp": "noopener",
        "email": None,
        "web": "noopener",
        "app": "noopener",
        "social": "noopener",
    }
    assert not [link for link in links if "target" in link.attrs]


def test_complaint_channel_without_a_logo_has_no_image():
    result = page("complaint_channel", BLOCKS["complaint_channel"].meta.preview_value)
    assert not result.find_all("img")
    assert [a.attrs["href"] for a in result.find_all("a")] == [
        "https://jaki.jakarta.go.id",
        "tel:112",
    ]


# --- Validation -----------------------------------------------------------------


def clean(block, value):
    return block.clean(block.to_python(value))


def test_video_block_accepts_youtube_and_vimeo_and_rejects_other_addresses():
    for url in (
        YOUTUBE_URL,
        "https://youtu.be/dQw4w9WgXcQ",
        "https://vimeo.com/76979871",
    ):
        clean(BLOCKS["video"], {"url": url, "title": "Video"})
    for url in (
        "https://example.com/video.mp4",
        "https://www.youtube.com/channel/UC123456",
    ):
        with pytest.raises(ValidationError):
            clean(BLOCKS["video"], {"url": url, "title": "Video"})


def table(choice, data):
    return {"table_header_choice": choice, "table_caption": "", "data": data}


@pytest.mark.parametrize(
    ("choice", "data", "empty"),
    [
        ("row", [["Warna", "Untuk", ""], ["Kuning", "DPR", ""]], [(0, 2)]),
        ("column", [["Warna", "Untuk"], [None, "DPR"], [" ", "DPD"]], [(1, 0), (2, 0)]),
        ("both", [["", "Untuk", None], ["Kuning", "DPR", "1"]], [(0, 2)]),
        ("neither", [["", ""], ["", ""]], []),
    ],
)
def test_empty_header_cells_are_found_where_the_header_choice_puts_headers(
    choice, data, empty
):
    assert (
        empty_header_cells(
            data,
            first_row_is_header=choice in ("row", "both"),
            first_col_is_header=choice in ("column", "both"),
        )
        == empty
    )


def test_table_refuses_empty_header_cells_and_says_where_they_are():
    with pytest.raises(ValidationError) as refused:
        clean(BLOCKS["table"], table("row", [["Warna", "", ""], ["Kuning", "DPR", ""]]))
    message = refused.value.messages[0]
    assert "row 1, column 2; row 1, column 3" in message
    assert "Every header cell needs text" in message


def test_a_draft_may_keep_empty_header_cells_as_it_may_skip_required_fields():
    """A new table starts empty; the draft and autosave must not be refused."""
    body = LessonBodyBlock()
    value = body.to_python([{"type": "table", "value": table("row", [["A", ""]])}])
    body.clean_deferred(value)
    with pytest.raises(ValidationError):
        body.clean(value)


def test_table_accepts_filled_headers_an_empty_corner_and_empty_body_cells():
    clean(BLOCKS["table"], table("row", [["Warna", "Untuk"], ["", ""]]))
    clean(BLOCKS["table"], table("both", [[None, "Untuk"], ["Kuning", ""]]))
    clean(BLOCKS["table"], table("neither", [["", ""]]))


def test_stage_cannot_end_before_it_starts():
    with pytest.raises(ValidationError):
        clean(
            StageBlock(), {"start": "2024-02-14", "end": "2024-02-13", "title": "Salah"}
        )
    clean(StageBlock(), {"start": "2024-02-14", "end": "2024-02-14", "title": "Sehari"})


def test_timeline_stages_must_be_in_order():
    stages = [
        {"start": "2024-02-14", "title": "Pemungutan suara"},
        {"start": "2024-02-11", "end": "2024-02-13", "title": "Masa tenang"},
    ]
    with pytest.raises(ValidationError):
        clean(BLOCKS["timeline"], {"title": "", "stages": stages})
    clean(BLOCKS["timeline"], {"title": "", "stages": stages[::-1]})


@pytest.mark.parametrize(
    "kind, value",
    [
        ("web", "javascript:alert(1)"),
        ("app", "javascript:alert(1)"),
        ("social", "ftp://example.com/"),
        ("phone", "call-me"),
        ("whatsapp", "08xx-1234"),
        ("email", "not-an-address"),
    ],
)
def test_contact_rejects_values_that_do_not_fit_its_kind(kind, value):
    with pytest.raises(ValidationError):
        clean(ContactBlock(), {"kind": kind, "value": value, "label": ""})


@pytest.mark.parametrize("kind, value, _label, _href, _word", CONTACTS)
def test_contact_accepts_values_that_fit_its_kind(kind, value, _label, _href, _word):
    clean(ContactBlock(), {"kind": kind, "value": value, "label": ""})


# --- Editor previews --------------------------------------------------------------


@pytest.mark.django_db
def test_block_picker_previews_use_the_site_and_lesson_stylesheets(client, organiser):
    client.force_login(organiser)
    response = client.get(
        reverse("wagtailadmin_block_preview"),
        {"id": BLOCKS["callout"].definition_prefix},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/static/css/site.css"' in html
    assert 'href="/static/css/lesson.css"' in html
    assert html.index("css/site.css") < html.index("css/lesson.css")
    assert 'class="w-block-callout block-callout"' in html
    assert "Jangan lupa" in html
