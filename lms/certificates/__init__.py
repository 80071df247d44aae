"""Certificates of an event's completion: templates, numbering, issuing,
rendering, verification and printing.

The top domain: it reads events and quiz results, and nothing below imports
it. It hears a graded attempt (``quizzes.signals``) and a finished event step
(``lms.events.signals``) through ``receivers``. ``rendering`` turns a snapshot
and a ``CertificateTemplate`` into PDF bytes through ``lms.core.pdf``.
"""
