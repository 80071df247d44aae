"""Speakers write only on their organisation's shelf and cannot publish;
organisers approve or reject their work through the workflow."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from lms.accounts.roles import PARTICIPANT, SPEAKER
from lms.learning.access import open_shelf_to_speakers, sync_speaker_membership
from lms.learning.models import LessonPage
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def lesson_form(title="Kampanye", slug="kampanye", action="action-submit"):
    data = {
        "title": title,
        "slug": slug,
        "summary": "Aturan kampanye.",
        "estimated_minutes": 5,
        "tags": "kampanye",
        "body": streamfield([("paragraph", rich_text("<p>Kampanye dimulai.</p>"))]),
    }
    if action:
        data[action] = action.removeprefix("action-")
    return nested_form_data(data)


@pytest.fixture
def kpu_speaker(learning):
    return learning.speaker_for(learning.kpu)


@pytest.fixture
def speaker_client(client, kpu_speaker):
    client.force_login(kpu_speaker)
    return client


def test_a_speaker_belongs_to_their_organisations_group_only(learning, kpu_speaker):
    assert set(kpu_speaker.groups.values_list("name", flat=True)) == {
        SPEAKER,
        f"{SPEAKER} · KPU",
    }


def test_changing_a_speakers_organisation_moves_their_access(learning, kpu_speaker):
    kpu_speaker.organisation = learning.bawaslu
    kpu_speaker.save()
    sync_speaker_membership(kpu_speaker)
    assert kpu_speaker.groups.filter(name=f"{SPEAKER} · Bawaslu").exists()
    assert not kpu_speaker.groups.filter(name=f"{SPEAKER} · KPU").exists()


def test_an_account_that_stops_being_a_speaker_loses_shelf_access(
    learning, kpu_speaker
):
    kpu_speaker.groups.remove(Group.objects.get(name=SPEAKER))
    sync_speaker_membership(kpu_speaker)
    assert not kpu_speaker.groups.filter(speaking_for__isnull=False).exists()


def test_a_shelf_given_to_another_organisation_changes_hands(learning):
    learning.kpu_shelf.organisation = learning.bawaslu
    learning.kpu_shelf.save()
    open_shelf_to_speakers(learning.kpu_shelf)
    groups = set(
        GroupPagePermission.objects.filter(page=learning.kpu_shelf).values_list(
            "group__name", flat=True
        )
    )
    assert groups == {f"{SPEAKER} · Bawaslu"}


def test_speakers_cannot_publish_on_their_shelf(learning):
    permissions = GroupPagePermission.objects.filter(
        page=learning.kpu_shelf, group__speaking_for=learning.kpu
    ).values_list("permission__codename", flat=True)
    assert sorted(permissions) == ["add_page", "change_page"]


def test_organiser_setting_role_and_organisation_gives_shelf_access(
    client, organiser, learning
):
    client.force_login(organiser)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "narasumber-baru",
            "full_name": "Narasumber Baru",
            "phone": "",
            "email": "",
            "institution_type": "",
            "position": "Staf",
            "rt": "",
            "rw": "",
            "kecamatan": "",
            "kelurahan": "",
            "organisation": learning.kpu.pk,
            "password1": "Kata-sandi-baru-123",
            "password2": "Kata-sandi-baru-123",
            "groups": [Group.objects.get(name=SPEAKER).pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    groups = Group.objects.filter(user__username="narasumber-baru")
    assert set(groups.values_list("name", flat=True)) == {SPEAKER, f"{SPEAKER} · KPU"}


def test_speaker_edits_own_module_but_not_another_organisations(
    speaker_client, learning
):
    own = speaker_client.get(f"/admin/pages/{learning.module.pk}/edit/")
    assert own.status_code == 200
    other = speaker_client.get(
        f"/admin/pages/{learning.bawaslu_module.pk}/edit/", follow=True
    )
    assert other.redirect_chain  # sent away
    assert "izin" in other.content.decode().lower()  # "Anda tidak memiliki izin …"


def test_speaker_cannot_add_a_lesson_to_another_organisations_module(
    speaker_client, learning
):
    response = speaker_client.post(
        f"/admin/pages/add/lms/lessonpage/{learning.bawaslu_module.pk}/",
        lesson_form(),
    )
    assert response.status_code in (302, 403)
    assert not LessonPage.objects.filter(slug="kampanye").exists()


def test_speaker_explorer_opens_on_their_shelf_and_only_there(speaker_client, learning):
    own_shelf = f"/admin/pages/{learning.kpu_shelf.pk}/"
    for elsewhere in ("/admin/pages/", f"/admin/pages/{learning.bawaslu_shelf.pk}/"):
        assert speaker_client.get(elsewhere).url == own_shelf
    html = speaker_client.get(own_shelf).content.decode()
    assert learning.module.title in html
    assert learning.bawaslu_module.title not in html


def test_speaker_submission_waits_for_an_organiser(speaker_client, learning):
    response = speaker_client.post(
        f"/admin/pages/add/lms/lessonpage/{learning.module.pk}/", lesson_form()
    )
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="kampanye")
    assert not lesson.live
    assert lesson.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_speakers_publish_request_does_not_publish(speaker_client, learning):
    speaker_client.post(
        f"/admin/pages/add/lms/lessonpage/{learning.module.pk}/",
        lesson_form(action="action-publish"),
    )
    assert not LessonPage.objects.filter(slug="kampanye", live=True).exists()


def _submitted_lesson(speaker_client, learning):
    speaker_client.post(
        f"/admin/pages/add/lms/lessonpage/{learning.module.pk}/", lesson_form()
    )
    lesson = LessonPage.objects.get(slug="kampanye")
    return lesson, lesson.current_workflow_task_state


def test_organiser_approves_with_a_comment_and_it_goes_live(
    speaker_client, learning, organiser, client
):
    lesson, task_state = _submitted_lesson(speaker_client, learning)
    client.force_login(organiser)
    response = client.post(
        f"/admin/pages/workflow/action/{lesson.pk}/approve/{task_state.pk}/",
        {"comment": "Sudah sesuai."},
    )
    assert response.status_code in (200, 302)
    lesson.refresh_from_db()
    assert lesson.live
    task_state.refresh_from_db()
    assert task_state.comment == "Sudah sesuai."


def test_organiser_rejects_with_a_comment_and_it_stays_a_draft(
    speaker_client, learning, organiser, client
):
    lesson, task_state = _submitted_lesson(speaker_client, learning)
    client.force_login(organiser)
    client.post(
        f"/admin/pages/workflow/action/{lesson.pk}/reject/{task_state.pk}/",
        {"comment": "Tanggal kampanye salah."},
    )
    lesson.refresh_from_db()
    assert not lesson.live
    task_state.refresh_from_db()
    assert task_state.comment == "Tanggal kampanye salah."
    assert lesson.workflow_states.get().status == WorkflowState.STATUS_NEEDS_CHANGES


def test_a_participant_cannot_enter_the_admin(client, learning):
    from tests.factories import ParticipantFactory

    client.force_login(ParticipantFactory())
    response = client.get(f"/admin/pages/{learning.module.pk}/edit/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_shelf_created_in_the_admin_is_opened_to_its_speakers(client, learning):
    from lms.accounts.models import User

    admin = User.objects.create_superuser(
        username="root", full_name="Root", password="x"
    )
    client.force_login(admin)
    diskominfotik = OrganisationFactory(name="Diskominfotik", short_name="Kominfo")
    client.post(
        f"/admin/pages/add/lms/moduleindexpage/{learning.modules_root.pk}/",
        nested_form_data(
            {
                "title": "Kota",
                "slug": "kota",
                "intro": "",
                "organisation": diskominfotik.pk,
                "action-publish": "publish",
            }
        ),
    )
    shelf = Page.objects.get(slug="kota")
    assert GroupPagePermission.objects.filter(
        page=shelf, group__name=f"{SPEAKER} · Kominfo"
    ).exists()
    assert not Group.objects.get(name=PARTICIPANT).page_permissions.exists()


def test_a_speakers_draft_cannot_give_their_shelf_away(speaker_client, learning):
    """Changing the shelf's organisation waits for an organiser's approval."""
    form = nested_form_data(
        {
            "title": learning.kpu_shelf.title,
            "slug": learning.kpu_shelf.slug,
            "intro": "",
            "organisation": learning.bawaslu.pk,
            "action-submit": "submit",
        }
    )
    response = speaker_client.post(f"/admin/pages/{learning.kpu_shelf.pk}/edit/", form)
    assert response.status_code == 302  # saved and submitted
    groups = set(
        GroupPagePermission.objects.filter(page=learning.kpu_shelf).values_list(
            "group__name", flat=True
        )
    )
    assert groups == {f"{SPEAKER} · KPU"}
