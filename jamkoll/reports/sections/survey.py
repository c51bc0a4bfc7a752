"""The yearly survey of politicians, with small groups suppressed by the surveys app.

The report sums the survey up in one section (key figures, the share agreeing by sex,
the notable differences between women and men); every table is in an appendix
("Bilaga: enkätens alla svar") printed after the report itself.

Only what `surveys.selectors.survey_results_for_report` returns is shown: hidden groups
stay hidden, and free-text answers are never included (only their number).
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jamkoll.core.formatting import date, number, percent
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import (
    BulletList,
    Chart,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from jamkoll.surveys.selectors import (
    GroupResult,
    QuestionResult,
    SurveyResults,
    survey_results_for_report,
)

SCALE = "scale"


# A difference between women and men in the share agreeing that the summary mentions.
NOTABLE_POINTS = 15
NOTABLE_LIMIT = 3
# The scale steps that count as agreeing (4 and 5 on the 1–5 scale).
AGREEING_STEPS = (3, 4)


def _source(results: SurveyResults) -> str:
    return _(
        "Source: the anonymous survey “%(title)s” (%(opens)s–%(closes)s). Groups "
        "with fewer than %(k)s respondents are hidden, as are groups whose figures "
        "would reveal a hidden group."
    ) % {
        "title": results.title,
        "opens": date(results.opens_on),
        "closes": date(results.closes_on),
        "k": results.min_group_size,
    }


def build(organisation: Organisation, year: int) -> Section | None:
    """The survey in brief: key figures, the share agreeing by sex, the notable
    differences. The full tables are in the appendix (`build_appendix`)."""
    results = survey_results_for_report(organisation=organisation, year=year)
    if results is None:
        return None
    section = Section(
        key="survey", heading=_("Survey of politicians"), source=_source(results)
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
    section.blocks.append(
        Paragraph(
            ngettext(
                "The survey had %(n)s question. This section sums it up; every answer, "
                "by sex and by role, is in the appendix “%(appendix)s”.",
                "The survey had %(n)s questions. This section sums it up; every "
                "answer, by sex and by role, is in the appendix “%(appendix)s”.",
                len(results.questions),
            )
            % {"n": len(results.questions), "appendix": _appendix_heading()}
        )
    )
    scales = [q for q in results.questions if q.kind == SCALE]
    if not scales:
        return section
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
    section.blocks.append(
        Table(
            caption=_(
                "Share agreeing (4 or 5 on the 1–5 scale), all respondents and by sex"
            ),
            header=[_("Question"), _("All"), _("Women"), _("Men")],
            rows=[
                [
                    _("%(n)s. %(text)s") % {"n": q.position, "text": q.text},
                    percent(_agreeing(q.total)),
                    percent(_agreeing(_group(q, "woman"))),
                    percent(_agreeing(_group(q, "man"))),
                ]
                for q in scales
            ],
            numeric=[False, True, True, True],
        )
    )
    section.blocks.append(Subheading(_("Notable differences between women and men")))
    notable = _notable(scales)
    if notable:
        section.blocks.append(
            BulletList(
                [
                    _(
                        "Question %(n)s, “%(text)s”: %(women)s of the women and "
                        "%(men)s of the men agree."
                    )
                    % {
                        "n": q.position,
                        # The quotation ends the clause: no full stop inside it.
                        "text": q.text.rstrip(". "),
                        "women": percent(women),
                        "men": percent(men),
                    }
                    for q, women, men in notable
                ]
            )
        )
    else:
        section.blocks.append(
            Paragraph(
                _(
                    "On no question do the shares of women and men who agree differ "
                    "by %(points)s percentage points or more (where both groups are "
                    "shown)."
                )
                % {"points": NOTABLE_POINTS}
            )
        )
    return section


def _appendix_heading() -> str:
    return _("Appendix: all answers to the survey")


def build_appendix(organisation: Organisation, year: int) -> Section | None:
    """Every question's answers by sex and by role: an appendix after the report."""
    results = survey_results_for_report(organisation=organisation, year=year)
    if results is None or results.is_empty:
        return None
    section = Section(
        key="survey_appendix",
        heading=_appendix_heading(),
        source=_source(results),
        appendix=True,
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
                    ngettext(
                        "%(n)s free-text answer. It is not reproduced in the report "
                        "because it may identify the writer.",
                        "%(n)s free-text answers. They are not reproduced in the "
                        "report because they may identify the writer.",
                        question.free_text_count,
                    )
                    % {"n": question.free_text_count}
                )
            )
            continue
        section.blocks.append(_question_table(question))
    return section


def _group(question: QuestionResult, key: str) -> GroupResult | None:
    return next((g for g in question.by_sex.groups if g.key == key), None)


def _agreeing(group: GroupResult | None) -> float | None:
    """The share (percent) answering 4 or 5, None when hidden or unknown."""
    if group is None or group.hidden or group.shares is None:
        return None
    shares = [group.shares[i] for i in AGREEING_STEPS if i < len(group.shares)]
    if len(shares) != len(AGREEING_STEPS) or any(s is None for s in shares):
        return None
    return sum(s for s in shares if s is not None)


def _notable(
    scales: list[QuestionResult],
) -> list[tuple[QuestionResult, float, float]]:
    """The scale questions where women and men differ most (at least NOTABLE_POINTS)."""
    found = []
    for question in scales:
        women = _agreeing(_group(question, "woman"))
        men = _agreeing(_group(question, "man"))
        if women is None or men is None:
            continue
        if abs(round(women) - round(men)) >= NOTABLE_POINTS:
            found.append((question, women, men))
    found.sort(key=lambda item: -abs(item[1] - item[2]))
    return found[:NOTABLE_LIMIT]


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
