"""Importing a participant list through the event admin: upload, preview, confirm.

Every kind of real-world mess gets a clear message on the page, and a refused
import changes nothing.
"""

import csv
import io
import time

import openpyxl
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lms.accounts.models import User
from lms.core.pending_uploads import EXPIRES_AFTER
from lms.events.models import Enrolment
from lms.events.participant_import import preview_participant_file
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    OrganiserFactory,
    ParticipantFactory,
)

HEADER = ["Nama", "No HP", "Lembaga", "Jabatan", "RT", "RW", "Kecamatan", "Kelurahan"]
BUDI = ["Budi Santoso", "0812-3456-7890", "RT", "Ketua RT 005", "5", "2", "Sawah Besar", "Kartini"]  # fmt: skip
ANI = ["Ani Lestari", "0813-1111-2222", "PKK", "Ketua PKK", "1", "3", "Gambir", "Cideng"]  # fmt: skip
EXPIRED = "This upload has expired or was not made by you for this event."


def csv_bytes(rows, *, delimiter=",", encoding="utf-8"):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page))


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def admin(client, organiser):
    client.force_login(organiser)
    return in_english(client)


def url(name, event, token=None):
    address = reverse(f"lms_event_admin:{name}", args=[event.pk])
    return f"{address}?token={token}" if token else address


def upload(client, event, data, filename="peserta.csv"):
    return client.post(
        url("participants_upload", event),
        {"file": SimpleUploadedFile(filename, data)},
    )


def token_of(response):
    assert response.status_code == 302, response.content.decode()[:2000]
    return response.url.split("token=")[1]


def confirm(client, event, token, **data):
    preview = client.get(url("participants_preview", event, token))
    error_count = preview.context["plan"].error_count
    return client.post(
        url("participants_preview", event, token),
        {"error_count": error_count, **data},
    )


def counts():
    return User.objects.count(), Enrolment.objects.count()


def test_upload_preview_confirm_result(admin, event):
    page = admin.get(url("participants_upload", event))
    assert page.status_code == 200
    assert "Download an example file" in page.content.decode()

    token = token_of(upload(admin, event, csv_bytes([HEADER, BUDI, ANI])))
    preview = admin.get(url("participants_preview", event, token))
    text = preview.content.decode()
    assert "Budi Santoso" in text and "Ani Lestari" in text
    assert text.count("New account") == 2
    assert counts() == (1, 0)  # only the organiser: nothing saved yet

    result = confirm(admin, event, token)
    assert result.url == url("participants_result", event, token)
    page = admin.get(result.url).content.decode()
    assert "Print login slips for the new accounts" in page
    assert Enrolment.objects.filter(event=event).count() == 2
    assert set(User.objects.filter(enrolments__event=event).values_list("username", flat=True)) == {"budi.santoso", "ani.lestari"}  # fmt: skip


def test_the_example_file_reads_back_as_one_valid_participant(admin, event):
    response = admin.get(url("participants_template", event))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    preview = preview_participant_file(response.content, "daftar-peserta.csv")
    assert preview.valid_count == preview.total == 1
    assert preview.rows[0].data.full_name == "Budi Santoso"


# --- Real-world mess: each case gets a clear message through the admin -------------


def imports_cleanly(admin, event, data, filename="peserta.csv", *, names):
    token = token_of(upload(admin, event, data, filename))
    confirm(admin, event, token)
    imported = User.objects.filter(enrolments__event=event)
    assert sorted(imported.values_list("full_name", flat=True)) == sorted(names)


def test_headers_in_another_order_and_case(admin, event):
    header = ["no hp", "KELURAHAN", "nama lengkap", "Jabatan", "lembaga"]
    row = ["081234567890", "Kartini", "Budi Santoso", "Ketua RT", "rt"]
    imports_cleanly(admin, event, csv_bytes([header, row]), names=["Budi Santoso"])
    assert User.objects.get(phone="+6281234567890").kecamatan == "sawah_besar"


def test_a_utf8_bom(admin, event):
    data = b"\xef\xbb\xbf" + csv_bytes([HEADER, BUDI])
    imports_cleanly(admin, event, data, names=["Budi Santoso"])


def test_excels_semicolon_csv(admin, event):
    data = b"sep=;\r\n" + csv_bytes([HEADER, BUDI, ANI], delimiter=";")
    imports_cleanly(admin, event, data, names=["Budi Santoso", "Ani Lestari"])


def test_windows_1252_characters_in_names(admin, event):
    rows = [HEADER, ["José Ñúñez", "081234567890"], ["Dewi Lestari–Putri", "081234567891"]]  # fmt: skip
    data = csv_bytes(rows, encoding="cp1252")
    imports_cleanly(admin, event, data, names=["José Ñúñez", "Dewi Lestari–Putri"])


def test_blank_lines(admin, event):
    data = csv_bytes([[], HEADER, [], BUDI, ["", "", ""], [], ANI, [], []])
    imports_cleanly(admin, event, data, names=["Budi Santoso", "Ani Lestari"])


