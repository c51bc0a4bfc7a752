"""Demands and follow-up figures as spreadsheet tables (XLSX by default, or CSV).

The files themselves are written by `jamkoll.core.exports`; this module only decides
the columns and their types.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from jamkoll.core import exports
from jamkoll.result_requests.figures import FigureRow
from jamkoll.result_requests.models import ResultRequest, Status


def figures_table(rows: Iterable[FigureRow]) -> exports.Table:
    """Per unit and year: raised, answered, on time, accepted, overdue, median days."""
    return exports.Table(
        header=[
            _("Year"),
            _("Unit"),
            _("Raised"),
            _("Answered"),
            _("Answered on time"),
            _("Accepted at first answer"),
            _("Open and overdue"),
            _("Median days to answer"),
        ],
        rows=(
            [
                row.year,
                row.unit_name,
                row.raised,
                row.answered,
                row.answered_on_time,
                row.accepted_first,
                row.open_overdue,
                row.median_days,
            ]
            for row in rows
        ),
        types=[exports.INTEGER, exports.TEXT]
        + [exports.INTEGER] * 5
        + [exports.DECIMAL],
        title=_("Follow-up"),
    )


def _local_date(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment is not None else None


def _demand_row(demand: ResultRequest, today: dt.date) -> list[Any]:
    # Only submitted answers leave the system; the prefetch is ordered by version.
    replies = [r for r in demand.replies.all() if r.submitted_at is not None]
    assessments = list(demand.assessments.all())
    reply = replies[-1] if replies else None
    assessment = assessments[-1] if assessments else None
    return [
        demand.title,
        demand.case_number,
        demand.addressed_to.name,
        str(Status(demand.display_status(today)).label),
        demand.question,
        _local_date(demand.sent_at),
        demand.due_on,
        _local_date(reply.submitted_at if reply else None),
        reply.text if reply else "",
        _local_date(assessment.created_at if assessment else None),
        str(assessment.get_outcome_display()) if assessment else "",
        assessment.comment if assessment else "",
    ]


def demands_table(demands: Iterable[ResultRequest], *, today: dt.date) -> exports.Table:
    """One row per demand: question, latest answer and assessment, and their dates.

    `demands` must come with `addressed_to`, `replies` and `assessments` loaded
    (`selectors.for_export`).
    """
    return exports.Table(
        header=[
            _("Title"),
            _("Case number"),
            pgettext("demand", "Addressed to"),
            _("Status"),
            _("Question"),
            pgettext("demand", "Sent"),
            pgettext("demand", "Due date"),
            pgettext("demand", "Answered"),
            _("Answer"),
            pgettext("demand", "Assessed"),
            _("Assessment"),
            _("Comment on the assessment"),
        ],
        rows=(_demand_row(demand, today) for demand in demands),
        types=[exports.TEXT] * 5
        + [exports.DATE, exports.DATE, exports.DATE, exports.TEXT, exports.DATE],
        title=_("Demands"),
    )


def render(table: exports.Table, fmt: str) -> bytes:
    """The table as XLSX (`fmt == "xlsx"`) or CSV."""
    if fmt == "csv":
        return exports.to_csv(table.header, table.rows, types=table.types)
    return exports.workbook([table])
