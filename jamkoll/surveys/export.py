"""The results of a round as an Excel workbook (openpyxl), with the same suppression.

Built only from `selectors.SurveyResults`, so nothing the pages hide can appear here;
free-text answers are never exported (only their number).
"""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from jamkoll.surveys.selectors import GroupResult, QuestionResult, SurveyResults


def _hidden_mark() -> str:
    return _("hidden")


def _group_row(
    question: QuestionResult, dimension: str, group: GroupResult
) -> list[object]:
    if group.hidden:
        return (
            [question.position, question.text, dimension, group.label, _hidden_mark()]
            + [_hidden_mark()] * len(question.labels)
            + [None]
        )
    return [
        question.position,
        question.text,
        dimension,
        group.label,
        group.respondents,
        *(group.counts or []),
        group.mean,
    ]


def _results_sheet(sheet: Worksheet, results: SurveyResults) -> None:
    sheet.title = _("Results")[:31]
    width = max((len(q.labels) for q in results.questions), default=5)
    header = (
        [
            _("No."),
            _("Question"),
            _("Breakdown"),
            _("Group"),
            _("Respondents"),
        ]
        + [_("Answer %(number)d") % {"number": i + 1} for i in range(width)]
        + [_("Mean (1–5)")]
    )
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for question in results.questions:
        if question.is_free_text:
            sheet.append(
                [
                    question.position,
                    question.text,
                    _("Free text"),
                    _("All respondents"),
                    question.free_text_count,
                ]
            )
            continue
        sheet.append(
            [
                question.position,
                question.text,
                _("Answer options"),
                "",
                "",
                *question.labels,
            ]
        )
        sheet.append(_group_row(question, _("Total"), question.total))
        for breakdown in (question.by_sex, question.by_role_level):
            for group in breakdown.groups:
                sheet.append(_group_row(question, breakdown.label, group))
        for earlier in question.earlier:
            sheet.append(
                _group_row(
                    question,
                    _("Earlier round %(year)d") % {"year": earlier.year},
                    earlier.total,
                )
            )
    sheet.freeze_panes = "A2"


def _about_sheet(sheet: Worksheet, results: SurveyResults) -> None:
    sheet.title = _("About")[:31]
    rows: list[list[object]] = [
        [_("Survey round"), results.title],
        [_("Year"), results.year],
        [
            _("Period"),
            " – ".join([results.opens_on.isoformat(), results.closes_on.isoformat()]),
        ],
        [_("Personal links sent"), results.invited],
        [_("Responses"), results.responded],
        [_("Response rate (%)"), results.response_rate],
        [
            _("Suppression"),
            _(
                "Groups with fewer than %(k)d respondents are hidden, and so is the next "
                "smallest group when the hidden groups together are fewer than %(k)d."
            )
            % {"k": results.min_group_size},
        ],
    ]
    if results.is_empty:
        rows.append([_("Note"), _("Nobody answered this survey round.")])
    for row in rows:
        sheet.append(row)
    for row_cells in sheet.iter_rows(min_col=1, max_col=1):
        row_cells[0].font = Font(bold=True)


def results_workbook(results: SurveyResults) -> bytes:
    """The workbook as bytes: an "About" sheet and a "Results" sheet."""
    workbook = Workbook()
    _about_sheet(workbook.active, results)  # type: ignore[arg-type]
    _results_sheet(workbook.create_sheet(), results)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
