"""Starting a quiz by its id, and an attempt's URLs by the attempt's id.

Every attempt view checks the attempt is the requester's."""

from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("saya/", views.my_quizzes, name="my_quizzes"),
    path("<int:quiz_id>/mulai/", views.start_quiz, name="start"),
    path("percobaan/<int:attempt_id>/", views.attempt_page, name="attempt"),
    path("percobaan/<int:attempt_id>/simpan/", views.autosave, name="autosave"),
    path("percobaan/<int:attempt_id>/kirim/", views.submit, name="submit"),
    path("percobaan/<int:attempt_id>/hasil/", views.result, name="result"),
]
