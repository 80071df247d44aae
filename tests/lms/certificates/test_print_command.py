"""``manage.py print_certificates``: the shell's bulk print, with progress."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from tests.factories import EventIndexPageFactory, EventPageFactory
from tests.lms.certificates.stubs import make_certificate
from tests.pdfs import pdf_pages_text


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(parent=index, slug="pk-sawah-besar")


@pytest.fixture
def certificates(event):
    return [
        make_certificate(event=event, name=name, sequence=seq)
        for seq, name in enumerate(["Yusuf", "Bambang", "Nguyễn Thị Minh Khai"], 1)
    ]


def run(*args) -> str:
    out = io.StringIO()
    call_command("print_certificates", *args, stdout=out)
    return out.getvalue()


def test_writes_the_pdf_and_zip_and_shows_progress(certificates, tmp_path):
    pdf_path, zip_path = tmp_path / "semua.pdf", tmp_path / "semua.zip"
    output = run("--event", "pk-sawah-besar", "--output", pdf_path, "--zip", zip_path)
    assert "[" + "#" * 30 + "] 3/3" in output
    assert f"Wrote {pdf_path}" in output and f"Wrote {zip_path}" in output

    pdf = pdf_path.read_bytes()
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 3
    names = [text.splitlines()[1] for text in pdf_pages_text(pdf)]
    assert names == ["Bambang", "Nguyễn Thị Minh Khai", "Yusuf"]
    with zipfile.ZipFile(zip_path) as archive:
        assert len(archive.namelist()) == 3
    # No half-written temporary files are left beside them.
    assert {p.name for p in tmp_path.iterdir()} == {"semua.pdf", "semua.zip"}


def test_order_by_number(certificates, tmp_path):
    pdf_path = tmp_path / "nomor.pdf"
    run("--event", "pk-sawah-besar", "--output", pdf_path, "--order", "number")
    names = [text.splitlines()[1] for text in pdf_pages_text(pdf_path.read_bytes())]
    assert names == ["Yusuf", "Bambang", "Nguyễn Thị Minh Khai"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--event", "tidak-ada"], "No event with slug 'tidak-ada'."),
        (
            ["--event", "pk-sawah-besar", "--output", "/tidak/ada/x.pdf"],
            "Folder /tidak/ada does not exist.",
        ),
    ],
)
def test_bad_arguments_get_a_clear_error(certificates, tmp_path, args, message):
    if "--output" not in args:
        args = [*args, "--output", tmp_path / "x.pdf"]
    with pytest.raises(CommandError, match=message):
        run(*args)
    assert not list(tmp_path.iterdir())


def test_an_event_without_certificates_is_an_error(event, tmp_path):
    with pytest.raises(CommandError, match="has no valid certificates"):
        run("--event", "pk-sawah-besar", "--output", tmp_path / "x.pdf")
    assert not list(tmp_path.iterdir())
