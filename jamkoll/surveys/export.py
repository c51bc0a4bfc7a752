"""The results of a round as an Excel workbook (openpyxl), with the same suppression.

Built only from `selectors.SurveyResults`, so nothing the pages hide can appear here;
free-text answers are never exported (only their number).
"""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jamkoll.core import exports
from jamkoll.surveys.selectors import GroupResult, QuestionResult, SurveyResults


def _hidden_mark() -> str:
    return _("hidden")


def _group_row(
    question: QuestionResult, dimension: str, group: GroupResult, width: int
) -> list[object]:
    """One group's row; the answer columns are padded to `width` so that the mean
    always lands in the last column, whatever the number of options."""
    start = [question.position, question.text, dimension, group.label]
    if group.hidden:
        shown: list[object] = [_hidden_mark()] * (1 + len(question.labels))
        return start + shown + [None] * (width - len(question.labels)) + [None]
    counts: list[object] = list(group.counts or [])
    return (
        start
        + [group.respondents]
        + counts
        + [None] * (width - len(counts))
        + [group.mean]
    )


def _results_table(results: SurveyResults) -> exports.Table:
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
    types = (
        [exports.INTEGER, exports.TEXT, exports.TEXT, exports.TEXT, exports.INTEGER]
        + [exports.INTEGER] * width
        + [exports.DECIMAL]
    )
    rows: list[list[object]] = []
    for question in results.questions:
        if question.is_free_text:
            rows.append(
                [
                    question.position,
                    question.text,
                    _("Free text"),
                    _("All respondents"),
                    question.free_text_count,
                ]
            )
            continue
        rows.append(
            [
                question.position,
                question.text,
                _("Answer options"),
                None,
                None,
                *question.labels,
            ]
        )
        rows.append(_group_row(question, _("Total"), question.total, width))
        for breakdown in (question.by_sex, question.by_role_level):
            for group in breakdown.groups:
                rows.append(_group_row(question, breakdown.label, group, width))
        for earlier in question.earlier:
            rows.append(
                _group_row(
                    question,
                    _("Earlier round %(year)d") % {"year": earlier.year},
                    earlier.total,
                    width,
                )
            )
    return exports.Table(header, rows, types, title=_("Results"))


def _about_table(results: SurveyResults) -> exports.Table:
    rows: list[list[object]] = [
        [_("Survey round"), results.title],
        [_("Year"), results.year],
        [_("Opens on"), results.opens_on],
        [_("Closes on"), results.closes_on],
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
        rows.append(
            [pgettext("export", "Note"), _("Nobody answered this survey round.")]
        )
    return exports.Table(
        [_("About the survey round"), _("Value")], rows, title=_("About")
    )


def results_workbook(results: SurveyResults) -> bytes:
    """The workbook as bytes: an "About" sheet and a "Results" sheet."""
    return exports.workbook([_about_table(results), _results_table(results)])
