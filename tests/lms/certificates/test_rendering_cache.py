"""What certificate renders keep between them, and that an edit still shows at once.

Stylesheets, images and fonts are kept per thread between renders (``lms/core/pdf.py``);
these tests edit a stylesheet, a decoration and a template between two renders in
one process and read the second PDF back.
"""

import io
import shutil
import threading

import pytest
from django.conf import settings
from django.db import connections
from django.test.utils import override_settings
from pypdf import PdfReader

from lms.certificates.rendering import default_template, render_certificate_pdf
from lms.core import pdf as lms_pdf
from tests.lms.certificates.test_rendering import snapshot
from tests.pdfs import pdf_text

RED_CORNER = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 60" width="60" '
    'height="60"><rect width="60" height="60" fill="#ff0000"/></svg>'
)
# One byte longer: a file rewritten within one clock tick still reads as new.
BLUE_CORNER = RED_CORNER.replace("#ff0000", "#0000ff") + "\n"


@pytest.fixture
def template(db):
    return default_template()


@pytest.fixture
def static_copy(tmp_path):
    """A copy of ``static/`` that a test may edit, used by every PDF render."""
    folder = tmp_path / "static"
    shutil.copytree(settings.STATICFILES_DIRS[0], folder)
    with override_settings(STATICFILES_DIRS=[folder]):
        yield folder


def render(template, **changes) -> bytes:
    return render_certificate_pdf(snapshot=snapshot(**changes), template=template)


def page_drawing(pdf: bytes) -> bytes:
    """The first page's drawing operators, decompressed."""
    return PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()


def test_an_edited_stylesheet_applies_to_the_next_render(template, static_copy):
    assert "SERTIFIKAT" in pdf_text(render(template))
    css = static_copy / "css" / "certificate.css"
    css.write_text(css.read_text() + "\n.certificate-title { display: none; }\n")
    assert "SERTIFIKAT" not in pdf_text(render(template))


def test_a_replaced_decoration_applies_to_the_next_render(template, static_copy):
    corner = static_copy / "certificates" / "corner.svg"
    corner.write_text(RED_CORNER)
    assert b"1 0 0 rg" in page_drawing(render(template))
    corner.write_text(BLUE_CORNER)
    drawing = page_drawing(render(template))
    assert b"0 0 1 rg" in drawing and b"1 0 0 rg" not in drawing


def test_a_template_edit_applies_to_the_next_render(template):
    first = PdfReader(io.BytesIO(render(template))).pages[0].mediabox
    template.orientation = "portrait"
    second = PdfReader(io.BytesIO(render(template))).pages[0].mediabox
    assert (round(first.width), round(first.height)) == (842, 595)
    assert (round(second.width), round(second.height)) == (595, 842)


def test_kept_stylesheets_and_images_stay_within_their_limits(template, monkeypatch):
    monkeypatch.setattr(lms_pdf, "_state", lms_pdf._ThreadState())
    monkeypatch.setattr(lms_pdf, "MAX_STYLESHEETS", 3)
    monkeypatch.setattr(lms_pdf, "MAX_IMAGES", 1)
    for paper in ("A4", "F4", "letter"):
        for orientation in ("landscape", "portrait"):
            template.paper_size, template.orientation = paper, orientation
            render(template)
    assert len(lms_pdf._state.stylesheets) == 3
    assert len(lms_pdf._state.images) == 1  # corner and emblem: one kept


def test_the_qr_code_is_one_small_image_with_sharp_edges(template):
    page = PdfReader(io.BytesIO(render(template))).pages[0]
    images = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    (qr,) = [i for i in images if i["/Subtype"] == "/Image"]
    # Version 5 (37 modules) and a quiet zone of 4 on each side, 4 pixels each.
    assert (qr["/Width"], qr["/Height"]) == (180, 180)
    assert qr["/Interpolate"].value is False


# serialized_rollback: the flush after a plain transactional test would take the
# migrations' data with it and break the next serialized one (PostgreSQL runs).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_thread_renders_with_its_own_fonts_stylesheets_and_images():
    """Pango's font map and WeasyPrint's images are not shared between threads."""
    template = default_template()
    render(template)
    states, texts = {}, {}

    def issue(name):
        try:
            texts[name] = pdf_text(render(template, name=name))
            states[name] = lms_pdf._state.__dict__
        finally:
            connections.close_all()  # the thread's own connection, if it opened one

    threads = [threading.Thread(target=issue, args=(name,)) for name in ("Ani", "Budi")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert "Ani" in texts["Ani"] and "Budi" in texts["Budi"]
    kept = [lms_pdf._state.__dict__, states["Ani"], states["Budi"]]
    assert len({id(state["font_config"]) for state in kept}) == 3
    assert len({id(state["stylesheets"]) for state in kept}) == 3
