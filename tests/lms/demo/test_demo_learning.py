"""The demo curriculum that ``seed_demo`` writes: complete, valid and idempotent."""

import json
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupPagePermission, Page, Revision

from lms.accounts.models import User
from lms.demo.content import SHELVES
from lms.demo.learning import seed_learning
from lms.demo.media import COLLECTION_NAME
from lms.learning.access import speaker_group_name
from lms.learning.models import LessonPage, ModuleIndexPage, ModulePage, Speaker

BODY = LessonPage._meta.get_field("body").stream_block


def seed():
    call_command("seed_demo", stdout=StringIO())


def body_json(lesson: LessonPage) -> str:
    return json.dumps(lesson.body.get_prep_value(), cls=DjangoJSONEncoder)


def blocks_of(lesson: LessonPage):
    return [(child.block_type, child.value) for child in lesson.body]


@pytest.fixture
def seeded(db):
    seed()


def state() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "speakers": Speaker.objects.count(),
        "bodies": {
            lesson.slug: body_json(lesson) for lesson in LessonPage.objects.all()
        },
        "tags": {
            page.slug: sorted(page.tags.names())
            for page in [*ModulePage.objects.all(), *LessonPage.objects.all()]
        },
    }


def test_seeding_twice_changes_nothing(seeded):
    once = state()
    assert seed_learning() == seed_learning()  # and two more runs, for good measure
    seed()
    assert state() == once


def test_seeding_puts_back_what_was_edited_or_deleted(seeded):
    lesson = LessonPage.objects.get(slug="netralitas-asn")
    original_body = body_json(lesson)
    lesson.title = "Judul yang salah"
    lesson.body = [{"type": "paragraph", "value": "<p>Diubah orang lain.</p>"}]
    lesson.save_revision().publish()
    module = ModulePage.objects.get(slug="tahapan-pemilu-serentak-2024")
    first = module.get_children().first()
    first_slug = first.slug
    first.delete()

    seed()

    lesson = LessonPage.objects.get(slug="netralitas-asn")
    assert lesson.title == "Netralitas ASN dalam pemilu dan pilkada"
    assert _without_ids(body_json(lesson)) == _without_ids(original_body)
    assert not lesson.has_unpublished_changes
    lessons = module.get_children().type(LessonPage)
    assert lessons.first().slug == first_slug  # recreated in its place, not at the end
    assert lessons.count() == 3


def _without_ids(data: str):
    def strip(value):
        if isinstance(value, list):
            return [strip(item) for item in value]
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "id"}
        return value

    return strip(json.loads(data))


def test_three_shelves_each_with_a_module_of_at_least_three_lessons(seeded):
    index = ModuleIndexPage.objects.get(slug="modul")
    assert index.live and index.show_in_menus and index.organisation is None
    shelves = ModuleIndexPage.objects.child_of(index).live()
    assert [shelf.organisation.short_name for shelf in shelves] == [
        short_name for short_name, _ in SHELVES
    ]
    for shelf in shelves:
        modules = ModulePage.objects.child_of(shelf).live()
        assert modules.count() >= 1
        for module in modules:
            assert module.organisation == shelf.organisation
            assert module.cover_image is not None
            assert "<ul>" in module.learning_objectives
            assert module.tags.exists()
            lessons = LessonPage.objects.child_of(module).live()
            assert lessons.count() >= 3
            assert all(lesson.summary and lesson.tags.exists() for lesson in lessons)
    assert ModulePage.objects.live().count() >= 3


def test_some_tags_are_shared_between_modules(seeded):
    uses = Counter(
        tag for module in ModulePage.objects.all() for tag in module.tags.names()
    )
    shared = {tag for tag, count in uses.items() if count > 1}
    assert {"pemilu 2024", "pengaduan", "partisipasi warga"} <= shared


def test_every_block_type_and_every_callout_kind_is_used(seeded):
    used = Counter()
    callout_kinds = set()
    for lesson in LessonPage.objects.all():
        for block_type, value in blocks_of(lesson):
            used[block_type] += 1
            if block_type == "callout":
                callout_kinds.add(value["kind"])
    assert set(used) == set(BODY.child_blocks)
    assert callout_kinds == {"info", "warning", "tip"}
    assert used["timeline"] >= 1 and used["complaint_channel"] >= 2


def test_every_lesson_passes_the_editors_validation(seeded):
    for page in [*ModulePage.objects.all(), *LessonPage.objects.all()]:
        page.full_clean()
    for lesson in LessonPage.objects.all():
        BODY.clean(lesson.body)  # raises ValidationError on any invalid block


def test_the_election_timeline_is_in_date_order_and_spans_2022_to_2024(seeded):
    lesson = LessonPage.objects.get(slug="tahapan-dan-jadwal-pemilu-2024")
    (timeline,) = [value for kind, value in blocks_of(lesson) if kind == "timeline"]
    starts = [stage["start"] for stage in timeline["stages"]]
    assert starts == sorted(starts)
    assert starts[0].isoformat() == "2022-06-14"
    assert {"2024-02-14", "2024-11-27"} <= {day.isoformat() for day in starts}


def test_images_and_documents_live_in_the_demo_collection(seeded):
    images = get_image_model().objects.filter(collection__name=COLLECTION_NAME)
    documents = get_document_model().objects.filter(collection__name=COLLECTION_NAME)
    assert images.count() >= 4 and documents.count() >= 3
    for record in [*images, *documents]:
        assert record.file.storage.exists(record.file.name)
        with record.open_file() as file:
            assert len(file.read()) == record.file_size
    for document in documents:
        with document.open_file() as file:
            assert file.read(5) == b"%PDF-"
    for lesson in LessonPage.objects.all():
        for block_type, value in blocks_of(lesson):
            if block_type == "image":
                assert value["image"].collection.name == COLLECTION_NAME
                assert value["image"].contextual_alt_text
            if block_type == "document":
                assert value["document"].collection.name == COLLECTION_NAME


def test_speakers_are_linked_to_accounts_modules_and_shelves(seeded):
    for username, shelf_slug in [
        ("kpud", "kpud-jakarta-pusat"),
        ("bawaslu", "bawaslu-jakarta-pusat"),
    ]:
        user = User.objects.get(username=username)
        speaker = Speaker.objects.get(user=user)
        assert (speaker.name, speaker.organisation) == (
            user.full_name,
            user.organisation,
        )
        shelf = ModuleIndexPage.objects.get(slug=shelf_slug)
        (module,) = ModulePage.objects.child_of(shelf)
        assert list(module.speakers.all()) == [speaker]
        group_name = speaker_group_name(user.organisation)
        assert user.groups.filter(name=group_name).exists()
        assert GroupPagePermission.objects.filter(
            page=shelf, group__name=group_name, permission__codename="change_page"
        ).exists()
    city_module = ModulePage.objects.get(
        slug="jakarta-smart-city-dan-kanal-pengaduan-warga"
    )
    (city_speaker,) = city_module.speakers.all()
    assert city_speaker.user is None and city_speaker.bio


def test_lesson_and_module_pages_are_served(seeded):
    client = Client()
    pages = [
        *ModuleIndexPage.objects.live(),
        *ModulePage.objects.live(),
        *LessonPage.objects.live(),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
