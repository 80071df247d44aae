"""Blocks of repeated, structured items: timelines, steps, channels, FAQs."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from lms.accounts.phone import normalize_phone
from lms.core.rich_text import SafeRichTextBlock


class StageValue(blocks.StructValue):
    def status(self, today: datetime.date | None = None) -> str:
        """ "done", "current" or "upcoming", relative to today in Jakarta."""
        today = today or timezone.localdate()
        end = self.get("end") or self.get("start")
        if end < today:
            return "done"
        if self.get("start") <= today:
            return "current"
        return "upcoming"


class StageBlock(blocks.StructBlock):
    start = blocks.DateBlock(label=_("From"))
    end = blocks.DateBlock(
        label=_("Until"), required=False, help_text=_("Empty for a single day.")
    )
    title = blocks.CharBlock(label=_("Stage"), max_length=160)
    description = blocks.TextBlock(
        label=_("Description"), required=False, max_length=600
    )

    class Meta:
        icon = "date"
        label = _("Stage")
        value_class = StageValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("end") and value["end"] < value["start"]:
            raise StructBlockValidationError(
                block_errors={
                    "end": ValidationError(_("The end date is before the start date."))
                }
            )
        return value


def _timeline_preview() -> dict:
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    return {
        "title": "Tahapan pemilihan",
        "stages": [
            {
                "start": today - 60 * day,
                "end": today - 10 * day,
                "title": "Masa kampanye",
            },
            {"start": today - 2 * day, "end": today + 2 * day, "title": "Masa tenang"},
            {"start": today + 3 * day, "title": "Pemungutan suara"},
        ],
    }


class TimelineBlock(blocks.StructBlock):
    """Dated stages in order, such as the stages of the 2024 election.

    Each stage shows whether it is over, under way or still to come, counted
    from the day the page is read.
    """

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    stages = blocks.ListBlock(StageBlock(), label=_("Stages"), min_num=1)

    class Meta:
        icon = "time"
        label = _("Timeline")
        template = "lms/blocks/timeline_block.html"
        description = _(
            "Dated stages in order, each marked over, under way or to come."
        )
        # Dated around today, so the preview shows all three states.
        preview_value = staticmethod(_timeline_preview)

    def clean(self, value):
        value = super().clean(value)
        starts = [stage["start"] for stage in value["stages"]]
        if starts != sorted(starts):
            raise ValidationError(_("Put the stages in order of their start date."))
        return value


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=160)
    body = blocks.TextBlock(label=_("Details"), required=False, max_length=600)

    class Meta:
        icon = "arrow-right"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    """A numbered how-to: what to do first, next and last."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=160)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        template = "lms/blocks/steps_block.html"
        description = _("A numbered list of steps, each with a title and details.")
        preview_value = {
            "title": "Melapor lewat JAKI",
            "steps": [
                {"title": "Buka menu JakLapor", "body": "Ada di halaman utama JAKI."},
                {"title": "Foto masalahnya", "body": "Pastikan lokasinya terlihat."},
                {"title": "Kirim dan pantau", "body": "Status laporan bisa dilihat."},
            ],
        }


class ContactKind(blocks.ChoiceBlock):
    choices = [
        ("app", _("App")),
        ("phone", _("Phone")),
        ("sms", _("SMS")),
        ("whatsapp", _("WhatsApp")),
        ("web", _("Website")),
        ("email", _("Email")),
        ("social", _("Social media")),
    ]


_PHONE = re.compile(r"^\+?[0-9][0-9 -]{2,19}$")
_URL_KINDS = {"app", "web", "social"}
_NUMBER_KINDS = {"phone", "sms", "whatsapp"}


class ContactValue(blocks.StructValue):
    def href(self) -> str:
        """The link that opens the channel on a phone (dialler, SMS, browser)."""
        kind, value = self.get("kind"), self.get("value", "").strip()
        digits = re.sub(r"[^0-9+]", "", value)
        if kind == "phone":
            return f"tel:{digits}"
        if kind == "sms":
            return f"sms:{digits}"
        if kind == "whatsapp":
            # wa.me wants the international form without "+": 62811…, not 0811….
            international = normalize_phone(value) or digits
            return f"https://wa.me/{international.lstrip('+')}"
        if kind == "email":
            return f"mailto:{value}"
        return value


class ContactBlock(blocks.StructBlock):
    kind = ContactKind(label=_("How"))
    value = blocks.CharBlock(
        label=_("Number or address"),
        max_length=200,
        help_text=_("A phone number for phone, SMS and WhatsApp; an https:// address "
                    "for an app, website or social media account; an email address."),
    )  # fmt: skip
    label = blocks.CharBlock(
        label=_("Shown as"),
        required=False,
        max_length=80,
        help_text=_("e.g. '@dkijakarta' or 'Google Play'. Empty shows the number or address."),
    )  # fmt: skip

    class Meta:
        icon = "link"
        label = _("Contact")
        value_class = ContactValue

    def clean(self, value):
        value = super().clean(value)
        kind, text = value["kind"], value["value"].strip()
        try:
            if kind in _URL_KINDS:
                URLValidator(schemes=["https", "http"])(text)
            elif kind == "email":
                EmailValidator()(text)
            elif kind in _NUMBER_KINDS and not _PHONE.match(text):
                raise ValidationError(_("Enter a number, e.g. 112 or 0811-1272-206."))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"value": error}) from error
        return value


class ComplaintChannelBlock(blocks.StructBlock):
    """A public channel for reports and complaints (JAKI, LAPOR!, 112) as a card."""

    name = blocks.CharBlock(label=_("Name"), max_length=80)
    logo = ImageChooserBlock(label=_("Logo"), required=False)
    purpose = blocks.TextBlock(label=_("What it is for"), max_length=500)
    contacts = blocks.ListBlock(ContactBlock(), label=_("How to reach it"), min_num=1)

    class Meta:
        icon = "mail"
        label = _("Complaint channel")
        template = "lms/blocks/complaint_channel_block.html"
        description = _(
            "A card for a complaint channel: what it is for and how to reach it."
        )
        preview_value = {
            "name": "JAKI",
            "purpose": "Aplikasi warga Jakarta untuk melapor masalah kota lewat JakLapor.",
            "contacts": [
                {"kind": "app", "value": "https://jaki.jakarta.go.id", "label": "Unduh JAKI"},
                {"kind": "phone", "value": "112", "label": "Darurat 112"},
            ],
        }  # fmt: skip


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = SafeRichTextBlock(
        label=_("Answer"), features=["bold", "italic", "link", "ul"]
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FaqBlock(blocks.StructBlock):
    """Frequently asked questions, each answer folded until tapped."""

    title = blocks.CharBlock(
        label=_("Title"), required=False, max_length=160, default=""
    )
    items = blocks.ListBlock(QuestionAnswerBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "lms/blocks/faq_block.html"
        description = _("Questions with answers that open when tapped.")
        preview_value = {
            "title": "Pertanyaan yang sering diajukan",
            "items": [
                {
                    "question": "Apakah boleh mencoblos di TPS lain?",
                    "answer": "<p>Boleh, jika sudah mengurus pindah memilih.</p>",
                }
            ],
        }
