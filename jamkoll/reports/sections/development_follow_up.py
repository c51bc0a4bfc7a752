"""What happened to last year's development areas: what KS or KF decided on each
area proposed in last year's adopted report, and how far its follow-up has come."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Paragraph, Section, Subheading, Table
from jamkoll.reports.models import AreaDecision, AreaFollowUp
from jamkoll.reports.outcomes import AreaOutcome, previous_year_outcomes
from jamkoll.reports.sections.common import DASH


def _date(value) -> str:  # type: ignore[no-untyped-def]
    return formats.date_format(value, "j F Y")


def build(organisation: Organisation, year: int) -> Section | None:
    report, outcomes = previous_year_outcomes(organisation=organisation, year=year)
    if report is None or not outcomes:
        return None
    decided = sum(1 for o in outcomes if o.decision is not None)
    section = Section(
        key="development_follow_up",
        heading=_("What happened to last year's development areas"),
        source=_(
            "Source: the yearly report %(year)s as adopted, and the decisions of the "
            "executive board and the council on its development areas with their "
            "follow-up, as registered in Jämkoll when this report was made."
        )
        % {"year": report.year},
    )
    section.blocks.append(
        Paragraph(
            " ".join(
                [
                    ngettext(
                        "The yearly report %(year)s, adopted on %(date)s, proposed "
                        "%(count)s development area.",
                        "The yearly report %(year)s, adopted on %(date)s, proposed "
                        "%(count)s development areas.",
                        len(outcomes),
                    )
                    % {
                        "year": report.year,
                        "date": _date(report.adopted_on) if report.adopted_on else DASH,
                        "count": len(outcomes),
                    },
                    _("A decision has been recorded on %(decided)s of them.")
                    % {"decided": decided},
                ]
            )
        )
    )
    section.blocks.append(
        Table(
            caption=_("Development areas of %(year)s and what was decided")
            % {"year": report.year},
            header=[
                _("Development area"),
                _("Decision"),
                _("Decided by, date and paragraph"),
                _("Follow-up"),
            ],
            rows=[
                [o.area.title, _decision(o), _decided(o), _follow_up(o)]
                for o in outcomes
            ],
        )
    )
    reports = [o.follow_up for o in outcomes if o.follow_up and o.follow_up.is_done]
    if reports:
        section.blocks.append(Subheading(_("Reports from the follow-up")))
        for follow_up in reports:
            assert follow_up.done_on is not None  # noqa: S101 - done has a date
            section.blocks.append(
                Paragraph(
                    _("%(title)s (done %(date)s): %(text)s")
                    % {
                        "title": follow_up.area.title,
                        "date": _date(follow_up.done_on),
                        "text": follow_up.report_text,
                    }
                )
            )
    return section


def _decision(outcome: AreaOutcome) -> str:
    decision = outcome.decision
    if decision is None:
        return _("No decision recorded")
    earlier = [
        d
        for d in outcome.decisions[:-1]
        if d.outcome == AreaDecision.Outcome.REFERRED_BACK
    ]
    if earlier:
        return _("%(outcome)s (after referral back on %(date)s, %(paragraph)s)") % {
            "outcome": decision.get_outcome_display(),
            "date": _date(earlier[-1].decided_on),
            "paragraph": earlier[-1].paragraph,
        }
    return str(decision.get_outcome_display())


def _decided(outcome: AreaOutcome) -> str:
    decision = outcome.decision
    if decision is None:
        return DASH
    return _("%(body)s, %(date)s, %(paragraph)s") % {
        "body": decision.decided_by.name,
        "date": _date(decision.decided_on),
        "paragraph": decision.paragraph,
    }


def _follow_up(outcome: AreaOutcome) -> str:
    follow_up: AreaFollowUp | None = outcome.follow_up
    decision = outcome.decision
    if follow_up is not None:
        owner = follow_up.unit.name
        if follow_up.responsible_id:
            owner = _("%(unit)s (%(person)s)") % {
                "unit": owner,
                "person": follow_up.responsible,
            }
        if follow_up.is_done:
            assert follow_up.done_on is not None  # noqa: S101 - done has a date
            return _("Done %(date)s – %(owner)s") % {
                "date": _date(follow_up.done_on),
                "owner": owner,
            }
        return _("In progress, due %(date)s – %(owner)s") % {
            "date": _date(follow_up.due_on),
            "owner": owner,
        }
    if decision is None:
        return DASH
    if decision.outcome == AreaDecision.Outcome.REFERRED_BACK:
        return _("Awaiting a new decision")
    return _("Not followed up (rejected)")
