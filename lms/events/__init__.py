"""Training events: event pages, joining and registration, check-in at the hall,
pacts, completion, participant import and login slips, the organiser's hub and
the participant's "Beranda saya".

Events sit above the quiz engine: an event page decides who may take its tests
(``EventPage.admits_to_quiz``), and events announce a participant's finished
step (``lms.events.signals``) for certificates to hear.
"""
