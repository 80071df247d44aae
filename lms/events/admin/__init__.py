"""The organiser's side of an event, inside the Wagtail admin.

Each event gets a hub (participants and their status) with its tools around it:
importing participants and printing login slips, the hall's check-in screen and
attendance sheet, and the pact report. Views live one file per tool; URLs are
mounted under ``/admin/kegiatan/`` by ``lms/admin_urls.py``, beside the
certificate tools (``lms/certificates/event_admin.py``, ``print_admin.py``).
"""
