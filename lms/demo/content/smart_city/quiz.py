"""The module's practice quiz: every answer is in the three lessons."""

from ..questions import (
    matching,
    multiple_choice,
    number,
    numeric,
    part,
    right,
    short_answer,
    single_choice,
    true_false,
    wrong,
)

QUIZ = {
    "slug": "kuis-latihan-kanal-pengaduan",
    "title": "Kuis latihan: Jakarta Smart City dan Kanal Pengaduan Warga",
    "introduction": (
        "<p>Delapan soal tentang JAKI, memilih kanal pengaduan yang tepat dan laporan "
        "warga yang baik. Boleh diulang; pembahasan tampil begitu jawaban dikirim.</p>"
    ),
    "questions": [
        single_choice(
            "Rumah warga di gang Anda terbakar. Kanal mana yang harus dihubungi?",
            [
                right("Telepon Jakarta Siaga 112",
                      "Benar: bebas pulsa, 24 jam, untuk keadaan darurat."),
                wrong("Laporan di aplikasi JAKI",
                      "JAKI untuk masalah kota yang tidak darurat."),
                wrong("LAPOR! (SP4N) di lapor.go.id",
                      "LAPOR! untuk pengaduan pelayanan publik, bukan keadaan darurat."),
                wrong("SMS ke 0811-1272-206",
                      "Nomor itu kanal CRM Pemprov DKI untuk masalah yang tidak "
                      "darurat."),
            ],
            "Kebakaran, kecelakaan, kondisi medis darurat, bencana dan gangguan keamanan: "
            "telepon <b>112</b>, bebas pulsa dan aktif 24 jam, dikelola BPBD DKI Jakarta.",
        ),
        matching(
            "Pasangkan setiap situasi dengan kanal pengaduan yang tepat.",
            [
                ("Lampu jalan di gang mati sejak sepekan", "JAKI atau kanal CRM lain"),
                ("Pengendara motor terluka parah dalam kecelakaan", "Jakarta Siaga 112"),
                ("Pelayanan instansi pemerintah pusat berbelit", "LAPOR! (SP4N)"),
                ("Dugaan politik uang menjelang pemungutan suara", "Bawaslu"),
            ],
            "Darurat: 112. Masalah kota yang bisa menunggu: JAKI atau kanal CRM lain. "
            "Pelayanan publik instansi pusat: LAPOR!. Pelanggaran pemilu: Bawaslu, bukan "
            "JAKI. DKPP menangani kode etik penyelenggara pemilu, bukan pengaduan warga.",
            distractors=["DKPP"],
        ),
        short_answer(
            "JAKI adalah aplikasi super milik Pemprov DKI Jakarta. Apa kepanjangannya?",
            ["Jakarta Kini"],
            "<b>JAKI (Jakarta Kini)</b>: satu aplikasi untuk informasi dan layanan kota, "
            "termasuk fitur laporan warga yang dulu bernama JakLapor.",
        ),
        true_false(
            "Warga harus mendapat izin ketua RT sebelum melaporkan masalah lewat JAKI.",
            False,
            "Salah. Setiap warga boleh melapor langsung. Pengurus RT/RW membantu, bukan "
            "menyaring, misalnya mendampingi warga yang belum terbiasa memakai aplikasi.",
        ),
        numeric(
            "Pada tahun berapa Jakarta Smart City diluncurkan Pemprov DKI Jakarta?",
            [
                number(2014),
                number(2019, 0, "Sejak 2019 ada fitur laporan warga (dulu JakLapor); "
                       "Jakarta Smart City sendiri lebih dulu."),
            ],
            "Jakarta Smart City diluncurkan pada <b>Desember 2014</b> dan kini dikelola "
            "di lingkungan Diskominfotik Provinsi DKI Jakarta.",
        ),
        multiple_choice(
            "Mana saja ciri laporan warga yang baik?",
            [
                part("Menyebut lokasi persis dengan patokan, misalnya \"depan musala, "
                     "gang kedua dari pertigaan\"", 25,
                     "Benar. Patokan membuat petugas lebih cepat menemukan tempatnya."),
                part("Menjelaskan sejak kapan masalah terjadi", 25, "Benar."),
                part("Menyebut siapa yang terdampak", 25, "Benar."),
                part("Menyertakan foto masalah yang jelas", 25,
                     "Benar. Bidik masalahnya, bukan orangnya."),
                part("Menggabungkan beberapa masalah dalam satu laporan agar ringkas",
                     -50, "Satu laporan untuk satu masalah."),
                part("Memotret wajah dan pelat nomor orang yang terlibat", -50,
                     "Jaga data pribadi orang lain bila tidak perlu."),
            ],
            "Rumus singkat: <b>apa</b> masalahnya, <b>di mana</b> persisnya, <b>sejak "
            "kapan</b>, <b>siapa yang terdampak</b>, dan <b>foto</b> yang jelas. Satu "
            "laporan untuk satu masalah, tanpa data pribadi orang lain.",
        ),
        single_choice(
            "Saat melapor lewat JAKI, jenis laporan mana yang disarankan?",
            [
                right("Laporan privat: identitas pelapor tidak ditampilkan kepada publik "
                      "maupun petugas", "Benar. Identitas Anda terlindungi."),
                wrong("Laporan publik, agar nama pelapor terlihat oleh semua orang",
                      "Yang disarankan laporan privat, agar identitas pelapor "
                      "terlindungi."),
                wrong("Laporan atas nama ketua RT, bukan nama sendiri",
                      "Warga boleh melapor atas namanya sendiri tanpa izin RT."),
            ],
            "JAKI menyarankan <b>laporan privat</b>: identitas pelapor tidak ditampilkan "
            "kepada publik maupun petugas.",
        ),
        single_choice(
            "Apa kepanjangan FKDM, salah satu lembaga kemasyarakatan di kelurahan?",
            [
                right("Forum Kewaspadaan Dini Masyarakat",
                      "Benar. FKDM mengenali potensi gangguan sejak dini."),
                wrong("Forum Komunikasi dan Diskusi Masyarakat",
                      "Bukan. F-K-D-M: Forum Kewaspadaan Dini Masyarakat."),
                wrong("Forum Keamanan Daerah dan Masyarakat",
                      "Bukan. F-K-D-M: Forum Kewaspadaan Dini Masyarakat."),
                wrong("Forum Kerukunan Desa dan Masyarakat",
                      "Bukan. F-K-D-M: Forum Kewaspadaan Dini Masyarakat."),
            ],
            "<b>FKDM</b> (Forum Kewaspadaan Dini Masyarakat) mengenali potensi gangguan "
            "sejak dini. LMK menampung aspirasi warga; PKK dan Karang Taruna "
            "menggerakkan keluarga dan pemuda.",
        ),
    ],
}  # fmt: skip
