"""The module page, its pictures and files, and data its lessons share."""

from ...media import Chart, Cover, DemoDocument, DemoImage
from ..build import ul

# (name, purpose, contacts): the cards of the channels lesson, and the handout.
CHANNELS = [
    ("JAKI (Jakarta Kini)",
     "Aplikasi resmi Pemprov DKI Jakarta. Fitur laporan warganya (dulu bernama "
     "JakLapor) untuk melaporkan masalah kota yang tidak darurat dengan foto dan "
     "lokasi; laporan masuk ke sistem CRM dan statusnya bisa dipantau.",
     [("app", "https://jaki.jakarta.go.id", "Buka atau unduh JAKI"),
      ("web", "https://crm.jakarta.go.id", "Pantau laporan di portal CRM")]),
    ("Kanal CRM Pemprov DKI lainnya",
     "Bagi warga yang tidak memakai aplikasi: laporan lewat SMS, surel atau media "
     "sosial resmi juga masuk ke sistem CRM. Bisa juga datang ke kantor kelurahan, "
     "kecamatan, wali kota atau Pendopo Balai Kota.",
     [("sms", "0811-1272-206", "SMS 0811-1272-206"),
      ("email", "dki@jakarta.go.id", ""),
      ("social", "https://x.com/DKIJakarta", "@DKIJakarta di X")]),
    ("LAPOR! (SP4N)",
     "Sistem Pengelolaan Pengaduan Pelayanan Publik Nasional, untuk pengaduan "
     "pelayanan publik instansi pemerintah pusat maupun daerah.",
     [("web", "https://www.lapor.go.id", "lapor.go.id"),
      ("sms", "1708", "SMS 1708")]),
    ("Jakarta Siaga 112",
     "Nomor tunggal untuk keadaan darurat di Jakarta: kebakaran, kecelakaan, kondisi "
     "medis darurat, bencana, gangguan keamanan. Bebas pulsa, 24 jam, dikelola BPBD "
     "DKI Jakarta.",
     [("phone", "112", "Telepon 112")]),
]  # fmt: skip


def _contact_line(value: str, label: str) -> str:
    return label if value in label else f"{label}: {value}" if label else value


FOLLOW_UP_STEPS = [
    ("Dengarkan dan catat", "Apa masalahnya, di mana persisnya, sejak kapan, siapa "
     "yang terdampak."),
    ("Lihat ke lapangan", "Pastikan kondisinya dan ambil foto yang jelas, tanpa wajah "
     "atau data pribadi orang lain."),
    ("Pilih kanal yang tepat", "Darurat: telepon 112. Masalah kota: JAKI atau kanal CRM "
     "lain. Pelanggaran pemilu: Bawaslu."),
    ("Buat laporan atau bantu warga melapor", "Warga boleh melapor sendiri tanpa izin "
     "RT; pengurus bisa membantu yang belum terbiasa memakai aplikasi."),
    ("Catat nomor laporan dan pantau", "Periksa statusnya di aplikasi atau di "
     "crm.jakarta.go.id."),
    ("Koordinasi dengan kelurahan", "Bila tindak lanjut lambat atau perlu tenaga, "
     "sampaikan nomor laporannya kepada lurah atau petugas kelurahan."),
    ("Kabarkan hasilnya", "Sampaikan kepada warga yang mengadu dan di pertemuan warga, "
     "agar warga percaya bahwa melapor ada gunanya."),
]  # fmt: skip

IMAGES = {
    "cover": DemoImage(
        "Sampul modul: Jakarta Smart City dan Kanal Pengaduan Warga",
        "sampul-jakarta-smart-city-kanal-pengaduan.png",
        Cover(
            "Jakarta Smart City dan Kanal Pengaduan Warga",
            "JAKI, kanal CRM, LAPOR! dan 112: melapor dengan tepat, menindaklanjuti "
            "bersama",
            "Pemerintah Kota Administrasi Jakarta Pusat",
            "#0b5c8a",
        ),
    ),
    "follow-up": DemoImage(
        "Infografik: tindak lanjut laporan warga oleh RT/RW",
        "infografik-tindak-lanjut-laporan-warga.png",
        Chart(
            "Dari keluhan warga sampai selesai",
            "Tujuh langkah pengurus RT/RW menindaklanjuti laporan.",
            tuple(
                ("#0b5c8a", name, note)
                for (name, _), note in zip(
                    FOLLOW_UP_STEPS,
                    (
                        "apa, di mana, sejak kapan, siapa terdampak",
                        "pastikan kondisinya, ambil foto yang jelas",
                        "darurat 112, masalah kota JAKI/CRM, pemilu Bawaslu",
                        "warga boleh melapor sendiri; bantu yang perlu",
                        "di aplikasi atau crm.jakarta.go.id",
                        "sampaikan nomor laporan kepada kelurahan",
                        "kepada warga dan di pertemuan warga",
                    ),
                    strict=True,
                )
            ),
            footer="Keadaan darurat? Jangan menunggu: telepon 112.",
            numbered=True,
        ),
    ),
}

DOCUMENTS = {
    "channels": DemoDocument(
        "Daftar kanal pengaduan warga Jakarta",
        "daftar-kanal-pengaduan-warga-jakarta.pdf",
        (
            ("p", "Untuk ditempel di pos RT/RW atau dibagikan di grup warga. Periksa "
                  "situs resmi Pemprov DKI Jakarta bila ada perubahan."),
            *(
                line
                for name, purpose, contacts in CHANNELS
                for line in (
                    ("h", name),
                    ("p", purpose),
                    *(("li", _contact_line(value, label)) for _, value, label in contacts),
                )
            ),
        ),
    ),
}  # fmt: skip

MODULE = {
    "slug": "jakarta-smart-city-dan-kanal-pengaduan-warga",
    "title": "Jakarta Smart City dan Kanal Pengaduan Warga",
    "summary": (
        "Mengenal Jakarta Smart City dan aplikasi JAKI, memilih kanal pengaduan yang "
        "tepat (CRM Pemprov DKI, LAPOR! SP4N, Jakarta Siaga 112), dan peran pengurus "
        "RT/RW dalam menindaklanjuti laporan warga."
    ),
    "cover": "cover",
    "speakers": ["kota"],
    "duration_jp": 2,
    "tags": ["jakarta smart city", "jaki", "pengaduan", "partisipasi warga"],
    "learning_objectives": ul(
        "menjelaskan apa itu Jakarta Smart City dan fungsi aplikasi JAKI;",
        "memilih kanal pengaduan yang tepat untuk masalah darurat dan tidak darurat;",
        "membuat laporan warga yang jelas dan dapat ditindaklanjuti;",
        "mendampingi warga dan memantau tindak lanjut laporan bersama kelurahan.",
    ),
}
