"""State changes for reviews, answers, development needs, checklists and analyses.

Each service takes the acting user (`by`), checks permission itself and saves
nothing when validation fails. The analysis itself runs in the background
(`tasks.analyse_document`) and always ends in `done` or `failed`.
"""

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy

from jamkoll.accounts.models import User
from jamkoll.core.changes import KEEP, assign, given
from jamkoll.core.uploads import CheckedUpload, stored_name
from jamkoll.meetings.models import DevelopmentNeed
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.reviews import permissions, reader
from jamkoll.reviews.models import (
    DOCUMENT_DIR,
    UNIT_OF_OTHER_BOARD,
    Analysis,
    AnalysisFinding,
    Answer,
    Checklist,
    ChecklistVersion,
    Criterion,
    Review,
    source_ref_of,
    values_for,
)
from jamkoll.reviews.uploads import check_document

logger = logging.getLogger(__name__)

STALE_AFTER = timedelta(minutes=15)
ANALYSIS_CRASHED = gettext_lazy(
    "The analysis stopped because of an unexpected error. Try again, or contact "
    "the administrator if it happens again."
)
ANALYSIS_STALLED = gettext_lazy(
    "The analysis did not finish in time. Start it again; if it still does not "
    "run, ask the administrator whether the background worker is running."
)
NO_DOCUMENT = gettext_lazy("The review has no uploaded document to analyse.")
NO_CRITERIA = gettext_lazy("Add at least one criterion.")
DUPLICATE_CODE = gettext_lazy("The code %(code)s is used twice.")
COMPLETE_NEEDS_ANSWERS = gettext_lazy(
    "Answer every point of the checklist before marking the review as done."
)
OUTCOME_NOT_USED = gettext_lazy("This checklist has no decision outcome.")
MEETING_NOT_USED = gettext_lazy(
    "Only a review with a decision outcome is recorded with a board meeting."
)
NOTHING_TO_CONFIRM = gettext_lazy(
    "There are no suggestions to confirm: every suggested point already has an "
    "answer, or the automatic reading has not suggested anything."
)


def _check_edit(by: User, obj: object) -> None:
    if not permissions.can_edit_reviews(by, obj):
        raise PermissionDenied


def _check_unit(by: User, organisation_id: int, unit: Unit | None) -> None:
    """A board politician files reviews and needs only under their own boards."""
    if unit is not KEEP and not permissions.can_use_unit(by, organisation_id, unit):
        raise ValidationError({"unit": UNIT_OF_OTHER_BOARD})


def _save(obj: Any, by: User | None) -> None:
    obj._history_user = by
    obj.full_clean()
    obj.save()


# --- Reviews -------------------------------------------------------------------------


@transaction.atomic
def create_review(
    *,
    organisation: Organisation,
    by: User,
    checklist_version: ChecklistVersion,
    upload: UploadedFile | None = None,
    title: str = KEEP,
    document_type: str = KEEP,
    unit: Unit = KEEP,
    year: int = KEEP,
    case_number: str = KEEP,
    document_reference: str = KEEP,
) -> Review:
    """Start a review (granskning) with one empty answer per criterion; `by` is the
    reviewer.

    With an upload, the file is checked by content and size, stored under a random
    name, and an analysis is queued to run after the commit. A board politician
    files reviews under their own boards' domain only.
    """
    if not permissions.can_create_reviews(by, organisation):
        raise PermissionDenied
    _check_unit(by, organisation.pk, unit)
    review = Review(
        organisation=organisation,
        checklist_version=checklist_version,
        reviewer=by,
        **given(
            title=title,
            document_type=document_type,
            unit=unit,
            year=year,
            case_number=case_number,
            document_reference=document_reference,
        ),
    )
    checked = check_document(upload) if upload is not None else None
    _save(review, by)
    Answer.objects.bulk_create(
        [Answer(review=review, criterion=c) for c in checklist_version.criteria.all()]
    )
    if upload is not None and checked is not None:
        _store_and_queue(review, upload, checked, by)
    return review


@transaction.atomic
def update_review(
    *,
    review: Review,
    by: User,
    upload: UploadedFile | None = None,
    title: str = KEEP,
    document_type: str = KEEP,
    unit: Unit = KEEP,
    year: int = KEEP,
    case_number: str = KEEP,
    document_reference: str = KEEP,
) -> Review:
    """Change a review's details (fields not given keep their value); a new upload
    replaces the document and is analysed. The checklist version, status and
    organisation never change here."""
    _check_edit(by, review)
    _check_unit(by, review.organisation_id, unit)
    assign(
        review,
        title=title,
        document_type=document_type,
        unit=unit,
        year=year,
        case_number=case_number,
        document_reference=document_reference,
    )
    checked = check_document(upload) if upload is not None else None
    _save(review, by)
    if upload is not None and checked is not None:
        _store_and_queue(review, upload, checked, by)
    return review


