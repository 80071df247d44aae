"""Pemkot Jakarta Pusat: Jakarta Smart City, JAKI and the city's complaint channels.

Sources: the Pemprov DKI's published list of CRM complaint channels (JAKI, SMS,
email, social media, face-to-face), Jakarta Smart City's guides to JAKI's
citizen reports, LAPOR! (lapor.go.id, SMS 1708), Jakarta Siaga 112 (BPBD DKI),
Pergub DKI 171/2016 tentang Pedoman RT dan RW.
"""

from .lessons import LESSONS
from .module import DOCUMENTS, IMAGES, MODULE
from .quiz import QUIZ

__all__ = ["DOCUMENTS", "IMAGES", "LESSONS", "MODULE", "QUIZ"]
