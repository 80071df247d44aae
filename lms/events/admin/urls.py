from django.urls import include, path

from lms.events.admin import attendance, hub, pacts, participants

urlpatterns = [
    *hub.urlpatterns,
    path("<int:event_id>/peserta/", include(participants.urlpatterns)),
    path("<int:event_id>/kehadiran/", include(attendance.urlpatterns)),
    path("<int:event_id>/pakta/", include(pacts.urlpatterns)),
]
