"""The post-test: what participants learnt, across all three modules.

Parallel to the pre-test (same objectives, different questions). 20 questions:
9 single choice, 3 multiple choice (partial and negative credit), 3 true/false,
2 short answer, 2 numeric, 1 matching (worth 2 points).
"""

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

QUESTIONS = [
    # Tahapan Pemilu Serentak 2024 (KPUD)
    single_choice(
        "Kapan hari pemungutan suara Pemilu Serentak 2024?",
        [right("Rabu, 14 Februari 2024"), wrong("Rabu, 27 September 2023"),
         wrong("Rabu, 27 November 2024"), wrong("Rabu, 20 Maret 2024")],
        "<b>14 Februari 2024</b>. 27 September 2023 adalah hari kegiatan peningkatan "
        "kapasitas di Sawah Besar, 27 November 2024 Pilkada serentak, 20 Maret 2024 "
        "penetapan hasil nasional.",
    ),
    single_choice(
        "Tahapan dan jadwal Pemilu 2024 diatur KPU dalam ...",
        [right("PKPU Nomor 3 Tahun 2022"), wrong("Perbawaslu Nomor 7 Tahun 2022"),
         wrong("PP Nomor 94 Tahun 2021"),
         wrong("Pergub DKI Jakarta Nomor 171 Tahun 2016")],
        "<b>PKPU 3/2022</b> tentang Tahapan dan Jadwal Penyelenggaraan Pemilu 2024. "
        "Perbawaslu 7/2022 merinci penanganan laporan pelanggaran.",
    ),
    numeric(
        "Undang-undang mewajibkan tahapan pemilu dimulai paling lambat berapa bulan "
        "sebelum hari pemungutan suara?",
        [number(20)],
        "Paling lambat <b>20 bulan</b>: tahapan Pemilu 2024 diluncurkan 14 Juni 2022.",
        unit="bulan",
    ),
    numeric(
        "Berapa orang anggota KPPS di satu TPS, termasuk ketuanya?",
        [number(7), number(6, 0, "Enam anggota ditambah satu ketua.")],
        "KPPS terdiri atas ketua dan enam anggota: <b>tujuh orang</b>.",
        unit="orang",
    ),
    multiple_choice(
        "Pada surat suara DPR, cara mencoblos mana saja yang sah?",
        [part("Mencoblos tanda gambar partai saja", 34),
         part("Mencoblos nama atau nomor satu calon saja", 33),
         part("Mencoblos tanda gambar partai dan nama calon dari partai itu", 33),
         part("Mencoblos tanda gambar partai A dan nama calon dari partai B", -50),
         part("Menuliskan nama calon pilihan di surat suara", -50)],
        "Sah: partai saja, calon saja, atau partai beserta calon dari partai yang sama. "
        "Coblosan pada dua partai berbeda tidak sah; jangan menulis apa pun di surat "
        "suara.",
    ),
    true_false(
        "Pemilih DPK (daftar pemilih khusus) dapat memilih sejak TPS dibuka pukul "
        "07.00.",
        False,
        "Salah. Pemilih DPK memilih pukul <b>12.00–13.00</b>, selama surat suara masih "
        "tersedia.",
    ),
    matching(
        "Pasangkan setiap pihak di TPS dengan tugasnya.",
        [("KPPS", "Menyelenggarakan pemungutan dan penghitungan suara"),
         ("Pengawas TPS", "Mengawasi pemungutan dan penghitungan suara"),
         ("Petugas ketertiban TPS", "Menjaga ketertiban dan keamanan TPS"),
         ("Saksi peserta pemilu",
          "Menyaksikan proses dan menerima salinan hasil penghitungan")],
        "KPPS menyelenggarakan, pengawas TPS mengawasi, petugas ketertiban (umumnya "
        "Linmas) menjaga keamanan, saksi menyaksikan dengan surat mandat. Hasil "
        "nasional ditetapkan KPU, bukan di TPS.",
        distractors=["Menetapkan hasil pemilu secara nasional"],
        points=2,
    ),
    # Pengawasan Pemilu dan Netralitas ASN (Bawaslu)
    single_choice(
        "Anggota KPU diduga tidak bersikap adil kepada peserta pemilu. Lembaga mana "
        "yang menangani pelanggaran kode etik itu?",
        [right("DKPP"), wrong("Sentra Gakkumdu"), wrong("KPPS"),
         wrong("Diskominfotik")],
        "Pelanggaran kode etik penyelenggara pemilu ditangani <b>DKPP</b>.",
    ),
    single_choice(
        "Sentra Gakkumdu, yang menangani tindak pidana pemilu, terdiri atas ...",
        [right("Bawaslu, Kepolisian dan Kejaksaan"), wrong("KPU, Bawaslu dan DKPP"),
         wrong("Bawaslu, KPU dan Pemprov DKI Jakarta"),
         wrong("Kepolisian, Satpol PP dan Linmas")],
        "Sentra Gakkumdu: <b>Bawaslu, Kepolisian dan Kejaksaan</b>; perkaranya lalu "
        "diadili di pengadilan.",
    ),
    multiple_choice(
        "Mana saja bentuk pengawasan partisipatif yang tepat bagi warga?",
        [part("Memeriksa daftar pemilih dan mengajak tetangga memeriksanya", 25),
         part("Mengamati kampanye di lingkungannya", 25),
         part("Menyaksikan penghitungan suara di TPS", 25),
         part("Melaporkan dugaan pelanggaran dengan bukti", 25),
         part("Menyita amplop uang dari tim kampanye", -50),
         part("Mencopot alat peraga kampanye yang melanggar", -50)],
        "Warga mengamati dan melapor, tetapi <b>tidak menindak sendiri</b>: jangan "
        "merampas barang atau mencopot alat peraga. Serahkan kepada pengawas pemilu.",
    ),
    single_choice(
        "Manakah yang termasuk syarat <b>materiel</b> laporan dugaan pelanggaran?",
        [right("Uraian kejadian beserta waktu dan tempatnya"),
         wrong("Nama dan alamat pelapor"),
         wrong("Tanda tangan sesuai kartu identitas"),
         wrong("Disampaikan paling lama 7 hari sejak kejadian diketahui")],
        "Syarat materiel: waktu dan tempat kejadian, uraian kejadian, bukti termasuk "
        "saksi. Identitas pelapor, terlapor, batas 7 hari dan tanda tangan adalah "
        "syarat formal.",
    ),
    true_false(
        "Dalam Pilkada, UU Pilkada mengancam pidana baik pemberi maupun penerima "
        "politik uang.",
        True,
        "Benar. Pasal 187A UU Pilkada (ditambahkan oleh UU 10/2016) mengancam pidana "
        "<b>pemberi maupun penerima</b>.",
    ),
    short_answer(
        "Aparatur sipil negara (ASN) terdiri atas PNS dan ...",
        ["PPPK", "P3K", "pegawai pemerintah dengan perjanjian kerja*"],
        "ASN terdiri atas <b>PNS dan PPPK</b> (pegawai pemerintah dengan perjanjian "
        "kerja).",
    ),
    single_choice(
        "Menurut SKB 2022, tindakan ASN di media sosial mana yang melanggar "
        "netralitas?",
        [right("Memberi like atau membagikan unggahan akun pemenangan calon"),
         wrong("Membaca visi dan misi calon secara pribadi"),
         wrong("Meneruskan informasi resmi KPU tentang jadwal pemungutan suara"),
         wrong("Melaporkan dugaan pelanggaran netralitas kepada Bawaslu")],
        "Satu <i>like</i> atau <i>share</i> pada unggahan pemenangan calon sudah "
        "pelanggaran menurut SKB 2022. Informasi resmi penyelenggara boleh diteruskan.",
    ),
    single_choice(
        "Pada kegiatan Peningkatan Kapasitas Lembaga Kemasyarakatan di Kecamatan Sawah "
        "Besar, 27 September 2023, peserta menandatangani Pakta Integritas dan "
        "membacakan ...",
        [right("Ikrar netralitas ASN"), wrong("Sumpah jabatan anggota KPPS"),
         wrong("Deklarasi dukungan kepada calon presiden"),
         wrong("Janji kampanye partai politik")],
        "Kegiatan itu diisi penandatanganan Pakta Integritas dan pembacaan <b>Ikrar "
        "netralitas ASN</b>.",
    ),
    # Jakarta Smart City dan kanal pengaduan (Pemkot)
    short_answer(
        "Pemprov DKI Jakarta menghimpun kanal pengaduannya dalam sistem CRM. Apa "
        "kepanjangan CRM?",
        ["Cepat Respon Masyarakat", "Cepat Respons Masyarakat"],
        "<b>CRM: Cepat Respon Masyarakat</b>. Perkembangan laporan dapat dipantau di "
        "crm.jakarta.go.id.",
    ),
    multiple_choice(
        "Laporan lewat kanal mana saja yang masuk ke sistem CRM Pemprov DKI Jakarta?",
        [part("Aplikasi JAKI", 25), part("SMS ke 0811-1272-206", 25),
         part("Surel ke dki@jakarta.go.id", 25),
         part("Akun media sosial resmi @DKIJakarta", 25),
         part("SiGapLapor", -50), part("cekdptonline.kpu.go.id", -50)],
        "JAKI, SMS, surel, media sosial resmi dan tatap muka masuk ke CRM. SiGapLapor "
        "adalah kanal Bawaslu; cekdptonline untuk memeriksa daftar pemilih.",
    ),
    single_choice(
        "Laporan Anda di JAKI ditandai selesai, padahal masalahnya belum beres. Apa "
        "langkah yang tepat?",
        [right("Memberi tanggapan di aplikasi, melapor kembali dengan menyebut nomor "
               "laporan sebelumnya dan foto terbaru, lalu menyampaikannya kepada "
               "kelurahan"),
         wrong("Menelepon 112 agar cepat ditangani"),
         wrong("Membiarkannya, karena laporan yang sudah ditutup tidak bisa diadukan "
               "lagi"),
         wrong("Mengirim laporan yang sama berulang kali tanpa keterangan baru")],
        "Beri tanggapan, laporkan kembali dengan <b>nomor laporan sebelumnya</b> dan "
        "foto terbaru, dan sampaikan kepada kelurahan. 112 hanya untuk darurat.",
    ),
    true_false(
        "Sampah yang belum diangkut sejak tiga hari boleh diadukan ke 112, karena "
        "nomor itu bebas pulsa dan aktif 24 jam.",
        False,
        "Salah. <b>112 hanya untuk keadaan darurat</b>; keluhan yang tidak darurat "
        "membuat jalurnya sibuk. Sampah dilaporkan lewat JAKI atau kanal CRM lain.",
    ),
    single_choice(
        "Menurut Pergub DKI Jakarta 171/2016, RT dan RW adalah ...",
        [right("Lembaga kemasyarakatan yang membantu lurah dalam pemerintahan, "
               "pembangunan dan pelayanan masyarakat"),
         wrong("Perangkat kelurahan yang berstatus ASN"),
         wrong("Penyelenggara pemilu di tingkat lingkungan"),
         wrong("Bagian dari jajaran Bawaslu di kelurahan")],
        "RT dan RW adalah <b>lembaga kemasyarakatan</b> yang membantu lurah. Mereka "
        "bukan ASN, bukan penyelenggara pemilu dan bukan pengawas pemilu.",
    ),
]  # fmt: skip
