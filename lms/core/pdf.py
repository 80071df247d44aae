"""Every PDF the platform prints, from an HTML template, with no network access.

This is the one module that imports WeasyPrint (``docs/architecture.md``): login
slips, the attendance sheet, QR posters and certificates all come through
:func:`render_pdf`. Templates link their stylesheet and images relative to the
project's ``static/`` folder (``<link rel="stylesheet" href="css/pdf.css">``);
QR codes are inlined as ``data:`` URIs (:mod:`lms.core.qr`). Uploaded images (a
certificate's background, logos, signatures) are named by :func:`media_uri` and read
through Django's storage API, so they print the same from a local ``media/`` folder or
an S3-compatible bucket (docs/deployment.md, "Several app servers"). The URL fetcher
refuses everything else, so a name typed as ``<img src="http://...">`` can neither
stall printing nor make the server fetch an address of someone's choosing.

Documents printed in bulk, one render each (certificates), pass their stylesheets
to :func:`render_pdf` instead of linking them: parsing the same CSS again on
every render was a sixth of a certificate's time. Parsed stylesheets, loaded
images of static and media files and the font configuration are kept between
renders, per thread (Pango's font map and WeasyPrint's images are not made to
be shared between threads). A stylesheet or an image is read again when its
file, text or content hash changes, so an edited template prints as edited on the next render
(``docs/benchmarks.md``).
"""

import mimetypes
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.core.files.storage import storages
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Parsed stylesheets kept per thread: the shared files, plus one small text per
# certificate template in use, with room for templates being edited.
MAX_STYLESHEETS = 64
# Images of files kept per thread: decorations, plus each template's logos,
# background and signatures.
MAX_IMAGES = 64
# The scheme of uploaded files in PDF templates: ``media:original_images/logo.png``.
MEDIA_SCHEME = "media:"


def media_uri(name: str, *, version: str = "") -> str:
    """How a PDF template names a file of the default (media) storage.

    Never a local path: the file may live in a bucket. ``version`` (a content
    hash) goes into the address, so a replaced file under the same name is a
    new image to the kept-images cache, which never has to ask the storage.
    Without a version the file is read again at every render.
    """
    uri = f"{MEDIA_SCHEME}{quote(name)}"
    return f"{uri}?v={quote(version)}" if version else uri


class LocalAssetFetcher(URLFetcher):
    """Serves ``data:`` URIs, files under ``static/`` and media files; nothing else.

    Media files come through the default storage's ``open()``: a local folder
    and a bucket read alike, and no path outside the storage can be named.
    """

    def __init__(self):
        super().__init__(allowed_protocols={"file", "data"})
        self._roots = [Path(root).resolve() for root in settings.STATICFILES_DIRS]

    def fetch(self, url, headers=None):
        if url.startswith(MEDIA_SCHEME):
            return self._fetch_media(url)
        if url.startswith("file:"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"Local PDF assets come from static/ only: {url}")
        return super().fetch(url, headers)

    def _fetch_media(self, url: str) -> URLFetcherResponse:
        name = unquote(urlsplit(url).path)
        with storages["default"].open(name, "rb") as stored:
            body = stored.read()
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})


def static_base_url() -> str:
    """Where relative links in PDF templates point: the project's ``static/`` folder."""
    return Path(settings.STATICFILES_DIRS[0]).resolve().as_uri() + "/"


class _ThreadState(threading.local):
    """What one thread's renders share: fonts, stylesheets and images (bounded LRUs)."""

    def __init__(self):
        self.font_config = FontConfiguration()
        self.stylesheets: OrderedDict[tuple, CSS] = OrderedDict()
        self.images: OrderedDict[tuple, object] = OrderedDict()


_state = _ThreadState()


def _remember(cache: OrderedDict, key: tuple, value, *, limit: int) -> None:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > limit:
        cache.popitem(last=False)


def _parsed(key: tuple, parse) -> CSS:
    """The stylesheet cached under ``key``, parsed by ``parse()`` on a miss."""
    cache = _state.stylesheets
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    stylesheet = parse()
    _remember(cache, key, stylesheet, limit=MAX_STYLESHEETS)
    return stylesheet


def _file_version(url) -> tuple | None:
    """What identifies the content of a file's ``url``; None if not a file.

    A media address carries its version, if it has one (:func:`media_uri`); a
    static file's is its modification time and size.
    """
    if isinstance(url, str) and url.startswith(MEDIA_SCHEME):
        return (url,) if urlsplit(url).query else None
    if not isinstance(url, str) or not url.startswith("file:"):
        return None
    try:
        stat = Path(url2pathname(urlsplit(url).path)).stat()
    except OSError:
        return None
    return (url, stat.st_mtime_ns, stat.st_size)


class _ImageCache(dict):
    """WeasyPrint's image cache for one render, backed by the thread's kept images.

    WeasyPrint looks an image up here by URL before fetching it, and stores image
    data here under keys of its own. Images of files (decorations, logos,
    signatures) are also kept for later renders, under their URL and their file's
    version, so a replaced file is read again and a kept one is not fetched at all. Everything else (QR codes as
    ``data:`` URIs, image data) lives as long as this render.
    """

    def __contains__(self, url):
        if super().__contains__(url):
            return True
        version = _file_version(url)
        if version not in _state.images:
            return False
        # Copied into this render, so the whole document uses one version.
        _state.images.move_to_end(version)
        super().__setitem__(url, _state.images[version])
        return True

    def __setitem__(self, url, value):
        super().__setitem__(url, value)
        version = _file_version(url)
        if version is not None and value is not None:  # None: failed to load
            _remember(_state.images, version, value, limit=MAX_IMAGES)


def _static_stylesheet(name: str) -> CSS:
    """A stylesheet of ``static/``, parsed again when the file is edited or replaced."""
    path = (Path(settings.STATICFILES_DIRS[0]) / name).resolve()
    stat = path.stat()
    return _parsed(
        ("file", str(path), stat.st_mtime_ns, stat.st_size),
        lambda: CSS(
            filename=str(path),
            url_fetcher=LocalAssetFetcher(),
            font_config=_state.font_config,
        ),
    )


def _text_stylesheet(css: str) -> CSS:
    """A stylesheet given as text; equal texts share one parse."""
    return _parsed(
        ("text", css),
        lambda: CSS(
            string=css,
            base_url=static_base_url(),
            url_fetcher=LocalAssetFetcher(),
            font_config=_state.font_config,
        ),
    )


def render_pdf(
    template_name: str,
    context: dict,
    *,
    request=None,
    stylesheets: Sequence[str] = (),
    css: str = "",
) -> bytes:
    """The PDF of a Django template rendered with ``context``.

    ``stylesheets`` are files under ``static/`` and ``css`` is extra CSS text,
    applied after them; both are parsed once and reused. They apply as user
    stylesheets, so a ``<link>`` or ``<style>`` in the template wins over them.
    """
    html = render_to_string(template_name, context, request=request)
    document = HTML(
        string=html, base_url=static_base_url(), url_fetcher=LocalAssetFetcher()
    )
    parsed = [_static_stylesheet(name) for name in stylesheets]
    if css:
        parsed.append(_text_stylesheet(css))
    return document.write_pdf(
        stylesheets=parsed, font_config=_state.font_config, cache=_ImageCache()
    )
