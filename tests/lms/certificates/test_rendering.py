"""Certificates as PDF: what a reader, a scanner and a printer see."""

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from lms.certificates.models import CertificateSignatory, CertificateTemplate
from lms.certificates.rendering import (
    DEFAULT_TEMPLATE_NAME,
    default_template,
    fill_body,
    name_font_size,
    placeholder_values,
    render_certificate_pdf,
    render_certificates_pdf,
    unknown_placeholders,
)
from tests.pdfs import pdf_pages_text, pdf_text

URL = "http://127.0.0.1:8000/v/q2Xb7Yk9LmN3pR5sT8uV1wZ4aC6dE0fGhJ2kM7nP9rS/"
LONG_NAME = "R.A. Siti Nur'aini Kusumawardhani, S.Sos."
NAME_150 = ("Raden " + "Nguyễn Thị Minh Khai Kusumawardhani " * 5)[:143] + " Wijaya"


def snapshot(**changes) -> dict:
    return {
        "name": LONG_NAME,
        "institution": "Ketua RT 005/RW 03 · RT",
        "kelurahan": "Pasar Baru",
        "event_title": "Peningkatan Kapasitas Lembaga Kemasyarakatan Sawah Besar",
        "event_dates": "Rabu, 27 September 2023",
        "venue": "Aula Kantor Kecamatan Sawah Besar",
        "hours_jp": 4,
        "score": "87",
        "number": "001/SERT/SAWAH7/IX/2023",
        "issue_date": "27 September 2023",
        "verification_url": URL,
        **changes,
    }


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces made single spaces."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def template(db):
    return default_template()


def test_the_pdf_reads_back_name_number_event_and_verification_url(template):
    text = flat(
        pdf_text(render_certificate_pdf(snapshot=snapshot(), template=template))
    )
    assert LONG_NAME in text
    assert "001/SERT/SAWAH7/IX/2023" in text
    assert "Peningkatan Kapasitas Lembaga Kemasyarakatan Sawah Besar" in text
    assert URL in text.replace(" ", "")
    assert "SERTIFIKAT" in text
    assert "selama 4 JP" in text
    assert "Ishran Prasetyawan" in text


def test_the_verification_url_is_a_link(template):
    pdf = render_certificate_pdf(snapshot=snapshot(), template=template)
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    links = [a.get_object()["/A"]["/URI"] for a in page.get("/Annots", [])]
    assert URL in links


