"""Blocks of words: headings, paragraphs, callouts and quotes."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from lms.core.rich_text import SafeRichTextBlock


class HeadingValue(blocks.StructValue):
    def anchor(self) -> str:
        """A stable id so a heading can be linked to ("#cara-melapor")."""
        return slugify(self.get("text") or "")


class HeadingBlock(blocks.StructBlock):
    """A section heading; lessons use level 2 for sections, 3 below them."""

    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section")), ("h3", _("Sub-section"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "lms/blocks/heading_block.html"
        value_class = HeadingValue
        form_classname = "struct-block heading-block"
        description = _("A heading that divides the lesson into sections.")
        preview_value = {"text": "Tahapan pemungutan suara", "level": "h2"}


class ParagraphBlock(SafeRichTextBlock):
    """Running text with bold, italics, lists and links."""

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "lms/blocks/paragraph_block.html"
        description = _("Paragraphs with bold, italics, lists and links.")
        preview_value = (
            "<p>Pemungutan suara Pemilu 2024 dilaksanakan serentak pada "
            "<b>Rabu, 14 Februari 2024</b>, pukul 07.00 sampai 13.00 waktu "
            "setempat.</p>"
        )


class CalloutBlock(blocks.StructBlock):
    """A boxed note that stands out: information, a warning or a tip."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("info", _("Information")),
            ("warning", _("Warning")),
            ("tip", _("Tip")),
        ],
        default="info",
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)
    body = SafeRichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "lms/blocks/callout_block.html"
        description = _("A highlighted note: information, a warning or a tip.")
        preview_value = {
            "kind": "warning",
            "title": "Jangan lupa",
            "body": "<p>Bawa KTP-el atau surat keterangan saat datang ke TPS.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    """Someone's words, with who said them."""

    text = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Said by"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Their position"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "lms/blocks/quote_block.html"
        description = _("A quotation with the name and position of who said it.")
        preview_value = {
            "text": "Pengawasan pemilu tidak bisa dilakukan Bawaslu sendirian; "
            "masyarakat adalah mata dan telinga kami.",
            "attribution": "Narasumber Bawaslu",
            "role": "Koordinator Divisi Pencegahan",
        }
