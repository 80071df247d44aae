"""The demo event's evaluation: its questions, and what the participants thought.

``lms.demo.evaluation`` turns these into the event's evaluation page and the
generated participants' answers. Most thought the day useful and the speakers
clear, and many found the morning too short for three subjects: the comments
say the same, in the participants' words.
"""

PAGE = {
    "slug": "evaluasi",
    "title": "Evaluasi kegiatan",
    "intro": (
        "Penilaian Anda membantu Bagian Pemerintahan menyiapkan kegiatan berikutnya "
        "dengan lebih baik. Pengisian sekitar tiga menit."
    ),
}

# (label, field type, required, ask about each speaker, help text, how the
# participants leaned on it: added to each one's usual level 1-5).
QUESTIONS = (
    ("Materi kegiatan bermanfaat bagi tugas saya di lingkungan", "likert", True,
     False, "", 0.5),
    ("Waktu kegiatan cukup untuk materi yang disampaikan", "likert", True, False,
     "", -0.8),
    ("Tempat dan fasilitas kegiatan nyaman", "likert", True, False,
     "Aula, pengeras suara, layar, dan konsumsi.", 0.1),
    ("Saya siap menyampaikan materi ini kepada warga di lingkungan saya", "likert",
     True, False, "", 0.2),
    ("Narasumber menyampaikan materi dengan jelas", "likert", True, True, "", 0.3),
    ("Saran dan masukan untuk kegiatan berikutnya", "multiline", False, False,
     "Boleh dikosongkan. Jangan menuliskan nama atau nomor telepon.", 0),
)  # fmt: skip

# How each speaker of the agenda came across, on top of the question's lean.
SPEAKER_LEAN = {
    "Ahmad Fauzi Rahman (KPU Kota Jakarta Pusat)": 0.3,
    "Ratna Sari Dewi (Bawaslu Kota Jakarta Pusat)": 0.5,
    "Sri Wahyuningsih (Bagian Pemerintahan)": 0.0,
}

# Generated participants (numbers, lms.demo.participants) who were there and
# left without filling it in; ``peserta`` has not answered either, so whoever
# tries the demo can.
DID_NOT_ANSWER = {3, 11, 16, 22, 29}

# Free text, as typed on a phone after the event; some answers stay empty.
COMMENTS = (
    "Waktunya terlalu singkat, sesi tanya jawab jadi terburu-buru.",
    "Materi tahapan pemilu sangat jelas. Mohon bahan paparannya dibagikan ke grup WA.",
    "Sebaiknya diadakan lagi sebelum masa kampanye dimulai.",
    "Pengeras suara di bagian belakang aula kurang terdengar.",
    "Terima kasih, materi netralitas penting untuk kami di RW.",
    "Tolong tambahkan contoh cara melapor lewat JAKI langsung dari HP.",
    "Kegiatan bagus, tapi mulai terlambat hampir setengah jam.",
    "Mohon undangan dikirim lebih awal supaya pengurus PKK bisa hadir semua.",
    "Sesi Bawaslu paling menarik, contoh kasusnya dekat dengan kehidupan warga.",
    "Perlu sesi khusus untuk Karang Taruna tentang pemilih pemula.",
    "Layar terlalu kecil untuk peserta yang duduk di belakang.",
    "Cukup baik. Semoga ada sertifikat untuk semua yang hadir.",
)
