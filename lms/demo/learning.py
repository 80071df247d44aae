"""The demo curriculum: the "Modul" page, one shelf per organisation, modules, lessons.

The words live in ``lms.demo.content`` as plain data; this step turns them into
published pages, the speakers who present them, and the images and documents
their lessons show. Every record is found by a natural key (a page's slug under
its parent, a speaker's account or name, a file's title in the Demo
collection) and is only written when it differs from the data here, so a second
run changes nothing, and a run after someone edited a demo page puts back what
the code says (as a new published revision).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Page

from home.models import HomePage
from lms.accounts.models import Organisation, User
from lms.learning.access import open_shelf_to_speakers
from lms.learning.models import LessonPage, ModuleIndexPage, ModulePage, Speaker

from .content import SHELVES
from .content.build import DocumentRef, ImageRef
from .media import demo_collection, ensure_document, ensure_image

INDEX_SLUG = "modul"
INDEX_TITLE = "Modul"
INDEX_INTRO = (
    "Materi belajar dari KPU, Bawaslu dan Pemerintah Kota Administrasi Jakarta Pusat "
    "untuk pengurus RT/RW, LMK, FKDM, PKK dan Karang Taruna. Pilih rak lembaga, lalu "
    "pelajari modulnya kapan saja lewat ponsel."
)

# Organisation short name: (shelf title, slug, intro).
SHELF_PAGES = {
    "KPUD Jakarta Pusat": (
        "KPUD Jakarta Pusat",
        "kpud-jakarta-pusat",
        "Materi dari KPU Kota Jakarta Pusat tentang tahapan pemilu, daftar pemilih dan "
        "tata cara memilih di TPS.",
    ),
    "Bawaslu Jakarta Pusat": (
        "Bawaslu Jakarta Pusat",
        "bawaslu-jakarta-pusat",
        "Materi dari Bawaslu Kota Jakarta Pusat tentang pengawasan pemilu, pelaporan "
        "pelanggaran dan netralitas ASN.",
    ),
    "Pemkot Jakarta Pusat": (
        "Pemerintah Kota Administrasi Jakarta Pusat",
        "pemerintah-kota-jakarta-pusat",
        "Materi dari Pemerintah Kota Administrasi Jakarta Pusat tentang Jakarta Smart "
        "City, kanal pengaduan warga dan peran lembaga kemasyarakatan.",
    ),
}

# Speakers by the key modules use. Account holders take their name, position and
# organisation from their account; the city's speaker has no login.
SPEAKERS = {
    "kpud": {
        "username": "kpud",
        "bio": "Narasumber KPU Kota Jakarta Pusat untuk sosialisasi tahapan pemilu dan "
        "pendidikan pemilih bagi lembaga kemasyarakatan di kelurahan.",
    },
    "bawaslu": {
        "username": "bawaslu",
        "bio": "Narasumber Bawaslu Kota Jakarta Pusat untuk pencegahan pelanggaran, "
        "pengawasan partisipatif dan netralitas ASN.",
    },
    "kota": {
        "name": "Sri Wahyuningsih",
        "position": "Analis Kebijakan, Bagian Pemerintahan Sekretariat Kota "
        "Administrasi Jakarta Pusat",
        "organisation": "Bagian Pemerintahan",
        "bio": "Mendampingi lembaga kemasyarakatan di Jakarta Pusat dalam memanfaatkan "
        "Jakarta Smart City dan kanal pengaduan warga.",
    },
}


def seed_learning() -> str:
    """Creates or corrects the demo shelves, modules, lessons, speakers and media."""
    speakers = _seed_speakers()
    collection = demo_collection()
    home = HomePage.objects.get()
    index = _ensure_page(
        home,
        ModuleIndexPage,
        INDEX_SLUG,
        {"title": INDEX_TITLE, "intro": INDEX_INTRO, "show_in_menus": True,
         "organisation": None},
    )  # fmt: skip
    open_shelf_to_speakers(index)

    counts = {"modules": 0, "lessons": 0, "images": 0, "documents": 0}
    shelf_slugs = []
    for short_name, content in SHELVES:
        organisation = Organisation.objects.get(short_name=short_name)
        title, slug, intro = SHELF_PAGES[short_name]
        shelf = _ensure_page(
            index,
            ModuleIndexPage,
            slug,
            {"title": title, "intro": intro, "organisation": organisation},
        )
        open_shelf_to_speakers(shelf)
        shelf_slugs.append(slug)

        images = {
            key: ensure_image(spec, collection) for key, spec in content.IMAGES.items()
        }
        documents = {
            key: ensure_document(spec, collection)
            for key, spec in content.DOCUMENTS.items()
        }
        counts["images"] += len(images)
        counts["documents"] += len(documents)

        spec = content.MODULE
        module = _ensure_page(
            shelf,
            ModulePage,
            spec["slug"],
            {
                "title": spec["title"],
                "summary": spec["summary"],
                "cover_image": images[spec["cover"]],
                "organisation": organisation,
                "learning_objectives": spec["learning_objectives"],
                "duration_jp": spec["duration_jp"],
            },
            tags=spec["tags"],
            speakers=[speakers[key] for key in spec["speakers"]],
        )
        counts["modules"] += 1
        for lesson in content.LESSONS:
            _ensure_page(
                module,
                LessonPage,
                lesson["slug"],
                {
                    "title": lesson["title"],
                    "summary": lesson["summary"],
                    "estimated_minutes": lesson["estimated_minutes"],
                    "body": _resolve(lesson["body"], images, documents),
                },
                tags=lesson["tags"],
            )
            counts["lessons"] += 1
        _ensure_order(module, [lesson["slug"] for lesson in content.LESSONS])
    _ensure_order(index, shelf_slugs)
    return (
        f"{counts['modules']} modules with {counts['lessons']} lessons on "
        f"{len(shelf_slugs)} shelves, {len(speakers)} speakers, {counts['images']} "
        f"images and {counts['documents']} documents"
    )


# Speakers ------------------------------------------------------------------------


def _seed_speakers() -> dict[str, Speaker]:
    speakers = {}
    for key, spec in SPEAKERS.items():
        if "username" in spec:
            user = User.objects.get(username=spec["username"])
            found = Speaker.objects.filter(user=user).first()
            wanted = {
                "name": user.full_name,
                "position": user.position,
                "organisation": user.organisation,
                "bio": spec["bio"],
                "user": user,
            }
        else:
            found = Speaker.objects.filter(name=spec["name"], user__isnull=True).first()
            wanted = {
                "name": spec["name"],
                "position": spec["position"],
                "organisation": Organisation.objects.get(
                    short_name=spec["organisation"]
                ),
                "bio": spec["bio"],
            }
        speaker = found or Speaker()
        if speaker.pk is None or _differs(speaker, wanted):
            for name, value in wanted.items():
                setattr(speaker, name, value)
            speaker.save()
        speakers[key] = speaker
    return speakers


# Pages -------------------------------------------------------------------------


def _ensure_page(
    parent: Page, model, slug: str, fields: dict, *, tags=None, speakers=None
):
    """The ``model`` page at ``parent``/``slug``, published with exactly ``fields``."""
    existing = parent.get_children().filter(slug=slug).first()
    page = existing.specific if existing else None
    if page is not None and not isinstance(page, model):
        raise RuntimeError(
            f"Page {page.url_path} is a {type(page).__name__}, not a {model.__name__}; "
            "move or rename it before seeding the demo."
        )
    if (
        page is not None
        and page.live
        and not page.has_unpublished_changes
        and not _differs(page, fields)
        and (tags is None or sorted(page.tags.names()) == sorted(tags))
        and (
            speakers is None
            or sorted(s.pk for s in page.speakers.all())
            == sorted(s.pk for s in speakers)
        )
    ):
        return page

    page = page or model(slug=slug)
    for name, value in fields.items():
        setattr(page, name, value)
    if tags is not None:
        page.tags.set(tags)
    if speakers is not None:
        page.speakers.set(speakers)
    if page.pk is None:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _ensure_order(parent: Page, slugs: list[str]) -> None:
    """Puts the children named by ``slugs`` in that order (after any others)."""
    current = [slug for slug in parent.get_children().values_list("slug", flat=True)
               if slug in slugs]  # fmt: skip
    if current == slugs:
        return
    for slug in slugs:
        parent.get_children().get(slug=slug).move(parent, pos="last-child")


def _differs(instance: models.Model, wanted: dict) -> bool:
    """Whether any of ``wanted`` is not what ``instance`` holds (as stored)."""
    for name, value in wanted.items():
        field = instance._meta.get_field(name)
        current = getattr(instance, name)
        if isinstance(field, StreamField):
            if _stream_json(field, current) != _stream_json(field, value):
                return True
        elif field.is_relation:
            if getattr(current, "pk", None) != getattr(value, "pk", None):
                return True
        elif field.get_prep_value(current) != field.get_prep_value(value):
            return True
    return False


def _stream_json(field: StreamField, value) -> list:
    """A StreamField value as stored, minus the random block ids."""
    block = field.stream_block
    if not hasattr(value, "get_prep_value"):  # raw data, as the content files give it
        value = block.to_python(value)
    # Read every item, so each is written by its block (unread items would come
    # back as given, e.g. lists without their item wrappers).
    for _ in value:
        pass
    stored = json.loads(json.dumps(value.get_prep_value(), cls=DjangoJSONEncoder))
    return _without_ids(stored)


def _without_ids(data):
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        keys = set(data)
        drop_id = {"type", "value"} <= keys
        return {
            k: _without_ids(v) for k, v in data.items() if not (drop_id and k == "id")
        }
    return data


def _resolve(data, images: dict, documents: dict):
    """The body data with image and document keys replaced by stored ids."""
    if isinstance(data, ImageRef):
        return images[data.key].pk
    if isinstance(data, DocumentRef):
        return documents[data.key].pk
    if isinstance(data, list):
        return [_resolve(item, images, documents) for item in data]
    if isinstance(data, dict):
        return {key: _resolve(value, images, documents) for key, value in data.items()}
    return data
