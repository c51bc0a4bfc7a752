"""The boards' work (Nämndernas arbete): every board's figures for the year with the
trend, as on the body's comparison page (`boards:overview`)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jamkoll.boards import presentation, selectors
from jamkoll.organisations.models import Organisation
from jamkoll.reports.content import Paragraph, Section, Table


def heading() -> str:
    return _("The boards' work")


def build(organisation: Organisation, year: int) -> Section | None:
    """A row per board with anything for the year; None when no board has anything."""
    rows = [
        row
        for row in selectors.board_rows(organisation, year)
        if not row.current.is_empty
    ]
    if not rows:
        return None
    section = Section(
        key="boards",
        heading=heading(),
        source=_(
            "Source: the boards' demands, decision documents, self-assessments and "
            "development needs in Jämkoll for %(year)s and %(previous)s (shares of "
            "decision documents: criteria B1 and B3 of the checklist for decision "
            "documents answered yes)."
        )
        % {"year": year, "previous": year - 1},
    )
    demands = sum(r.current.demands for r in rows)
    decisions = sum(r.current.decisions for r in rows)
    section.blocks.append(
        Paragraph(
            ngettext(
                "%(n)s board worked at board level in %(year)s: %(demands)s demands "
                "raised and %(decisions)s decision documents reviewed.",
                "%(n)s boards worked at board level in %(year)s: %(demands)s demands "
                "raised and %(decisions)s decision documents reviewed.",
                len(rows),
            )
            % {
                "n": len(rows),
                "year": year,
                "demands": demands,
                "decisions": decisions,
            }
        )
    )
    # Two narrow tables rather than one wide one, so each fits a portrait page: the
    # demands loop and the self-assessment, then the decision documents. A cell reads
    # "75 % (67 %)": this year, the previous year in parentheses.
    labels = dict(presentation.column_labels())
    for caption, columns in (
        (
            _("The boards' demands, self-assessment and development needs %(year)s"),
            ("demands", "on_time", "self_assessment", "needs"),
        ),
        (
            _("The decision documents before the boards %(year)s"),
            ("decisions", "statistics", "analysis"),
        ),
    ):
        section.blocks.append(
            Table(
                caption=caption % {"year": year}
                + " "
                + _("(%(previous)s in parentheses)") % {"previous": year - 1},
                header=[labels["board"]] + [labels[column] for column in columns],
                rows=[
                    [row.board_name]
                    + [
                        _("%(value)s (%(previous)s)")
                        % {
                            "value": presentation.value_text(
                                column, row.current.value(column)
                            ),
                            "previous": presentation.value_text(
                                column, row.previous.value(column)
                            ),
                        }
                        for column in columns
                    ]
                    for row in rows
                ],
                numeric=[False] + [True] * len(columns),
            )
        )
    return section
