"""What every part of the site leans on and that knows no domain.

HTML sanitising (``sanitize``, ``rich_text``), PDFs (``pdf``, the only
WeasyPrint importer) and QR codes (``qr``), Jakarta Pusat's reference lists,
uploads kept between a preview and its confirmation, the site shell
(navigation, context processor, middleware) and the "try again shortly" page
for a lost database. It imports no other part of ``lms`` (docs/architecture.md).
"""
