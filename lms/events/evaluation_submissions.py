"""Wagtail's own listing of an evaluation's responses ("Forms" in the admin).

It lists and downloads ``EvaluationResponse.get_data()``, which holds the
answers and the time, never the participant. Its CSV is made safe from formula
injection like every other download (``lms/core/spreadsheets.py``): a comment
that starts with "=" stays text.
"""

from wagtail.contrib.forms.views import SubmissionsListView

from lms.core.spreadsheets import FormulaSafeExportMixin


class EvaluationSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    pass
