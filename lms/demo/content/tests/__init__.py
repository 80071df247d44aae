"""The event's pre-test and post-test, covering all three modules.

They belong to an event; until events exist they live in the KPUD module (the
first module of the day), after its lessons and practice quiz. Each is the quiz
page's fields, questions included.
"""

from .post_test import QUESTIONS as POST_TEST_QUESTIONS
from .pre_test import QUESTIONS as PRE_TEST_QUESTIONS

# The module (by its slug) whose page holds the two tests.
MODULE_SLUG = "tahapan-pemilu-serentak-2024"

PRE_TEST = {
    "slug": "pre-test-peningkatan-kapasitas",
    "title": "Pre-test Peningkatan Kapasitas",
    "kind": "pre_test",
    "introduction": (
        "<p>Kerjakan sebelum materi dimulai. Dua puluh soal tentang tahapan Pemilu "
        "2024, pengawasan pemilu dan netralitas ASN, serta Jakarta Smart City dan kanal "
        "pengaduan warga. Hasilnya menjadi titik awal untuk melihat kemajuan Anda di "
        "post-test, jadi jawablah sendiri tanpa membuka materi.</p>"
        "<ul><li>Satu kali kesempatan, tanpa batas waktu.</li>"
        "<li>Tidak ada nilai minimal: pre-test tidak menentukan kelulusan.</li>"
        "<li>Setelah mengirim, Anda melihat nilai Anda saja.</li></ul>"
    ),
    # A baseline, not a hurdle: nobody is told they failed before the lessons.
    "pass_mark": 0,
    "time_limit_minutes": None,
    "max_attempts": 1,
    "grading_method": "highest",
    "shuffle_questions": False,
    "shuffle_options": True,
    "review_content": "score",
    "review_timing": "immediately",
    "grants_certificate": False,
    "questions": PRE_TEST_QUESTIONS,
}

POST_TEST = {
    "slug": "post-test-peningkatan-kapasitas",
    "title": "Post-test Peningkatan Kapasitas",
    "kind": "post_test",
    "introduction": (
        "<p>Kerjakan setelah semua materi selesai. Dua puluh soal dari ketiga modul, "
        "diacak untuk setiap peserta.</p>"
        "<ul><li>Waktu 30 menit sejak Anda mulai; jawaban tersimpan otomatis.</li>"
        "<li>Dua kali kesempatan; nilai tertinggi yang dihitung.</li>"
        "<li>Nilai minimal <b>70</b> untuk memperoleh sertifikat.</li>"
        "<li>Setelah mengirim, Anda melihat nilai dan soal mana yang sudah benar.</li>"
        "</ul>"
    ),
    "pass_mark": 70,
    "time_limit_minutes": 30,
    "max_attempts": 2,
    "grading_method": "highest",
    "shuffle_questions": True,
    "shuffle_options": True,
    "review_content": "correctness",
    "review_timing": "immediately",
    "grants_certificate": True,
    "questions": POST_TEST_QUESTIONS,
}

__all__ = ["MODULE_SLUG", "POST_TEST", "PRE_TEST"]
