"""Links and embeds keep only values Wagtail's editor and pages can draw.

A speaker can send any stored form through the editor; a format, id or link
type Wagtail does not know made the page's edit view or the page itself fail
for everyone. The sanitiser repairs what it can (a picture's format) and drops
the rest, keeping the text of a link it drops.
"""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.images.formats import get_image_formats
from wagtail.rich_text import features

from lms.accounts.models import User
from lms.core.sanitize import clean_rich_text

HUGE = "9" * 10_000


def image_embed(image_id, image_format="left", alt="peta"):
    return f'<embed embedtype="image" id="{image_id}" format="{image_format}" alt="{alt}"/>'


@pytest.mark.parametrize(
    ("source", "cleaned"),
    [
        # A picture in a format nobody registered, or none, is shown full width.
        (image_embed(7, "nope"), image_embed(7, "fullwidth")),
        (image_embed(7, HUGE), image_embed(7, "fullwidth")),
        ('<embed embedtype="image" id="7" alt="peta"/>',
         '<embed embedtype="image" id="7" alt="peta" format="fullwidth"/>'),
        # Without a picture to show, the embed goes.
        (image_embed("x"), ""),
        (image_embed("0"), ""),
        (image_embed("-7"), ""),
        (image_embed(HUGE), ""),
        ('<embed embedtype="image" format="left" alt="peta"/>', ""),
        ('<embed embedtype="nope" id="7" format="left"/>', ""),
        (f'<embed embedtype="{HUGE}" id="7" format="left"/>', ""),
        ('<embed id="7" format="left" alt="peta"/>', ""),
        ('<embed embedtype="media" url="https://www.youtube.com/watch?v=abcdefghijk"/>', ""),
        # A link that points nowhere Wagtail can resolve keeps its text only.
        ('<p><a linktype="page" id="3 OR 1=1">modul</a></p>', "<p>modul</p>"),
        ('<p><a linktype="page">modul</a></p>', "<p>modul</p>"),
        (f'<p><a linktype="page" id="{HUGE}">modul</a></p>', "<p>modul</p>"),
        ('<p><a linktype="document" id="x">berkas</a></p>', "<p>berkas</p>"),
        ('<p><a linktype="nope" id="3">modul</a></p>', "<p>modul</p>"),
        (f'<p><a linktype="{HUGE}" id="3">modul</a></p>', "<p>modul</p>"),
        ('<p><a href="javascript:alert(1)">klik</a></p>', "<p>klik</p>"),
        ('<p><a href="">klik</a></p>', "<p>klik</p>"),
        ("<p><a>klik</a> <b>tebal</b></p>", "<p>klik <b>tebal</b></p>"),
        # An internal link is its type and id; a stray href or an unknown type goes.
        ('<p><a linktype="page" id="3" href="https://evil.example">modul</a></p>',
         '<p><a linktype="page" id="3">modul</a></p>'),
        ('<p><a linktype="nope" href="https://kpu.go.id">KPU</a></p>',
         '<p><a href="https://kpu.go.id">KPU</a></p>'),
    ],
)  # fmt: skip
def test_links_and_embeds_keep_only_what_wagtail_can_draw(source, cleaned):
    assert clean_rich_text(source) == cleaned


@pytest.mark.parametrize(
    "source",
    [
        *(image_embed(7, f.name) for f in get_image_formats()),
        '<p><a linktype="page" id="3">modul</a> dan <a linktype="document" id="12">berkas</a></p>',
        '<p><a href="https://kpu.go.id">KPU</a>, <a href="mailto:a@b.id">surel</a>, '
        '<a href="tel:112">112</a>, <a href="/modul/">modul</a></p>',
        # A picture inside a link, and a dropped link beside a kept one.
        f'<p><a href="https://kpu.go.id">{image_embed(7)} peta</a></p>',
    ],
)
def test_valid_links_and_embeds_are_kept_as_they_are(source):
    assert clean_rich_text(source) == source


# Through a lesson ---------------------------------------------------------------


@pytest.fixture
def admin_client(client, db):
    client.force_login(
        User.objects.create_superuser(username="admin", full_name="Admin", password="x")
    )
    return client


