"""Read paths for survey rounds and their (suppressed) results.

Results are computed from counts only; no function here returns a single response.
`survey_results_for_report` is the entry point for the yearly report (reports app).
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from jamkoll.core import formatting
from jamkoll.organisations.models import Organisation
from jamkoll.surveys import suppression
from jamkoll.surveys.models import (
    Answer,
    QuestionKind,
    QuestionVersion,
    RespondentSex,
    RoleLevel,
    Survey,
    SurveyQuestion,
)


@dataclass(frozen=True)
class GroupResult:
    """The answers of one group (all respondents, or e.g. women) to one question.

    When `hidden` is true every figure is None: the group is too small, or hiding it
    protects another small group (complementary suppression).
    """

    key: str
    label: str
    hidden: bool
    respondents: int | None
    counts: list[int] | None
    shares: list[float | None] | None
    mean: float | None = None


@dataclass(frozen=True)
class BreakdownResult:
    """One breakdown (by sex or by role level) of one question."""

    key: str
    label: str
    groups: list[GroupResult]

    @property
    def any_shown(self) -> bool:
        return any(not g.hidden for g in self.groups)


@dataclass(frozen=True)
class EarlierResult:
    """The totals of the same question version in an earlier round."""

    survey_id: int
    year: int
    title: str
    total: GroupResult


@dataclass(frozen=True)
class QuestionResult:
    """Suppressed results of one question of a round.

    `labels` name the columns of `counts`/`shares` (options, or scale steps 1–5). For
    free-text questions only `free_text_count` is set; the texts themselves are read
    through `free_text_answers` by the roles allowed.
    """

    version_id: int
    position: int
    text: str
    kind: str
    labels: list[str]
    total: GroupResult
    by_sex: BreakdownResult
    by_role_level: BreakdownResult
    earlier: list[EarlierResult] = field(default_factory=list)
    free_text_count: int = 0

    @property
    def is_free_text(self) -> bool:
        return self.kind == QuestionKind.FREE_TEXT

    @property
    def breakdowns(self) -> list[BreakdownResult]:
        return [self.by_sex, self.by_role_level]


@dataclass(frozen=True)
class SurveyResults:
    """Everything the results page, the export and the yearly report show of a round.

    `invited` and `responded` are the numbers of personal links and responses;
    `response_rate` is a percentage or None when no link was sent. `is_empty` is true
    when nobody answered (the pages say so instead of showing tables).
    """

    survey_id: int
    title: str
    year: int
    status: str
    opens_on: dt.date
    closes_on: dt.date
    min_group_size: int
    invited: int
    responded: int
    response_rate: float | None
    questions: list[QuestionResult]

    @property
    def is_empty(self) -> bool:
        return self.responded == 0


def survey_list(*, organisation: Organisation) -> QuerySet[Survey]:
    """The organisation's rounds with their link and response counts (two subqueries)."""
    return (
        Survey.objects.filter(organisation=organisation)
        .annotate(
            invited_count=Count("invitations", distinct=True),
            # Used links, not released responses: answers waiting to be released
            # (fewer than k so far) count as answered.
            response_count=Count(
                "invitations", filter=Q(invitations__is_used=True), distinct=True
            ),
        )
        .order_by("-year", "-opens_on")
    )


def question_bank() -> QuerySet[QuestionVersion]:
    """Every question version, in the order the questions were added to the bank (the
    default set's order: time, meetings, being listened to, harassment, balance)."""
    return QuestionVersion.objects.select_related("question").order_by(
        "question_id", "number"
    )


def default_versions() -> list[QuestionVersion]:
    """The newest default version of each question, in bank order."""
    latest: dict[int, QuestionVersion] = {}
    for version in question_bank().filter(is_default=True):
        latest[version.question_id] = version
    return list(latest.values())


def response_counts(*, survey: Survey) -> tuple[int, int]:
    """(links sent, links used) of a round, in one query; counts only, never who.

    Counted from the links, so answers still waiting to be released in a batch of k
    (`PendingResponse`) count as answered.
    """
    counts = survey.invitations.aggregate(  # type: ignore[attr-defined]
        invited=Count("pk"), responded=Count("pk", filter=Q(is_used=True))
    )
    return counts["invited"], counts["responded"]


SEX_GROUPS = [
    RespondentSex.WOMAN,
    RespondentSex.MAN,
    RespondentSex.OTHER,
    RespondentSex.NOT_STATED,
]
ROLE_GROUPS = [
    RoleLevel.LEADING,
    RoleLevel.MEMBER,
    RoleLevel.SUBSTITUTE,
    RoleLevel.NOT_STATED,
]


