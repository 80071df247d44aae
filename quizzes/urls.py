"""An attempt's URLs, by its id; every view checks the attempt is the requester's."""

from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("saya/", views.my_quizzes, name="my_quizzes"),
    path("percobaan/<int:attempt_id>/", views.attempt_page, name="attempt"),
    path("percobaan/<int:attempt_id>/simpan/", views.autosave, name="autosave"),
    path("percobaan/<int:attempt_id>/kirim/", views.submit, name="submit"),
    path("percobaan/<int:attempt_id>/hasil/", views.result, name="result"),
]
