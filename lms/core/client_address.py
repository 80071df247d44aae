"""Who sent a request: the one address every rate limit counts by.

Behind nginx (docs/deployment.md, "Behind nginx") every request reaches
gunicorn from 127.0.0.1, so counting ``REMOTE_ADDR`` would put every visitor
in one bucket: a few dozen requests from anyone would lock everyone out. nginx
names the client in ``X-Forwarded-For``; but anyone can send that header, so it
is believed only when the request comes from a proxy listed in the
``TRUSTED_PROXIES`` setting. Otherwise the connection's own address counts and
a forged header changes nothing.

nginx's ``$proxy_add_x_forwarded_for`` appends the address it saw to whatever
the client sent, so only the right-most entry is nginx's own word; the entries
before it are the client's claims. django-ipware reads the header
(``proxy_count=0``: the last entry is the client; malformed entries are
skipped, never trusted), so no header parsing lives here.
"""

import ipaddress
from functools import cache

from django.conf import settings
from ipware import get_client_ip

FORWARDED_HEADER = "HTTP_X_FORWARDED_FOR"


def client_address(request) -> str:
    """The client's address: the proxy's word for it when a trusted proxy sent
    the request, else the connection's own (empty if there is none)."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(peer, tuple(settings.TRUSTED_PROXIES)):
        return peer
    forwarded, _routable = get_client_ip(
        request,
        proxy_count=0,
        request_header_order=[FORWARDED_HEADER],
        strict=False,
    )
    # A trusted proxy that sent no usable header is the client as far as we know.
    return forwarded or peer


@cache
def _trusted_networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_trusted_proxy(peer: str, entries: tuple[str, ...]) -> bool:
    if not entries or not peer:
        return False
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    # A dual-stack socket reports an IPv4 proxy as ::ffff:127.0.0.1.
    address = getattr(address, "ipv4_mapped", None) or address
    return any(address in network for network in _trusted_networks(entries))
