"""The event of the day: a kelurahan hall in Kemayoran, open on the day the demo is seeded.

The Sawah Besar day of 2023 is history: its check-in closed long ago, so
someone trying the demo could register for it but never check in, and so never
earn a certificate. This event takes place on whatever day ``seed_demo`` runs
(in Jakarta), with the same modules, pacts and tests as the 2023 day and the
same completion rules, so the whole journey (register with the code, scan the
hall screen, accept the pacts, pass the post-test, download the certificate)
works at any hour. Check-in opens two hours before the start and closes at the
end (``lms.events.attendance``), hence a day from 00.00 to 23.59: the agenda below is
what the hall holds, the event's times are when the hall is open to check in.
The officials are named by office only: the event is invented for the demo.
"""

import datetime

from .event import AGENDA as SAWAH_BESAR_AGENDA
from .event import JAKARTA

EVENT = {
    "slug": "peningkatan-kapasitas-kebon-kosong",
    "title": "Peningkatan Kapasitas Lembaga Kemasyarakatan Kelurahan Kebon Kosong",
    "venue": "Aula Kantor Kelurahan Kebon Kosong",
    "kecamatan": "kemayoran",
    "kelurahan": "Kebon Kosong",
    "opened_by": "Lurah Kebon Kosong dan Camat Kemayoran",
    "summary": (
        "<p>Pembinaan bagi ketua RT/RW, LMK, FKDM, PKK dan Karang Taruna Kelurahan "
        "Kebon Kosong: tahapan pemilu bersama KPU, pengawasan partisipatif bersama "
        "Bawaslu, serta Jakarta Smart City dan kanal aduan JAKI.</p>"
        "<p>Aula terbuka sepanjang hari: daftar dengan kode kegiatan, pindai kode QR "
        "di layar aula untuk presensi, setujui Pakta Integritas dan Ikrar, lalu "
        "kerjakan post-test. Sertifikat terbit otomatis bagi peserta yang hadir, "
        "menyetujui pakta dan lulus post-test.</p>"
    ),
    "hours_jp": 4,
    "registration_code": "KEMAYORAN",
    "require_check_in": True,
    "require_post_test": True,
    "require_modules": False,
}

# The 2023 day's programme, opened by this kelurahan's officials.
_REGISTRATION, _OPENING, *_SESSIONS = SAWAH_BESAR_AGENDA
AGENDA = (
    _REGISTRATION,
    (*_OPENING[:3], "Lurah Kebon Kosong dan Camat Kemayoran"),
    *_SESSIONS,
)


def open_hours(day: datetime.date) -> dict:
    """The event's start and end on ``day``: the whole day, Jakarta time."""
    return {
        "starts_at": datetime.datetime.combine(day, datetime.time(0, 0), JAKARTA),
        "ends_at": datetime.datetime.combine(day, datetime.time(23, 59), JAKARTA),
    }
