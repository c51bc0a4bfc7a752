"""The yearly survey of politicians, with small groups suppressed by the surveys app.

Only what `surveys.selectors.survey_results_for_report` returns is shown: hidden groups
stay hidden, and free-text answers are never included (only their number).
"""

from django.utils.translation import gettext as _

from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Chart, Paragraph, Section, Subheading, Table
from jamkoll.reports.sections.common import number, percent
from jamkoll.surveys.selectors import (
    GroupResult,
    QuestionResult,
    survey_results_for_report,
)

SCALE = "scale"


def build(organisation: Organisation, year: int) -> Section | None:
    results = survey_results_for_report(organisation=organisation, year=year)
    if results is None:
        return None
    section = Section(
        key="survey",
        heading=_("Survey of politicians"),
        source=_(
            "Source: the anonymous survey “%(title)s” (%(opens)s–%(closes)s). Groups "
            "with fewer than %(k)s respondents are hidden, as are groups whose figures "
            "would reveal a hidden group."
        )
        % {
            "title": results.title,
            "opens": results.opens_on.isoformat(),
            "closes": results.closes_on.isoformat(),
            "k": results.min_group_size,
        },
    )
    section.blocks.append(
        Paragraph(
            _("%(responded)s of %(invited)s invited politicians answered (%(rate)s).")
            % {
                "responded": results.responded,
                "invited": results.invited,
                "rate": percent(results.response_rate),
            }
        )
    )
    if results.is_empty:
        section.blocks.append(
            Paragraph(_("Nobody answered the survey, so there are no results to show."))
        )
        return section
    scales = [q for q in results.questions if q.kind == SCALE]
    if scales:
        section.blocks.append(
            Chart(
                caption=_("Mean answer on the 1–5 scale questions, all and by sex"),
                alt=_(
                    "Bar chart of the mean answer to %(n)s scale questions for all "
                    "respondents, women and men; hidden groups have no bar. The figures "
                    "are in the tables that follow."
                )
                % {"n": len(scales)},
                categories=[_("Question %(n)s") % {"n": q.position} for q in scales],
                series=[_("All"), _("Women"), _("Men")],
                values=[
                    [q.total.mean, _group_mean(q, "woman"), _group_mean(q, "man")]
                    for q in scales
                ],
                max_value=5,
                empty_text=_("All groups are hidden, so there is no chart."),
            )
        )
    for question in results.questions:
        section.blocks.append(
            Subheading(
                _("Question %(n)s: %(text)s")
                % {"n": question.position, "text": question.text}
            )
        )
        if question.is_free_text:
            section.blocks.append(
                Paragraph(
                    _(
                        "%(n)s free-text answers. They are not reproduced in the "
                        "report because they may identify the writer."
                    )
                    % {"n": question.free_text_count}
                )
            )
            continue
        section.blocks.append(_question_table(question))
    return section


def _group_mean(question: QuestionResult, key: str) -> float | None:
    group = next((g for g in question.by_sex.groups if g.key == key), None)
    return None if group is None or group.hidden else group.mean


def _question_table(question: QuestionResult) -> Table:
    is_scale = question.kind == SCALE
    header = [_("Group"), _("Respondents"), *question.labels]
    if is_scale:
        header.append(_("Mean"))
    groups: list[tuple[str, GroupResult]] = [(_("All"), question.total)]
    for breakdown in question.breakdowns:
        groups.extend((g.label, g) for g in breakdown.groups)
    groups.extend(
        (_("All, %(year)s") % {"year": earlier.year}, earlier.total)
        for earlier in question.earlier
    )
    rows = []
    for label, group in groups:
        if group.hidden or group.shares is None:
            rows.append(
                [label, _("hidden"), *["–" for _label in question.labels]]
                + (["–"] if is_scale else [])
            )
            continue
        row = [label, str(group.respondents), *[percent(s) for s in group.shares]]
        if is_scale:
            row.append(number(group.mean, 2))
        rows.append(row)
    return Table(
        caption=_("Answers in percent of the respondents in each group"),
        header=header,
        rows=rows,
        numeric=[False, True] + [True] * (len(header) - 2),
    )
