"""Script-injection payloads in every field of every format come out inert.

Imported HTML passes ``lms.core.sanitize``; plain fields are text, escaped by the
templates. The check is on what would reach a page: the stored rich text as
Wagtail renders it, and plain fields as Django's templates escape them.
"""

import re
from html.parser import HTMLParser

import pytest
from django.template import Context, Template
from wagtail.rich_text import RichText

from quizzes.qbank.errors import QbankError
from quizzes.qbank.export_xml import export_moodle_xml
from quizzes.qbank.gift import parse_gift
from quizzes.qbank.mapping import to_block_data
from quizzes.qbank.model import ImportedQuestion, Option, Pair
from quizzes.qbank.moodle_xml import parse_moodle_xml

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<span style="display:none">hidden</span>',
    '<span style="position:absolute;left:-9999px">moved</span>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="https://evil.example"><button>Go</button></form>',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<base href="https://evil.example/">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    '<embed embedtype="media" url="https://evil.example">',
]
FORBIDDEN_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "style", "link",
                  "meta", "base", "form", "input", "button", "body", "details", "img"}  # fmt: skip
BAD_URL = re.compile(r"^\s*(javascript|data|vbscript):", re.I)
HIDING_STYLE = re.compile(r"display|position|visibility|url\(", re.I)


class _MarkupChecker(HTMLParser):
    """Collects what in real markup (not in escaped text) could run or hide."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag}[{name}]")
            if name in ("href", "src", "action") and BAD_URL.match(value or ""):
                self.found.append(f"{tag}[{name}={value}]")
            if name == "style" and HIDING_STYLE.search(value or ""):
                self.found.append(f"{tag}[style={value}]")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.found.append("<!-- -->")


def dangers(markup: str) -> list[str]:
    checker = _MarkupChecker()
    checker.feed(markup)
    checker.close()
    return checker.found


def rendered_block(data: dict) -> str:
    """What a page would show of a question block's texts."""
    parts = [str(RichText(data["text"])), str(RichText(data["feedback"]))]
    for option in data.get("options", []):
        parts.append(str(RichText(option["text"])))
    template = Template("{% for t in texts %}{{ t }}{% endfor %}")
    plain = [o.get("feedback", "") for o in data.get("options", [])]
    plain += [a["text"] for a in data.get("answers", []) if "text" in a]
    plain += [p[k] for p in data.get("pairs", []) for k in ("prompt", "answer")]
    parts.append(template.render(Context({"texts": plain})))
    return "".join(parts)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("marker", ["", "[html]", "[markdown]", "[plain]"])
def test_gift_payloads_are_inert(payload, marker):
    escaped = payload.translate(str.maketrans({c: "\\" + c for c in "\\~=#{}:"}))
    text = (
        f"{marker}Q {escaped} {{=A {escaped} ~B#{escaped}}}\n\n"
        f"{marker}Q2 {escaped} {{=a {escaped} =b}}\n\n"
        f"{marker}Q3 {{=x -> {escaped} =y -> z}}"
    )
    # skip_invalid: a payload holding "->" makes a question a broken matching one.
    for question in parse_gift(text, skip_invalid=True).questions:
        stored = question.text + "".join(o.text for o in question.options)
        # Sanitised HTML keeps <img> (the saving step turns it into a Wagtail image).
        assert [d for d in dangers(stored) if d != "<img>"] == []
        assert_inert(rendered_block(block_data_or_none(question)))


def block_data_or_none(question) -> dict:
    """The block data, or empty texts when the editor's rules refuse what is
    left after sanitising (a refusal is inert too)."""
    try:
        return to_block_data(question)[1]
    except QbankError:
        return {"text": "", "feedback": ""}


def assert_inert(rendered: str) -> None:
    # No image was saved for these questions, so not even an <img> may remain.
    assert dangers(rendered) == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_moodle_xml_payloads_are_inert(payload):
    question = ImportedQuestion(
        type="single_choice", text="Q " + payload, name=payload, general_feedback=payload,
        options=[Option(payload + "a", 100, payload), Option("b", 0)],
    )  # fmt: skip
    matching = ImportedQuestion(type="matching", text="M " + payload, name="m",
                                pairs=[Pair(payload, "a"), Pair("b", payload)])  # fmt: skip
    # Written raw (not through the sanitiser), as a hostile file would hold them.
    for parsed in parse_moodle_xml(export_moodle_xml([question, matching])).questions:
        assert_inert(rendered_block(block_data_or_none(parsed)))


def test_plain_fields_keep_text_but_templates_escape_it():
    (question,) = parse_gift("Q {=<b>KPU</b> =x}").questions
    assert question.answers[0].text == "<b>KPU</b>"
    assert "&lt;b&gt;" in rendered_block(to_block_data(question)[1])
