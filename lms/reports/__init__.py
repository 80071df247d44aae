"""What organisers report upward after an event: results, learning gain, item
analysis and the participants' evaluation, as tables, charts and spreadsheets.

The top domain: reports read events, quiz results and certificates, and nothing
imports them. The statistics are pure functions over plain values, so each is
tested against numbers worked out by hand (docs/reports.md).
"""
