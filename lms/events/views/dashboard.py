"""The participant's dashboard, "Beranda saya"."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from lms.events.dashboard import participant_dashboard


@login_required
def dashboard(request):
    return render(
        request,
        "lms/dashboard.html",
        {"dashboard": participant_dashboard(request.user)},
    )
