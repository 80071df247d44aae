"""The event's learning gain in the admin: the numbers, by group, and as charts.

The scores are the results report's (``lms.reports.results``): the pre-test and
post-test grades that count, by each quiz's grading method.
"""

from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from lms.events.admin.access import event_admin_view
from lms.events.admin.breadcrumbs import event_breadcrumbs
from lms.reports.charts import bar_chart, score_distribution
from lms.reports.gain import ScorePair, gain_by_group, summarise_gain
from lms.reports.results import event_results


def _institution(participant) -> str | None:
    return participant.get_institution_type_display() or None


def _kelurahan(participant) -> str | None:
    return participant.kelurahan or None


@event_admin_view
def learning_gain(request, event):
    """Means, Hake's g and who improved, for the event and for each group."""
    rows = event_results(event)
    pairs = [ScorePair(r.participant.pk, r.pre_test, r.post_test) for r in rows]
    who = {r.participant.pk: r.participant for r in rows}
    groups = []
    for slug, title, group_of in (
        ("institution", _("By institution"), _institution),
        ("kelurahan", _("By kelurahan"), _kelurahan),
    ):
        gains = gain_by_group(pairs, lambda pk, f=group_of: f(who[pk]))
        groups.append(
            {
                "slug": slug,
                "title": title,
                "gains": gains,
                "chart": bar_chart(
                    [(g.label, g.summary.mean_gain) for g in gains],
                    title=_("Mean gain, %(grouping)s") % {"grouping": title.lower()},
                    value_label=_("Mean gain (points)"),
                    id_prefix=f"gain-{slug}",
                ),
            }
        )
    here = _("Learning gain")
    return render(
        request,
        "lms/reports/gain.html",
        {
            "event": event,
            "summary": summarise_gain(pairs),
            "distribution": score_distribution(
                [r.pre_test for r in rows if r.pre_test is not None],
                [r.post_test for r in rows if r.post_test is not None],
                title=_("Scores before and after"),
                id_prefix="scores",
            ),
            "groups": groups,
            "results_url": reverse("lms_event_admin:results", args=[event.pk]),
            "header_title": here,
            "breadcrumbs_items": event_breadcrumbs(
                event,
                {
                    "url": reverse("lms_event_admin:results", args=[event.pk]),
                    "label": _("Results"),
                },
                {"url": "", "label": here},
            ),
        },
    )


urlpatterns = [path("", learning_gain, name="learning_gain")]
