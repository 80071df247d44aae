"""Whose address a request counts as: the proxy's word only from a trusted proxy."""

import pytest
from django.test import RequestFactory, override_settings

from lms.core.client_address import client_address
from tests.lms.core.test_settings import PRODUCTION, run_manage

NGINX = "127.0.0.1"


def request_from(peer: str, forwarded: str | None = None):
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **headers)


@override_settings(TRUSTED_PROXIES=[])
def test_without_trusted_proxies_the_connection_counts_and_headers_are_ignored():
    assert client_address(request_from(NGINX, "203.0.113.7")) == NGINX
    assert client_address(request_from("198.51.100.4", "203.0.113.7")) == (
        "198.51.100.4"
    )


@override_settings(TRUSTED_PROXIES=[NGINX])
@pytest.mark.parametrize(
    ("forwarded", "client"),
    [
        ("203.0.113.7", "203.0.113.7"),
        # nginx appends the address it saw; what the client sent before it is a claim.
        ("6.6.6.6, 203.0.113.7", "203.0.113.7"),
        ("6.6.6.6,10.20.30.40", "10.20.30.40"),  # a hall's phone on the LAN
        ("not-an-address, 203.0.113.7", "203.0.113.7"),
        ("2001:db8::5", "2001:db8::5"),
    ],
)
def test_a_trusted_proxy_names_the_client_by_its_last_entry(forwarded, client):
    assert client_address(request_from(NGINX, forwarded)) == client


@override_settings(TRUSTED_PROXIES=[NGINX])
@pytest.mark.parametrize("forwarded", [None, "", "garbage", "x" * 10_000])
def test_a_trusted_proxy_without_a_usable_header_counts_as_itself(forwarded):
    assert client_address(request_from(NGINX, forwarded)) == NGINX


@override_settings(TRUSTED_PROXIES=[NGINX])
def test_a_forged_header_from_anyone_else_is_ignored():
    assert client_address(request_from("198.51.100.4", "127.0.0.1")) == ("198.51.100.4")


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8", "::1"])
@pytest.mark.parametrize(
    ("peer", "trusted"),
    [
        ("10.1.2.3", True),
        ("::1", True),
        ("::ffff:10.1.2.3", True),  # an IPv4 proxy on a dual-stack socket
        ("11.0.0.1", False),
        ("", False),
        ("unix-socket", False),
    ],
)
def test_trusted_proxies_are_addresses_or_networks(peer, trusted):
    address = client_address(request_from(peer, "203.0.113.7"))
    assert (address == "203.0.113.7") is trusted


def test_production_reads_trusted_proxies_from_the_environment():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.TRUSTED_PROXIES)",
        **PRODUCTION,
        TRUSTED_PROXIES="127.0.0.1, ::1,10.0.0.0/8",
    )
    assert result.returncode == 0, result.stderr
    assert "['127.0.0.1', '::1', '10.0.0.0/8']" in result.stdout


def test_a_mistyped_trusted_proxy_stops_the_start_with_a_clear_message():
    result = run_manage("check", **PRODUCTION, TRUSTED_PROXIES="127.0.0.1, nginx")
    assert result.returncode != 0
    assert "TRUSTED_PROXIES must list IP addresses or networks" in result.stderr
    assert "'nginx' is neither" in result.stderr
