"""Questions with pictures, as a speaker's editor or a question-bank import stores them."""

import wagtail_factories

STEM_ALT = "Contoh surat suara Pemilu 2024"
OPTION_ALT = "Kotak suara transparan"
FEEDBACK_ALT = "Bilik suara di TPS"


def picture(title="Surat suara", width=1600, height=900):
    """A Wagtail image large enough for every rendition a question uses."""
    return wagtail_factories.ImageFactory(
        title=title, file__width=width, file__height=height
    )


def embed(image, alt, image_format="fullwidth") -> str:
    """An image in Wagtail's stored rich text, as the Draftail editor writes it."""
    return f'<embed alt="{alt}" embedtype="image" format="{image_format}" id="{image.pk}"/>'


def picture_question(image) -> dict:
    """A single-choice question with ``image`` in its text, its right option and
    its general feedback (the options' and feedback's as an import writes them)."""
    return {
        "type": "single_choice",
        "value": {
            "text": f"<p>Surat suara apa yang tampak di gambar?</p>{embed(image, STEM_ALT)}",
            "points": "1",
            "feedback": f"<p>Lihat contohnya: {embed(image, FEEDBACK_ALT, 'left')}</p>",
            "options": [
                {"text": f"<p>{embed(image, OPTION_ALT, 'left')} Presiden</p>",
                 "credit": 100, "feedback": ""},
                {"text": "<p>DPRD kota</p>", "credit": 0, "feedback": ""},
            ],
        },
    }  # fmt: skip
