"""Document reviews: the share of checklist criteria met per unit, with the trend."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from jamkoll.core.formatting import percent
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Chart, Paragraph, Section, Table
from jamkoll.reports.sections.common import body_names
from jamkoll.reviews import trend
from jamkoll.reviews.models import Answer, AnswerType, Review


def build(organisation: Organisation, year: int) -> Section | None:
    done = Review.objects.filter(
        organisation=organisation, status=Review.Status.DONE, year__in=[year - 1, year]
    )
    n_reviews = done.filter(year=year).count()
    if n_reviews == 0:
        return None
    answers = (
        Answer.objects.filter(review__in=done)
        .exclude(criterion__version__answer_type=AnswerType.SCORE)
        .values_list("review__unit_id", "review__unit__name", "review__year", "value")
    )
    years, rows = trend.unit_trend(answers)
    this = years.index(year) if year in years else None
    previous = years.index(year - 1) if year - 1 in years else None
    rows = [r for r in rows if this is not None and r.values[this] is not None]
    section = Section(
        key="reviews",
        heading=pgettext("report section", "Document reviews"),
        source=_(
            "Source: the body's completed reviews of steering and decision documents in "
            "%(year)s and %(previous)s (criteria met count 1, partly met ½, not met 0; "
            "criteria that are not relevant are left out)."
        )
        % {"year": year, "previous": year - 1},
    )
    section.blocks.append(
        Paragraph(
            ngettext(
                "%(body)s completed %(n)s document review in %(year)s.",
                "%(body)s completed %(n)s document reviews in %(year)s.",
                n_reviews,
            )
            % {
                "body": capfirst(body_names(organisation).form),
                "n": n_reviews,
                "year": year,
            }
        )
    )
    if not rows or this is None:
        section.blocks.append(
            Paragraph(_("No criteria were answered in the year's reviews."))
        )
        return section

    def value(row: trend.TrendRow, index: int | None) -> float | None:
        return None if index is None else row.values[index]

    section.blocks.append(
        Chart(
            caption=_(
                "Share of criteria met per unit, %(previous)s and %(year)s (percent)"
            )
            % {"year": year, "previous": year - 1},
            alt=_(
                "Bar chart of the share of review criteria met by %(n)s units in "
                "%(previous)s and %(year)s. The figures are in the table that follows."
            )
            % {"n": len(rows), "year": year, "previous": year - 1},
            categories=[r.unit_name for r in rows],
            series=[str(year - 1), str(year)],
            values=[[value(r, previous), value(r, this)] for r in rows],
            unit=" %",
            max_value=100,
            empty_text=_("No criteria were answered, so there is no chart."),
        )
    )
    section.blocks.append(
        Table(
            caption=_("Share of criteria met per unit"),
            header=[_("Unit"), str(year - 1), str(year), pgettext("trend", "Change")],
            rows=[
                [
                    r.unit_name,
                    percent(value(r, previous)),
                    percent(value(r, this)),
                    _trend_text(value(r, previous), value(r, this)),
                ]
                for r in rows
            ],
            numeric=[False, True, True, False],
        )
    )
    return section


def _trend_text(before: float | None, now: float | None) -> str:
    if before is None or now is None:
        return _("No comparison")
    if now > before:
        return _("Up %(points)s points") % {"points": round(now - before)}
    if now < before:
        return _("Down %(points)s points") % {"points": round(before - now)}
    return _("Unchanged")
