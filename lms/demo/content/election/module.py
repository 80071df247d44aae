"""The module page, its pictures and files, and data its lessons share."""

from ...media import Chart, Cover, DemoDocument, DemoImage
from ..build import period, ul

# (start, end, stage, description): PKPU 3/2022, plus the swearing-in dates
# and the simultaneous regional elections that close the electoral year.
STAGES = [
    ("2022-06-14", None, "Tahapan dimulai: perencanaan program dan anggaran",
     "Tahapan Pemilu 2024 diluncurkan 14 Juni 2022, 20 bulan sebelum hari "
     "pemungutan suara, dimulai dengan perencanaan program dan anggaran serta "
     "penyusunan peraturan pelaksanaan."),
    ("2022-07-29", "2022-12-13", "Pendaftaran dan verifikasi peserta pemilu",
     "Partai politik mendaftar ke KPU lalu diverifikasi administrasi dan faktual."),
    ("2022-10-14", "2023-06-21", "Pemutakhiran data pemilih dan penyusunan daftar pemilih",
     "Termasuk pencocokan dan penelitian (coklit) dari rumah ke rumah oleh Pantarlih, "
     "pengumuman daftar pemilih sementara dan penetapan daftar pemilih tetap (DPT)."),
    ("2022-10-14", "2023-02-09", "Penetapan jumlah kursi dan daerah pemilihan",
     "Jumlah kursi dan daerah pemilihan (dapil) ditetapkan untuk setiap lembaga perwakilan."),
    ("2022-12-06", "2023-11-25", "Pencalonan anggota DPD",
     "Dari penyerahan dukungan pemilih bagi calon perseorangan sampai daftar calon tetap."),
    ("2022-12-14", None, "Penetapan partai politik peserta pemilu",
     "KPU menetapkan partai politik peserta Pemilu 2024 beserta nomor urutnya."),
    ("2023-04-24", "2023-11-25", "Pencalonan anggota DPR, DPRD provinsi, DPRD kabupaten/kota",
     "Pengajuan bakal calon oleh partai, verifikasi, sampai penetapan daftar calon tetap (DCT)."),
    ("2023-10-19", "2023-11-25", "Pencalonan Presiden dan Wakil Presiden",
     "Pendaftaran pasangan calon, pemeriksaan syarat, penetapan dan pengundian nomor urut."),
    ("2023-11-28", "2024-02-10", "Masa kampanye",
     "Peserta pemilu menyampaikan visi, misi dan program; berlaku larangan kampanye "
     "dalam UU 7/2017, termasuk menjanjikan atau memberi uang kepada peserta kampanye."),
    ("2024-02-11", "2024-02-13", "Masa tenang",
     "Tidak boleh ada kegiatan kampanye dalam bentuk apa pun."),
    ("2024-02-14", None, "Pemungutan suara",
     "Rabu, 14 Februari 2024, di TPS pukul 07.00–13.00 waktu setempat."),
    ("2024-02-14", "2024-02-15", "Penghitungan suara di TPS",
     "Dimulai setelah pemungutan suara selesai, terbuka untuk disaksikan warga."),
    ("2024-02-15", "2024-03-20", "Rekapitulasi hasil penghitungan suara",
     "Berjenjang dari kecamatan, kabupaten/kota, provinsi sampai nasional; hasil "
     "nasional ditetapkan KPU pada 20 Maret 2024."),
    ("2024-10-01", None, "Pengucapan sumpah/janji anggota DPR dan DPD",
     "Anggota DPRD provinsi dan kabupaten/kota dilantik sesuai akhir masa jabatan "
     "di daerah masing-masing."),
    ("2024-10-20", None, "Pengucapan sumpah/janji Presiden dan Wakil Presiden", ""),
    ("2024-11-27", None, "Pemungutan suara Pilkada serentak",
     "Pemilihan kepala daerah serentak nasional. Di Jakarta yang dipilih adalah "
     "gubernur dan wakil gubernur."),
]  # fmt: skip

IMAGES = {
    "cover": DemoImage(
        "Sampul modul: Tahapan Pemilu Serentak 2024",
        "sampul-tahapan-pemilu-2024.png",
        Cover(
            "Tahapan Pemilu Serentak 2024",
            "Dari pemutakhiran data pemilih sampai hari pemungutan suara di TPS",
            "KPU Kota Jakarta Pusat",
            "#8a1c1c",
        ),
    ),
    "ballots": DemoImage(
        "Infografik: lima jenis surat suara Pemilu 2024",
        "infografik-surat-suara-pemilu-2024.png",
        Chart(
            "Lima jenis surat suara Pemilu 2024",
            "Setiap warna untuk satu pemilihan. Masukkan ke kotak suara yang bertanda "
            "warna sama.",
            (
                ("#9e9e9e", "Abu-abu", "Presiden dan Wakil Presiden"),
                ("#f2c200", "Kuning", "Anggota DPR RI"),
                ("#d62828", "Merah", "Anggota DPD RI"),
                ("#1d4ed8", "Biru", "Anggota DPRD Provinsi"),
                (
                    "#2e8540",
                    "Hijau",
                    "Anggota DPRD Kabupaten/Kota (tidak ada di Jakarta)",
                ),
            ),
            footer="Di DKI Jakarta pemilih menerima empat surat suara: tidak ada DPRD "
            "kabupaten/kota di Jakarta.",
        ),
    ),
}

DOCUMENTS = {
    "stages": DemoDocument(
        "Ringkasan tahapan Pemilu Serentak 2024",
        "ringkasan-tahapan-pemilu-2024.pdf",
        (
            ("p", "Disusun dari PKPU Nomor 3 Tahun 2022 tentang Tahapan dan Jadwal "
                  "Penyelenggaraan Pemilihan Umum Tahun 2024. Bahan belajar; untuk "
                  "keperluan resmi, rujuk salinan peraturan di JDIH KPU."),
            ("h", "Tahapan dan jadwal"),
            *(("li", f"{period(start, end)}: {name}.") for start, end, name, _ in STAGES),
            ("h", "Yang perlu diingat pengurus lingkungan"),
            ("li", "Bantu Pantarlih saat coklit dan ajak warga memeriksa daftar pemilih."),
            ("li", "Pastikan warga tahu lokasi TPS dan jam pemungutan suara (07.00–13.00)."),
            ("li", "Jaga suasana kondusif dan tetap netral; laporkan dugaan pelanggaran "
                   "kepada Bawaslu."),
        ),
    ),
}  # fmt: skip

MODULE = {
    "slug": "tahapan-pemilu-serentak-2024",
    "title": "Tahapan Pemilu Serentak 2024",
    "summary": (
        "Tahapan dan jadwal Pemilu 2024 menurut PKPU 3/2022, lima jenis surat suara, "
        "cara memilih di TPS bagi pemilih DPT, DPTb dan DPK, serta peran KPPS dan "
        "pengurus RT/RW agar warga dapat menggunakan hak pilihnya."
    ),
    "cover": "cover",
    "speakers": ["kpud"],
    "duration_jp": 2,
    "tags": ["pemilu 2024", "kpu", "tps", "partisipasi warga"],
    "learning_objectives": ul(
        "menyebutkan tahapan utama Pemilu 2024 dan tanggal pentingnya;",
        "membedakan lima jenis surat suara menurut warnanya, dan menjelaskan mengapa "
        "pemilih di Jakarta menerima empat;",
        "menjelaskan syarat dan dokumen pemilih DPT, DPTb dan DPK di TPS;",
        "menggambarkan peran KPPS, pengawas TPS dan pengurus RT/RW pada hari pemungutan "
        "suara.",
    ),
}