def _hidden(key: str, label: str) -> GroupResult:
    return GroupResult(key, label, True, None, None, None, None)


def _group(
    key: str,
    label: str,
    respondents: int,
    counter: Counter[int],
    kind: str,
    n_labels: int,
) -> GroupResult:
    base = 1 if kind == QuestionKind.SCALE else 0
    counts = [counter.get(base + i, 0) for i in range(n_labels)]
    mean = None
    if kind == QuestionKind.SCALE and respondents:
        mean = round(sum((i + 1) * c for i, c in enumerate(counts)) / sum(counts), 2)
    return GroupResult(
        key,
        label,
        False,
        respondents,
        counts,
        [suppression.share(c, respondents) for c in counts],
        mean,
    )


@dataclass
class _Tally:
    """Counts for one question: respondents and chosen values per (dimension, group)."""

    respondents: Counter[tuple[str, str]] = field(default_factory=Counter)
    choices: dict[tuple[str, str], Counter[int]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    texts: int = 0


def _tallies(survey_ids: Sequence[int]) -> dict[tuple[int, int], _Tally]:
    """Aggregate answers per (survey, version) in one query, by sex and role level."""
    tallies: dict[tuple[int, int], _Tally] = defaultdict(_Tally)
    seen: set[tuple[int, int, object]] = set()
    rows = (
        Answer.objects.filter(response__survey_id__in=survey_ids)
        .values(
            "response__survey_id",
            "version_id",
            "response_id",
            "response__sex",
            "response__role_level",
            "choice",
        )
        .annotate(n=Count("id"), texts=Count("id", filter=~Q(text="")))
        .order_by()
    )
    for row in rows:
        tally = tallies[(row["response__survey_id"], row["version_id"])]
        keys = [
            ("total", "total"),
            ("sex", row["response__sex"]),
            ("role_level", row["response__role_level"]),
        ]
        respondent = (row["response__survey_id"], row["version_id"], row["response_id"])
        if respondent not in seen:
            seen.add(respondent)
            for key in keys:
                tally.respondents[key] += 1
        if row["choice"] is not None:
            for key in keys:
                tally.choices[key][row["choice"]] += row["n"]
        tally.texts += row["texts"]
    return tallies


def _breakdown(
    dimension: str,
    label: str,
    groups: Sequence[str],
    labels: dict[str, str],
    tally: _Tally,
    kind: str,
    n_labels: int,
    k: int,
) -> BreakdownResult:
    sizes = [(g, tally.respondents[(dimension, g)]) for g in groups]
    decision = suppression.suppress(sizes, k=k)
    results = []
    for g, n in sizes:
        if decision.is_shown(g):
            results.append(
                _group(g, labels[g], n, tally.choices[(dimension, g)], kind, n_labels)
            )
        else:
            results.append(_hidden(g, labels[g]))
    return BreakdownResult(dimension, label, results)


def _total(tally: _Tally, kind: str, n_labels: int, k: int) -> GroupResult:
    n = tally.respondents[("total", "total")]
    if not suppression.total_is_shown(n, k=k):
        return _hidden("total", _("All respondents"))
    return _group(
        "total",
        _("All respondents"),
        n,
        tally.choices[("total", "total")],
        kind,
        n_labels,
    )


def survey_results(*, survey: Survey, with_earlier: bool = True) -> SurveyResults:
    """Suppressed results per question with breakdowns and earlier rounds' totals.

    Before a round is closed only the response rate is given (no question results),
    so nobody can watch the figures change when a particular person answers.
    A fixed number of queries whatever the number of questions and answers.
    """
    invited, responded = response_counts(survey=survey)
    survey_questions = list(
        SurveyQuestion.objects.filter(survey=survey)
        .select_related("version")
        .order_by("position")
    )
    questions: list[QuestionResult] = []
    if survey.status == Survey.Status.CLOSED and responded:
        questions = _question_results(survey, survey_questions, with_earlier)
    return SurveyResults(
        survey_id=survey.pk,
        title=survey.title,
        year=survey.year,
        status=survey.status,
        opens_on=survey.opens_on,
        closes_on=survey.closes_on,
        min_group_size=survey.min_group_size,
        invited=invited,
        responded=responded,
        response_rate=suppression.share(responded, invited),
        questions=questions,
    )


def _question_results(
    survey: Survey, survey_questions: list[SurveyQuestion], with_earlier: bool
) -> list[QuestionResult]:
    version_ids = [sq.version_id for sq in survey_questions]
    earlier_surveys: list[Survey] = []
    earlier_versions: dict[int, set[int]] = defaultdict(set)
    if with_earlier:
        earlier_surveys = list(
            Survey.objects.filter(
                organisation_id=survey.organisation_id,
                status=Survey.Status.CLOSED,
                year__lt=survey.year,
                survey_questions__version_id__in=version_ids,
            )
            .distinct()
            .order_by("-year", "-opens_on")
        )
        for survey_id, version_id in SurveyQuestion.objects.filter(
            survey__in=earlier_surveys, version_id__in=version_ids
        ).values_list("survey_id", "version_id"):
            earlier_versions[survey_id].add(version_id)
    tallies = _tallies([survey.pk] + [s.pk for s in earlier_surveys])
    k = survey.min_group_size
    sex_labels = {str(c.value): str(c.label) for c in RespondentSex}
    role_labels = {str(c.value): str(c.label) for c in RoleLevel}
    results = []
    for sq in survey_questions:
        version = sq.version
        labels = version.choice_labels
        tally = tallies[(survey.pk, version.pk)]
        earlier = [
            EarlierResult(
                s.pk,
                s.year,
                s.title,
                _total(
                    tallies[(s.pk, version.pk)],
                    version.kind,
                    len(labels),
                    s.min_group_size,
                ),
            )
            for s in earlier_surveys
            if version.pk in earlier_versions[s.pk]
        ]
        results.append(
            QuestionResult(
                version_id=version.pk,
                position=sq.position + 1,
                text=version.text,
                kind=version.kind,
                labels=labels,
                total=_total(tally, version.kind, len(labels), k),
                by_sex=_breakdown(
                    "sex",
                    _("By sex"),
                    SEX_GROUPS,
                    sex_labels,
                    tally,
                    version.kind,
                    len(labels),
                    k,
                ),
                by_role_level=_breakdown(
                    "role_level",
                    _("By role level"),
                    ROLE_GROUPS,
                    role_labels,
                    tally,
                    version.kind,
                    len(labels),
                    k,
                ),
                earlier=earlier,
                free_text_count=tally.texts,
            )
        )
    return results


def free_text_answers(*, survey: Survey) -> dict[int, list[str]]:
    """Free-text answers per question version, sorted alphabetically and without any
    background, so the order says nothing about who wrote them. Callers must check
    `permissions.can_view_free_text` first; nothing is returned before the round closes.
    """
    if survey.status != Survey.Status.CLOSED:
        return {}
    texts: dict[int, list[str]] = defaultdict(list)
    for version_id, text in (
        Answer.objects.filter(response__survey=survey)
        .exclude(text="")
        .values_list("version_id", "text")
    ):
        texts[version_id].append(text)
    return {vid: sorted(items, key=str.casefold) for vid, items in texts.items()}


def survey_results_for_report(
    *, organisation: Organisation, year: int
) -> SurveyResults | None:
    """The yearly report's survey section: the organisation's closed round of the year.

    Returns the suppressed results (`SurveyResults`: response rate, and per question
    `QuestionResult` with `total`, `by_sex`, `by_role_level` and `earlier` rounds'
    totals, each figure None where suppressed), or None when the organisation has no
    closed round that year. Free-text answers are never included (only their number),
    because they may identify the writer. When several rounds closed in the year the
    latest is used.
    """
    survey = (
        Survey.objects.filter(
            organisation=organisation, year=year, status=Survey.Status.CLOSED
        )
        .order_by("-closes_on", "-pk")
        .first()
    )
    if survey is None:
        return None
    return survey_results(survey=survey)


def dashboard_panels(
    *, organisation: Organisation, roles: frozenset[str]
) -> list[dict[str, Any]]:
    """The dashboard's survey panel for administrators and strategists: rounds that are
    open (with their response rate) and drafts waiting to be sent. Counts only."""
    if not roles & {"admin", "strategist"}:
        return []
    items = []
    for survey in survey_list(organisation=organisation).exclude(
        status=Survey.Status.CLOSED
    ):
        if survey.status == Survey.Status.DRAFT:
            note = _("Draft: the links have not been sent.")
        else:
            note = _("%(answered)d of %(invited)d have answered; closes %(date)s.") % {
                "answered": survey.response_count,  # type: ignore[attr-defined]
                "invited": survey.invited_count,  # type: ignore[attr-defined]
                "date": formatting.date(survey.closes_on),
            }
        items.append((survey.title, survey.get_absolute_url(), note))
    return [
        {
            "title": _("Survey of politicians"),
            "items": items,
            "empty": _("No survey round is open."),
            "action_url": reverse("surveys:list"),
            "action_label": _("Survey rounds"),
        }
    ]
