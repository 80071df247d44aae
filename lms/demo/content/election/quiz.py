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
    "slug": "kuis-latihan-tahapan-pemilu",
    "title": "Kuis latihan: Tahapan Pemilu Serentak 2024",
    "introduction": (
        "<p>Delapan soal untuk menguji pemahaman Anda tentang jadwal Pemilu 2024, "
        "surat suara dan cara memilih di TPS. Boleh diulang sesering yang Anda mau; "
        "setelah mengirim jawaban Anda langsung melihat pembahasannya.</p>"
    ),
    "questions": [
        single_choice(
            "Kapan hari pemungutan suara Pemilu Serentak 2024?",
            [
                right("Rabu, 14 Februari 2024",
                      "Benar. Pada hari itu TPS dibuka pukul 07.00–13.00."),
                wrong("Rabu, 27 November 2024",
                      "Itu hari pemungutan suara Pilkada serentak, yang memilih kepala "
                      "daerah."),
                wrong("Rabu, 20 Maret 2024",
                      "Pada tanggal itu KPU menetapkan hasil rekapitulasi nasional."),
                wrong("Selasa, 28 November 2023", "Itu hari pertama masa kampanye."),
            ],
            "Presiden dan Wakil Presiden, anggota DPR, DPD, DPRD provinsi dan DPRD "
            "kabupaten/kota dipilih serentak pada <b>Rabu, 14 Februari 2024</b>. "
            "Pilkada serentak menyusul pada 27 November 2024.",
        ),
        multiple_choice(
            "Pemilih yang terdaftar di DPT di Jakarta Pusat menerima surat suara apa "
            "saja pada 14 Februari 2024?",
            [
                part("Abu-abu: Presiden dan Wakil Presiden", 25,
                     "Benar, setiap pemilih menerima surat suara presiden."),
                part("Kuning: anggota DPR RI", 25, "Benar."),
                part("Merah: anggota DPD RI", 25, "Benar."),
                part("Biru: anggota DPRD Provinsi DKI Jakarta", 25, "Benar."),
                part("Hijau: anggota DPRD kabupaten/kota", -50,
                     "Tidak ada di Jakarta: kota administrasi seperti Jakarta Pusat "
                     "tidak memiliki DPRD sendiri."),
            ],
            "Secara nasional ada lima jenis surat suara, tetapi pemilih di Jakarta "
            "menerima <b>empat</b>: abu-abu, kuning, merah dan biru. Surat suara hijau "
            "(DPRD kabupaten/kota) tidak ada karena kota administrasi di Jakarta tidak "
            "memiliki DPRD.",
        ),
        true_false(
            "Pada surat suara DPR, mencoblos tanda gambar partai A dan nama calon dari "
            "partai B tetap sah.",
            False,
            "Salah. Jika dua coblosan berada pada partai yang berbeda, surat suara itu "
            "<b>tidak sah</b>. Coblos partai saja, calon saja, atau partai beserta calon "
            "dari partai yang sama.",
        ),
        numeric(
            "Masa kampanye berakhir 10 Februari 2024 dan pemungutan suara jatuh pada "
            "14 Februari 2024. Berapa hari masa tenang di antara keduanya?",
            [
                number(3),
                number(4, 0, "Hitung hari di antaranya saja: 11, 12 dan 13 Februari."),
            ],
            "Masa tenang berlangsung <b>11–13 Februari 2024</b>, tiga hari tanpa "
            "kegiatan kampanye dalam bentuk apa pun. Alat peraga kampanye dibersihkan.",
            unit="hari",
        ),
        short_answer(
            "Siapa petugas yang datang ke rumah warga untuk pencocokan dan penelitian "
            "(coklit) data pemilih? Tulis sebutan singkatnya.",
            ["Pantarlih", "petugas Pantarlih", "panitia pemutakhiran data pemilih"],
            "<b>Pantarlih</b> (panitia pemutakhiran data pemilih) melakukan coklit dari "
            "rumah ke rumah. Pengurus RT/RW dapat membantu Pantarlih menemui warga.",
        ),
        matching(
            "Pasangkan setiap jenis pemilih dengan dokumen yang dibawanya ke TPS.",
            [
                ("DPT (daftar pemilih tetap)",
                 "Formulir Model C Pemberitahuan dan KTP-el"),
                ("DPTb (daftar pemilih tambahan)",
                 "Formulir Model A Surat Pindah Memilih dan KTP-el"),
                ("DPK (daftar pemilih khusus)", "KTP-el yang beralamat di wilayah TPS"),
            ],
            "Pemilih DPT membawa Formulir Model C Pemberitahuan dan KTP-el (yang belum "
            "menerima formulir tetap bisa memilih dengan KTP-el). Pemilih DPTb membawa "
            "Formulir Model A Surat Pindah Memilih. Pemilih DPK cukup membawa KTP-el "
            "yang beralamat di wilayah TPS. Surat pengantar RT tidak diperlukan.",
            distractors=["Surat pengantar dari ketua RT"],
        ),
        single_choice(
            "Seorang warga belum terdaftar di DPT maupun DPTb, tetapi memiliki KTP-el "
            "yang beralamat di wilayah TPS. Kapan ia dapat memilih?",
            [
                right("Pukul 12.00–13.00, selama surat suara masih tersedia",
                      "Benar. Ia memilih sebagai pemilih DPK."),
                wrong("Pukul 07.00–13.00, seperti pemilih lain",
                      "Jam itu berlaku bagi pemilih DPT dan DPTb."),
                wrong("Setelah TPS ditutup, saat penghitungan suara",
                      "Setelah TPS ditutup tidak ada lagi pemungutan suara."),
                wrong("Tidak bisa memilih karena namanya tidak ada di daftar",
                      "Bisa: ia tercatat sebagai pemilih DPK dengan menunjukkan KTP-el."),
            ],
            "Warga yang belum terdaftar tetapi memiliki KTP-el beralamat di wilayah TPS "
            "adalah <b>pemilih DPK</b>. Ia memilih pukul 12.00–13.00, selama surat suara "
            "masih tersedia.",
        ),
        single_choice(
            "Di bilik suara, seorang pemilih sadar ia salah mencoblos. Apa yang "
            "sebaiknya ia lakukan?",
            [
                right("Menyampaikan kepada KPPS sebelum surat suara dimasukkan ke kotak, "
                      "untuk meminta surat suara pengganti",
                      "Benar. Penggantiannya dibatasi, jadi periksa dengan teliti."),
                wrong("Mencoret coblosan yang salah, lalu mencoblos lagi",
                      "Jangan menulis atau mencoret apa pun di surat suara."),
                wrong("Memotret surat suara sebagai bukti, lalu melapor ke Bawaslu",
                      "Memotret surat suara yang sudah dicoblos dilarang: pilihan Anda "
                      "rahasia."),
                wrong("Memasukkannya saja ke kotak; kesalahan diperbaiki saat "
                      "penghitungan",
                      "Setelah masuk kotak, surat suara tidak bisa diganti."),
            ],
            "Sampaikan kepada KPPS <b>sebelum</b> surat suara dimasukkan ke kotak. Aturan "
            "KPU memungkinkan pemilih yang keliru meminta surat suara pengganti, dengan "
            "jumlah penggantian yang dibatasi.",
        ),
    ],
}  # fmt: skip