def test_the_qr_code_scans_to_the_verification_url(template, tmp_path):
    pdf_file = tmp_path / "certificate.pdf"
    pdf_file.write_bytes(render_certificate_pdf(snapshot=snapshot(), template=template))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile"]
        + [str(pdf_file), str(tmp_path / "page")],
        check=True,
    )
    scanned = subprocess.run(
        ["zbarimg", "--raw", "-q", str(tmp_path / "page.png")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert scanned.stdout.strip() == URL


def test_every_font_is_embedded(template, tmp_path):
    pdf_file = tmp_path / "certificate.pdf"
    pdf_file.write_bytes(
        render_certificate_pdf(
            snapshot=snapshot(name="Nguyễn Thị Minh Khai"), template=template
        )
    )
    lines = subprocess.run(
        ["pdffonts", str(pdf_file)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert lines, "the certificate uses fonts"
    # pdffonts columns: name type encoding emb sub uni object-id
    assert all(line.split()[-5] == "yes" for line in lines), lines


def test_diacritics_and_apostrophes_print(template):
    pdf = render_certificate_pdf(
        snapshot=snapshot(name="Nguyễn Thị Minh Khai"), template=template
    )
    assert "Nguyễn Thị Minh Khai" in pdf_text(pdf)


def test_a_name_typed_as_html_prints_as_text(template):
    name = '<b>Budi</b><img src="http://example.com/x.png"> & Co'
    pdf = render_certificate_pdf(snapshot=snapshot(name=name), template=template)
    assert name in flat(pdf_text(pdf))


def test_html_in_the_template_wording_prints_as_text(template):
    template.body = "<script>alert(1)</script> {name} di {venue}"
    pdf = render_certificate_pdf(snapshot=snapshot(), template=template)
    assert "<script>alert(1)</script>" in pdf_text(pdf)


@pytest.mark.parametrize("name", [LONG_NAME, NAME_150], ids=["long", "150 chars"])
def test_long_names_fit_on_one_or_two_lines(template, name):
    assert len(NAME_150) == 150
    pdf = render_certificate_pdf(snapshot=snapshot(name=name), template=template)
    pages = pdf_pages_text(pdf)
    assert len(pages) == 1
    lines = pages[0].splitlines()
    start = next(i for i, line in enumerate(lines) if name.split()[0] in line)
    end = next(i for i, line in enumerate(lines) if name.split()[-1] in line)
    assert end - start <= 1
    assert name in flat(" ".join(lines[start : end + 1]))


def test_name_size_shrinks_with_length_and_keeps_a_floor():
    sizes = [
        name_font_size(n, width_mm=221, font="Liberation Serif")
        for n in ("Budi", LONG_NAME, NAME_150, "x" * 1000)
    ]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == 32.0 and sizes[-1] == 11.0


def test_rendering_twice_gives_identical_text(template):
    first = render_certificate_pdf(snapshot=snapshot(), template=template)
    second = render_certificate_pdf(snapshot=snapshot(), template=template)
    assert pdf_text(first) == pdf_text(second)


@pytest.mark.parametrize(
    ("paper", "orientation", "size_pt"),
    [
        ("A4", "landscape", (842, 595)),
        ("F4", "portrait", (609, 935)),
        ("letter", "portrait", (612, 792)),
    ],
)
def test_paper_and_orientation_come_from_the_template(
    template, paper, orientation, size_pt
):
    template.paper_size, template.orientation = paper, orientation
    pdf = render_certificate_pdf(snapshot=snapshot(), template=template)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size_pt


def test_many_certificates_print_as_one_pdf_one_page_each(template, db):
    portrait = CertificateTemplate.objects.create(
        name="Portrait",
        body="{name} · {score}",
        orientation="portrait",
        font="DejaVu Sans",
    )
    portrait.signatories.add(
        CertificateSignatory(
            name="Prasetyo", position="Camat", nip="197001011990031001"
        )
    )
    portrait.save()
    items = [
        (snapshot(name=f"Peserta {i}", number=f"{i:03d}/SERT"), template)
        for i in range(1, 4)
    ] + [(snapshot(name="Peserta 4"), portrait)]
    pages = pdf_pages_text(render_certificates_pdf(items=items))
    assert len(pages) == 4
    for i in range(1, 4):
        assert f"Peserta {i}" in pages[i - 1] and f"{i:03d}/SERT" in pages[i - 1]
    assert "Peserta 4 · 87" in pages[3]
    assert "NIP. 197001011990031001" in pages[3]


def test_default_template_is_created_once_in_indonesian(db):
    first = default_template()
    assert default_template() == first
    assert first.name == DEFAULT_TEMPLATE_NAME and first.is_default
    assert first.title == "SERTIFIKAT"
    assert first.orientation == "landscape" and first.paper_size == "A4"
    assert "atas partisipasinya sebagai Peserta" in first.body
    assert unknown_placeholders(first.body) == []


def test_default_template_is_the_one_marked_default(db):
    chosen = CertificateTemplate.objects.create(
        name="Kecamatan", body="x", is_default=True
    )
    assert default_template() == chosen
    assert not CertificateTemplate.objects.filter(name=DEFAULT_TEMPLATE_NAME).exists()


def test_unknown_placeholders_are_named_once_each():
    assert unknown_placeholders("{name} {nama} {nama} {} {event:>3} {venue}") == [
        "nama",
        "",
        "event:>3",
    ]


def test_body_fills_every_placeholder_and_escapes():
    values = placeholder_values(snapshot(name="<i>A</i>"))
    body = " ".join(f"{{{word}}}" for word in values) + " {unknown}"
    html = fill_body(body, values)
    assert "<strong>&lt;i&gt;A&lt;/i&gt;</strong>" in html
    assert "Ketua RT 005/RW 03 · RT Ketua RT 005/RW 03" in html  # institution, position
    assert "87 001/SERT/SAWAH7/IX/2023 27 September 2023 {unknown}" in html
