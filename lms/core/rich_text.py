"""Rich text that is cleaned by ``lms.core.sanitize`` whenever it is stored or read."""

from wagtail.blocks import RichTextBlock, StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from lms.core.sanitize import clean_rich_text

# Enough to write a lesson; headings and images have their own blocks.
LESSON_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class SafeRichTextBlock(RichTextBlock):
    """A rich text block whose HTML is sanitised on the way in and on the way out.

    Wagtail's editor already whitelists what it writes, but demo data, imports
    and scripts write the stored form directly, and a StreamField passes raw
    data that nobody has read straight back to the database without asking
    its blocks. So ``get_prep_value`` cleans what is written through blocks,
    and ``to_python`` cleans whatever is read, whichever way it got there.
    """

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or LESSON_TEXT_FEATURES, **kwargs)

    def to_python(self, value):
        return RichText(clean_rich_text(value))

    def get_prep_value(self, value):
        return clean_rich_text(super().get_prep_value(value))


class SafeRichTextField(RichTextField):
    """A page field of rich text, sanitised on its way into the database."""

    def get_prep_value(self, value):
        return clean_rich_text(super().get_prep_value(value))


class SanitisedStreamField(StreamField):
    """A StreamField that stores every block through the block's own ``get_prep_value``.

    Wagtail writes items nobody has read back as the raw data they came in
    with, skipping the blocks (and so ``SafeRichTextBlock``'s cleaning).
    Reading each item first makes the blocks do the writing.
    """

    def get_prep_value(self, value):
        if isinstance(value, StreamValue):
            for _ in value:
                pass
        return super().get_prep_value(value)
