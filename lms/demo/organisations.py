from lms.accounts.models import Organisation

Kind = Organisation.Kind

# The institutions of the seed event: speakers from KPU and Bawaslu, the city
# government that organises it, and the agency behind Jakarta Smart City.
# (name, short name, kind, website, name of the organisation it is part of)
ORGANISATIONS = (
    (
        "Pemerintah Kota Administrasi Jakarta Pusat",
        "Pemkot Jakarta Pusat",
        Kind.CITY_GOVERNMENT,
        "https://pusat.jakarta.go.id",
        None,
    ),
    (
        "Bagian Pemerintahan Sekretariat Kota Administrasi Jakarta Pusat",
        "Bagian Pemerintahan",
        Kind.GOVERNMENT_UNIT,
        "",
        "Pemerintah Kota Administrasi Jakarta Pusat",
    ),
    (
        "Komisi Pemilihan Umum Kota Jakarta Pusat",
        "KPUD Jakarta Pusat",
        Kind.ELECTION_COMMISSION,
        "https://www.kpu.go.id",
        None,
    ),
    (
        "Badan Pengawas Pemilihan Umum Kota Jakarta Pusat",
        "Bawaslu Jakarta Pusat",
        Kind.ELECTION_SUPERVISOR,
        "https://www.bawaslu.go.id",
        None,
    ),
    (
        "Dinas Komunikasi, Informatika dan Statistik Provinsi DKI Jakarta",
        "Diskominfotik",
        Kind.GOVERNMENT_UNIT,
        "https://diskominfotik.jakarta.go.id",
        None,
    ),
)


def seed_organisations() -> str:
    """Creates or corrects the demo organisations, parents before their units."""
    for name, short_name, kind, website, parent_name in ORGANISATIONS:
        parent = Organisation.objects.get(name=parent_name) if parent_name else None
        Organisation.objects.update_or_create(
            name=name,
            defaults={
                "short_name": short_name,
                "kind": kind,
                "website": website,
                "parent": parent,
            },
        )
    return f"{len(ORGANISATIONS)} organisations"
