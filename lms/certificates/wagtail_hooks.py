"""The admin's side of certificates: the templates' snippet admin. The event's
certificate and printing tools are mounted by ``lms/admin_urls.py``."""

from wagtail.snippets.models import register_snippet

from lms.certificates.template_admin import CertificateTemplateViewSet

register_snippet(CertificateTemplateViewSet)
