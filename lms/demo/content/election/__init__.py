"""KPUD Jakarta Pusat: the stages of the 2024 simultaneous election and voting at the TPS.

Sources: UU 7/2017 tentang Pemilihan Umum; PKPU 3/2022 tentang Tahapan dan
Jadwal Penyelenggaraan Pemilu 2024; PKPU 25/2023 tentang Pemungutan dan
Penghitungan Suara; KPU's published guidance on DPT/DPTb/DPK.
"""

from .lessons import LESSONS
from .module import DOCUMENTS, IMAGES, MODULE
from .quiz import QUIZ

__all__ = ["DOCUMENTS", "IMAGES", "LESSONS", "MODULE", "QUIZ"]
