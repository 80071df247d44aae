import pytest
from django.core.cache import cache

from tests.factories import (
    TEST_PASSWORD,
    HomePageFactory,
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


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (login failure counts live there)."""
    cache.clear()
    yield
    cache.clear()