def _store_and_queue(
    review: Review, upload: UploadedFile, checked: CheckedUpload, by: User
) -> Analysis:
    """Store under a random name with the detected kind's extension; the cleaned
    client name is kept for display."""
    old = review.document.name if review.document else ""
    review.original_filename = checked.display_name[:200]
    review.document.save(stored_name(checked, DOCUMENT_DIR), upload, save=False)
    _save(review, by)
    if old:
        transaction.on_commit(lambda: review.document.storage.delete(old))
    return _queue_analysis(review, by)


def _queue_analysis(review: Review, by: User) -> Analysis:
    analysis = Analysis(review=review)
    _save(analysis, by)
    analysis_id = analysis.pk

    def enqueue() -> None:
        from jamkoll.reviews.tasks import analyse_document

        analyse_document.enqueue(analysis_id)

    transaction.on_commit(enqueue)
    return analysis


@transaction.atomic
def start_analysis(*, review: Review, by: User) -> Analysis:
    """Read the review's stored document again (e.g. after a failure)."""
    _check_edit(by, review)
    if not review.document:
        raise ValidationError(NO_DOCUMENT)
    return _queue_analysis(review, by)


def _set_progress(analysis_id: int, page: int, total: int | None) -> None:
    percent = min(95, round(100 * page / total)) if total else 0
    Analysis.objects.filter(pk=analysis_id).update(
        pages_read=page, progress=percent, updated_at=timezone.now()
    )


def run_analysis(*, analysis_id: int) -> Analysis:
    """Run the reader on the review's document and store findings and suggestions.

    Never leaves the analysis `queued` or `running`: any error (a reader message
    or an unexpected crash) ends in `failed` with a Swedish message.
    """
    analysis = Analysis.objects.select_related("review").get(pk=analysis_id)
    if analysis.is_finished:
        return analysis
    analysis.status = Analysis.Status.RUNNING
    analysis.started_at = timezone.now()
    _save(analysis, None)
    try:
        result = reader.analyse(
            analysis.review.document.path,
            max_file_bytes=int(settings.JAMKOLL_MAX_UPLOAD_BYTES),
            on_page=lambda page, total: _set_progress(analysis_id, page, total),
        )
        if result.error:
            return _finish(analysis, pages=result.pages, error=result.error)
        _store_findings(analysis, result)
        return _finish(analysis, pages=result.pages, error="")
    except Exception:
        logger.exception("Analysis %s crashed", analysis_id)
        return _finish(analysis, pages=None, error=str(ANALYSIS_CRASHED))


def _finish(analysis: Analysis, *, pages: int | None, error: str) -> Analysis:
    analysis.refresh_from_db(fields=["pages_read"])
    analysis.status = Analysis.Status.FAILED if error else Analysis.Status.DONE
    analysis.error_message = error
    analysis.pages = pages
    analysis.progress = 100
    analysis.finished_at = timezone.now()
    _save(analysis, None)
    return analysis


@transaction.atomic
def _store_findings(analysis: Analysis, result: reader.ReaderResult) -> None:
    AnalysisFinding.objects.bulk_create(
        [
            AnalysisFinding(
                analysis=analysis,
                position=i,
                detector=f.detector,
                page=f.page,
                section=f.section[:300],
                quote=f.quote,
                rule=f.rule[:80],
            )
            for i, f in enumerate(result.findings)
        ],
        batch_size=500,
    )
    suggested = reader.suggestions(result.findings)
    answers = Answer.objects.filter(
        review_id=analysis.review_id, criterion__detector__gt=""
    ).select_related("criterion__version")
    changed = []
    for answer in answers:
        suggestion = suggested.get(answer.criterion.detector)
        value = suggestion.value if suggestion else ""
        if value and value not in values_for(answer.criterion.version.answer_type):
            value = {"yes": "3", "partly": "2", "no": "1"}.get(value, "")
        answer.suggested = value
        answer.suggested_evidence = suggestion.evidence if suggestion else ""
        changed.append(answer)
    Answer.objects.bulk_update(changed, ["suggested", "suggested_evidence"])


def fail_stale_analyses(*, review: Review, now: Any = None) -> int:
    """Mark the review's analyses that stopped reporting (a dead worker) as failed."""
    now = now or timezone.now()
    return Analysis.objects.filter(
        review=review,
        status__in=[Analysis.Status.QUEUED, Analysis.Status.RUNNING],
        updated_at__lt=now - STALE_AFTER,
    ).update(
        status=Analysis.Status.FAILED,
        error_message=str(ANALYSIS_STALLED),
        finished_at=now,
    )


