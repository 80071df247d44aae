"""Blocks that show or link to a file: images, videos, documents, tables."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from lms.core.sanitize import video_embed


class ImageWithCaptionBlock(blocks.StructBlock):
    """A picture (with alt text, or marked decorative) and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("Source or credit"), required=False, max_length=120
    )

    class Meta:
        icon = "image"
        label = _("Image")
        template = "lms/blocks/image_with_caption_block.html"
        description = _("A picture with alt text and an optional caption.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's ImageBlock labels its chooser with the field's name, "Image",
        # which no catalogue translates; a label of our own does. Set here, not
        # by a subclass, so the block's migration path stays Wagtail's.
        self.child_blocks["image"].child_blocks["image"].label = _("Image")

    def get_preview_value(self):
        """The newest picture in the library, so the block picker shows a real one."""
        image = get_image_model().objects.order_by("-created_at").first()
        if image is None:
            return self.get_default()
        return self.to_python(
            {
                "image": {
                    "image": image.pk,
                    "decorative": False,
                    "alt_text": image.title,
                },
                "caption": image.title,
            }
        )


class VideoValue(blocks.StructValue):
    def player(self) -> tuple[str, str] | None:
        """(player URL, host name), or None if the address is not a video."""
        return video_embed(self.get("url"))


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video that loads only when the participant asks.

    Hall Wi-Fi is slow and data costs money: the page shows the title and a
    play button, and the player (a request to the video host) starts on tap.
    """

    url = blocks.URLBlock(
        label=_("Video address"),
        help_text=_("A YouTube or Vimeo link, e.g. https://www.youtube.com/watch?v=…"),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    duration = blocks.CharBlock(
        label=_("Duration"), required=False, max_length=20, help_text=_("e.g. 4:30")
    )
    caption = blocks.TextBlock(label=_("Description"), required=False, max_length=500)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "lms/blocks/video_block.html"
        value_class = VideoValue
        description = _("A YouTube or Vimeo video, loaded only when played.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "title": "Cara mencoblos surat suara",
            "duration": "3:12",
        }

    def clean(self, value):
        value = super().clean(value)
        if video_embed(value.get("url")) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Use the address of one YouTube or Vimeo video.")
                    )
                }
            )
        return value


class DocumentBlock(blocks.StructBlock):
    """A file to download (a regulation, a form, slides), with its type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=160,
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.TextBlock(
        label=_("Description"), required=False, max_length=300
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "lms/blocks/document_block.html"
        description = _("A file participants can download, with its type and size.")

    def get_preview_value(self):
        """The newest document in the library, so the block picker shows a real one."""
        document = get_document_model().objects.order_by("-created_at").first()
        if document is None:
            return self.get_default()
        return self.to_python({"document": document.pk, "description": document.title})


def empty_header_cells(
    data: list[list], *, first_row_is_header: bool, first_col_is_header: bool
) -> list[tuple[int, int]]:
    """(row, column) of each header cell without text, counted from 0.

    A header names its column or row for a screen reader; an empty one names
    nothing (axe-core's empty-table-header). The corner cell of a table with
    both a header row and a header column heads nothing, so it may stay empty.
    """
    headers = set()
    if first_row_is_header and data:
        headers.update((0, column) for column in range(len(data[0])))
    if first_col_is_header:
        headers.update((row, 0) for row, cells in enumerate(data) if cells)
    if first_row_is_header and first_col_is_header:
        headers.discard((0, 0))
    return sorted(
        (row, column)
        for row, column in headers
        if data[row][column] is None or not str(data[row][column]).strip()
    )


class TableBlock(WagtailTableBlock):
    """A table of text that scrolls sideways on a phone instead of breaking.

    Publishing or submitting for approval refuses header cells without text
    (see ``empty_header_cells``). A draft, and Wagtail's autosave, may keep
    them, as they may skip required fields: a new table starts empty. Tables
    stored before the rule render such cells as plain cells.
    """

    class Meta:
        icon = "table"
        label = _("Table")
        template = "lms/blocks/table_block.html"
        description = _("Rows and columns of text, with optional header row.")
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Jenis surat suara Pemilu 2024",
            "data": [
                ["Warna", "Untuk memilih"],
                ["Abu-abu", "Presiden dan Wakil Presiden"],
                ["Kuning", "DPR RI"],
                ["Merah", "DPD RI"],
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        if not value or self.is_deferred_validation:
            return value
        empty = empty_header_cells(
            value.get("data") or [],
            first_row_is_header=value.get("first_row_is_table_header", False),
            first_col_is_header=value.get("first_col_is_header", False),
        )
        if empty:
            cells = "; ".join(
                _("row %(row)s, column %(column)s")
                % {"row": row + 1, "column": column + 1}
                for row, column in empty
            )
            raise ValidationError(
                _(
                    "Every header cell needs text, so that screen readers can "
                    "name its column or row. Empty: %(cells)s. Type a heading "
                    "there, delete the empty column or row, or choose other "
                    "table headers."
                )
                % {"cells": cells}
            )
        return value
