"""The admin's side of certificates: the templates' snippet admin. The event's
certificate and printing tools are mounted by ``lms/admin_urls.py``; the
audit log's certificate actions are named here (``lms/certificates/audit.py``)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from lms.certificates import audit
from lms.certificates.template_admin import CertificateTemplateViewSet
from lms.core.audit import register_actions

register_snippet(CertificateTemplateViewSet)


@hooks.register("register_log_actions")
def certificate_log_actions(actions):
    register_actions(actions, audit.ACTIONS)
