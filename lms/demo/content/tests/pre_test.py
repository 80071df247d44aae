"""The pre-test: what participants know before the day, across all three modules.

Parallel to the post-test (same objectives, different questions), so the two
scores can be compared. 20 questions: 10 single choice, 2 multiple choice,
3 true/false, 2 short answer, 2 numeric, 1 matching (worth 2 points).
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
        "Apa dasar hukum penyelenggaraan Pemilu 2024?",
        [right("Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum"),
         wrong("Undang-Undang Nomor 20 Tahun 2023 tentang ASN"),
         wrong("Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS"),
         wrong("Peraturan Gubernur DKI Jakarta Nomor 171 Tahun 2016")],
        "Pemilu diatur <b>UU 7/2017</b>; tahapan dan jadwalnya dalam PKPU 3/2022. "
        "UU 20/2023 mengatur ASN, PP 94/2021 disiplin PNS, Pergub 171/2016 RT dan RW.",
    ),
    single_choice(
        "Pada hari pemungutan suara, TPS dibuka pukul berapa?",
        [right("07.00–13.00 waktu setempat"), wrong("08.00–14.00 waktu setempat"),
         wrong("07.00–17.00 waktu setempat"), wrong("06.00–12.00 waktu setempat")],
        "TPS dibuka pukul <b>07.00 sampai 13.00</b> waktu setempat.",
    ),
    numeric(
        "Berapa jenis surat suara yang diterima pemilih DPT di Jakarta pada "
        "14 Februari 2024?",
        [number(4),
         number(5, 0, "Lima jenis secara nasional; di Jakarta tidak ada DPRD "
                "kabupaten/kota.")],
        "<b>Empat</b>: abu-abu (Presiden), kuning (DPR RI), merah (DPD RI) dan biru "
        "(DPRD Provinsi). Surat suara hijau tidak ada di Jakarta.",
        unit="jenis",
    ),
    single_choice(
        "Surat suara berwarna merah pada Pemilu 2024 dipakai untuk memilih ...",
        [right("anggota DPD RI"), wrong("anggota DPR RI"),
         wrong("Presiden dan Wakil Presiden"), wrong("anggota DPRD Provinsi")],
        "Abu-abu untuk Presiden dan Wakil Presiden, kuning DPR RI, <b>merah DPD RI</b>, "
        "biru DPRD Provinsi, hijau DPRD kabupaten/kota.",
    ),
    true_false(
        "Pada Pilkada serentak 27 November 2024, warga Jakarta Pusat memilih wali kota "
        "Jakarta Pusat.",
        False,
        "Salah. Di Jakarta wali kota diangkat oleh gubernur, sehingga warga Jakarta "
        "Pusat hanya memilih <b>gubernur dan wakil gubernur</b>.",
    ),
    single_choice(
        "Warga yang sudah mengurus pindah memilih (pemilih DPTb) membawa apa ke TPS?",
        [right("Formulir Model A Surat Pindah Memilih dan KTP-el"),
         wrong("Formulir Model C Pemberitahuan saja"),
         wrong("Surat pengantar dari ketua RT tempat tinggalnya"),
         wrong("Kartu tanda anggota partai politik")],
        "Pemilih DPTb membawa <b>Formulir Model A Surat Pindah Memilih</b> dan KTP-el. "
        "Formulir Model C Pemberitahuan untuk pemilih DPT.",
    ),
    short_answer(
        "Kelompok petugas yang menyelenggarakan pemungutan dan penghitungan suara di "
        "TPS disingkat ...",
        ["KPPS", "kelompok penyelenggara pemungutan suara"],
        "<b>KPPS</b>: ketua dan enam anggota, dibentuk PPS di kelurahan.",
    ),
    true_false(
        "Pemilih boleh memotret surat suara yang sudah dicoblos asalkan fotonya tidak "
        "disebarkan.",
        False,
        "Salah. Jangan memotret surat suara yang sudah dicoblos; telepon genggam tidak "
        "boleh dibawa ke bilik suara. Kerahasiaan melindungi dari tekanan dan jual beli "
        "suara.",
    ),
    # Pengawasan Pemilu dan Netralitas ASN (Bawaslu)
    single_choice(
        "Menurut UU 7/2017, penyelenggara pemilu terdiri atas ...",
        [right("KPU, Bawaslu dan DKPP"),
         wrong("KPU, Bawaslu dan Kementerian Dalam Negeri"),
         wrong("KPU dan partai politik peserta pemilu"),
         wrong("KPU, Kepolisian dan Kejaksaan")],
        "Penyelenggara pemilu: <b>KPU, Bawaslu dan DKPP</b>.",
    ),
    multiple_choice(
        "Mana saja tugas Bawaslu?",
        [part("Mencegah pelanggaran dan sengketa proses pemilu", 25),
         part("Mengawasi setiap tahapan pemilu", 25),
         part("Menindak pelanggaran", 25),
         part("Menyelesaikan sengketa proses pemilu", 25),
         part("Menetapkan hasil pemilu secara nasional", -50),
         part("Membentuk KPPS di setiap TPS", -50)],
        "Bawaslu <b>mencegah, mengawasi, menindak</b> dan <b>menyelesaikan sengketa "
        "proses</b>. Hasil nasional ditetapkan KPU; KPPS dibentuk PPS.",
    ),
    numeric(
        "Paling lama berapa hari sejak dugaan pelanggaran diketahui, laporan harus "
        "disampaikan kepada pengawas pemilu?",
        [number(7)],
        "<b>7 hari</b> sejak dugaan pelanggaran diketahui (UU 7/2017 Pasal 454).",
        unit="hari",
    ),
    single_choice(
        "Apa yang dimaksud dengan \"serangan fajar\"?",
        [right("Amplop berisi uang yang dibagikan menjelang hari pemungutan suara"),
         wrong("Kampanye terbuka yang dimulai sejak pagi hari"),
         wrong("Pemasangan alat peraga kampanye sebelum subuh"),
         wrong("Kunjungan KPPS ke rumah pemilih pada pagi hari pemungutan suara")],
        "Serangan fajar adalah bentuk <b>politik uang</b>: amplop berisi uang yang "
        "dibagikan menjelang hari pemungutan suara.",
    ),
    true_false(
        "Pengurus RT/RW termasuk aparatur sipil negara (ASN).",
        False,
        "Salah. RT/RW adalah lembaga kemasyarakatan. Namun ASN yang juga menjadi "
        "pengurus RT/RW tetap terikat aturan netralitas ASN.",
    ),
    multiple_choice(
        "Mana saja yang dilarang bagi ASN selama pemilu?",
        [part("Hadir di kampanye memakai seragam dinas", 25),
         part("Memakai mobil dinas untuk kegiatan calon", 25),
         part("Membagikan unggahan akun pemenangan calon di media sosial", 25),
         part("Menjadi pengurus partai politik", 25),
         part("Datang ke TPS dan memilih", -50),
         part("Menonton debat calon secara pribadi", -50)],
        "Seragam dinas, fasilitas negara, dukungan di media sosial dan keanggotaan "
        "partai dilarang (PP 94/2021, SKB 2022, UU ASN). Memilih di TPS dan menonton "
        "debat secara pribadi boleh.",
    ),
    single_choice(
        "Siapa yang dapat menyampaikan laporan dugaan pelanggaran pemilu kepada "
        "Bawaslu?",
        [right("Warga negara yang memiliki hak pilih, peserta pemilu, atau pemantau "
               "pemilu"),
         wrong("Hanya peserta pemilu dan tim kampanyenya"),
         wrong("Hanya pengurus RT/RW atas nama warganya"),
         wrong("Hanya ASN yang bertugas di kelurahan")],
        "Pelapor: <b>warga negara yang memiliki hak pilih</b>, peserta pemilu, atau "
        "pemantau pemilu.",
    ),
    single_choice(
        "Anda melihat alat peraga kampanye dipasang di tempat yang dilarang. Apa yang "
        "tepat dilakukan?",
        [right("Mencatat dan memotretnya, lalu melaporkannya kepada pengawas pemilu"),
         wrong("Mencopot sendiri alat peraga itu"),
         wrong("Mengunggah foto pemasangnya ke grup warga agar ia malu"),
         wrong("Membiarkannya, karena pengawasan hanya tugas Bawaslu")],
        "Mengawasi bukan menindak: warga mengamati dan melapor dengan bukti, tidak "
        "mencopot alat peraga atau menghakimi orang yang diduga melanggar.",
    ),
    # Jakarta Smart City dan kanal pengaduan (Pemkot)
    short_answer(
        "Apa nama aplikasi super milik Pemprov DKI Jakarta untuk informasi, layanan "
        "kota dan laporan warga?",
        ["JAKI*", "Jakarta Kini", "aplikasi JAKI*",
         ("JakLapor", 50, "JakLapor adalah nama lama fitur laporan warganya.")],
        "<b>JAKI (Jakarta Kini)</b>. Fitur laporan warganya dulu bernama JakLapor.",
    ),
    single_choice(
        "Nomor tunggal untuk keadaan darurat di Jakarta adalah ...",
        [right("112"), wrong("1708"), wrong("0811-1272-206"),
         wrong("Nomor kantor kelurahan setempat")],
        "<b>Jakarta Siaga 112</b>: bebas pulsa, 24 jam. 1708 adalah SMS LAPOR!, "
        "0811-1272-206 SMS kanal CRM Pemprov DKI.",
    ),
    matching(
        "Pasangkan setiap kanal dengan kegunaannya.",
        [("JAKI", "Masalah kota yang tidak darurat, dengan foto dan lokasi"),
         ("Jakarta Siaga 112", "Keadaan darurat: kebakaran, kecelakaan, bencana"),
         ("LAPOR! (SP4N)", "Pengaduan pelayanan publik instansi pusat maupun daerah"),
         ("SiGapLapor", "Dugaan pelanggaran pemilu")],
        "JAKI untuk masalah kota, 112 untuk darurat, LAPOR! untuk pelayanan publik, "
        "SiGapLapor (Bawaslu) untuk pelanggaran pemilu. Daftar pemilih diperiksa di "
        "cekdptonline.kpu.go.id.",
        distractors=["Memeriksa nama di daftar pemilih"],
        points=2,
    ),
    single_choice(
        "Jakarta Smart City kini dikelola di lingkungan ...",
        [right("Dinas Komunikasi, Informatika dan Statistik (Diskominfotik) Provinsi "
               "DKI Jakarta"),
         wrong("BPBD DKI Jakarta"), wrong("KPU Provinsi DKI Jakarta"),
         wrong("Bagian Pemerintahan Kota Administrasi Jakarta Pusat")],
        "Jakarta Smart City, diluncurkan Desember 2014, dikelola di lingkungan "
        "<b>Diskominfotik</b> Provinsi DKI Jakarta. BPBD mengelola 112.",
    ),
]  # fmt: skip
