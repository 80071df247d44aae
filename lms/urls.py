from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms.accounts.forms import LoginForm
from lms.accounts.views import (
    LogoutView,
    PasswordChangeView,
    PasswordResetConfirmView,
    PasswordResetView,
)
from lms.certificates.verify_views import verify_certificate
from lms.certificates.views import certificate_download
from lms.events.views.check_in import CheckInView
from lms.events.views.dashboard import dashboard
from lms.events.views.joining import JoinEventView
from lms.events.views.pacts import EventPactView
from lms.learning.api import api_router
from lms.learning.views import LessonCompletionView, SearchView, TagView
from lms.reports import wagtail_exports

account_urls = [
    path(
        "masuk/",
        # A logged-in visitor sees the form too: they may have been sent here
        # from a page their account cannot open, to log in as someone else.
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("keluar/", LogoutView.as_view(), name="logout"),
    path(
        "kata-sandi/",
        PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "lupa-kata-sandi/",
        PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "lupa-kata-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "atur-ulang/<uidb64>/<token>/",
        PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "atur-ulang/selesai/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    # Ahead of Wagtail's admin: its report downloads, formula-safe (same paths).
    path("admin/reports/", include(wagtail_exports.report_urlpatterns)),
    path("admin/redirects/", include(wagtail_exports.redirect_urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    path("dokumen/", include(wagtaildocs_urls)),
    path("akun/", include(account_urls)),
    path("bahasa/", set_language, name="set_language"),
    path("api/v2/", api_router.urls),
    path("cari/", SearchView.as_view(), name="search"),
    path("kuis/", include("quizzes.urls")),
    path("beranda-saya/", dashboard, name="dashboard"),
    path("kegiatan-saya/daftar/", JoinEventView.as_view(), name="join_event"),
    path(
        "kegiatan-saya/<int:event_id>/hadir/<str:token>/",
        CheckInView.as_view(),
        name="event_check_in",
    ),
    path(
        "kegiatan-saya/<int:event_id>/pakta/<int:pact_id>/",
        EventPactView.as_view(),
        name="event_pact",
    ),
    path("topik/<slug:slug>/", TagView.as_view(), name="tag"),
    path("v/<str:code>/", verify_certificate, name="certificate_verify"),
    path(
        "materi/<int:lesson_id>/selesai/",
        LessonCompletionView.as_view(),
        name="lesson_completion",
    ),
    path(
        "sertifikat/<int:certificate_id>/unduh/",
        certificate_download,
        name="certificate_download",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving catches everything else, so it comes last.
urlpatterns += [path("", include(wagtail_urls))]

# A lost database answers 503 "try again", also when a middleware meets it
# before any view runs (loading the session); see lms/core/db_faults.py.
handler500 = "lms.core.db_faults.server_error"
