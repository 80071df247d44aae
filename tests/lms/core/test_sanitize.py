"""Script, event-handler and javascript: payloads come out inert from every
field that accepts HTML, and from every text field of every block."""

import re

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.rich_text import expand_db_html

from lms.core.sanitize import clean_html, clean_rich_text, video_embed

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    '<a href="JaVaScRiPt:alert(1)">klik</a>',
    '<a href="&#106;avascript:alert(1)">klik</a>',
    '<a href="  javascript:alert(1)">klik</a>',
    '<a href="java\tscript:alert(1)">klik</a>',
    '<a href="vbscript:msgbox(1)">klik</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">klik</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    '<p onclick="alert(1)">teks</p>',
    '<embed embedtype="media" url="https://evil.example/x">',
    "<style>body{display:none}</style>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '"><script>alert(1)</script>',
    '<object data="javascript:alert(1)"></object>',
    '<form action="javascript:alert(1)"><button>kirim</button></form>',
    "<details open ontoggle=alert(1)>",
    '<div style="background:url(javascript:alert(1))">teks</div>',
    '<span style="display:none">tersembunyi</span>',
    "<!--<script>alert(1)</script>-->",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<a href="https://example.org" onmouseover="alert(1)">tautan</a>',
    '<img src="javascript:alert(1)">',
    "<base href='https://evil.example/'>",
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
]

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "svg", "math", "style", "form",
    "base", "meta", "link",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "data", "formaction", "xlink:href"}
HOSTILE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


def forbidden_elements(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return sorted(str(e) for e in soup.find_all(FORBIDDEN_TAGS))


def assert_inert(html: str, *, baseline: str = ""):
    """No element or attribute in ``html`` can run script or load a hostile URL.

    ``baseline`` is the same page with harmless text: elements our own
    templates draw (an inline SVG icon) are allowed, nothing more.
    """
    assert forbidden_elements(html) == forbidden_elements(baseline), html
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), html
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower() in URL_ATTRIBUTES:
                assert not HOSTILE_SCHEME.match(value), html
            if name.lower() == "style":
                assert "url(" not in value and "display" not in value, html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_rich_text_cleaning_leaves_nothing_executable(payload):
    assert_inert(clean_rich_text(payload))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_imported_html_cleaning_leaves_nothing_executable(payload):
    assert_inert(clean_html(payload))


def test_cleaning_keeps_ordinary_formatting_and_wagtail_links():
    source = (
        '<p><b>Penting</b>: <a href="https://kpu.go.id">KPU</a>, '
        '<a linktype="page" id="3">modul</a>, <a href="tel:112">112</a></p>'
        '<ul><li>satu</li></ul><embed embedtype="image" id="5" format="fullwidth" alt="x"/>'
    )
    assert clean_rich_text(source) == source


@pytest.mark.django_db
def test_an_image_embed_stays_in_the_form_wagtail_expands():
    """Self-closing, as Wagtail stores it: its rewriter finds no ``<embed …>``."""
    image = wagtail_factories.ImageFactory()
    cleaned = clean_rich_text(
        f'<p>Lihat</p><embed embedtype="image" id="{image.pk}" format="left" alt="peta">'
    )
    shown = expand_db_html(cleaned)
    assert "<embed" not in shown and 'alt="peta"' in shown


@pytest.mark.parametrize(
    "source",
    [
        '<a linktype="page" id="3 OR 1=1">modul</a>',
        '<embed embedtype="image" id="x" alt="peta"/>',
        '<embed embedtype="image" id="12345678901234567890" alt="peta"/>',
    ],
)
def test_links_and_embeds_keep_only_ids_the_database_can_look_up(source):
    assert " id=" not in clean_rich_text(source)


def test_imported_html_keeps_inline_images_but_only_raster_data():
    png = '<img src="data:image/png;base64,iVBORw0KGgo=" alt="peta">'
    assert clean_html(png) == png
    assert "src" not in clean_html('<img src="data:image/svg+xml;base64,PHN2Zz4=">')
    assert "src" not in clean_html('<img src="https://tracker.example/pixel.gif">')


