"""Issued files on any storage: the environment picks it, no code needs a local path.

Several app servers share issued certificates on a shared disk or in a private
S3-compatible bucket (docs/deployment.md, "Several app servers"). The first
tests read the settings the environment makes; the last one swaps both the
media and the private storage for memory and runs a certificate's whole life:
issued with a background and a logo, downloaded, printed and downloaded again.
"""

# The shared fixtures are imported by name, which ruff reads as redefinition.
# ruff: noqa: F811

import io
import zipfile

import pytest
import wagtail_factories
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages
from django.test.utils import override_settings
from django.urls import reverse
from django.utils.functional import empty
from pypdf import PdfReader
from storages.backends.s3 import S3Storage

from lms.certificates.issuing import issue_certificate
from lms.certificates.models import (
    Certificate,
    CertificateLogo,
    CertificateTemplate,
    PrintJob,
    private_storage,
)
from lms.certificates.rendering import DEFAULT_BODY, render_certificate_pdf
from lms.settings.storage import private_storage_from_env
from tests.lms.certificates.issuing_setup import (  # noqa: F401 - fixtures
    event,
    post_test,
    qualify,
)
from tests.lms.core.test_settings import run_manage
from tests.pdfs import pdf_text

BUCKET = {
    "PRIVATE_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "sikap-sertifikat",
    "AWS_S3_ENDPOINT_URL": "https://s3.example.go.id",
    "AWS_S3_REGION_NAME": "id-jkt-1",
    "AWS_ACCESS_KEY_ID": "sikap-app",
    "AWS_SECRET_ACCESS_KEY": "not-a-real-secret",
}
VARIABLES = (*BUCKET, "AWS_DEFAULT_ACL", "AWS_SESSION_TOKEN")
IN_MEMORY = {"BACKEND": "django.core.files.storage.InMemoryStorage"}


