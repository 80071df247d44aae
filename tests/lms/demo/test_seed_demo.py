import datetime
import json
import re
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client, override_settings

from home.models import HomePage
from lms.accounts.models import Organisation, User
from lms.accounts.roles import ORGANISER, PARTICIPANT, SPEAKER
from lms.demo.event_of_the_day import event_of_the_day

# Everything in the database, bar what Django rebuilds on its own; so a seed
# step added later is covered without anyone remembering to list it here.
NOT_SEED_DATA = ["contenttypes", "auth.permission", "sessions"]


def snapshot() -> list:
    out = StringIO()
    call_command("dumpdata", exclude=NOT_SEED_DATA, stdout=out, indent=None)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_running_twice_leaves_the_same_data_as_running_once():
    call_command("seed_demo", stdout=StringIO())
    once = snapshot()
    call_command("seed_demo", stdout=StringIO())
    assert snapshot() == once


@pytest.mark.django_db
def test_seed_repairs_what_was_changed_since():
    call_command("seed_demo", stdout=StringIO())
    User.objects.filter(username="peserta").update(full_name="Salah Ketik")
    kpud = User.objects.get(username="kpud")
    kpud.set_password("lupa")
    kpud.save()
    call_command("seed_demo", stdout=StringIO())
    assert User.objects.get(username="peserta").full_name == "Bambang Sutrisno"
    assert Client().login(username="kpud", password="demo12345")


@pytest.mark.django_db
def test_demo_accounts_have_their_roles_and_profiles():
    call_command("seed_demo", stdout=StringIO())
    roles = {
        user.username: sorted(g.name for g in user.groups.all())
        for user in User.objects.prefetch_related("groups")
    }
    # Generated participants for reports (peserta01…): see test_demo_quizzes.py.
    generated = [name for name in roles if re.fullmatch(r"peserta[0-9]{2}", name)]
    assert len(generated) == 30
    assert all(roles.pop(name) == [PARTICIPANT] for name in generated)
    # Speakers are also in their organisation's group, which opens its shelf.
    assert roles == {
        "admin": [],
        "penyelenggara": [ORGANISER],
        "kpud": [SPEAKER, f"{SPEAKER} · KPUD Jakarta Pusat"],
        "bawaslu": [SPEAKER, f"{SPEAKER} · Bawaslu Jakarta Pusat"],
        "peserta": [PARTICIPANT],
    }
    assert User.objects.get(username="admin").is_superuser
    peserta = User.objects.get(username="peserta")
    assert (peserta.position, peserta.rt, peserta.rw) == ("Ketua RT 005", "005", "003")
    assert peserta.get_kecamatan_display() == "Sawah Besar"
    for user in User.objects.all():
        user.full_clean()  # the demo data passes the same validation as real data
        assert Client().login(username=user.username, password="demo12345")


@pytest.mark.django_db
def test_site_home_page_and_organisations():
    call_command("seed_demo", stdout=StringIO())
    home = HomePage.objects.get()
    assert home.live and home.get_site().is_default_site
    assert Client().get("/").status_code == 200
    units = dict(Organisation.objects.values_list("short_name", "parent__short_name"))
    assert units["Bagian Pemerintahan"] == "Pemkot Jakarta Pusat"
    assert {"KPUD Jakarta Pusat", "Bawaslu Jakarta Pusat", "Diskominfotik"} <= set(
        units
    )


JAKARTA = ZoneInfo("Asia/Jakarta")


def _is_about_page(model: str, pk, fields: dict, page_pk: int) -> bool:
    """Whether a dumped record is the page ``page_pk``, a revision, log entry or search entry of it.

    Publishing reindexes the page; on PostgreSQL its search entry holds the
    page's search vectors, so the dumped row changes with the page's dates.
    """
    if model in ("lms.eventpage", "wagtailcore.page"):
        return pk == page_pk
    if model == "wagtailcore.revision":
        return fields["object_id"] == str(page_pk)
    if model == "wagtailcore.pagelogentry":
        return fields["page"] == page_pk
    if model == "wagtailsearch.indexentry":
        return fields["object_id"] == str(page_pk)
    return False


@pytest.mark.django_db
def test_a_later_day_moves_the_event_of_the_day_and_nothing_else():
    call_command("seed_demo", day="2025-06-12", stdout=StringIO())
    before = {(o["model"], o["pk"]): o["fields"] for o in snapshot()}
    call_command("seed_demo", day="2025-06-13", stdout=StringIO())
    after = {(o["model"], o["pk"]): o["fields"] for o in snapshot()}

    event = event_of_the_day()
    assert event.starts_at == datetime.datetime(2025, 6, 13, tzinfo=JAKARTA)
    assert event.ends_at == datetime.datetime(2025, 6, 13, 23, 59, tzinfo=JAKARTA)
    assert set(before) <= set(after)  # nothing removed
    changed = {key for key in after if before.get(key) != after[key]}
    assert ("lms.eventpage", event.pk) in changed
    assert all(
        _is_about_page(model, pk, after[(model, pk)], event.pk) for model, pk in changed
    ), sorted(changed)


@pytest.mark.django_db
def test_refuses_a_day_that_is_not_a_date_and_writes_nothing():
    with pytest.raises(CommandError, match="--day must be a date written YYYY-MM-DD"):
        call_command("seed_demo", day="12-06-2025", stdout=StringIO())
    assert not User.objects.exists()


@pytest.mark.django_db
@override_settings(LMS_ENVIRONMENT="production")
def test_refuses_production_settings_and_writes_nothing():
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
