import pytest


@pytest.fixture
def taker(client, participant):
    """The test client, logged in as a participant who takes quizzes."""
    client.force_login(participant)
    return client
