"""Certificates: templates, numbering, issuing, rendering, verification and printing.

Each file is about one thing: ``rendering`` turns a snapshot of what is printed
and a ``CertificateTemplate`` into PDF bytes (through ``lms.pdf``, the only
WeasyPrint importer); the issuing, numbering and printing modules build on it.
"""
