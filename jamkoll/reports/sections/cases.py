"""Council cases: prepared, not relevant, and those the body was not given the chance to
prepare (listed, for the chair to raise in the council)."""

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jamkoll.cases import selectors
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Chart, Paragraph, Section, Subheading, Table
from jamkoll.reports.sections.common import body_names


def build(organisation: Organisation, year: int) -> Section | None:
    total, _meetings = selectors.coverage(organisation=organisation, year=year)
    if total.total == 0:
        return None
    section = Section(
        key="cases",
        heading=_("Council cases"),
        source=_(
            "Source: the cases before the council and the executive board in %(year)s "
            "registered in Jämkoll, with the body's preparation of each."
        )
        % {"year": year},
    )
    section.blocks.append(
        Paragraph(
            _(
                "Of %(total)s cases in %(year)s the body prepared %(prepared)s "
                "(%(share)s %% of the relevant ones), found %(not_relevant)s not "
                "relevant from a gender perspective, and was not given the chance to "
                "prepare %(missed)s. %(unhandled)s have not been handled yet."
            )
            % {
                "total": total.total,
                "year": year,
                "prepared": total.prepared,
                "share": total.share_prepared,
                "not_relevant": total.not_relevant,
                "missed": total.not_given_chance,
                "unhandled": total.unhandled,
            }
        )
    )
    section.blocks.append(
        Chart(
            caption=_("Council cases by preparation, %(year)s (number)")
            % {"year": year},
            alt=_(
                "Bar chart: %(prepared)s prepared, %(not_relevant)s not relevant, "
                "%(missed)s not given the chance, %(unhandled)s not yet handled."
            )
            % {
                "prepared": total.prepared,
                "not_relevant": total.not_relevant,
                "missed": total.not_given_chance,
                "unhandled": total.unhandled,
            },
            categories=[
                _("Prepared"),
                pgettext("count of cases", "Not relevant"),
                _("Not given the chance"),
                _("Not yet handled"),
            ],
            series=[_("Cases")],
            values=[
                [float(total.prepared)],
                [float(total.not_relevant)],
                [float(total.not_given_chance)],
                [float(total.unhandled)],
            ],
            empty_text=_("There are no cases, so there is no chart."),
        )
    )
    missed = list(selectors.not_given_chance(organisation=organisation, year=year))
    body = body_names(organisation).form
    section.blocks.append(
        Subheading(
            _("Cases %(body)s was not given the chance to prepare") % {"body": body}
        )
    )
    if not missed:
        section.blocks.append(
            Paragraph(
                _("%(body)s was given the chance to prepare every relevant case.")
                % {"body": capfirst(body)}
            )
        )
        _add_raisings(section, organisation, year, missed=False)
        return section
    section.blocks.append(
        Table(
            caption=_("Cases not given to the body, %(year)s") % {"year": year},
            header=[_("Case number"), _("Title"), _("Decided by"), _("Meeting")],
            rows=[
                [
                    case.case_number,
                    case.title,
                    case.deciding_body.name if case.deciding_body_id else "–",
                    formats.date_format(case.meeting_on, "j F Y"),
                ]
                for case in missed
            ],
        )
    )
    _add_raisings(section, organisation, year, missed=True)
    return section


def _add_raisings(
    section: Section, organisation: Organisation, year: int, *, missed: bool
) -> None:
    """When the chair raised the list in the council or the executive board."""
    raisings = selectors.raisings_for_year(organisation, year)
    if not raisings and not missed:
        return
    section.blocks.append(Subheading(_("The list raised by the chair")))
    if not raisings:
        section.blocks.append(
            Paragraph(
                _(
                    "The list has not been recorded as raised in the council or the "
                    "executive board."
                )
            )
        )
        return
    section.blocks.append(
        Table(
            caption=_(
                "The list of %(year)s raised in the council or the executive board"
            )
            % {"year": year},
            header=[_("Raised in"), _("Date"), _("Paragraph"), _("Raised by")],
            rows=[
                [
                    raising.body.name,
                    formats.date_format(raising.raised_on, "j F Y"),
                    raising.paragraph_reference,
                    str(raising.raised_by) if raising.raised_by_id else "–",
                ]
                for raising in raisings
            ],
        )
    )
