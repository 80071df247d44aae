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
    "slug": "kuis-latihan-pengawasan-pemilu",
    "title": "Kuis latihan: Pengawasan Pemilu dan Netralitas ASN",
    "introduction": (
        "<p>Delapan soal tentang tugas Bawaslu, politik uang, cara melapor dan "
        "netralitas ASN. Boleh diulang; pembahasan tampil begitu jawaban dikirim.</p>"
    ),
    "questions": [
        single_choice(
            "Menurut UU 7/2017, lembaga mana yang bertugas mengawasi tahapan pemilu?",
            [
                right("Bawaslu dan jajarannya",
                      "Benar: dari Bawaslu RI sampai pengawas TPS."),
                wrong("KPU", "KPU melaksanakan tahapan pemilu, bukan mengawasinya."),
                wrong("DKPP", "DKPP menangani pelanggaran kode etik penyelenggara "
                      "pemilu."),
                wrong("Sentra Gakkumdu",
                      "Sentra Gakkumdu (Bawaslu, Kepolisian, Kejaksaan) menangani tindak "
                      "pidana pemilu."),
            ],
            "Penyelenggara pemilu terdiri atas KPU, Bawaslu dan DKPP. KPU melaksanakan "
            "tahapan; <b>Bawaslu</b> mencegah, mengawasi dan menindak pelanggaran serta "
            "menyelesaikan sengketa proses pemilu.",
        ),
        multiple_choice(
            "Mana saja yang termasuk politik uang?",
            [
                part("Amplop berisi uang yang dibagikan menjelang hari pemungutan suara",
                     25, "Benar. Ini yang sering disebut serangan fajar."),
                part("Paket sembako yang dibagikan dengan pesan memilih calon tertentu",
                     25, "Benar. Barang untuk membeli suara juga politik uang."),
                part("Kiriman saldo dompet digital dengan syarat memilih calon tertentu",
                     25, "Benar. Saldo, pulsa dan voucher pun termasuk."),
                part("Janji pekerjaan jika calon menang di TPS tersebut", 25,
                     "Benar. Janji imbalan juga politik uang."),
                part("Kaus dan kalender kampanye dalam batas nilai yang diatur KPU", -50,
                     "Bahan kampanye boleh dibagikan dalam batas nilai yang diatur KPU."),
                part("Penyampaian visi, misi dan program peserta pemilu dalam kampanye",
                     -50, "Itu isi kampanye yang sah."),
            ],
            "Politik uang adalah uang tunai, barang, saldo atau janji imbalan untuk "
            "membeli suara, apa pun namanya. Bahan kampanye seperti kaus atau kalender "
            "boleh dalam batas nilai yang diatur KPU.",
        ),
        true_false(
            "Seorang ASN yang sekadar memberi <i>like</i> pada unggahan akun pemenangan "
            "calon tidak melanggar aturan netralitas, karena hanya di media sosial.",
            False,
            "Salah. Menurut SKB 2022, memberi <i>like</i>, komentar, <i>share</i> atau "
            "mengikuti akun pemenangan calon sudah termasuk pelanggaran netralitas ASN.",
        ),
        numeric(
            "Paling lama berapa hari sejak dugaan pelanggaran diketahui, laporan harus "
            "disampaikan kepada Bawaslu atau jajarannya?",
            [
                number(7),
                number(14, 0, "14 hari kerja adalah batas kajian laporan yang perlu "
                       "keterangan tambahan, bukan batas melapor."),
            ],
            "Laporan disampaikan <b>paling lama 7 hari</b> sejak dugaan pelanggaran "
            "diketahui (UU 7/2017 Pasal 454). Laporan yang terlambat tidak memenuhi "
            "syarat formal.",
            unit="hari",
        ),
        short_answer(
            "Apa nama kanal daring Bawaslu untuk melaporkan dugaan pelanggaran pemilu "
            "dan memantau penanganannya?",
            ["SiGapLapor", "Sigap Lapor", "sigaplapor.bawaslu.go.id"],
            "<b>SiGapLapor</b> (sigaplapor.bawaslu.go.id). Laporan juga bisa disampaikan "
            "langsung di kantor Bawaslu Kota Jakarta Pusat atau Panwaslu Kecamatan.",
        ),
        matching(
            "Pasangkan setiap jenis pelanggaran dengan yang menanganinya.",
            [
                ("Pelanggaran kode etik penyelenggara", "DKPP"),
                ("Pelanggaran administratif pemilu", "Bawaslu dan jajarannya"),
                ("Tindak pidana pemilu, misalnya politik uang",
                 "Sentra Gakkumdu, lalu pengadilan"),
                ("ASN tidak netral", "Diteruskan kepada instansi yang berwenang"),
            ],
            "Kode etik penyelenggara ditangani DKPP; pelanggaran administratif oleh "
            "Bawaslu; tindak pidana pemilu oleh Sentra Gakkumdu (Bawaslu, Kepolisian, "
            "Kejaksaan) lalu pengadilan; pelanggaran aturan lain seperti netralitas ASN "
            "diteruskan kepada instansi yang berwenang. KPPS tidak menangani "
            "pelanggaran.",
            distractors=["KPPS di TPS"],
        ),
        single_choice(
            "Di tingkat TPS, siapa yang mengawasi pemungutan dan penghitungan suara?",
            [
                right("Pengawas TPS, yang dibentuk Panwaslu Kecamatan",
                      "Benar. Pengawas TPS adalah jajaran Bawaslu yang paling dekat "
                      "dengan warga."),
                wrong("KPPS", "KPPS menyelenggarakan pemungutan dan penghitungan suara, "
                      "bukan mengawasinya."),
                wrong("Saksi peserta pemilu",
                      "Saksi menyaksikan proses atas mandat peserta pemilu; pengawasan "
                      "resmi dilakukan pengawas TPS."),
                wrong("Petugas ketertiban TPS",
                      "Petugas ketertiban, umumnya dari Linmas, menjaga ketertiban dan "
                      "keamanan TPS."),
            ],
            "Pengawas pemilu ada sampai tingkat TPS: Panwaslu Kecamatan, Panwaslu "
            "Kelurahan dan <b>pengawas TPS</b> bersifat sementara (ad hoc).",
        ),
        single_choice(
            "Menjelang hari pemungutan suara, Anda melihat tim kampanye membagikan "
            "sembako disertai ajakan memilih calon tertentu di gang Anda. Apa yang "
            "sebaiknya dilakukan?",
            [
                right("Mencatat kejadian, mengamankan bukti dan nama saksi, lalu melapor "
                      "ke Bawaslu atau Panwaslu Kecamatan paling lama 7 hari",
                      "Benar. Laporan yang memuat waktu, tempat, uraian dan bukti lebih "
                      "mudah ditindaklanjuti."),
                wrong("Merampas sembako itu dan mengusir tim kampanye",
                      "Warga mengawasi dan melapor, bukan menindak sendiri."),
                wrong("Melaporkannya lewat JAKI",
                      "JAKI untuk masalah kota; dugaan pelanggaran pemilu dilaporkan ke "
                      "Bawaslu."),
                wrong("Menunggu sampai pemilu selesai agar suasana tetap kondusif",
                      "Laporan yang lewat 7 hari tidak memenuhi syarat formal."),
            ],
            "Mengawasi bukan menindak: catat apa, kapan, di mana dan siapa yang terlibat, "
            "simpan bukti dan nama saksi, lalu laporkan ke pengawas pemilu atau lewat "
            "SiGapLapor <b>paling lama 7 hari</b> sejak kejadian diketahui.",
        ),
    ],
}  # fmt: skip
