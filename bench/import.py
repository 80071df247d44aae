"""Question-bank figures: reading and importing a 1,000-question GIFT file.

The file is generated here, deterministically, so the figure does not depend
on a fixture: every question type the importer supports, the three text
markers, names, categories, per-answer and general feedback, partial and
negative credits, wildcards, tolerances and ranges, with Indonesian texts of
the length speakers write. The full import is what the admin's confirm step
and ``manage.py import_questions`` do: decode, parse, map, validate each
block, and save the pool as a new revision of a quiz (a fresh quiz each run,
so the revision does not grow from one run to the next).
"""

import random
import statistics
import time

from django.utils.text import slugify

from bench.harness import benchmark, median_ms
from lms.learning.models import ModulePage
from quizzes.models import QuizPage
from quizzes.qbank import parse_file
from quizzes.qbank.saving import import_questions

COUNT = 1000
RUNS = 5

TOPICS = [
    "pemungutan suara",
    "penghitungan suara di TPS",
    "daftar pemilih tetap",
    "kampanye",
    "rekapitulasi hasil",
    "pengawasan partisipatif",
    "netralitas ASN",
    "logistik pemilu",
]
PLACES = [
    "Kelurahan Kartini",
    "Gunung Sahari Utara",
    "Pasar Baru",
    "Mangga Dua Selatan",
]
STEMS = [
    "Menurut peraturan KPU, siapa yang bertugas dalam {topic} di {place}?",
    "Apa langkah pertama petugas KPPS dalam {topic} di {place}?",
    "Dokumen apa yang wajib dibawa pemilih saat {topic} di {place}?",
    "Bagaimana warga melaporkan dugaan pelanggaran {topic} di {place}?",
]
OPTIONS = [
    "Ketua KPPS bersama anggota",
    "Pengawas TPS dari Panwaslu Kelurahan",
    "Saksi peserta pemilu yang membawa surat mandat",
    "Ketua RT setempat",
    "Petugas ketertiban TPS",
    "Pemilih yang datang paling awal",
]


def _category(number: int) -> str:
    topic = TOPICS[number % len(TOPICS)].capitalize()
    return f"$CATEGORY: $course$/Pemilu 2029/{topic}\n"


def _single(number, stem, rng):
    right, *wrong = rng.sample(OPTIONS, 4)
    return (
        f"::Soal {number}::[html]<p>{stem} <strong>Pilih satu.</strong></p> {{\n"
        f"  ={right} # Benar, sesuai PKPU tentang {TOPICS[number % 8]}.\n"
        + "".join(f"  ~{option} # Belum tepat.\n" for option in wrong)
        + "  #### <p>Lihat modul 2, halaman 14.</p>\n}"
    )


def _multiple(number, stem, rng):
    chosen = rng.sample(OPTIONS, 5)
    return (
        f"::Soal {number}::{stem} Pilih semua yang benar. {{\n"
        f"  ~%50%{chosen[0]}\n  ~%50%{chosen[1]}\n"
        f"  ~%-50%{chosen[2]} # Ini keliru.\n  ~%-50%{chosen[3]}\n"
        f"  ~%-100%{chosen[4]} # Sama sekali tidak benar.\n}}"
    )


def _true_false(number, stem, rng):
    answer = rng.choice(["T", "F", "TRUE", "FALSE"])
    return (
        f"::Soal {number}::[plain]Pemilih boleh mencoblos lebih dari satu kali "
        f"dalam {TOPICS[number % 8]} di {PLACES[number % 4]}, asal memakai "
        f"KTP-el yang berbeda. {{{answer}#Periksa lagi aturannya.#Tepat sekali.}}"
    )


def _short(number, stem, rng):
    return (
        f"::Soal {number}::Singkatan dari lembaga yang menyelenggarakan "
        f"{TOPICS[number % 8]} adalah ... {{\n"
        "  =KPU # Benar.\n  =%75%Komisi Pemilihan Umum\n"
        "  =%50%Komisi Pemilihan* # Hampir lengkap.\n}"
    )


def _numeric(number, stem, rng):
    if number % 2:
        body = "{#=500:0 =%50%450..550 # Mendekati.}"
    else:
        body = f"{{#{rng.randint(7, 13)}:1}}"
    return (
        f"::Soal {number}::[markdown]Berapa **jumlah maksimal** pemilih di satu "
        f"TPS untuk {TOPICS[number % 8]} di *{PLACES[number % 4]}*? {body}"
    )


def _matching(number, stem, rng):
    pairs = [
        ("KPPS", "memimpin pemungutan di TPS"),
        ("PPS", "membentuk KPPS di kelurahan"),
        ("PPK", "merekap hasil di kecamatan"),
        ("Bawaslu", "mengawasi seluruh tahapan"),
    ]
    rng.shuffle(pairs)
    return (
        f"::Soal {number}::Pasangkan lembaga dengan tugasnya dalam "
        f"{TOPICS[number % 8]}. {{\n"
        + "".join(f"  ={left} -> {right}\n" for left, right in pairs)
        + "  = -> menetapkan calon terpilih\n"
        "  #### Lihat bagan struktur penyelenggara.\n}"
    )


KINDS = [_single, _multiple, _true_false, _short, _numeric, _matching]


def gift_file(count: int = COUNT) -> bytes:
    """``count`` GIFT questions cycling through the types, a category every 50."""
    rng = random.Random(7)
    paragraphs = ["// Bank soal tolok ukur, dibuat oleh bench/import.py"]
    for number in range(1, count + 1):
        stem = rng.choice(STEMS).format(
            topic=TOPICS[number % len(TOPICS)], place=PLACES[number % len(PLACES)]
        )
        question = KINDS[number % len(KINDS)](number, stem, rng)
        if number % 50 == 1:
            question = _category(number) + question
        paragraphs.append(question)
    return ("\n\n".join(paragraphs) + "\n").encode("utf-8")


def _empty_quiz(run: int) -> QuizPage:
    module = ModulePage.objects.live().first()
    quiz = QuizPage(
        title=f"Kuis impor {run}", slug=slugify(f"kuis impor tolok ukur {run}")
    )
    module.add_child(instance=quiz)
    return quiz


@benchmark("qbank_parse_1000_gift", unit="ms", target=2000)
def qbank_parse_1000_gift() -> float:
    """Decode and parse the 1,000-question file (pure: no database)."""
    data = gift_file()
    assert len(parse_file(data, file_format="gift").questions) == COUNT
    return median_ms(lambda: parse_file(data), repeat=RUNS, warmup=1)


@benchmark("qbank_import_1000_gift", unit="ms", target=5000)
def qbank_import_1000_gift() -> float:
    """Parse, map, validate and save the 1,000 as a new revision of a fresh quiz."""
    data = gift_file()
    samples = []
    for run in range(RUNS + 1):  # the first run is the warm-up
        quiz = _empty_quiz(run)
        started = time.perf_counter()
        plan = import_questions(quiz=quiz, result=parse_file(data))
        samples.append((time.perf_counter() - started) * 1000)
        assert len(plan.blocks) == COUNT and not plan.skipped
        page = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
        assert len(page.questions) == COUNT
    return round(statistics.median(samples[1:]), 1)