def test_duplicate_phones_in_one_file_are_shown_and_block_the_import(admin, event):
    rows = [HEADER, BUDI, ANI, ["Budi Kembar", "+62 812 3456 7890"]]
    token = token_of(upload(admin, event, csv_bytes(rows)))
    preview = admin.get(url("participants_preview", event, token)).content.decode()
    assert "Row 4: the same phone as row 2." in preview
    assert "Skip the 1 invalid row and import the rest" in preview

    before = counts()
    refused = confirm(admin, event, token)
    assert refused.status_code == 200
    assert "Rows with errors: 1." in refused.content.decode()
    assert counts() == before

    confirm(admin, event, token, skip_invalid="on")  # a refusal is no dead end
    assert Enrolment.objects.filter(event=event).count() == 2


def test_a_file_that_is_not_a_csv_at_all(admin, event):
    for data, filename, message in [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "peserta.csv", "This is a PDF file, not a CSV or Excel file."),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "peserta.xlsx", "This is a PNG file, not a CSV or Excel file."),
        (bytes(range(256)) * 20, "peserta.csv", "This is not a CSV or Excel file."),
        (b"\xd0\xcf\x11\xe0" + bytes(500), "peserta.xls", "This is an old Excel file (.xls)"),
        (b"", "peserta.csv", "The submitted file is empty."),
        (b"Halo, ini daftar hadir\r\nBudi\r\n", "peserta.csv", "No header row was found."),
    ]:  # fmt: skip
        response = upload(admin, event, data, filename)
        assert response.status_code == 200
        assert message in response.content.decode(), filename
    assert counts() == (1, 0)


def test_a_file_over_the_size_limit(admin, event):
    data = csv_bytes([HEADER]) + b"x" * (6 * 1024 * 1024)
    response = upload(admin, event, data)
    assert "The file is 6.0 MB; the limit is 5 MB." in response.content.decode()


def test_ten_thousand_rows_are_previewed_and_imported(admin, event):
    rows = [HEADER, *([f"Peserta {n}", f"0857{n:08d}"] for n in range(10_000))]
    token = token_of(upload(admin, event, csv_bytes(rows)))
    preview = admin.get(url("participants_preview", event, token))
    assert preview.context["plan"].new_count == 10_000
    confirm(admin, event, token)
    assert Enrolment.objects.filter(event=event).count() == 10_000


def test_ten_thousand_and_one_rows_are_refused_with_the_limit(admin, event):
    rows = [HEADER, *([f"Peserta {n}", f"0857{n:08d}"] for n in range(10_001))]
    response = upload(admin, event, csv_bytes(rows))
    assert "The file has more than 10000 participant rows." in response.content.decode()


# --- Decisions on rows with errors ---------------------------------------------------


def test_skipping_explicitly_imports_the_rest_and_says_what_was_skipped(admin, event):
    rows = [HEADER, BUDI, ["Tanpa Nomor", ""], ANI]
    token = token_of(upload(admin, event, csv_bytes(rows)))
    result = confirm(admin, event, token, skip_invalid="on")
    page = admin.get(result.url).content.decode()
    assert "Row 3: the phone number is empty." in page
    assert Enrolment.objects.filter(event=event).count() == 2


def test_a_file_of_only_errors_offers_no_import(admin, event):
    token = token_of(upload(admin, event, csv_bytes([HEADER, ["Budi", "12"]])))
    page = admin.get(url("participants_preview", event, token)).content.decode()
    assert "No row can be imported." in page
    assert 'name="error_count"' not in page


def test_a_reimport_updates_instead_of_duplicating(admin, event):
    token = token_of(upload(admin, event, csv_bytes([HEADER, BUDI])))
    confirm(admin, event, token)
    renamed = ["Budi Santoso, S.E.", *BUDI[1:]]

    token = token_of(upload(admin, event, csv_bytes([HEADER, renamed, ANI])))
    preview = admin.get(url("participants_preview", event, token)).content.decode()
    assert "Update" in preview and "already enrolled" in preview
    confirm(admin, event, token)

    assert User.objects.filter(phone="+6281234567890").get().full_name == (
        "Budi Santoso, S.E."
    )
    assert Enrolment.objects.filter(event=event).count() == 2


def test_the_same_file_twice_is_no_change(admin, event):
    for _ in range(2):
        token = token_of(upload(admin, event, csv_bytes([HEADER, BUDI])))
        preview = admin.get(url("participants_preview", event, token))
        confirm(admin, event, token)
    assert preview.context["plan"].unchanged_count == 1
    assert counts() == (2, 1)


def test_a_staff_phone_is_refused(admin, event, organiser):
    other = OrganiserFactory(phone="+6281234567890", full_name="Ibu Camat")
    token = token_of(upload(admin, event, csv_bytes([HEADER, BUDI])))
    page = admin.get(url("participants_preview", event, token)).content.decode()
    assert "belongs to a staff, speaker or organiser account" in page
    confirm(admin, event, token, skip_invalid="on")
    other.refresh_from_db()
    assert other.full_name == "Ibu Camat"
    assert not Enrolment.objects.exists()


