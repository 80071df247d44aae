"""The lessons of the module, in order, each with its StreamField body."""

from ..build import (
    callout,
    document,
    faq,
    heading,
    image,
    paragraph,
    quote,
    steps,
    table,
    timeline,
    ul,
)
from .module import STAGES

LESSONS = [
    {
        "slug": "tahapan-dan-jadwal-pemilu-2024",
        "title": "Tahapan dan jadwal Pemilu 2024",
        "summary": "Dari peluncuran tahapan pada Juni 2022 sampai pelantikan dan Pilkada "
        "serentak November 2024, dalam satu linimasa.",
        "estimated_minutes": 12,
        "tags": ["pemilu 2024", "tahapan pemilu", "kpu"],
        "body": [
            paragraph(
                "<p>Pada <b>14 Februari 2024</b> warga Indonesia memilih Presiden dan "
                "Wakil Presiden, anggota DPR, DPD, DPRD provinsi dan DPRD kabupaten/kota "
                "secara serentak. Dasar hukumnya <b>Undang-Undang Nomor 7 Tahun 2017</b> "
                "tentang Pemilihan Umum; tahapan dan jadwalnya diatur KPU dalam "
                "<b>PKPU Nomor 3 Tahun 2022</b>. Undang-undang mewajibkan tahapan dimulai "
                "paling lambat 20 bulan sebelum hari pemungutan suara.</p>"
            ),
            heading("Linimasa tahapan"),
            timeline("Tahapan Pemilu Serentak 2024", STAGES),
            callout(
                "info",
                "Pemilu dan Pilkada itu berbeda",
                "<p>Pemilu 14 Februari memilih presiden dan anggota lembaga perwakilan "
                "(UU 7/2017). Pilkada memilih kepala daerah menurut UU Pilkada (UU 1/2015 "
                "yang telah beberapa kali diubah, antara lain dengan UU 10/2016) dan "
                "digelar serentak pada <b>27 November 2024</b>. "
                "Di Jakarta wali kota dan bupati diangkat oleh gubernur, sehingga warga "
                "Jakarta Pusat hanya memilih <b>gubernur dan wakil gubernur</b>.</p>",
            ),
            heading("Tahapan yang paling dekat dengan warga"),
            paragraph(
                "<p>Sebagian besar tahapan dikerjakan KPU, tetapi ada beberapa yang "
                "langsung menyentuh lingkungan RT/RW:</p>"
                + ul(
                    "<b>Pemutakhiran data pemilih</b>: Pantarlih datang ke rumah untuk "
                    "coklit. Daftar pemilih sementara diumumkan agar warga bisa memeriksa "
                    "dan memberi tanggapan.",
                    "<b>Kampanye</b>: peserta pemilu boleh berkampanye sesuai aturan; "
                    "warga berhak menolak ajakan yang melanggar, misalnya pemberian uang.",
                    "<b>Masa tenang</b>: tiga hari tanpa kampanye. Alat peraga kampanye "
                    "dibersihkan.",
                    "<b>Pemungutan dan penghitungan suara</b>: di TPS dekat rumah, "
                    "dikerjakan KPPS yang berasal dari warga sekitar.",
                )
            ),
            quote(
                "Kita melihat dinamika yang berkembang bisa kita ikuti bersama melalui "
                "media sosial, diharapkan kegiatan ini tetap berjalan sesuai dengan "
                "tahapan-tahapannya dengan baik, dan perlu adanya dukungan dan peran serta "
                "semua pihak.",
                "Prasetyo",
                "Camat Sawah Besar, pada Peningkatan Kapasitas Lembaga Kemasyarakatan, "
                "27 September 2023",
            ),
            document(
                "stages",
                "Ringkasan tahapan Pemilu 2024 (PDF)",
                "Satu halaman daftar tahapan dan tanggalnya, untuk dicetak atau dibagikan "
                "di grup warga.",
            ),
        ],
    },
    {
        "slug": "surat-suara-dan-cara-mencoblos",
        "title": "Lima surat suara dan cara mencoblos yang sah",
        "summary": "Warna setiap surat suara, mengapa pemilih Jakarta menerima empat, "
        "dan cara mencoblos agar suara dihitung sah.",
        "estimated_minutes": 10,
        "tags": ["pemilu 2024", "surat suara", "tps"],
        "body": [
            paragraph(
                "<p>Di bilik suara pemilih menerima beberapa surat suara sekaligus. "
                "Warnanya dibedakan supaya pemilih dan petugas tidak tertukar, dan setiap "
                "kotak suara diberi tanda warna yang sama.</p>"
            ),
            image(
                "ballots",
                "Lima kotak berwarna: abu-abu untuk Presiden dan Wakil Presiden, kuning "
                "untuk DPR RI, merah untuk DPD RI, biru untuk DPRD Provinsi, hijau untuk "
                "DPRD Kabupaten/Kota.",
                "Warna surat suara Pemilu 2024.",
                "Diolah dari ketentuan KPU",
            ),
            table(
                "Jenis surat suara Pemilu 2024",
                [
                    ["Warna", "Untuk memilih", "Di Jakarta"],
                    ["Abu-abu", "Presiden dan Wakil Presiden", "Ada"],
                    ["Kuning", "Anggota DPR RI", "Ada"],
                    ["Merah", "Anggota DPD RI", "Ada"],
                    [
                        "Biru",
                        "Anggota DPRD Provinsi",
                        "Ada (DPRD Provinsi DKI Jakarta)",
                    ],
                    ["Hijau", "Anggota DPRD Kabupaten/Kota", "Tidak ada"],
                ],
            ),
            callout(
                "info",
                "Mengapa di Jakarta hanya empat?",
                "<p>Kota dan kabupaten administrasi di Jakarta, termasuk Jakarta Pusat, "
                "tidak memiliki DPRD sendiri. Karena itu pemilih di Jakarta tidak menerima "
                "surat suara hijau.</p>",
            ),
            heading("Cara mencoblos agar suara sah"),
            steps(
                "Di dalam bilik suara",
                [
                    (
                        "Periksa setiap surat suara",
                        "Pastikan tidak rusak atau sudah tercoblos. Jika ada yang rusak, "
                        "minta gantinya kepada KPPS.",
                    ),
                    (
                        "Coblos dengan alat yang disediakan",
                        "Coblos di dalam kolom pilihan Anda: pada gambar, nomor atau nama. "
                        "Jangan menulis atau mencoret apa pun di surat suara.",
                    ),
                    (
                        "Presiden dan DPD: satu pilihan",
                        "Coblos kolom satu pasangan calon presiden, atau satu calon "
                        "anggota DPD.",
                    ),
                    (
                        "DPR dan DPRD: partai atau calonnya",
                        "Coblos tanda gambar partai, atau nama/nomor satu calon, atau "
                        "keduanya asalkan calon itu dari partai yang sama.",
                    ),
                    (
                        "Lipat lalu masukkan ke kotak yang benar",
                        "Lipat kembali seperti semula, lalu masukkan ke kotak suara yang "
                        "bertanda warna sama.",
                    ),
                    (
                        "Celupkan jari ke tinta",
                        "Tanda bahwa Anda sudah memilih, agar tidak ada yang memilih dua kali.",
                    ),
                ],
            ),  # fmt: skip
            callout(
                "warning",
                "Pilihan Anda rahasia",
                "<p>Jangan memotret surat suara yang sudah dicoblos. KPU melarang "
                "pemilih membawa telepon genggam atau alat perekam ke dalam bilik suara. "
                "Kerahasiaan melindungi pemilih dari tekanan dan dari jual beli suara.</p>",
            ),
            faq(
                "Pertanyaan tentang surat suara",
                [
                    (
                        "Bagaimana jika saya salah mencoblos?",
                        "<p>Sampaikan kepada KPPS <b>sebelum</b> surat suara dimasukkan ke "
                        "kotak. Aturan KPU memungkinkan pemilih yang keliru meminta surat "
                        "suara pengganti, dengan jumlah penggantian yang dibatasi.</p>",
                    ),
                    (
                        "Apakah mencoblos partai dan calon dari partai lain sah?",
                        "<p>Tidak. Jika dua coblosan berada pada partai yang berbeda, surat "
                        "suara itu tidak sah. Coblos partai saja, calon saja, atau partai "
                        "beserta calon dari partai yang sama.</p>",
                    ),
                    (
                        "Bolehkah pemilih disabilitas dibantu?",
                        "<p>Boleh, oleh pendamping pilihannya sendiri atau oleh anggota "
                        "KPPS. Pendamping wajib merahasiakan pilihan pemilih dan "
                        "menandatangani surat pernyataan.</p>",
                    ),
                ],
            ),  # fmt: skip
        ],
    },
    {
        "slug": "memilih-di-tps-dan-peran-kpps-rt-rw",
        "title": "Memilih di TPS: DPT, DPTb, DPK dan peran KPPS serta RT/RW",
        "summary": "Siapa boleh memilih di TPS mana, dokumen yang dibawa, alur di TPS, "
        "dan apa yang bisa dilakukan pengurus RT/RW.",
        "estimated_minutes": 15,
        "tags": ["tps", "kpps", "daftar pemilih", "peran rt rw"],
        "body": [
            paragraph(
                "<p>TPS dibuka pukul <b>07.00 sampai 13.00</b> waktu setempat. Yang boleh "
                "memilih di sebuah TPS ditentukan oleh daftar tempat namanya tercatat.</p>"
            ),
            table(
                "Tiga jenis pemilih di TPS",
                [
                    ["Jenis pemilih", "Siapa", "Yang dibawa", "Waktu memilih"],
                    [
                        "DPT (daftar pemilih tetap)",
                        "Terdaftar di DPT pada TPS tersebut",
                        "Formulir Model C Pemberitahuan dan KTP-el (atau surat keterangan)",
                        "07.00–13.00",
                    ],
                    [
                        "DPTb (daftar pemilih tambahan)",
                        "Terdaftar di DPT tempat lain dan sudah mengurus pindah memilih",
                        "Formulir Model A Surat Pindah Memilih dan KTP-el",
                        "07.00–13.00",
                    ],
                    [
                        "DPK (daftar pemilih khusus)",
                        "Belum terdaftar di DPT maupun DPTb, memiliki KTP-el beralamat di "
                        "wilayah TPS",
                        "KTP-el",
                        "12.00–13.00, selama surat suara masih tersedia",
                    ],
                ],
                first_col_is_header=True,
            ),  # fmt: skip
            callout(
                "tip",
                "Cek nama sebelum hari pemungutan suara",
                "<p>Nama dan lokasi TPS bisa diperiksa di "
                '<a href="https://cekdptonline.kpu.go.id">cekdptonline.kpu.go.id</a> '
                "dengan NIK. Pemilih yang terdaftar tetapi belum menerima Formulir Model C "
                "Pemberitahuan tetap bisa memilih dengan menunjukkan KTP-el.</p>",
            ),
            steps(
                "Alur pemilih di TPS",
                [
                    (
                        "Datang dan antre",
                        "Tunjukkan formulir dan KTP-el kepada KPPS yang "
                        "memeriksa daftar pemilih.",
                    ),
                    (
                        "Isi daftar hadir",
                        "Tanda tangan di daftar hadir, lalu tunggu dipanggil.",
                    ),
                    (
                        "Terima surat suara",
                        "Periksa apakah ada yang rusak sebelum masuk bilik.",
                    ),
                    (
                        "Mencoblos di bilik",
                        "Sendirian (kecuali pemilih yang perlu "
                        "pendamping), tanpa telepon genggam.",
                    ),
                    (
                        "Masukkan ke kotak suara",
                        "Setiap surat suara ke kotak bertanda warna yang sama.",
                    ),
                    (
                        "Celup jari ke tinta",
                        "Setelah itu Anda boleh pulang, atau menyaksikan "
                        "penghitungan suara setelah TPS ditutup.",
                    ),
                ],
            ),  # fmt: skip
            heading("Siapa bertugas di TPS"),
            table(
                "Petugas dan saksi di TPS",
                [
                    ["Siapa", "Dibentuk atau ditunjuk oleh", "Tugasnya"],
                    [
                        "KPPS (ketua dan enam anggota)",
                        "PPS di kelurahan, atas nama KPU kabupaten/kota",
                        "Menyelenggarakan pemungutan dan penghitungan suara",
                    ],
                    [
                        "Petugas ketertiban TPS",
                        "Ditugaskan di setiap TPS, umumnya dari Linmas",
                        "Menjaga ketertiban dan keamanan TPS",
                    ],
                    [
                        "Pengawas TPS",
                        "Panwaslu Kecamatan (jajaran Bawaslu)",
                        "Mengawasi pemungutan dan penghitungan suara",
                    ],
                    [
                        "Saksi",
                        "Peserta pemilu, dengan surat mandat",
                        "Menyaksikan proses dan menerima salinan hasil penghitungan",
                    ],
                ],
            ),  # fmt: skip
            heading("Peran pengurus RT/RW"),
            paragraph(
                "<p>Pengurus RT/RW tidak menyelenggarakan pemilu, tetapi merekalah yang "
                "paling dikenal warga. Yang bisa dilakukan:</p>"
                + ul(
                    "membantu Pantarlih menemui warga saat coklit, dan mengingatkan warga "
                    "memeriksa daftar pemilih yang diumumkan;",
                    "membantu KPPS mencari lokasi TPS dan mengabarkan jadwal kepada warga;",
                    "memperhatikan warga lanjut usia, sakit atau penyandang disabilitas "
                    "yang perlu bantuan untuk datang ke TPS;",
                    "meluruskan kabar bohong dengan merujuk informasi resmi KPU, dan "
                    "menjaga suasana tetap kondusif;",
                    "tidak mengarahkan pilihan warga, dan tidak memakai forum atau fasilitas "
                    "warga untuk kepentingan peserta pemilu tertentu.",
                )
            ),
            quote(
                "Saya menitipkan lingkungan wilayah kita kepada teman-teman kelembagaan "
                "untuk bisa menjembatani apabila ada informasi atau perbedaan penafsiran "
                "yang membuat suasana tidak kondusif.",
                "Ishran Prasetyawan",
                "Kepala Bagian Pemerintahan Kota Administrasi Jakarta Pusat, 27 September "
                "2023",
            ),
            faq(
                "Pertanyaan warga",
                [
                    (
                        "Saya akan berada di kota lain pada hari pemungutan suara. Bagaimana?",
                        "<p>Urus pindah memilih di PPS atau KPU setempat untuk mendapatkan "
                        "Formulir Model A Surat Pindah Memilih. Batasnya paling lambat 30 hari "
                        "sebelum hari pemungutan suara; untuk keadaan tertentu seperti sakit, "
                        "bencana, menjadi tahanan atau tugas, paling lambat 7 hari sebelumnya. "
                        "Jenis surat suara yang diterima bergantung pada daerah tujuan.</p>",
                    ),
                    (
                        "Bolehkah warga menyaksikan penghitungan suara?",
                        "<p>Boleh. Penghitungan di TPS dilakukan terbuka setelah pemungutan "
                        "suara selesai. Hasilnya dicatat dan diumumkan di TPS.</p>",
                    ),
                    (
                        "Apa itu Sirekap?",
                        "<p>Aplikasi KPU untuk mengunggah foto formulir hasil penghitungan di "
                        "TPS agar bisa dilihat publik. Hasil resmi tetap ditetapkan melalui "
                        "rekapitulasi berjenjang.</p>",
                    ),
                ],
            ),  # fmt: skip
        ],
    },
]
