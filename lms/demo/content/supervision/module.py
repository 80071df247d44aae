"""The module page, its pictures and files, and data its lessons share."""

from ...media import Chart, Cover, DemoDocument, DemoImage
from ..build import ul

REPORT_STEPS = [
    ("Catat dan amankan bukti",
     "Tulis apa yang terjadi, kapan, di mana dan siapa yang terlibat. Simpan foto, "
     "video, barang yang dibagikan, serta nama dan kontak saksi."),
    ("Sampaikan laporan",
     "Datang ke kantor Bawaslu Kota Jakarta Pusat atau Panwaslu Kecamatan terdekat, "
     "atau kirim secara daring melalui SiGapLapor Bawaslu."),
    ("Lengkapi identitas dan syarat",
     "Lampirkan identitas (KTP-el). Jika syarat formal atau materiel belum lengkap, "
     "pengawas meminta Anda melengkapinya."),
    ("Laporan diregistrasi dan dikaji",
     "Laporan yang lengkap dicatat (diregistrasi), lalu dikaji: pengawas bisa "
     "mengundang pelapor, terlapor dan saksi untuk klarifikasi."),
    ("Tindak lanjut dan pemberitahuan",
     "Laporan yang terbukti wajib ditindaklanjuti dalam batas waktu undang-undang. "
     "Status penanganan diumumkan dan dapat dipantau pelapor."),
]  # fmt: skip

IMAGES = {
    "cover": DemoImage(
        "Sampul modul: Pengawasan Pemilu dan Netralitas ASN",
        "sampul-pengawasan-pemilu-netralitas-asn.png",
        Cover(
            "Pengawasan Pemilu dan Netralitas ASN",
            "Mengawasi bersama, menolak politik uang, dan menjaga ASN tetap netral",
            "Bawaslu Kota Jakarta Pusat",
            "#5b2a86",
        ),
    ),
    "report-flow": DemoImage(
        "Infografik: alur laporan dugaan pelanggaran pemilu",
        "infografik-alur-laporan-pelanggaran.png",
        Chart(
            "Alur laporan dugaan pelanggaran pemilu",
            "Laporkan paling lama 7 hari sejak dugaan pelanggaran diketahui.",
            tuple(
                ("#5b2a86", name, note)
                for name, note in (
                    ("Catat dan amankan bukti", "foto, video, barang, saksi"),
                    ("Sampaikan laporan", "kantor pengawas atau SiGapLapor"),
                    ("Lengkapi syarat", "formal dan materiel"),
                    ("Registrasi dan kajian", "klarifikasi pelapor, terlapor, saksi"),
                    ("Tindak lanjut", "status penanganan diumumkan"),
                )
            ),
            numbered=True,
        ),
    ),
}

DOCUMENTS = {
    "report-notes": DemoDocument(
        "Lembar catatan dugaan pelanggaran pemilu",
        "lembar-catatan-dugaan-pelanggaran.pdf",
        (
            ("p", "Alat bantu untuk mencatat kejadian sebelum melapor. Lembar ini "
                  "bukan formulir resmi Bawaslu; formulir laporan diisi di kantor "
                  "pengawas pemilu atau melalui SiGapLapor."),
            ("h", "Yang perlu dicatat (syarat formal)"),
            ("li", "Nama dan alamat pelapor, serta nomor telepon yang bisa dihubungi."),
            ("li", "Pihak yang dilaporkan (terlapor): nama, jabatan atau ciri-cirinya."),
            ("li", "Tanggal Anda mengetahui kejadian. Laporan disampaikan paling lama "
                   "7 hari sejak itu."),
            ("h", "Yang perlu dicatat (syarat materiel)"),
            ("li", "Waktu dan tempat kejadian: tanggal, jam, alamat lengkap dengan "
                   "RT/RW dan kelurahan."),
            ("li", "Uraian kejadian: apa yang terjadi, berurutan, tanpa menambah "
                   "pendapat."),
            ("li", "Bukti: foto, video, rekaman, barang atau dokumen."),
            ("li", "Saksi: nama dan kontak orang yang melihat atau mengalami."),
            ("h", "Langkah melapor"),
            *(("li", f"{name}: {body}") for name, body in REPORT_STEPS),
        ),
    ),
}  # fmt: skip

MODULE = {
    "slug": "pengawasan-pemilu-dan-netralitas-asn",
    "title": "Pengawasan Pemilu dan Netralitas ASN",
    "summary": (
        "Peran Bawaslu menurut UU 7/2017, pengawasan partisipatif oleh warga, cara "
        "melaporkan dugaan pelanggaran termasuk politik uang, dan batas-batas yang "
        "wajib dijaga aparatur sipil negara agar tetap netral."
    ),
    "cover": "cover",
    "speakers": ["bawaslu"],
    "duration_jp": 2,
    "tags": [
        "pemilu 2024",
        "bawaslu",
        "netralitas asn",
        "pengaduan",
        "partisipasi warga",
    ],
    "learning_objectives": ul(
        "menjelaskan tugas Bawaslu dan jajarannya sampai pengawas TPS;",
        "mengenali bentuk politik uang dan akibat hukumnya;",
        "menyusun laporan dugaan pelanggaran yang memenuhi syarat formal dan materiel, "
        "dalam batas waktu 7 hari;",
        "membedakan tindakan yang boleh dan tidak boleh dilakukan ASN selama pemilu dan "
        "pilkada, termasuk di media sosial.",
    ),
}
