"""The board level's pages: every board side by side, one board's page, "my board"."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import board_ids
from jamkoll.boards import figures, permissions, presentation, selectors
from jamkoll.core import exports as core_exports
from jamkoll.core.htmx import render_page
from jamkoll.core.params import choice_param, year_param
from jamkoll.organisations.decorators import organisation_required
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.result_requests.permissions import can_raise
from jamkoll.reviews.permissions import can_create_reviews

SORT_COLUMNS = ("board", *figures.COLUMNS)
DIRECTIONS = ("asc", "desc")


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _year(request: HttpRequest) -> int:
    this_year = timezone.localdate().year
    return year_param(request, "year", this_year, 2000, this_year + 1) or this_year


def _sorted(
    request: HttpRequest, rows: list[figures.BoardRow]
) -> tuple[list[figures.BoardRow], str, str]:
    column = choice_param(request, "sort", SORT_COLUMNS, "board")
    default_direction = "asc" if column == "board" else "desc"
    direction = choice_param(request, "dir", DIRECTIONS, default_direction)
    return figures.sort_rows(rows, column, direction == "desc"), column, direction


def _headers(year: int, column: str, direction: str) -> list[dict[str, Any]]:
    """The table's column headers with their sort links and `aria-sort`."""
    headers = []
    for key, label in presentation.column_labels():
        current = key == column
        if current:
            next_direction = "desc" if direction == "asc" else "asc"
        else:
            next_direction = "asc" if key == "board" else "desc"
        headers.append(
            {
                "key": key,
                "label": label,
                "numeric": key != "board",
                "aria_sort": (
                    ("ascending" if direction == "asc" else "descending")
                    if current
                    else ""
                ),
                "query": urlencode({"year": year, "sort": key, "dir": next_direction}),
            }
        )
    return headers


@require_GET
@organisation_required
def overview(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Every board as a row with the year's figures and the trend, sortable."""
    user = _user(request)
    if not permissions.can_view_overview(user, organisation):
        raise PermissionDenied
    year = _year(request)
    rows, column, direction = _sorted(request, selectors.board_rows(organisation, year))
    return render_page(
        request,
        "boards/overview.html",
        {
            "year": year,
            "years": selectors.overview_years(organisation, year),
            "rows": [presentation.shown(row) for row in rows],
            "headers": _headers(year, column, direction),
            "sort": column,
            "dir": direction,
            "export_query": urlencode({"year": year, "sort": column, "dir": direction}),
            "explanations": presentation.explanations(),
        },
        partial="results",
    )


@require_GET
@organisation_required
def overview_xlsx(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The comparison as a spreadsheet, figures as numbers."""
    user = _user(request)
    if not permissions.can_view_overview(user, organisation):
        raise PermissionDenied
    year = _year(request)
    rows, _column, _direction = _sorted(
        request, selectors.board_rows(organisation, year)
    )
    header, types, values = presentation.export_table(rows)
    content = core_exports.to_xlsx(
        header, values, types=types, title=_("Boards %(year)s") % {"year": year}
    )
    return core_exports.download(content, f"namnder-{year}.xlsx")


def _link(name: str, query: dict[str, Any] | None = None) -> str:
    """A link to another app's page by URL name; "" while that page does not exist."""
    try:
        url = reverse(name)
    except NoReverseMatch:
        return ""
    return f"{url}?{urlencode(query)}" if query else url


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One board's page: its demands, decision documents, documents reviewed over
    the years, self-assessments, development needs and its figures with the trend."""
    user = _user(request)
    board = get_object_or_404(
        permissions.boards_visible_to(user).select_related("organisation"), pk=pk
    )
    year = _year(request)
    page = selectors.board_page(user=user, board=board, year=year)
    organisation = board.organisation
    acts = board.pk in board_ids(user, organisation.pk)
    return render(
        request,
        "boards/detail.html",
        {
            "board": board,
            "year": year,
            "years": selectors.overview_years(organisation, year),
            "page": page,
            "row": presentation.shown(page.row),
            "headers": presentation.column_labels()[1:],
            "can_raise": acts or can_raise(user, organisation),
            "can_create_review": acts or can_create_reviews(user, organisation),
            "raise_url": _link("result_requests:create", {"raised_for": board.pk}),
            "create_review_url": _link(
                "reviews:create",
                {"unit": board.pk, "document_type": "decision_document"},
            ),
            "decision_documents_url": _link(
                "reviews:decision_documents", {"board": board.pk, "year": year}
            ),
            "trend_url": _link("reviews:trend", {"board": board.pk}),
            "demands_url": _link("result_requests:list", {"raised_for": board.pk}),
            "today": timezone.localdate(),
        },
    )


@require_GET
@organisation_required
def mine(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """A board politician's way in: their board's page, or a list of their boards."""
    user = _user(request)
    if not permissions.is_board_politician(user, organisation):
        raise PermissionDenied
    boards: list[Unit] = list(
        Unit.objects.filter(pk__in=board_ids(user, organisation.pk)).order_by(
            "name", "pk"
        )
    )
    if len(boards) == 1:
        return redirect("boards:detail", pk=boards[0].pk)
    return render(request, "boards/mine.html", {"boards": boards})
