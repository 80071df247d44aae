"""Every factory builds a valid object (a broken factory breaks every test)."""

import pytest

from tests import factories


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory",
    [
        factories.OrganisationFactory,
        factories.UserFactory,
        factories.ParticipantFactory,
        factories.SpeakerFactory,
        factories.OrganiserFactory,
        factories.HomePageFactory,
    ],
)
def test_factory_builds_a_valid_object(factory):
    obj = factory()
    obj.full_clean()
