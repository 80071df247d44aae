"""Rich text that is cleaned by ``lms.sanitize`` whenever it is stored."""

from wagtail.blocks import RichTextBlock
from wagtail.fields import RichTextField

from lms.sanitize import clean_rich_text

# Enough to write a lesson; headings and images have their own blocks.
LESSON_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class SafeRichTextBlock(RichTextBlock):
    """A rich text block whose stored HTML is always sanitised.

    Wagtail's editor already whitelists what it writes, but demo data, imports
    and scripts write the stored form directly; cleaning in ``get_prep_value``
    covers every path into the database.
    """

    def __init__(self, features=None, **kwargs):
        super().__init__(features=features or LESSON_TEXT_FEATURES, **kwargs)

    def get_prep_value(self, value):
        source = super().get_prep_value(value)
        return clean_rich_text(source)


class SafeRichTextField(RichTextField):
    """A page field of rich text, sanitised on its way into the database."""

    def get_prep_value(self, value):
        return clean_rich_text(super().get_prep_value(value))