def test_a_lesson_with_broken_links_and_embeds_still_edits_and_shows(
    admin_client, learning
):
    image = wagtail_factories.ImageFactory()
    document = wagtail_factories.DocumentFactory()
    target = learning.lessons[1]
    valid = (
        f'<p><a linktype="page" id="{target.pk}">materi dua</a> '
        f'<a linktype="document" id="{document.pk}">berkas</a> '
        '<a href="https://kpu.go.id">KPU</a></p>'
        + "".join(image_embed(image.pk, f.name, f"gambar {f.name}") for f in get_image_formats())
    )  # fmt: skip
    broken = (
        image_embed(image.pk, "nope", "format asing")
        + image_embed("x", alt="tanpa id")
        + f'<embed embedtype="nope" id="{image.pk}" format="left" alt="embed asing"/>'
        + f'<p><a linktype="page" id="{HUGE}">id raksasa</a> '
        f'<a linktype="nope" id="{target.pk}">jenis asing</a> '
        '<a linktype="document" id="x">berkas rusak</a> '
        '<a href="javascript:alert(1)">skrip</a></p>'
    )
    lesson = learning.lessons[0]
    lesson.body = [
        {"type": "paragraph", "value": valid + broken},
        {"type": "callout", "value": {"kind": "tip", "title": "", "body": broken}},
    ]
    lesson.save_revision().publish()

    assert admin_client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
    response = admin_client.get(lesson.url)
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").find("main")
    links = {a.get_text(): a.get("href") for a in main.find_all("a")}
    assert links["materi dua"] == target.url
    assert links["berkas"] == document.url
    assert links["KPU"] == "https://kpu.go.id"
    pictures = {img["alt"] for img in main.find_all("img")}
    assert {f"gambar {f.name}" for f in get_image_formats()} < pictures
    assert "format asing" in pictures  # repaired, not lost
    assert not pictures & {"tanpa id", "embed asing"}
    for text in ("id raksasa", "jenis asing", "berkas rusak", "skrip"):
        assert text in main.get_text() and text not in links
    assert "<embed" not in str(main)


# Every registered type, one bad value at a time ---------------------------------

BAD_IDS = ["x", "0", "-7", "7.0", " 7", "", HUGE, "999999999"]  # the last: no such row
BAD_FORMATS = ["nope", "", HUGE, "fullwidth extra"]
BAD_TEXT = [HUGE, '"><script>alert(1)</script>']


def bad_links(link_type):
    without_id = f'<p><a linktype="{link_type}">tautan</a></p>'
    return [
        *(f'<p><a linktype="{link_type}" id="{bad}">tautan</a></p>' for bad in BAD_IDS),
        without_id,
    ]


def bad_image_embeds():
    """``{image}`` stands for a real picture's id."""
    return [
        *(image_embed(bad, "left", "gambar") for bad in BAD_IDS),
        *(image_embed("{image}", bad, "gambar") for bad in BAD_FORMATS),
        *(image_embed("{image}", "left", bad) for bad in BAD_TEXT),
    ]


def bad_media_embeds():
    urls = ["javascript:alert(1)", "https://evil.example/x", "", HUGE]
    return [f'<embed embedtype="media" url="{url}"/>' for url in urls]


BAD_ENTITIES = {
    ("link", "page"): bad_links("page"),
    ("link", "document"): bad_links("document"),
    ("link", "unknown"): bad_links("nope"),
    ("embed", "image"): bad_image_embeds(),
    ("embed", "media"): bad_media_embeds(),
    ("embed", "unknown"): [
        '<embed embedtype="nope" id="{image}" format="left"/>',
        '<embed id="{image}" format="left" alt="gambar"/>',
    ],
}


def test_every_registered_link_and_embed_type_is_fed_bad_values():
    """A type Wagtail gains (a new feature, an upgrade) needs its bad values here."""
    covered = {(kind, name) for kind, name in BAD_ENTITIES if name != "unknown"}
    registered = {("link", name) for name in features.get_link_types()} | {
        ("embed", name) for name in features.get_embed_types()
    }
    assert covered == registered


@pytest.mark.parametrize(
    "source",
    [source for sources in BAD_ENTITIES.values() for source in sources],
    ids=lambda source: source[:60],
)
def test_a_bad_value_in_any_link_or_embed_still_edits_and_shows(
    admin_client, learning, source
):
    image = wagtail_factories.ImageFactory()
    lesson = learning.lessons[0]
    lesson.body = [
        {"type": "paragraph", "value": source.replace("{image}", str(image.pk))}
    ]
    lesson.save_revision().publish()

    assert admin_client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
    response = admin_client.get(lesson.url)
    assert response.status_code == 200
    assert "<embed" not in response.text and "<script>alert" not in response.text
