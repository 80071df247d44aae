import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from lms.learning.access import open_shelf_to_speakers, sync_speaker_membership
from tests.factories import (
    TEST_PASSWORD,
    HomePageFactory,
    LessonPageFactory,
    ModuleIndexPageFactory,
    ModulePageFactory,
    OrganisationFactory,
    OrganiserFactory,
    ParticipantFactory,
    SpeakerFactory,
)


@pytest.fixture
def home_page(db):
    return HomePageFactory()


@pytest.fixture
def participant(db):
    return ParticipantFactory()


@pytest.fixture
def speaker(db):
    return SpeakerFactory()


@pytest.fixture
def organiser(db):
    return OrganiserFactory()


@pytest.fixture
def password():
    return TEST_PASSWORD


@pytest.fixture
def in_english(client):
    """Messages are translatable; tests that read their English source text use this.

    Both code run in the test and pages fetched with ``client`` speak English.
    """
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (login failure counts live there)."""
    cache.clear()
    yield
    cache.clear()


class LearningTree:
    """Home › Modul › a shelf per organisation › one module › three lessons."""

    def __init__(self, home):
        self.kpu = OrganisationFactory(name="KPU Kota Jakarta Pusat", short_name="KPU")
        self.bawaslu = OrganisationFactory(
            name="Bawaslu Kota Jakarta Pusat", short_name="Bawaslu"
        )
        self.modules_root = ModuleIndexPageFactory(
            parent=home, title="Modul", slug="modul", show_in_menus=True
        )
        self.kpu_shelf = ModuleIndexPageFactory(
            parent=self.modules_root, title="KPU", slug="kpu", organisation=self.kpu
        )
        self.bawaslu_shelf = ModuleIndexPageFactory(
            parent=self.modules_root,
            title="Bawaslu",
            slug="bawaslu",
            organisation=self.bawaslu,
        )
        for shelf in (self.kpu_shelf, self.bawaslu_shelf):
            open_shelf_to_speakers(shelf)
        self.module = ModulePageFactory(
            parent=self.kpu_shelf, slug="tahapan", organisation=self.kpu
        )
        self.lessons = [
            LessonPageFactory(parent=self.module, slug=f"materi-{n}") for n in (1, 2, 3)
        ]
        self.bawaslu_module = ModulePageFactory(
            parent=self.bawaslu_shelf, slug="netralitas", organisation=self.bawaslu
        )

    def speaker_for(self, organisation):
        """A speaker account of ``organisation``, in its speaker group."""
        user = SpeakerFactory(organisation=organisation)
        sync_speaker_membership(user)
        return user


@pytest.fixture
def learning(home_page):
    return LearningTree(home_page)


@pytest.fixture
def quiz(learning):
    """A practice quiz in the KPU module with one question of every type."""
    from tests.factories import QuizPageFactory

    return QuizPageFactory(parent=learning.module, slug="kuis")
