"""The one place that decides which HTML and which embeds may reach a page.

Everything that stores HTML from a person or a file (rich text in lessons,
imported questions, later participant input) goes through here, so the
allow-lists can be read, tested and tightened in one file. This is the only
module that imports bleach.

Rich text is cleaned when it is *stored*, not when it is shown: whatever path
wrote it (the editor, ``seed_demo``, an import, the API of a later release),
the database only ever holds what these lists allow.
"""

import re
from urllib.parse import parse_qs, urlsplit

import bleach
from bleach.css_sanitizer import CSSSanitizer
from bleach.html5lib_shim import Filter
from wagtail.images.formats import get_image_formats
from wagtail.rich_text import features

# Wagtail's stored rich text: <a linktype="page" id="3">, <embed embedtype="image" ...>.
RICH_TEXT_TAGS = frozenset(
    {
        "p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "u", "s", "sub", "sup",
        "ul", "ol", "li", "blockquote", "code", "a", "embed", "hr",
    }
)  # fmt: skip
RICH_TEXT_ATTRIBUTES = {
    "a": ["href", "linktype", "id"],
    "embed": ["embedtype", "id", "format", "alt"],
}
# Plain HTML (imported question texts): no Wagtail link or embed markup, images
# only from our own media or inline as data: images, which imports turn into
# Wagtail images before storing.
HTML_TAGS = (RICH_TEXT_TAGS - {"embed"}) | {
    "img", "span", "table", "thead", "tbody", "tr", "th", "td", "caption", "pre",
}  # fmt: skip
HTML_ATTRIBUTES = {
    "a": ["href", "title"],
    "img": ["src", "alt", "width", "height"],
    "th": ["colspan", "rowspan", "scope"],
    "td": ["colspan", "rowspan"],
    "span": ["style"],
}
# Colour and emphasis survive; nothing that can hide text, move it or load a URL.
HTML_STYLE_PROPERTIES = frozenset(
    {"color", "font-weight", "font-style", "text-decoration"}
)
LINK_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})

# Wagtail finds a page, document or image by the ``id`` of a link or embed; an
# id that is not a positive number (or too long for the column) would fail the page.
DATABASE_ID = re.compile(r"[1-9][0-9]{0,8}")
# Of the embeds Wagtail registers only pictures: a media embed
# (<embed embedtype="media" url=...>) would load a third-party player on page
# view. Videos use the video block instead.
EMBED_TYPES = frozenset({"image"})


def _rich_text_attribute_allowed(tag: str, name: str, value: str) -> bool:
    """The allow-list per tag; the values of links and embeds are judged whole,
    by ``_WagtailEntities``."""
    return name in RICH_TEXT_ATTRIBUTES.get(tag, ())


def _link_attributes(attrs: dict[str, str]) -> dict[str, str]:
    """What a link keeps: a registered link type with a database id, else its
    ``href`` (whose scheme bleach has checked), else nothing."""
    if attrs.get("linktype") in features.get_link_types() and DATABASE_ID.fullmatch(
        attrs.get("id", "")
    ):
        return {k: v for k, v in attrs.items() if k in {"linktype", "id"}}
    return {"href": attrs["href"]} if attrs.get("href", "").strip() else {}


def _embed_attributes(attrs: dict[str, str]) -> dict[str, str]:
    """What an embed keeps: a picture by its database id, in a registered format.

    Wagtail's editor and page renderer both look the format up by name and fail
    on one they do not know, or on none: such a picture takes the first
    registered format (full width) rather than being lost. Without a picture to
    show (another kind of embed, no usable id) nothing is kept.
    """
    embed_type = attrs.get("embedtype")
    if embed_type not in EMBED_TYPES or embed_type not in features.get_embed_types():
        return {}
    if not DATABASE_ID.fullmatch(attrs.get("id", "")):
        return {}
    formats = [image_format.name for image_format in get_image_formats()]
    if attrs.get("format") not in formats:
        attrs = {**attrs, "format": formats[0]}
    return attrs


