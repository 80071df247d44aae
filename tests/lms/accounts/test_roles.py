"""The three role groups exist from migration and open exactly the doors they should."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Workflow

from lms.accounts.roles import ORGANISER, PARTICIPANT, ROLE_NAMES, SPEAKER


@pytest.mark.django_db
def test_migrations_leave_exactly_our_three_roles():
    assert set(Group.objects.values_list("name", flat=True)) == set(ROLE_NAMES)


@pytest.mark.django_db
def test_content_approval_goes_to_organisers():
    task = GroupApprovalTask.objects.get()
    assert list(task.groups.values_list("name", flat=True)) == [ORGANISER]
    assert task.name == "Persetujuan Penyelenggara"
    assert Workflow.objects.get().name == "Persetujuan Penyelenggara"


@pytest.mark.django_db
def test_participants_have_no_permission_at_all():
    assert not Group.objects.get(name=PARTICIPANT).permissions.exists()


def test_participant_is_kept_out_of_the_admin(client, participant):
    client.force_login(participant)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.parametrize("role_fixture", ["speaker", "organiser"])
def test_speakers_and_organisers_reach_the_admin(
    client, request, role_fixture, home_page
):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get("/admin/").status_code == 200


def test_speaker_can_upload_images_but_not_manage_users(speaker):
    assert speaker.has_perm("wagtailadmin.access_admin")
    assert not speaker.has_perm("lms.change_user")
    assert not speaker.has_perm("lms.change_organisation")
    group = Group.objects.get(name=SPEAKER)
    granted = {p.permission.codename for p in group.collection_permissions.all()}
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= granted
    assert "delete_image" not in granted
    assert "change_image" not in granted  # only their own uploads, as owners


def test_organiser_manages_people_organisations_and_every_page(organiser, client):
    assert organiser.has_perm("lms.add_user")
    assert organiser.has_perm("lms.change_organisation")
    page_codenames = {
        p.permission.codename
        for p in Group.objects.get(name=ORGANISER).page_permissions.filter(
            page__depth=1
        )
    }
    assert {"add_page", "change_page", "publish_page"} <= page_codenames
    client.force_login(organiser)
    assert client.get("/admin/users/").status_code == 200
    assert client.get("/admin/snippets/lms/organisation/").status_code == 200
