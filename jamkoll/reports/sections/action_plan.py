"""The action plan: progress per goal and per article of the CEMR charter."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jamkoll.core.formatting import percent
from jamkoll.indicators import selectors
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Chart, Paragraph, Section, Subheading, Table


def build(organisation: Organisation, year: int) -> Section | None:
    goals = selectors.goal_list(organisation=organisation)
    articles = [
        a
        for a in selectors.article_progress(organisation=organisation)
        if a.rollup.actions
    ]
    if not any(g.rollup.actions for g in goals) and not articles:
        return None
    section = Section(
        key="action_plan",
        heading=_("The action plan"),
        source=_(
            "Source: the goals and actions of the action plan in Jämkoll as reported "
            "when the report was made (progress is the mean of the actions; a "
            "completed action counts as 100 %, cancelled actions are left out)."
        ),
    )
    with_actions = [g for g in goals if g.rollup.actions]
    actions = sum(g.rollup.actions for g in goals)
    section.blocks.append(
        Paragraph(
            ngettext(
                "The action plan has %(n)s goal",
                "The action plan has %(n)s goals",
                len(goals),
            )
            % {"n": len(goals)}
            + " "
            + ngettext(
                "with %(n)s action, of which %(done)s completed.",
                "with %(n)s actions, of which %(done)s completed.",
                actions,
            )
            % {"n": actions, "done": sum(g.rollup.done for g in goals)}
        )
    )
    if with_actions:
        section.blocks.append(Subheading(_("Progress per goal")))
        section.blocks.append(
            Chart(
                caption=_("Progress per goal (percent)"),
                alt=_(
                    "Bar chart of the mean progress of the actions behind %(n)s goals. "
                    "The figures are in the table that follows."
                )
                % {"n": len(with_actions)},
                categories=[g.goal.title for g in with_actions],
                series=[_("Progress")],
                values=[
                    [None if g.rollup.progress is None else float(g.rollup.progress)]
                    for g in with_actions
                ],
                unit=" %",
                max_value=100,
                empty_text=_(
                    "No action has reported progress yet, so there is no chart."
                ),
            )
        )
        section.blocks.append(
            Table(
                caption=_("Progress per goal"),
                header=[_("Goal"), _("Actions"), _("Completed"), _("Progress")],
                rows=[
                    [
                        g.goal.title,
                        str(g.rollup.actions),
                        str(g.rollup.done),
                        percent(g.rollup.progress),
                    ]
                    for g in with_actions
                ],
                numeric=[False, True, True, True],
            )
        )
    if articles:
        section.blocks.append(Subheading(_("Progress per article of the CEMR charter")))
        section.blocks.append(
            Table(
                caption=_(
                    "Actions per article of the European Charter for Equality of Women and Men in Local Life"
                ),
                header=[_("Article"), _("Actions"), _("Completed"), _("Progress")],
                rows=[
                    [
                        _("Article %(number)s: %(title)s")
                        % {
                            "number": a.article.number,
                            "title": a.article.display_title,
                        },
                        str(a.rollup.actions),
                        str(a.rollup.done),
                        percent(a.rollup.progress),
                    ]
                    for a in articles
                ],
                numeric=[False, True, True, True],
            )
        )
    return section