@transaction.atomic
def save_answers(
    *,
    review: Review,
    by: User,
    answers: Mapping[int, Mapping[str, str]],
    findings: str,
    outcome: str = "",
    status: str = Review.Status.IN_PROGRESS,
    meeting_on: dt.date | None = KEEP,
    paragraph: str = KEEP,
) -> Review:
    """Confirm or override each point of the checklist and record the findings.

    `answers` maps answer ids to `value`, `comment`, `evidence`. A review can be
    marked done only when every point is answered. A decision document's outcome
    is recorded with the board meeting (`meeting_on`, `paragraph`, e.g. "§ 45").
    """
    _check_edit(by, review)
    rows = {a.pk: a for a in review.answers.select_related("criterion__version")}
    for pk, data in answers.items():
        answer = rows.get(pk)
        if answer is None:
            raise PermissionDenied
        answer.value = data.get("value", "")
        answer.comment = data.get("comment", "")
        answer.evidence = data.get("evidence", "")
        _save(answer, by)
    has_outcome = review.checklist_version.checklist.has_decision_outcome
    if outcome and not has_outcome:
        raise ValidationError({"outcome": OUTCOME_NOT_USED})
    if (meeting_on or paragraph) and not has_outcome:
        raise ValidationError({"meeting_on": MEETING_NOT_USED})
    assign(review, meeting_on=meeting_on, paragraph=paragraph)
    if status == Review.Status.DONE and any(not a.value for a in rows.values()):
        raise ValidationError({"status": COMPLETE_NEEDS_ANSWERS})
    review.findings = findings
    review.outcome = outcome
    review.status = status
    review.completed_on = timezone.localdate() if status == Review.Status.DONE else None
    _save(review, by)
    return review


@transaction.atomic
def confirm_suggestions(*, review: Review, by: User) -> int:
    """Take the automatic reading's suggestion as the answer on every point that has
    a suggestion and no answer yet ("Bekräfta förslagen"); answers already given are
    kept. Returns how many points were confirmed; the answers stay editable."""
    _check_edit(by, review)
    pending = list(
        review.answers.filter(value="")
        .exclude(suggested="")
        .select_related("criterion__version")
    )
    if not pending:
        raise ValidationError(NOTHING_TO_CONFIRM)
    for answer in pending:
        answer.value = answer.suggested
        if not answer.evidence:
            answer.evidence = answer.suggested_evidence
        _save(answer, by)
    return len(pending)


@transaction.atomic
def add_development_need(
    *, review: Review, by: User, text: str, unit: Unit | None = None
) -> DevelopmentNeed:
    """Record a development need (utvecklingsbehov) found in a review: one
    `meetings.DevelopmentNeed` for every source, pointing back with `source_ref`."""
    _check_edit(by, review)
    if unit is not None:
        _check_unit(by, review.organisation_id, unit)
    need = DevelopmentNeed(
        organisation_id=review.organisation_id,
        unit=unit or review.unit,
        year=review.year,
        text=text,
        source_ref=source_ref_of(review),
        source_url=review.get_absolute_url(),
    )
    _save(need, by)
    return need


# --- Checklists ----------------------------------------------------------------------


def _criteria(
    version: ChecklistVersion, rows: Iterable[Mapping[str, str]], by: User
) -> None:
    seen: set[str] = set()
    count = 0
    for position, row in enumerate(rows, start=1):
        code = row["code"].strip()
        if code in seen:
            raise ValidationError(DUPLICATE_CODE % {"code": code})
        seen.add(code)
        _save(
            Criterion(
                version=version,
                position=position,
                code=code,
                text=row["text"],
                help=row.get("help", ""),
                detector=row.get("detector", ""),
            ),
            by,
        )
        count += 1
    if count == 0:
        raise ValidationError(NO_CRITERIA)


@transaction.atomic
def create_checklist(
    *,
    organisation: Organisation,
    by: User,
    name: str,
    description: str = "",
    has_decision_outcome: bool = False,
    answer_type: str,
    criteria: Iterable[Mapping[str, str]],
) -> Checklist:
    """Create the organisation's own checklist with its first version."""
    _check_edit(by, organisation)
    checklist = Checklist(
        organisation=organisation,
        name=name,
        description=description,
        has_decision_outcome=has_decision_outcome,
    )
    _save(checklist, by)
    version = ChecklistVersion(checklist=checklist, number=1, answer_type=answer_type)
    _save(version, by)
    _criteria(version, criteria, by)
    return checklist


@transaction.atomic
def create_checklist_version(
    *,
    checklist: Checklist,
    by: User,
    answer_type: str,
    criteria: Iterable[Mapping[str, str]],
    note: str = "",
) -> ChecklistVersion:
    """Publish a new version; reviews already made keep the version they used."""
    if not permissions.can_edit_checklist(by, checklist):
        raise PermissionDenied
    latest = checklist.versions.aggregate(n=Max("number"))["n"] or 0
    version = ChecklistVersion(
        checklist=checklist, number=latest + 1, answer_type=answer_type, note=note
    )
    _save(version, by)
    _criteria(version, criteria, by)
    return version
