"""The block palette of a lesson's body."""

from wagtail import blocks

from lms.learning.blocks.media import (
    DocumentBlock,
    ImageWithCaptionBlock,
    TableBlock,
    VideoBlock,
)
from lms.learning.blocks.structured import (
    ComplaintChannelBlock,
    FaqBlock,
    StepsBlock,
    TimelineBlock,
)
from lms.learning.blocks.text import (
    CalloutBlock,
    HeadingBlock,
    ParagraphBlock,
    QuoteBlock,
)


class LessonBodyBlock(blocks.StreamBlock):
    """Everything a lesson can be made of, in the order the editor offers it."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageWithCaptionBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    table = TableBlock()
    timeline = TimelineBlock()
    steps = StepsBlock()
    complaint_channel = ComplaintChannelBlock()
    faq = FaqBlock()
