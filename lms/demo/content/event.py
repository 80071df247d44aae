"""The demo event: the day in Sawah Besar that the seed article reports.

Wednesday 27 September 2023 at the hall of the Sawah Besar sub-district office,
opened by the head of the city's Bagian Pemerintahan on behalf of the mayor and
by the camat, with speakers from KPU and Bawaslu Jakarta Pusat and a session on
Jakarta Smart City and JAKI. Participants signed an integrity pact and read a
pledge of ASN neutrality. The texts below are written for the demo.
"""

import datetime
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")
DAY = datetime.date(2023, 9, 27)

INDEX = {
    "slug": "kegiatan",
    "title": "Kegiatan",
    "intro": (
        "Kegiatan peningkatan kapasitas lembaga kemasyarakatan di Jakarta Pusat: "
        "jadwal, tempat, materi, dan tes untuk peserta."
    ),
}

PACT = {
    "title": "Pakta Integritas Peserta",
    "kind": "pact",
    "body": (
        "<p>Saya yang menyatakan di bawah ini, sebagai pengurus lembaga "
        "kemasyarakatan di wilayah Kota Administrasi Jakarta Pusat, dengan ini "
        "menyatakan:</p>"
        "<ol>"
        "<li>Mengikuti seluruh rangkaian kegiatan dengan sungguh-sungguh dan jujur, "
        "termasuk mengerjakan pre-test dan post-test sendiri tanpa bantuan orang "
        "lain.</li>"
        "<li>Menyampaikan informasi yang benar dan dapat dipertanggungjawabkan "
        "kepada warga di lingkungan saya, serta tidak menyebarkan berita bohong "
        "(hoaks) maupun ujaran kebencian.</li>"
        "<li>Menjembatani perbedaan pendapat dan penafsiran di lingkungan saya agar "
        "suasana tetap kondusif menjelang dan selama Pemilu 2024.</li>"
        "<li>Menolak segala bentuk politik uang dan melaporkannya melalui kanal "
        "pengaduan resmi.</li>"
        "</ol>"
        "<p>Demikian pakta integritas ini saya buat dengan penuh kesadaran dan "
        "tanpa paksaan dari pihak mana pun.</p>"
    ),
}

PLEDGE = {
    "title": "Ikrar Netralitas ASN dan Lembaga Kemasyarakatan",
    "kind": "pledge",
    "body": (
        "<p>Kami, peserta Peningkatan Kapasitas Lembaga Kemasyarakatan, berikrar:</p>"
        "<ol>"
        "<li>Menjaga netralitas dan tidak memihak kepada peserta pemilu mana pun "
        "dalam menjalankan tugas kelembagaan.</li>"
        "<li>Tidak menggunakan fasilitas, kegiatan, maupun kewenangan lembaga untuk "
        "kepentingan kampanye.</li>"
        "<li>Mendukung terselenggaranya Pemilu 2024 yang langsung, umum, bebas, "
        "rahasia, jujur dan adil.</li>"
        "</ol>"
    ),
}


def at(hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(DAY, datetime.time(hour, minute), JAKARTA)


EVENT = {
    "slug": "peningkatan-kapasitas-sawah-besar-2023",
    "title": "Peningkatan Kapasitas Lembaga Kemasyarakatan Kecamatan Sawah Besar",
    "starts_at": at(8),
    "ends_at": at(12),
    "venue": "Aula Kantor Kecamatan Sawah Besar",
    "kecamatan": "sawah_besar",
    "kelurahan": "",
    "opened_by": (
        "Ishran Prasetyawan, Kepala Bagian Pemerintahan Kota Administrasi Jakarta "
        "Pusat (mewakili Wali Kota Dhany Sukma), dan Prasetyo, Camat Sawah Besar"
    ),
    "summary": (
        "<p>Pembinaan bagi ketua RT/RW, LMK, FKDM, PKK dan Karang Taruna menjelang "
        "Pemilu serentak 2024: tahapan pemilu bersama KPU, pengawasan partisipatif "
        "bersama Bawaslu, serta kebijakan Jakarta Smart City dan kanal aduan "
        "masyarakat seperti JAKI.</p>"
        "<p>Peserta menandatangani Pakta Integritas dan membacakan Ikrar netralitas. "
        "Sertifikat diberikan kepada peserta yang hadir dan lulus post-test.</p>"
    ),
    "hours_jp": 4,
    "registration_code": "SAWAH7",
    "require_check_in": True,
    "require_post_test": True,
    "require_modules": False,
}

# (starts, ends, topic, speaker)
AGENDA = (
    ("08:00", "08:30", "Registrasi dan presensi (pindai kode QR di layar)", ""),
    ("08:30", "09:00",
     "Pembukaan; penandatanganan Pakta Integritas dan pembacaan Ikrar netralitas",
     "Ishran Prasetyawan (Kabag Pemerintahan Kota) dan Prasetyo (Camat Sawah Besar)"),
    ("09:00", "09:30", "Pre-test", ""),
    ("09:30", "10:15", "Tahapan Pemilu Serentak 2024",
     "Ahmad Fauzi Rahman (KPU Kota Jakarta Pusat)"),
    ("10:15", "10:45", "Pengawasan partisipatif dan netralitas",
     "Ratna Sari Dewi (Bawaslu Kota Jakarta Pusat)"),
    ("10:45", "11:00", "Jakarta Smart City dan kanal aduan JAKI",
     "Sri Wahyuningsih (Bagian Pemerintahan)"),
    ("11:00", "11:30", "Post-test", ""),
    ("11:30", "12:00", "Tanya jawab dan penutupan", ""),
)  # fmt: skip
