"""A frozen paper's rich text (questions, options, feedback) as HTML to show.

A paper keeps its texts in Wagtail's stored form: links to pages and
documents by id, pictures as ``<embed embedtype="image" id=… alt=…/>``. Here
they become what a participant sees, on the attempt page, the review and the
editor's preview alike:

- a picture is drawn as in lessons (the lesson block template ``lms/blocks/image_with_caption_block.html``):
  the 400, 800 or 1200 px wide rendition the phone needs, with its alt text,
  width and height, loaded lazily, as wide as the column allows. Its editor
  format (full width, left, right) is ignored: on a phone there is no room
  beside a picture;
- a picture deleted since the quiz was written leaves its alt text in
  brackets (nothing when it had none), so the question still reads;
- links are resolved by Wagtail's own link handlers.

All the texts of a page are expanded together, so a page costs the same
queries (one for the pictures, one for their renditions, one per kind of
link) however many questions carry them.
"""

import functools
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.images import get_image_model
from wagtail.images.models import ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from lms.core.sanitize import DATABASE_ID

# The lesson figure's renditions and sizes, so a picture costs the same
# downloads wherever a participant meets it.
IMAGE_RENDITIONS = ("width-400", "width-800", "width-1200")
IMAGE_SIZES = "(min-width: 48em) 44rem, 100vw"

# Texts are joined with this to be expanded in one pass. The sanitiser strips
# comments (``lms.core.sanitize``), so no stored text holds one; it is also removed
# from each text first, so a split can never shift texts between questions.
_SEPARATOR = "<!--question-text-->"


_ANY_EMBED = re.compile(r"<embed(\b[^>]*?)/?>")


class _EmbedRewriter(EmbedRewriter):
    """Wagtail's embed rewriter, also finding ``<embed …>`` without the slash.

    Papers frozen before the sanitiser wrote embeds self-closing hold that
    form, and a frozen paper is never rewritten.
    """

    def get_opening_tag_regex(self):
        return _ANY_EMBED


def _image_html(image, alt: str) -> str:
    if image is None:
        return (
            f'<span class="question-image-missing">[{escape(alt)}]</span>'
            if alt
            else ""
        )
    renditions = get_renditions_or_not_found(image, IMAGE_RENDITIONS)
    largest = renditions[IMAGE_RENDITIONS[-1]]
    attributes = {
        # The largest size, which is never more than the picture's own: the
        # stylesheet lets it take the column's width, and a small picture (a
        # flag beside an option) stays small instead of blown up.
        "width": largest.width,
        "height": largest.height,
        "alt": alt,
        "sizes": IMAGE_SIZES,
        "loading": "lazy",
        "decoding": "async",
        "class": "question-image",
    }
    return str(ResponsiveImage(renditions, attributes))


def _images_html(attrs_list: list[dict]) -> list[str]:
    """Every picture of the texts being expanded, from one query and its prefetch."""
    ids = [
        int(a["id"]) if DATABASE_ID.fullmatch(a.get("id", "")) else None
        for a in attrs_list
    ]
    images = (
        get_image_model()
        .objects.prefetch_renditions(*IMAGE_RENDITIONS)
        .in_bulk({i for i in ids if i is not None})
    )
    return [
        _image_html(images.get(image_id), attrs.get("alt", ""))
        for image_id, attrs in zip(ids, attrs_list, strict=True)
    ]


@functools.cache
def _rewriter() -> MultiRuleRewriter:
    links = features.get_link_types()
    return MultiRuleRewriter(
        [
            LinkRewriter(
                bulk_rules={
                    kind: handler.expand_db_attributes_many
                    for kind, handler in links.items()
                }
            ),
            # Only image embeds survive the sanitiser; any other kind is dropped.
            _EmbedRewriter(bulk_rules={"image": _images_html}),
        ]
    )


def expand_texts(texts: list[str]) -> list[SafeString]:
    """Stored rich texts as HTML to show, in the same order.

    Safe without escaping: every text was sanitised when its question was
    read at freezing (``lms.core.sanitize``), and what replaces a link or a
    picture is built here from escaped values.
    """
    if not texts:
        return []
    joined = _SEPARATOR.join(text.replace(_SEPARATOR, "") for text in texts)
    return [mark_safe(html) for html in _rewriter()(joined).split(_SEPARATOR)]  # noqa: S308


def _rich_text_slots(question: dict):
    """(holder, stored key, shown key) for each rich text of ``question``."""
    yield question, "text", "html"
    if "feedback" in question:
        yield question, "feedback", "feedback_html"
    for option in question.get("options", ()):
        yield option, "text", "html"


def with_html(questions: list[dict]) -> list[dict]:
    """Copies of a paper's questions with each rich text also as HTML to show:
    ``html`` beside the question's and each option's ``text``, and
    ``feedback_html`` when the question carries feedback (the review's, not
    the public paper). The frozen questions are left as they are."""
    copies = [
        {**q, "options": [dict(o) for o in q["options"]]} if "options" in q else dict(q)
        for q in questions
    ]
    slots = [slot for question in copies for slot in _rich_text_slots(question)]
    shown = expand_texts([holder[stored] for holder, stored, _shown in slots])
    for (holder, _stored, shown_key), html in zip(slots, shown, strict=True):
        holder[shown_key] = html
    return copies
