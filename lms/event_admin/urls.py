from django.urls import include, path

from lms.event_admin import (
    attendance,
    certificates,
    hub,
    pacts,
    participants,
    printing,
)

app_name = "lms_event_admin"

urlpatterns = [
    *hub.urlpatterns,
    path("<int:event_id>/peserta/", include(participants.urlpatterns)),
    path("<int:event_id>/kehadiran/", include(attendance.urlpatterns)),
    path("<int:event_id>/pakta/", include(pacts.urlpatterns)),
    path("<int:event_id>/sertifikat/", include(certificates.urlpatterns)),
    path("<int:event_id>/cetak/", include(printing.urlpatterns)),
]
