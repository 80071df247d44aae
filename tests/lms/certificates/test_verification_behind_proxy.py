"""The verification limit behind nginx counts each client, not the proxy.

Behind the proxy every request comes from 127.0.0.1; counting that address
let ~30 lookups a minute from anyone make verification unavailable for all.
"""

from types import SimpleNamespace

import pytest

from lms.certificates import verification

NGINX = "127.0.0.1"
LOOKUP = "/v/tebakan/"  # unknown codes count like known ones


@pytest.fixture(autouse=True)
def one_window(monkeypatch, db):
    """One fixed window for the whole test: a slow run must not cross into the next."""
    monkeypatch.setattr(verification, "time", SimpleNamespace(time=lambda: 1.8e9))


def look_up(client, *, forwarded: str, peer: str = NGINX) -> int:
    return client.get(
        LOOKUP, REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded
    ).status_code


def use_up_the_limit(client, **sender):
    for _ in range(verification.LOOKUPS_PER_WINDOW):
        assert look_up(client, **sender) == 404


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, settings):
    settings.TRUSTED_PROXIES = [NGINX]
    use_up_the_limit(client, forwarded="203.0.113.7")
    assert look_up(client, forwarded="203.0.113.7") == 429
    assert look_up(client, forwarded="198.51.100.4") == 404
    # Prefixing a made-up address does not make a new client.
    assert look_up(client, forwarded="6.6.6.6, 203.0.113.7") == 429


def test_without_a_trusted_proxy_forged_headers_all_count_as_the_connection(
    client, settings
):
    settings.TRUSTED_PROXIES = []
    for n in range(verification.LOOKUPS_PER_WINDOW):
        assert look_up(client, peer="198.51.100.4", forwarded=f"203.0.113.{n}") == 404
    assert look_up(client, peer="198.51.100.4", forwarded="203.0.113.250") == 429
    assert look_up(client, peer="198.51.100.5", forwarded="203.0.113.250") == 404


def test_a_forged_header_from_outside_a_trusted_proxy_is_ignored(client, settings):
    settings.TRUSTED_PROXIES = [NGINX]
    use_up_the_limit(client, peer="198.51.100.4", forwarded="203.0.113.1")
    assert look_up(client, peer="198.51.100.4", forwarded="203.0.113.2") == 429