@pytest.fixture
def environment(monkeypatch):
    """Sets the given variables, the others of the storage unset."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def set_variables(**variables):
        for name, value in variables.items():
            monkeypatch.setenv(name, value)

    return set_variables


# Settings from the environment


def test_by_default_issued_files_stay_in_the_private_folder(environment, tmp_path):
    environment()
    entry = private_storage_from_env(location=tmp_path)
    assert entry == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path},
    }


def test_a_bucket_is_private_signed_and_never_overwritten(environment, tmp_path):
    environment(**BUCKET)
    entry = private_storage_from_env(location=tmp_path)
    assert entry["BACKEND"] == "storages.backends.s3.S3Storage"
    bucket = S3Storage(**entry["OPTIONS"])
    assert bucket.bucket_name == "sikap-sertifikat"
    assert bucket.endpoint_url == "https://s3.example.go.id"
    assert bucket.region_name == "id-jkt-1"
    assert (bucket.access_key, bucket.secret_key) == ("sikap-app", "not-a-real-secret")
    assert bucket.default_acl == "private"
    assert bucket.file_overwrite is False
    # Any address ever made for a file is signed (made locally, no network).
    address = bucket.url("certificates/KEG12-00001-v1.pdf")
    assert address.startswith("https://s3.example.go.id/sikap-sertifikat/")
    assert "X-Amz-Signature=" in address


def test_a_bucket_without_acls_gets_the_owners_acl(environment, tmp_path):
    environment(**BUCKET, AWS_DEFAULT_ACL="bucket-owner-full-control")
    options = private_storage_from_env(location=tmp_path)["OPTIONS"]
    assert options["default_acl"] == "bucket-owner-full-control"


def test_without_keys_the_servers_role_provides_them(environment, tmp_path):
    environment(PRIVATE_STORAGE="S3", AWS_STORAGE_BUCKET_NAME="sikap-sertifikat")
    options = private_storage_from_env(location=tmp_path)["OPTIONS"]
    assert (options["access_key"], options["secret_key"]) == (None, None)
    assert (options["endpoint_url"], options["region_name"]) == (None, None)


@pytest.mark.parametrize(
    ("unset", "changed", "message"),
    [
        ("AWS_STORAGE_BUCKET_NAME", {}, "AWS_STORAGE_BUCKET_NAME is not set"),
        ("AWS_SECRET_ACCESS_KEY", {}, "Set both AWS_ACCESS_KEY_ID and"),
        ("AWS_ACCESS_KEY_ID", {}, "Set both AWS_ACCESS_KEY_ID and"),
        (None, {"PRIVATE_STORAGE": "nfs"}, "PRIVATE_STORAGE must be 'local' or 's3'"),
        (None, {"AWS_DEFAULT_ACL": "public-read"}, "never public; got 'public-read'"),
    ],
)
def test_a_half_configured_bucket_is_refused(
    environment, tmp_path, unset, changed, message
):
    variables = {**BUCKET, **changed}
    variables.pop(unset, None)
    environment(**variables)
    with pytest.raises(ImproperlyConfigured, match=message):
        private_storage_from_env(location=tmp_path)


def test_a_server_without_its_bucket_refuses_to_start():
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="lms.settings.dev", PRIVATE_STORAGE="s3"
    )
    assert result.returncode != 0
    assert "AWS_STORAGE_BUCKET_NAME is not set" in result.stderr


# A certificate's whole life on storages that have no local path


@pytest.fixture
def storages_in_memory(monkeypatch):
    """Media and private files in memory: ``.path`` raises, only ``open()`` works."""
    swapped = {**settings.STORAGES, "default": IN_MEMORY, "private": IN_MEMORY}
    with override_settings(STORAGES=swapped):
        # Django forgets its own storages on the change; ours is forgotten here.
        monkeypatch.setattr(private_storage, "_wrapped", empty)
        yield


@pytest.fixture
def template_with_pictures(storages_in_memory):
    """A template whose background (300 × 200) and logo (120 × 120) are in memory."""
    background = wagtail_factories.ImageFactory(file__width=300, file__height=200)
    logo = wagtail_factories.ImageFactory(file__width=120, file__height=120)
    template = CertificateTemplate.objects.create(
        name="Sertifikat bergambar", body=DEFAULT_BODY, background=background
    )
    template.logos.add(CertificateLogo(image=logo))
    template.save()
    return template


def image_sizes(pdf: bytes) -> set[tuple[int, int]]:
    """The width and height of every picture on the first page."""
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    objects = (x.get_object() for x in page["/Resources"]["/XObject"].values())
    return {(o["/Width"], o["/Height"]) for o in objects if o["/Subtype"] == "/Image"}


@pytest.mark.django_db
def test_issue_download_and_print_with_no_local_file(
    client,
    template_with_pictures,
    event,
    post_test,
    participant,
    organiser,
    django_capture_on_commit_callbacks,
):
    event.certificate_template = template_with_pictures
    event.save(update_fields=["certificate_template"])
    qualify(event, post_test, participant)

    certificate = issue_certificate(
        user=participant, event=event, method=Certificate.Method.AUTOMATIC
    )
    assert storages["private"].exists(certificate.pdf.name)  # in memory, not on disk

    client.force_login(participant)
    download = client.get(reverse("certificate_download", args=[certificate.pk]))
    issued = b"".join(download.streaming_content)
    with storages["private"].open(certificate.pdf.name, "rb") as stored:
        assert issued == stored.read()
    # The pictures came through the media storage: background, logo (and the QR code).
    assert {(300, 200), (120, 120)} <= image_sizes(issued)
    assert participant.full_name in pdf_text(issued)

    client.force_login(organiser)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("lms_event_admin:printing", args=[event.pk]), {"order": "name"}
        )
    job = PrintJob.objects.get(status=PrintJob.Status.DONE)
    assert storages["private"].exists(job.pdf.name)
    pdf_url, zip_url = (
        reverse("lms_event_admin:print_job_download", args=[event.pk, job.pk, kind])
        for kind in ("pdf", "zip")
    )
    printed = b"".join(client.get(pdf_url).streaming_content)
    assert participant.full_name in pdf_text(printed)
    archive = zipfile.ZipFile(
        io.BytesIO(b"".join(client.get(zip_url).streaming_content))
    )
    (member,) = archive.namelist()
    assert archive.read(member) == issued


@pytest.mark.django_db
def test_a_kept_picture_is_not_fetched_again_until_its_hash_changes(
    template_with_pictures, monkeypatch
):
    media = storages["default"]
    opened = []
    real_open = media.open
    monkeypatch.setattr(
        media,
        "open",
        lambda name, mode="rb": opened.append(name) or real_open(name, mode),
    )
    background = template_with_pictures.background
    logo = template_with_pictures.logos.get().image

    def set_hash(image, file_hash: str) -> None:
        image.file_hash = file_hash
        image.save(update_fields=["file_hash"])

    set_hash(background, "a" * 40)
    set_hash(logo, "b" * 40)

    def opened_by_a_render() -> list[str]:
        opened.clear()
        render_certificate_pdf(
            snapshot={"name": "Siti"}, template=template_with_pictures
        )
        return sorted(opened)

    pictures = sorted([background.file.name, logo.file.name])
    assert opened_by_a_render() == pictures
    assert opened_by_a_render() == []  # a bucket is not asked for every certificate
    set_hash(background, "c" * 40)  # replaced under the same name
    assert opened_by_a_render() == [background.file.name]
    set_hash(logo, "")  # no hash known: read at every render, never stale
    assert opened_by_a_render() == [logo.file.name]
    assert opened_by_a_render() == [logo.file.name]