def test_names_are_shown_as_text_never_as_html(admin, event):
    rows = [HEADER, ["<script>alert(1)</script>", "081234567890"]]
    token = token_of(upload(admin, event, csv_bytes(rows)))
    page = admin.get(url("participants_preview", event, token)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- Tokens, double submits, roles ---------------------------------------------------


def test_a_double_submit_imports_once(admin, event):
    token = token_of(upload(admin, event, csv_bytes([HEADER, BUDI])))
    first = confirm(admin, event, token)
    second = admin.post(url("participants_preview", event, token), {"error_count": 0})
    assert second.url == first.url  # straight to the result
    result = admin.get(first.url)
    assert result.context["result"].created_count == 1
    assert counts() == (2, 1)


@pytest.mark.parametrize("step", ["participants_preview", "participants_result"])
def test_an_unknown_token_says_so(admin, event, step):
    for token in ["nonsense", "x" * 32, "../../etc/passwd"]:
        response = admin.get(url(step, event, token), follow=True)
        assert EXPIRED in response.content.decode()
        assert response.redirect_chain[-1][0] == url("participants_upload", event)


def test_an_upload_expires_after_an_hour(admin, event, monkeypatch):
    token = token_of(upload(admin, event, csv_bytes([HEADER, BUDI])))
    assert admin.get(url("participants_preview", event, token)).status_code == 200

    an_hour_later = time.time() + EXPIRES_AFTER + 1
    monkeypatch.setattr(time, "time", lambda: an_hour_later)  # the cache's clock
    response = admin.get(url("participants_preview", event, token), follow=True)
    assert EXPIRED in response.content.decode()


def test_another_organisers_or_another_events_token_is_refused(admin, event):
    token = token_of(upload(admin, event, csv_bytes([HEADER, BUDI])))
    other_event = EventPageFactory(parent=event.get_parent())
    response = admin.get(url("participants_preview", other_event, token), follow=True)
    assert EXPIRED in response.content.decode()

    admin.force_login(OrganiserFactory())
    response = admin.get(url("participants_preview", event, token), follow=True)
    assert EXPIRED in response.content.decode()
    response = admin.post(url("participants_preview", event, token), {"error_count": 0})
    assert counts() == (2, 0)  # the two organisers; nothing imported


@pytest.mark.parametrize("role", ["participant", "speaker"])
def test_participants_and_speakers_are_denied(client, event, request, role):
    client.force_login(request.getfixturevalue(role))
    in_english(client)
    before = counts()
    for name in ["participants_upload", "participants_template", "participants_slips"]:
        response = client.get(url(name, event))
        # Participants go to the admin login; speakers get "permission denied".
        assert response.status_code == 302
        assert response.url.startswith(("/admin/login/", reverse("wagtailadmin_home")))
    response = upload(client, event, csv_bytes([HEADER, BUDI]))
    assert response.status_code == 302 and "token" not in response.url
    assert counts() == before


def test_an_unknown_event_is_404(admin, event):
    response = admin.get(
        reverse("lms_event_admin:participants_upload", args=[event.pk + 999])
    )
    assert response.status_code == 404


def test_uploads_wait_in_the_cache_not_in_media(admin, event, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    token_of(upload(admin, event, csv_bytes([HEADER, BUDI])))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("size", [5, 60])
def test_preview_queries_do_not_grow_with_the_number_of_rows(
    admin, event, django_assert_max_num_queries, size
):
    existing = [[f"Peserta {n}", f"0857{n:08d}"] for n in range(size)]
    for n, row in enumerate(existing[: size // 2]):
        ParticipantFactory(full_name=row[0], phone=f"+62857{n:08d}")
    token = token_of(upload(admin, event, csv_bytes([HEADER, *existing])))
    # 12 for the page, plus 2 for the admin sidebar's "Forms" item, which Wagtail
    # shows once a form page type exists (the event evaluation): whether the
    # user may edit any form page, and the form types' content types (cached
    # after a process's first request).
    with django_assert_max_num_queries(14):
        response = admin.get(url("participants_preview", event, token))
    assert response.context["plan"].preview.total == size


def test_an_excel_workbook_with_a_title_above_the_header(admin, event):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in [["DAFTAR PESERTA KEGIATAN"], [], HEADER, BUDI]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    imports_cleanly(
        admin, event, buffer.getvalue(), "peserta.xlsx", names=["Budi Santoso"]
    )


def test_accounts_changed_since_the_preview_are_not_skipped_silently(admin, event):
    token = token_of(upload(admin, event, csv_bytes([HEADER, BUDI, ANI])))
    admin.get(url("participants_preview", event, token))  # the organiser saw 0 errors
    OrganiserFactory(phone="+6281234567890")  # now Budi's phone is a staff phone
    response = admin.post(
        url("participants_preview", event, token),
        {"error_count": 0, "skip_invalid": "on"},
    )
    assert "The accounts changed since this preview." in response.content.decode()
    assert not Enrolment.objects.exists()


def test_sending_no_file_asks_for_one(admin, event):
    response = admin.post(url("participants_upload", event), {})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
