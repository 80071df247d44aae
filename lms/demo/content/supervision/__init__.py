"""Bawaslu Jakarta Pusat: election supervision, reporting violations, ASN neutrality.

Sources: UU 7/2017 (Bawaslu's duties; Pasal 280, 282, 283, 454, 515); UU 1/2015
jo. UU 10/2016 (Pasal 187A); Perbawaslu 7/2022 on handling findings and
reports; UU 20/2023 tentang ASN; PP 94/2021 tentang Disiplin PNS (Pasal 5
huruf n); the 2022 joint decree (SKB) on the neutrality of ASN employees.
"""

from .lessons import LESSONS
from .module import DOCUMENTS, IMAGES, MODULE
from .quiz import QUIZ

__all__ = ["DOCUMENTS", "IMAGES", "LESSONS", "MODULE", "QUIZ"]