class _WagtailEntities(Filter):
    """Links and embeds keep only the attribute values Wagtail's renderers accept.

    bleach judges each attribute alone, but whether a link or an embed can be
    drawn depends on its attributes together (a picture needs its id and a
    format the editor knows), so this runs on bleach's cleaned stream. A link
    left pointing nowhere keeps its text without the ``<a>``; an embed left
    showing nothing is removed.
    """

    def __iter__(self):
        unwrapped = []  # for each open <a>: was its tag dropped?
        for token in super().__iter__():
            name, kind = token.get("name"), token["type"]
            if name == "a" and kind == "EndTag":
                if not (unwrapped and unwrapped.pop()):
                    yield token
            elif name in {"a", "embed"} and kind in {"StartTag", "EmptyTag"}:
                judge = _link_attributes if name == "a" else _embed_attributes
                kept = judge({key: v for (_ns, key), v in token["data"].items()})
                if name == "a" and kind == "StartTag":
                    unwrapped.append(not kept)
                if kept:
                    yield {**token, "data": {(None, k): v for k, v in kept.items()}}
            else:
                yield token


_rich_text_cleaner = bleach.Cleaner(
    tags=RICH_TEXT_TAGS,
    attributes=_rich_text_attribute_allowed,
    protocols=LINK_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[_WagtailEntities],
)
_DATA_IMAGE = re.compile(
    r"^data:image/(png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$", re.I
)


def _html_attribute_allowed(tag: str, name: str, value: str) -> bool:
    """Allow-list per tag, plus: ``data:`` URLs only as raster images in ``img``."""
    if name not in HTML_ATTRIBUTES.get(tag, ()):
        return False
    if name == "href" and value.strip().lower().startswith("data:"):
        return False
    if tag == "img" and name == "src":
        value = value.strip()
        return (
            value.startswith("/")
            and not value.startswith("//")
            or bool(_DATA_IMAGE.match(value))
        )
    return True


_html_cleaner = bleach.Cleaner(
    tags=HTML_TAGS,
    attributes=_html_attribute_allowed,
    protocols=LINK_PROTOCOLS | {"data"},
    css_sanitizer=CSSSanitizer(allowed_css_properties=HTML_STYLE_PROPERTIES),
    strip=True,
    strip_comments=True,
)


# In bleach's output every attribute value is double-quoted (a ">" in one is
# escaped), so this is exact.
_EMBED = re.compile(r"<embed\b([^>]*?)/?>")


def clean_rich_text(html: str) -> str:
    """Wagtail rich text (stored form) with only the allowed tags and attributes,
    and links and embeds only as Wagtail's editor and pages can draw them.

    Of Wagtail's ``<embed>`` kinds only images stay: a media embed would load
    a third-party player, and an embed without a kind renders as a bare tag.
    An image embed is written back self-closing (``<embed … />``), as Wagtail
    stores it: bleach writes HTML's ``<embed …>``, which Wagtail's rewriter
    does not recognise, so the page would show the tag instead of the picture.
    """
    return _EMBED.sub(r"<embed\1/>", _rich_text_cleaner.clean(html or ""))


def clean_html(html: str) -> str:
    """Plain HTML from outside (question imports) reduced to the allow-list."""
    return _html_cleaner.clean(html or "")


# Video hosts whose players we embed, and how their URLs name a video.
_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com"}
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def video_embed(url: str) -> tuple[str, str] | None:
    """The privacy-friendly player address and host name for a video URL.

    Returns ``None`` for anything that is not a plain YouTube or Vimeo video
    address, so an editor cannot embed an arbitrary page in a lesson. The
    player is only loaded when the participant asks for it (see the video
    block's template): no request goes to YouTube or Vimeo on page view.
    """
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").lower()
    video_id = ""
    if host in _YOUTUBE_HOSTS:
        if parts.path == "/watch":
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parts.path.split("/")[2]
        if _VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}", "YouTube"
    elif host == "youtu.be":
        video_id = parts.path.lstrip("/")
        if _VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}", "YouTube"
    elif host in {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}:
        video_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?dnt=1", "Vimeo"
    return None