@pytest.mark.parametrize(
    ("url", "player"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
        ("https://youtu.be/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
        ("https://m.youtube.com/shorts/abcdefghijk", "https://www.youtube-nocookie.com/embed/abcdefghijk"),
        ("https://vimeo.com/123456", "https://player.vimeo.com/video/123456?dnt=1"),
    ],
)  # fmt: skip
def test_video_addresses_become_privacy_friendly_players(url, player):
    assert video_embed(url)[0] == player


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "https://evil.example/watch?v=abcdefghijk",
        'https://www.youtube.com/watch?v=abc"onload=alert(1)',
        "https://www.youtube.com.evil.example/watch?v=abcdefghijk",
        "https://vimeo.com/channels/staff",
        "data:text/html,<script>alert(1)</script>",
        "",
        "http://[::1",
    ],
)
def test_anything_but_a_plain_video_address_is_refused(url):
    assert video_embed(url) is None


# Through the pages ------------------------------------------------------------


def every_block_carrying(payload: str) -> list[dict]:
    """A lesson body with ``payload`` in every text slot of every block type."""
    rich = f"<p>{payload}</p>"
    return [
        {"type": "heading", "value": {"text": payload, "level": "h2"}},
        {"type": "paragraph", "value": rich},
        {"type": "callout", "value": {"kind": "tip", "title": payload, "body": rich}},
        {"type": "quote", "value": {"text": payload, "attribution": payload, "role": payload}},
        {
            "type": "video",
            "value": {
                "url": "https://www.youtube.com/watch?v=abcdefghijk",
                "title": payload,
                "duration": payload[:20],
                "caption": payload,
            },
        },
        {
            "type": "table",
            "value": {
                "data": [[payload, payload], [payload, None]],
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": payload,
            },
        },
        {
            "type": "timeline",
            "value": {
                "title": payload,
                "stages": [{"start": "2024-02-14", "end": None, "title": payload, "description": payload}],
            },
        },
        {"type": "steps", "value": {"title": payload, "steps": [{"title": payload, "body": payload}]}},
        {
            "type": "complaint_channel",
            "value": {
                "name": payload,
                "logo": None,
                "purpose": payload,
                "contacts": [{"kind": "web", "value": "https://jaki.jakarta.go.id", "label": payload}],
            },
        },
        {"type": "faq", "value": {"title": payload, "items": [{"question": payload, "answer": rich}]}},
    ]  # fmt: skip


def main_content(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    return str(soup.find("main"))


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_lesson_with_payloads_in_every_block_renders_inert(client, learning, payload):
    lesson = learning.lessons[0]

    def render(text):
        lesson.body = every_block_carrying(text)
        lesson.save_revision().publish()
        response = client.get(lesson.url)
        assert response.status_code == 200
        return main_content(response.content.decode())

    baseline = render("teks biasa")
    assert_inert(render(payload), baseline=baseline)


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS)
def test_module_objectives_and_home_intro_render_inert(client, learning, payload):
    module = learning.module
    module.learning_objectives = f"<ul><li>{payload}</li></ul>"
    module.summary = payload
    module.save_revision().publish()
    assert_inert(main_content(client.get(module.url).content.decode()))
    home = module.get_parent().get_parent().get_parent().specific
    home.intro = payload
    home.save_revision().publish()
    assert_inert(main_content(client.get("/").content.decode()))


@pytest.mark.django_db
def test_what_is_stored_is_already_clean(learning):
    lesson = learning.lessons[0]
    lesson.body = [{"type": "paragraph", "value": "<p>a<script>alert(1)</script></p>"}]
    lesson.save()
    lesson.refresh_from_db()
    assert "<script>" not in lesson.body.raw_data[0]["value"]
