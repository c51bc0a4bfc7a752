"""Demands (efterfrågningar): raised, answered on time, accepted, overdue, per unit."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jamkoll.core.formatting import percent
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Chart, Paragraph, Section, Subheading, Table
from jamkoll.reports.sections.common import share
from jamkoll.result_requests import figures
from jamkoll.result_requests.models import OPEN_STATUSES, ResultRequest


def _rows(organisation: Organisation, year: int) -> list[figures.FigureRow]:
    """The demands loop's own figures (result_requests.figures) for every unit.

    The report speaks for the whole organisation, so it reads all sent demands rather
    than the set a particular user may list.
    """
    values = ResultRequest.objects.filter(
        organisation=organisation, sent_at__isnull=False, sent_at__year=year
    ).values_list(
        "addressed_to_id",
        "addressed_to__name",
        "sent_at",
        "due_on",
        "first_answered_at",
        "first_outcome",
        "status",
    )
    facts = [
        figures.DemandFact(
            unit_id=unit_id,
            unit_name=name,
            sent_on=timezone.localtime(sent_at).date(),
            due_on=due_on,
            first_answered_on=timezone.localtime(answered).date() if answered else None,
            first_outcome=outcome,
            is_open=status in OPEN_STATUSES,
        )
        for unit_id, name, sent_at, due_on, answered, outcome, status in values
    ]
    rows = figures.figure_rows(facts, today=timezone.localdate())
    return [r for r in rows if r.year == year]


def build(organisation: Organisation, year: int) -> Section | None:
    rows = _rows(organisation, year)
    if not rows:
        return None
    total = figures.totals(rows, year=year)
    section = Section(
        key="demands",
        heading=pgettext("report section", "Demands for results"),
        source=_(
            "Source: the demands sent by the body in %(year)s as registered in "
            "Jämkoll (a demand counts in the year it was sent; “on time” means the "
            "first answer came by the due date)."
        )
        % {"year": year},
    )
    section.blocks.append(
        Paragraph(
            _(
                "In %(year)s the body sent %(raised)s demands to %(units)s units. "
                "%(on_time)s were answered on time (%(share)s), %(accepted)s were "
                "accepted at the first answer and %(overdue)s are still unanswered "
                "after the due date."
            )
            % {
                "year": year,
                "raised": total.raised,
                "units": len(rows),
                "on_time": total.answered_on_time,
                "share": percent(share(total.answered_on_time, total.raised)),
                "accepted": total.accepted_first,
                "overdue": total.open_overdue,
            }
        )
    )
    ranked = sorted(
        rows, key=lambda r: (r.share_on_time or 0, -r.open_overdue, r.unit_name)
    )
    if len(rows) >= 2:
        worst, best = ranked[0], ranked[-1]
        section.blocks.append(
            Paragraph(
                _(
                    "Best share answered on time: %(best)s (%(best_share)s). "
                    "Lowest: %(worst)s (%(worst_share)s)."
                )
                % {
                    "best": best.unit_name,
                    "best_share": percent(best.share_on_time),
                    "worst": worst.unit_name,
                    "worst_share": percent(worst.share_on_time),
                }
            )
        )
    section.blocks.append(Subheading(_("Per unit")))
    section.blocks.append(
        Chart(
            caption=_("Share of demands answered on time per unit, %(year)s (percent)")
            % {"year": year},
            alt=_(
                "Bar chart of the share of demands each of %(n)s units answered on "
                "time. The figures are in the table that follows."
            )
            % {"n": len(rows)},
            categories=[r.unit_name for r in rows],
            series=[_("Answered on time")],
            values=[
                [None if r.share_on_time is None else float(r.share_on_time)]
                for r in rows
            ],
            unit=" %",
            max_value=100,
            empty_text=_("No demand has been answered yet, so there is no chart."),
        )
    )
    section.blocks.append(
        Table(
            caption=_("Demands per unit, %(year)s") % {"year": year},
            header=[
                _("Unit"),
                _("Raised"),
                _("Answered on time"),
                _("Accepted at first answer"),
                pgettext("count of demands", "Overdue"),
            ],
            rows=[
                [
                    r.unit_name,
                    str(r.raised),
                    _("%(n)s (%(share)s)")
                    % {"n": r.answered_on_time, "share": percent(r.share_on_time)},
                    str(r.accepted_first),
                    str(r.open_overdue),
                ]
                for r in rows
            ]
            + [
                [
                    _("Total"),
                    str(total.raised),
                    _("%(n)s (%(share)s)")
                    % {
                        "n": total.answered_on_time,
                        "share": percent(share(total.answered_on_time, total.raised)),
                    },
                    str(total.accepted_first),
                    str(total.open_overdue),
                ]
            ],
            numeric=[False, True, True, True, True],
        )
    )
    return section
