from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext


def wants_json(request: HttpRequest) -> bool:
    """Whether a script sent the request and reads JSON back (autosave, progress).

    Not ``request.accepts()``: a browser's page request accepts ``*/*`` too.
    """
    return (
        "application/json" in request.headers.get("Accept", "")
        or request.headers.get("X-Requested-With") == "XMLHttpRequest"
        or request.content_type == "application/json"
    )


class ChosenLanguageMiddleware(LocaleMiddleware):
    """Bahasa Indonesia unless the person chose English with the language switch.

    Django's own middleware follows the browser's Accept-Language, and many
    phones in Jakarta are set to English; participants and officials would then
    get an English site and admin they never asked for. Here only an explicit
    choice (the language cookie set by the switch) changes the language. Wagtail's
    admin follows the same choice unless a user set a preference in their account.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        try:
            language = translation.get_supported_language_variant(chosen)
        except LookupError:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class PasswordChangeRequiredMiddleware:
    """Keeps someone on a one-time password on the password change page until
    they choose their own.

    A login slip's password is printed on paper that others may see
    (``lms.events.login_slips``); until it is replaced, every page sends its holder to
    the change form. Logging out, the change pages themselves, static and media
    files and the language switch stay open; a script (autosave, lesson
    progress) gets a 403 with JSON instead of a redirect it could not follow.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user  # AuthenticationMiddleware runs first
        if (
            user.is_authenticated
            and user.must_change_password
            and not self._always_open(request.path)
        ):
            return self._send_to_change_form(request)
        return self.get_response(request)

    @staticmethod
    def _always_open(path: str) -> bool:
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return True
        names = ("logout", "password_change", "password_change_done", "set_language")
        return path in {reverse(name) for name in names}

    @staticmethod
    def _send_to_change_form(request):
        change_url = reverse("password_change")
        if wants_json(request):
            return JsonResponse(
                {
                    "error": "password_change_required",
                    "message": gettext("Choose your own password before you continue."),
                    "password_change_url": change_url,
                },
                status=403,
            )
        return HttpResponseRedirect(change_url)
