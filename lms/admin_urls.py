"""The organiser's tools for one event, under ``/admin/kegiatan/``.

Events, certificates and reports each bring their own tools; they share one URL
namespace (``lms_event_admin``) so an event's hub links to all of them alike.
"""

from django.urls import include, path

from lms.certificates import event_admin, print_admin
from lms.events.admin import urls as events_admin_urls
from lms.reports import gain_view, results_view, summary_view

app_name = "lms_event_admin"

urlpatterns = [
    *events_admin_urls.urlpatterns,
    path("<int:event_id>/sertifikat/", include(event_admin.urlpatterns)),
    path("<int:event_id>/cetak/", include(print_admin.urlpatterns)),
    path("<int:event_id>/hasil/", include(results_view.urlpatterns)),
    path("<int:event_id>/peningkatan/", include(gain_view.urlpatterns)),
    path("<int:event_id>/evaluasi/", include("lms.reports.evaluation_view")),
    path("<int:event_id>/", include(summary_view.urlpatterns)),
]
