from dataclasses import dataclass, field

from django.contrib.auth.models import Group

from lms.accounts.models import Organisation, User
from lms.accounts.roles import ORGANISER, PARTICIPANT, SPEAKER
from lms.core.reference import InstitutionType, Kecamatan
from lms.learning.access import sync_speaker_membership


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: str | None
    organisation: str | None = None
    superuser: bool = False
    profile: dict = field(default_factory=dict)


# Published in the README: demo data only, refused under production settings.
DEMO_PASSWORD = "demo12345"

# The accounts the README names (phones in the stored +62 form).
DEMO_ACCOUNTS = (
    DemoAccount(
        "admin",
        "Rizky Aditya Pratama",
        role=None,
        organisation="Diskominfotik",
        superuser=True,
        profile={
            "position": "Pranata Komputer Ahli Pertama",
            "phone": "+6281200000001",
        },
    ),
    DemoAccount(
        "penyelenggara",
        "Dewi Anggraini Lestari",
        role=ORGANISER,
        organisation="Bagian Pemerintahan",
        profile={
            "position": "Kepala Subbagian Bina Kelembagaan",
            "institution_type": InstitutionType.ASN,
            "phone": "+6281200000002",
            "email": "penyelenggara@sikap.example",
        },
    ),
    DemoAccount(
        "kpud",
        "Ahmad Fauzi Rahman",
        role=SPEAKER,
        organisation="KPUD Jakarta Pusat",
        profile={
            "position": "Anggota KPU Kota Jakarta Pusat, Divisi Sosialisasi dan "
            "Partisipasi Masyarakat",
            "phone": "+6281200000003",
        },
    ),
    DemoAccount(
        "bawaslu",
        "Ratna Sari Dewi",
        role=SPEAKER,
        organisation="Bawaslu Jakarta Pusat",
        profile={
            "position": "Koordinator Divisi Pencegahan dan Partisipasi Masyarakat",
            "phone": "+6281200000004",
        },
    ),
    DemoAccount(
        "peserta",
        "Bambang Sutrisno",
        role=PARTICIPANT,
        profile={
            "institution_type": InstitutionType.RT,
            "position": "Ketua RT 005",
            "rt": "005",
            "rw": "003",
            "kecamatan": Kecamatan.SAWAH_BESAR,
            "kelurahan": "Pasar Baru",
            "phone": "+6281234567801",
        },
    ),
)


def seed_accounts() -> str:
    """Creates or corrects the demo accounts, their role and their password."""
    for account in DEMO_ACCOUNTS:
        organisation = (
            Organisation.objects.get(short_name=account.organisation)
            if account.organisation
            else None
        )
        user, _ = User.objects.update_or_create(
            username=account.username,
            defaults={
                "full_name": account.full_name,
                "organisation": organisation,
                "is_superuser": account.superuser,
                "is_staff": account.superuser,
                "is_active": True,
                **account.profile,
            },
        )
        # Re-hashing on every run would change the stored hash (new salt).
        if not user.check_password(DEMO_PASSWORD):
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        # The role group here; the organisation's speaker group is lms.learning.access's to keep.
        role_groups = Group.objects.filter(name=account.role) if account.role else []
        user.groups.set([*role_groups, *user.groups.filter(speaking_for__isnull=False)])
        sync_speaker_membership(user)
    return f"{len(DEMO_ACCOUNTS)} demo accounts (password {DEMO_PASSWORD})"
