from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


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
