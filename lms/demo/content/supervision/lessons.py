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
)
from .module import REPORT_STEPS

LESSONS = [
    {
        "slug": "bawaslu-dan-pengawasan-partisipatif",
        "title": "Bawaslu dan pengawasan partisipatif",
        "summary": "Siapa mengawasi pemilu, sampai tingkat TPS, dan bagaimana warga ikut "
        "mengawasi tanpa mengambil alih tugas pengawas.",
        "estimated_minutes": 10,
        "tags": ["bawaslu", "pengawasan pemilu", "partisipasi warga"],
        "body": [
            paragraph(
                "<p>Menurut <b>UU Nomor 7 Tahun 2017</b>, penyelenggara pemilu terdiri "
                "atas KPU, Bawaslu dan DKPP. KPU melaksanakan tahapan; <b>Bawaslu</b> "
                "mengawasinya. Tugas Bawaslu antara lain:</p>"
                + ul(
                    "<b>mencegah</b> pelanggaran dan sengketa proses pemilu;",
                    "<b>mengawasi</b> setiap tahapan, dari pemutakhiran data pemilih "
                    "sampai rekapitulasi;",
                    "<b>menindak</b> pelanggaran: menerima laporan, mengkaji, lalu memutus "
                    "atau meneruskannya kepada yang berwenang;",
                    "<b>menyelesaikan sengketa proses</b> pemilu antarpeserta atau "
                    "antara peserta dan penyelenggara.",
                )
            ),
            table(
                "Jajaran pengawas pemilu",
                [
                    ["Tingkat", "Pengawas", "Sifat"],
                    ["Nasional", "Bawaslu", "Tetap"],
                    ["Provinsi", "Bawaslu Provinsi DKI Jakarta", "Tetap"],
                    ["Kota", "Bawaslu Kota Jakarta Pusat", "Tetap"],
                    ["Kecamatan", "Panwaslu Kecamatan", "Sementara (ad hoc)"],
                    ["Kelurahan", "Panwaslu Kelurahan", "Sementara (ad hoc)"],
                    ["TPS", "Pengawas TPS", "Sementara (ad hoc)"],
                ],
                first_col_is_header=True,
            ),
            heading("Ke mana pelanggaran diteruskan"),
            table(
                "Jenis pelanggaran dan penanganannya",
                [
                    ["Jenis", "Contoh", "Ditangani oleh"],
                    [
                        "Kode etik penyelenggara",
                        "Anggota KPU atau Bawaslu tidak bersikap adil kepada peserta",
                        "DKPP",
                    ],
                    [
                        "Administratif pemilu",
                        "Prosedur pemungutan suara tidak diikuti",
                        "Bawaslu dan jajarannya",
                    ],
                    [
                        "Tindak pidana pemilu",
                        "Politik uang, memilih lebih dari sekali",
                        "Sentra Gakkumdu (Bawaslu, Kepolisian, Kejaksaan), lalu pengadilan",
                    ],
                    [
                        "Pelanggaran aturan lain",
                        "ASN tidak netral",
                        "Diteruskan kepada instansi yang berwenang",
                    ],
                ],
            ),  # fmt: skip
            heading("Pengawasan partisipatif"),
            paragraph(
                "<p>Pengawas resmi tidak bisa berada di semua tempat. Karena itu Bawaslu "
                "mengajak warga ikut mengawasi, antara lain melalui Sekolah Kader "
                "Pengawasan Partisipatif (SKPP). Warga, termasuk pengurus RT/RW, LMK, "
                "FKDM, PKK dan Karang Taruna, dapat:</p>"
                + ul(
                    "memeriksa daftar pemilih dan mengajak tetangga melakukannya;",
                    "mengamati kampanye di lingkungannya;",
                    "menolak dan melaporkan politik uang;",
                    "menyaksikan penghitungan suara di TPS;",
                    "melaporkan dugaan pelanggaran dengan bukti.",
                )
            ),
            callout(
                "info",
                "Mengawasi bukan menindak",
                "<p>Warga berhak mengamati dan melapor, tetapi tidak menindak sendiri: "
                "jangan merampas barang, mencopot alat peraga, atau menghakimi orang "
                "yang diduga melanggar. Serahkan penanganannya kepada pengawas pemilu.</p>",
            ),
        ],
    },
    {
        "slug": "politik-uang-dan-cara-melapor",
        "title": "Politik uang dan cara melaporkan pelanggaran",
        "summary": "Mengenali politik uang, syarat laporan ke Bawaslu, batas waktu 7 hari, "
        "dan kanal untuk melapor.",
        "estimated_minutes": 15,
        "tags": ["politik uang", "pengaduan", "bawaslu", "pemilu 2024"],
        "body": [
            heading("Kenali politik uang"),
            paragraph(
                "<p>UU 7/2017 melarang pelaksana, peserta dan tim kampanye "
                "<b>menjanjikan atau memberikan uang atau materi lainnya</b> kepada "
                "peserta kampanye (Pasal 280 ayat 1 huruf j). Siapa pun yang pada hari "
                "pemungutan suara menjanjikan atau memberi uang agar pemilih tidak memilih "
                "atau memilih peserta tertentu diancam pidana penjara dan denda "
                "(Pasal 515). Dalam Pilkada, UU Pilkada (Pasal 187A, ditambahkan oleh "
                "UU 10/2016) mengancam pidana <b>pemberi maupun penerima</b>.</p>"
            ),
            table(
                "Bentuk politik uang yang sering ditemui",
                [
                    ["Bentuk", "Contoh"],
                    [
                        "Uang tunai",
                        "Amplop yang dibagikan menjelang hari pemungutan suara "
                        "(sering disebut serangan fajar)",
                    ],
                    [
                        "Barang",
                        "Paket sembako yang dibagikan dengan pesan memilih calon "
                        "tertentu",
                    ],
                    [
                        "Saldo atau voucher",
                        "Kiriman pulsa, saldo dompet digital atau "
                        "voucher belanja dengan syarat memilih",
                    ],
                    [
                        "Janji imbalan",
                        "Janji uang atau pekerjaan jika calon menang di TPS tersebut",
                    ],
                ],
            ),  # fmt: skip
            callout(
                "warning",
                "Bahan kampanye tidak sama dengan politik uang",
                "<p>Bahan kampanye seperti kaus, topi atau kalender boleh dibagikan "
                "dalam batas nilai yang diatur KPU. Uang tunai, barang atau janji imbalan "
                "untuk membeli suara tidak boleh, apa pun namanya.</p>",
            ),
            heading("Melapor ke Bawaslu"),
            paragraph(
                "<p>Laporan dapat disampaikan oleh <b>warga negara yang memiliki hak "
                "pilih</b>, peserta pemilu, atau pemantau pemilu. Laporan dibuat "
                "tertulis dan paling sedikit memuat nama dan alamat pelapor, pihak "
                "terlapor, waktu dan tempat kejadian, serta uraian kejadian.</p>"
            ),
            callout(
                "warning",
                "Batas waktu: 7 hari",
                "<p>Laporan disampaikan <b>paling lama 7 hari sejak dugaan pelanggaran "
                "diketahui</b> (UU 7/2017 Pasal 454; rinciannya di Perbawaslu 7/2022). "
                "Laporan yang terlambat tidak memenuhi syarat formal, jadi jangan "
                "menunda.</p>",
            ),
            table(
                "Syarat laporan",
                [
                    ["Syarat formal", "Syarat materiel"],
                    ["Nama dan alamat pelapor", "Waktu dan tempat kejadian"],
                    ["Pihak terlapor", "Uraian kejadian"],
                    ["Disampaikan dalam batas waktu 7 hari", "Bukti, termasuk saksi"],
                    ["Tanda tangan sesuai kartu identitas", ""],
                ],
            ),
            steps("Langkah melapor", REPORT_STEPS),
            image(
                "report-flow",
                "Diagram lima langkah: catat dan amankan bukti, sampaikan laporan, "
                "lengkapi syarat, registrasi dan kajian, tindak lanjut.",
                "Alur laporan dugaan pelanggaran pemilu.",
                "Diolah dari UU 7/2017 dan Perbawaslu 7/2022",
            ),
            channel(
                "Bawaslu: SiGapLapor",
                "Kanal daring Bawaslu untuk melaporkan dugaan pelanggaran pemilu dan "
                "pemilihan, serta memantau penanganannya. Laporan juga bisa disampaikan "
                "langsung di kantor Bawaslu Kota Jakarta Pusat atau Panwaslu Kecamatan.",
                [
                    ("web", "https://sigaplapor.bawaslu.go.id", "SiGapLapor"),
                    ("web", "https://www.bawaslu.go.id", "Situs Bawaslu RI"),
                ],
            ),
            document(
                "report-notes",
                "Lembar catatan dugaan pelanggaran (PDF)",
                "Alat bantu mencatat kejadian dan bukti sebelum melapor. Bukan formulir "
                "resmi Bawaslu.",
            ),
            faq(
                "Pertanyaan tentang melapor",
                [
                    (
                        "Apa bedanya laporan dan temuan?",
                        "<p>Laporan datang dari masyarakat, peserta atau pemantau pemilu. "
                        "Temuan adalah hasil pengawasan pengawas pemilu sendiri.</p>",
                    ),
                    (
                        "Saya ragu melapor dengan nama sendiri. Apa pilihannya?",
                        "<p>Laporan resmi wajib mencantumkan identitas pelapor. Anda tetap "
                        "bisa menyampaikan <b>informasi awal</b> kepada pengawas setempat; "
                        "pengawas dapat menelusurinya dan, bila cukup bukti, menjadikannya "
                        "temuan.</p>",
                    ),
                    (
                        "Berapa lama laporan ditangani?",
                        "<p>Laporan yang terbukti wajib ditindaklanjuti paling lama 7 hari "
                        "setelah diterima dan diregistrasi; jika perlu keterangan tambahan, "
                        "kajian dapat berlangsung paling lama 14 hari kerja.</p>",
                    ),
                ],
            ),  # fmt: skip
        ],
    },
    {
        "slug": "netralitas-asn",
        "title": "Netralitas ASN dalam pemilu dan pilkada",
        "summary": "Dasar hukum netralitas ASN, yang boleh dan tidak boleh dilakukan, "
        "termasuk di media sosial, dan sanksinya.",
        "estimated_minutes": 12,
        "tags": ["netralitas asn", "pemilu 2024", "media sosial"],
        "body": [
            paragraph(
                "<p>Aparatur sipil negara (ASN) terdiri atas PNS dan PPPK. Mereka melayani "
                "semua warga, apa pun pilihan politiknya, sehingga wajib netral. "
                "Aturannya berlapis:</p>"
                + ul(
                    "<b>UU Nomor 20 Tahun 2023 tentang ASN</b> (pengganti UU 5/2014): "
                    "pegawai ASN harus bebas dari pengaruh dan intervensi golongan dan "
                    "partai politik, dan dilarang menjadi anggota atau pengurus partai.",
                    "<b>UU 7/2017</b>: ASN dilarang menjadi pelaksana atau tim kampanye, "
                    "dan dilarang berbuat atau membuat keputusan yang menguntungkan atau "
                    "merugikan peserta pemilu.",
                    "<b>PP Nomor 94 Tahun 2021</b> tentang Disiplin PNS, Pasal 5 huruf n: "
                    "larangan memberi dukungan kepada calon presiden, calon kepala daerah "
                    "dan calon anggota DPR, DPD, DPRD.",
                    "<b>Keputusan Bersama (SKB) 2022</b> Menteri PANRB, Menteri Dalam "
                    "Negeri, Kepala BKN, Ketua KASN dan Ketua Bawaslu tentang pedoman "
                    "pembinaan dan pengawasan netralitas pegawai ASN dalam pemilu dan "
                    "pemilihan.",
                )
            ),
            heading("Bentuk dukungan yang dilarang PP 94/2021"),
            paragraph(
                ul(
                    "ikut kampanye;",
                    "menjadi peserta kampanye dengan atribut partai atau atribut PNS;",
                    "menjadi peserta kampanye dengan mengerahkan PNS lain;",
                    "menjadi peserta kampanye dengan memakai fasilitas negara;",
                    "membuat keputusan atau tindakan yang menguntungkan atau merugikan "
                    "pasangan calon sebelum, selama dan sesudah masa kampanye;",
                    "mengadakan kegiatan yang mengarah pada keberpihakan, termasuk "
                    "pertemuan, ajakan, imbauan, seruan atau pemberian barang;",
                    "memberikan surat dukungan disertai fotokopi KTP.",
                )
            ),
            table(
                "Boleh atau tidak?",
                [
                    ["Situasi", "Boleh?", "Dasar"],
                    [
                        "Datang ke TPS dan memilih",
                        "Boleh",
                        "Hak setiap warga; pilihan tetap rahasia",
                    ],
                    [
                        "Menonton debat atau membaca visi-misi calon secara pribadi",
                        "Boleh",
                        "Tanpa menunjukkan dukungan di depan umum",
                    ],
                    ["Hadir di kampanye memakai seragam dinas", "Tidak", "PP 94/2021"],
                    [
                        "Memakai mobil dinas atau ruang kantor untuk kegiatan calon",
                        "Tidak",
                        "PP 94/2021, UU 7/2017",
                    ],
                    [
                        "Memberi like, komentar, share, atau mengikuti akun pemenangan calon",
                        "Tidak",
                        "SKB 2022",
                    ],
                    [
                        "Mengunggah foto bersama calon dengan simbol tangan dukungan",
                        "Tidak",
                        "SKB 2022",
                    ],
                    ["Menjadi anggota atau pengurus partai politik", "Tidak", "UU ASN"],
                    [
                        "Melaporkan dugaan pelanggaran netralitas",
                        "Boleh",
                        "Kepada Bawaslu atau instansi",
                    ],
                ],
            ),  # fmt: skip
            callout(
                "tip",
                "Hati-hati dengan jempol",
                "<p>Di media sosial, satu <i>like</i> atau <i>share</i> pada unggahan "
                "pemenangan calon sudah termasuk bentuk pelanggaran menurut SKB 2022. "
                "Di grup percakapan kantor atau warga, jangan meneruskan materi kampanye; "
                "sampaikan informasi resmi penyelenggara saja.</p>",
            ),
            heading("Sanksi"),
            paragraph(
                "<p>Sanksi bergantung pada bentuk pelanggarannya: dari sanksi moral atas "
                "pelanggaran kode etik, hukuman disiplin sedang sampai berat menurut "
                "PP 94/2021, sampai ancaman pidana pemilu bagi ASN yang menjadi pelaksana "
                "atau tim kampanye. Pelanggaran yang ditemukan Bawaslu diteruskan kepada "
                "instansi yang berwenang menjatuhkan sanksi.</p>"
            ),
            callout(
                "info",
                "Pakta integritas dan ikrar netralitas",
                "<p>Kegiatan Peningkatan Kapasitas Lembaga Kemasyarakatan di Kecamatan "
                "Sawah Besar, 27 September 2023, diisi penandatanganan Pakta Integritas "
                "dan pembacaan Ikrar netralitas ASN. Camat Sawah Besar berpesan agar ASN "
                "tetap netral dan semua pihak bersinergi supaya Pemilu 2024 berjalan "
                "lancar dan kondusif.</p>",
            ),
            faq(
                "Pertanyaan tentang netralitas",
                [
                    (
                        "Apakah ketua RT atau RW termasuk ASN?",
                        "<p>Bukan. Pengurus RT/RW adalah lembaga kemasyarakatan. Namun bila "
                        "seorang ASN juga menjadi pengurus RT/RW, aturan netralitas ASN "
                        "tetap berlaku baginya.</p>",
                    ),
                    (
                        "Bagaimana dengan pegawai non-ASN di kantor pemerintah?",
                        "<p>Surat Edaran Menteri PANRB Nomor 1 Tahun 2023 meminta instansi "
                        "membina dan mengawasi netralitas pegawai non-ASN juga.</p>",
                    ),
                    (
                        "Ke mana melaporkan ASN yang tidak netral?",
                        "<p>Ke Bawaslu dan jajarannya dengan bukti, seperti laporan "
                        "pelanggaran lain, atau kepada instansi tempat ASN itu bekerja.</p>",
                    ),
                ],
            ),  # fmt: skip
        ],
    },
]
