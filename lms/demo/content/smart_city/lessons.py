"""The lessons of the module, in order, each with its StreamField body."""

from ..build import (
    callout,
    channel,
    document,
    faq,
    heading,
    image,
    paragraph,
    steps,
    table,
    ul,
    video,
)
from .module import CHANNELS, FOLLOW_UP_STEPS

LESSONS = [
    {
        "slug": "mengenal-jakarta-smart-city-dan-jaki",
        "title": "Mengenal Jakarta Smart City dan JAKI",
        "summary": "Apa itu Jakarta Smart City, apa saja yang bisa dilakukan di JAKI, dan "
        "cara melapor yang aman.",
        "estimated_minutes": 10,
        "tags": ["jakarta smart city", "jaki", "layanan publik"],
        "body": [
            paragraph(
                "<p><b>Jakarta Smart City</b> diluncurkan Pemprov DKI Jakarta pada "
                "Desember 2014 untuk memanfaatkan teknologi informasi dalam pelayanan "
                "publik dan pengelolaan kota. Kini dikelola di lingkungan Dinas "
                "Komunikasi, Informatika dan Statistik (Diskominfotik) Provinsi DKI "
                "Jakarta.</p>"
                "<p>Wujudnya yang paling dekat dengan warga adalah <b>JAKI (Jakarta "
                "Kini)</b>, aplikasi super milik Pemprov DKI: satu aplikasi untuk "
                "informasi dan layanan kota, tersedia di Play Store dan App Store. Fitur "
                "laporan warganya, yang dulu bernama <b>JakLapor</b>, sudah ada sejak "
                "2019.</p>"
            ),
            heading("Apa yang bisa dilaporkan lewat JAKI"),
            paragraph(
                "<p>Masalah kota yang <b>tidak darurat</b>, dengan lebih dari seratus "
                "kategori, misalnya:</p>"
                + ul(
                    "sampah menumpuk atau pembakaran sampah sembarangan;",
                    "jalan berlubang, trotoar rusak, lampu jalan mati;",
                    "genangan air dan saluran tersumbat;",
                    "parkir liar dan pelanggaran ketertiban umum;",
                    "kabel semrawut, galian atau sisa proyek yang mengganggu jalan.",
                )
            ),
            steps(
                "Melapor lewat JAKI",
                [
                    ("Buka JAKI", "Ketuk ikon kamera di bagian tengah bawah beranda."),
                    (
                        "Pilih laporan privat",
                        "Disarankan privat; identitas pelapor tidak "
                        "ditampilkan kepada publik maupun petugas.",
                    ),
                    (
                        "Foto masalahnya",
                        "Bidik kamera ke masalah, bukan ke wajah orang.",
                    ),
                    (
                        "Pilih kategori dan jelaskan",
                        "Tulis apa masalahnya dan patokan "
                        "lokasi, meski lokasi sudah ditandai otomatis.",
                    ),
                    ("Kirim dan pantau", "Status laporan bisa dipantau di aplikasi."),
                ],
            ),  # fmt: skip
            callout(
                "tip",
                "Patokan lokasi membantu petugas",
                '<p>JAKI menandai lokasi otomatis, tetapi patokan seperti "depan musala, '
                'gang kedua dari pertigaan" membuat petugas lebih cepat menemukan '
                "tempatnya.</p>",
            ),
            heading("Belajar lewat video tanpa boros kuota"),
            video(
                "https://www.youtube.com/watch?v=jNQXAC9IVRw",
                "Me at the zoo: contoh pemutar video di modul ini",
                "0:19",
                "Video pertama yang diunggah ke YouTube (2005), dipakai sebagai contoh. "
                "Video di modul ini baru dimuat setelah Anda mengetuk tombol putar, jadi "
                "kuota tidak terpakai sebelum Anda memilih menonton. Narasumber dapat "
                "menggantinya dengan video sosialisasi resmi.",
            ),
        ],
    },
    {
        "slug": "kanal-pengaduan-resmi",
        "title": "Kanal pengaduan resmi: CRM, LAPOR! dan 112",
        "summary": "Kanal-kanal pengaduan Pemprov DKI yang terhimpun dalam CRM, LAPOR! untuk "
        "pelayanan publik, dan 112 untuk keadaan darurat.",
        "estimated_minutes": 12,
        "tags": ["pengaduan", "jaki", "lapor", "call center 112"],
        "body": [
            paragraph(
                "<p>Pemprov DKI Jakarta menghimpun kanal-kanal pengaduan resminya dalam "
                "sistem <b>CRM</b> (Cepat Respon Masyarakat). Laporan dari aplikasi JAKI, "
                "SMS, surel, media sosial resmi maupun tatap muka diteruskan kepada unit "
                "yang berwenang, misalnya kelurahan, kecamatan atau suku dinas, dan "
                "perkembangannya dapat dipantau di <b>crm.jakarta.go.id</b>.</p>"
            ),
            *(channel(name, purpose, contacts) for name, purpose, contacts in CHANNELS),
            heading("Kanal mana untuk masalah apa?"),
            table(
                "Contoh memilih kanal",
                [
                    ["Situasi", "Kanal yang tepat"],
                    ["Rumah warga terbakar atau ada korban kecelakaan", "Telepon 112"],
                    [
                        "Lampu jalan di gang mati sejak sepekan",
                        "JAKI atau kanal CRM lain",
                    ],
                    [
                        "Sampah di tempat penampungan belum diangkut",
                        "JAKI atau kanal CRM lain",
                    ],
                    ["Pelayanan instansi pemerintah pusat berbelit", "LAPOR!"],
                    [
                        "Dugaan politik uang menjelang pemungutan suara",
                        "Bawaslu, bukan JAKI",
                    ],
                ],
            ),  # fmt: skip
            callout(
                "warning",
                "112 hanya untuk keadaan darurat",
                "<p>Panggilan iseng atau keluhan yang tidak darurat membuat jalur 112 "
                "sibuk, sehingga warga yang nyawanya terancam bisa terlambat ditolong. "
                "Untuk masalah yang bisa menunggu, gunakan JAKI atau kanal CRM lain.</p>",
            ),
            document(
                "channels",
                "Daftar kanal pengaduan warga Jakarta (PDF)",
                "Satu halaman berisi kanal-kanal di atas, untuk ditempel di pos RT/RW.",
            ),
        ],
    },
    {
        "slug": "peran-rt-rw-dan-laporan-yang-baik",
        "title": "Peran RT/RW dan laporan yang baik",
        "summary": "Langkah pengurus RT/RW menindaklanjuti keluhan warga, dan ciri laporan "
        "yang cepat ditangani.",
        "estimated_minutes": 12,
        "tags": ["peran rt rw", "pengaduan", "partisipasi warga"],
        "body": [
            paragraph(
                "<p>Menurut <b>Peraturan Gubernur DKI Jakarta Nomor 171 Tahun 2016</b> "
                "tentang Pedoman RT dan RW (beserta perubahannya), RT dan RW adalah "
                "lembaga kemasyarakatan yang membantu lurah dalam pemerintahan, "
                "pembangunan dan pelayanan masyarakat. Lembaga lain di kelurahan punya "
                "perannya sendiri: <b>LMK</b> menampung aspirasi warga, <b>FKDM</b> "
                "(Forum Kewaspadaan Dini Masyarakat) mengenali potensi gangguan sejak "
                "dini, sementara <b>PKK</b> dan <b>Karang Taruna</b> menggerakkan "
                "keluarga dan pemuda.</p>"
            ),
            steps("Menindaklanjuti keluhan warga", FOLLOW_UP_STEPS),
            image(
                "follow-up",
                "Diagram tujuh langkah: dengarkan dan catat, lihat ke lapangan, pilih "
                "kanal, buat laporan, pantau, koordinasi dengan kelurahan, kabarkan hasil.",
                "Alur tindak lanjut laporan warga oleh pengurus RT/RW.",
                "Ilustrasi modul",
            ),
            heading("Ciri laporan yang baik"),
            table(
                "Kurang jelas dan lebih jelas",
                [
                    ["Kurang jelas", "Lebih jelas"],
                    [
                        "Jalan rusak, tolong diperbaiki!",
                        "Lubang selebar kira-kira satu meter di jalan depan musala, RT 005 "
                        "RW 003 Kelurahan Pasar Baru; sudah dua pengendara motor jatuh minggu "
                        "ini.",
                    ],
                    [
                        "Sampah numpuk lagi.",
                        "Sampah di tempat penampungan samping pos RW 003 belum diangkut sejak "
                        "Senin dan mulai menutup saluran air.",
                    ],
                    [
                        "Parkir liar di mana-mana.",
                        "Mobil parkir di kedua sisi gang pukul 18.00–22.00 setiap hari, "
                        "ambulans dan mobil pemadam tidak bisa lewat.",
                    ],
                ],
            ),  # fmt: skip
            callout(
                "tip",
                "Rumus singkat",
                "<p>Jawab <b>apa</b> masalahnya, <b>di mana</b> persisnya, <b>sejak "
                "kapan</b>, <b>siapa yang terdampak</b>, dan sertakan <b>foto</b> yang "
                "jelas. Satu laporan untuk satu masalah.</p>",
            ),
            callout(
                "warning",
                "Jaga data pribadi dan kebenaran",
                "<p>Jangan memotret wajah, pelat nomor atau dokumen pribadi orang lain "
                "bila tidak perlu, dan jangan melaporkan hal yang belum dipastikan. "
                "Laporan yang jujur dan tepat lebih cepat ditangani.</p>",
            ),
            faq(
                "Pertanyaan pengurus lingkungan",
                [
                    (
                        "Apakah warga perlu izin RT untuk melapor?",
                        "<p>Tidak. Setiap warga boleh melapor langsung. Pengurus RT/RW "
                        "membantu, bukan menyaring.</p>",
                    ),
                    (
                        "Laporan ditandai selesai padahal masalahnya belum beres. Bagaimana?",
                        "<p>Berikan tanggapan di aplikasi bila tersedia, lalu laporkan "
                        "kembali dengan menyebut nomor laporan sebelumnya dan foto terbaru. "
                        "Sampaikan juga kepada kelurahan.</p>",
                    ),
                    (
                        "Masalahnya di luar wewenang Pemprov DKI. Ke mana?",
                        "<p>Untuk pelayanan instansi pemerintah pusat gunakan LAPOR!. Untuk "
                        "pelanggaran pemilu, laporkan ke Bawaslu.</p>",
                    ),
                ],
            ),  # fmt: skip
        ],
    },
]
