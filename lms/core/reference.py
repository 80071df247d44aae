"""Reference lists of Jakarta Pusat used in participant profiles.

Kept as code rather than database rows: they change only when the city's
administrative map does, and forms, seeds and reports need them without a
query.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InstitutionType(models.TextChoices):
    """The community institutions (and civil servants) a participant represents."""

    RT = "rt", "RT"
    RW = "rw", "RW"
    LMK = "lmk", "LMK"
    FKDM = "fkdm", "FKDM"
    PKK = "pkk", "PKK"
    KARANG_TARUNA = "karang_taruna", "Karang Taruna"
    ASN = "asn", "ASN"
    OTHER = "other", _("Other")


class Kecamatan(models.TextChoices):
    """The eight kecamatan of Kota Administrasi Jakarta Pusat."""

    GAMBIR = "gambir", "Gambir"
    SAWAH_BESAR = "sawah_besar", "Sawah Besar"
    KEMAYORAN = "kemayoran", "Kemayoran"
    SENEN = "senen", "Senen"
    CEMPAKA_PUTIH = "cempaka_putih", "Cempaka Putih"
    MENTENG = "menteng", "Menteng"
    TANAH_ABANG = "tanah_abang", "Tanah Abang"
    JOHAR_BARU = "johar_baru", "Johar Baru"


# The 44 kelurahan of Jakarta Pusat, by kecamatan.
KELURAHAN_BY_KECAMATAN: dict[str, tuple[str, ...]] = {
    Kecamatan.GAMBIR: (
        "Gambir", "Cideng", "Petojo Utara", "Petojo Selatan", "Kebon Kelapa",
        "Duri Pulo",
    ),
    Kecamatan.SAWAH_BESAR: (
        "Pasar Baru", "Gunung Sahari Utara", "Mangga Dua Selatan", "Karang Anyar",
        "Kartini",
    ),
    Kecamatan.KEMAYORAN: (
        "Kemayoran", "Kebon Kosong", "Harapan Mulya", "Serdang",
        "Gunung Sahari Selatan", "Cempaka Baru", "Sumur Batu", "Utan Panjang",
    ),
    Kecamatan.SENEN: ("Senen", "Kwitang", "Kenari", "Paseban", "Kramat", "Bungur"),
    Kecamatan.CEMPAKA_PUTIH: (
        "Cempaka Putih Timur", "Cempaka Putih Barat", "Rawasari",
    ),
    Kecamatan.MENTENG: ("Menteng", "Pegangsaan", "Cikini", "Kebon Sirih", "Gondangdia"),
    Kecamatan.TANAH_ABANG: (
        "Bendungan Hilir", "Karet Tengsin", "Kebon Melati", "Kebon Kacang",
        "Kampung Bali", "Petamburan", "Gelora",
    ),
    Kecamatan.JOHAR_BARU: ("Johar Baru", "Kampung Rawa", "Tanah Tinggi", "Galur"),
}  # fmt: skip

KELURAHAN_CHOICES = [
    (Kecamatan(kecamatan).label, [(name, name) for name in names])
    for kecamatan, names in KELURAHAN_BY_KECAMATAN.items()
]
