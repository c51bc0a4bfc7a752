"""State changes of the demands loop. Each takes the acting user (`by`), checks the
permission itself, validates fully and runs in one transaction.
"""

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.accounts.roles import BOARD_KINDS, CONTENT_ROLES, board_ids, has_any_role
from jamkoll.core.changes import KEEP, given
from jamkoll.core.uploads import stored_name
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.result_requests import attachments, notifications, permissions, workflow
from jamkoll.result_requests.models import (
    ATTACHMENT_DIR,
    Assessment,
    Attachment,
    DueDateChange,
    Evidence,
    Outcome,
    Reminder,
    Reply,
    ResultRequest,
    Status,
)
from jamkoll.result_requests.workflow import transition_to

DUE_DATE_IN_PAST = _("The due date cannot be in the past.")
NO_ADDRESSEE = _("Choose at least one board, administration or company to ask.")
ADDRESSEE_NOT_IN_ORGANISATION = _(
    "The demand can only be addressed to units of your own organisation."
)
SOURCE_NOT_IN_ORGANISATION = _(
    "A demand can only be raised from a review or a meeting of your own organisation."
)
ASKER_NOT_YOUR_BOARD = _(
    "As a board politician you raise demands on behalf of one of your own boards. "
    "Choose it under “On behalf of”."
)
ASKER_OTHER_BOARD = _(
    "You may raise demands on behalf of the boards you sit on. Strategists and "
    "administrators raise them for other boards."
)
ADDRESSEE_OUTSIDE_BOARD = _(
    "A board's demands go to its own administrations and companies. "
    "Not under %(board)s: %(units)s."
)
UNKNOWN_EVIDENCE = _("Choose the evidence from the list.")
CANNOT_ANSWER_CLOSED_REQUEST = _("The demand is closed and can no longer be answered.")
CANNOT_ANSWER_ASSESSED_REQUEST = _(
    "The answer has already been assessed. The body can ask a follow-up question."
)
CANNOT_ANSWER_DRAFT = _("The demand has not been sent yet.")
EMPTY_REPLY = _("Write the answer before submitting it.")
ASSESSMENT_CONFLICT = _(
    "Someone else changed or assessed this demand while you were working on it. "
    "Nothing of yours was saved: read the current assessment and try again if needed."
)
NOT_ANSWERED = _("Only an answered demand can be assessed.")
NOT_INSUFFICIENT = _("A follow-up question is asked when an answer was insufficient.")
DUE_CHANGE_PENDING = _(
    "A new due date has already been requested and awaits a decision."
)
DUE_CHANGE_NOT_LATER = _("The new due date must be later than the current one.")
DUE_CHANGE_DECIDED = _("This request for a new due date has already been decided.")


def _today() -> dt.date:
    return timezone.localdate()


def _clean_evidence(values: Sequence[str], field: str) -> list[str]:
    values = list(dict.fromkeys(values))
    if any(v not in Evidence.values for v in values):
        raise ValidationError({field: [UNKNOWN_EVIDENCE]})
    return values


def _check_addressees(organisation: Organisation, addressees: Sequence[Unit]) -> None:
    if not addressees:
        raise ValidationError({"addressees": [NO_ADDRESSEE]})
    if any(unit.organisation_id != organisation.pk for unit in addressees):
        raise ValidationError({"addressees": [ADDRESSEE_NOT_IN_ORGANISATION]})


def _check_asker(
    *,
    organisation: Organisation,
    by: User,
    raised_for: Unit | None,
    addressees: Sequence[Unit],
) -> None:
    """The board level's rules for who asks whom.

    A board politician (nämndpolitiker) who is not also on the body's side raises
    only on behalf of one of their own boards; a board is raised for by its own
    politicians, or by strategists and administrators (staff support); and a demand
    raised for a board goes only to the administrations and companies directly under
    it. ValidationError on the field concerned otherwise.
    """
    own_boards = board_ids(by, organisation.pk)
    if not permissions.is_body(by, organisation) and (
        raised_for is None or raised_for.pk not in own_boards
    ):
        raise ValidationError({"raised_for": [ASKER_NOT_YOUR_BOARD]})
    if raised_for is None or raised_for.kind not in BOARD_KINDS:
        return
    if raised_for.pk not in own_boards and not has_any_role(
        by, organisation.pk, CONTENT_ROLES
    ):
        raise ValidationError({"raised_for": [ASKER_OTHER_BOARD]})
    allowed = permissions.board_addressees(raised_for)
    outside = [unit for unit in addressees if unit.pk not in allowed]
    if outside:
        raise ValidationError(
            {
                "addressees": [
                    ADDRESSEE_OUTSIDE_BOARD
                    % {
                        "board": raised_for.name,
                        "units": ", ".join(unit.name for unit in outside),
                    }
                ]
            }
        )


def _save(obj: Any, by: User) -> None:
    obj._history_user = by
    obj.full_clean()
    obj.save()


@transaction.atomic
def create_result_requests(
    *,
    organisation: Organisation,
    by: User,
    addressees: Sequence[Unit],
    title: str,
    question: str,
    occasion: str,
    due_on: dt.date,
    evidence_required: Sequence[str] = (),
    occasion_on: dt.date | None = None,
    raised_for: Unit | None = None,
    case_number: str = "",
    is_public: bool = True,
    follows_up: ResultRequest | None = None,
    review: Any = None,
    agenda_item: Any = None,
    send: bool = True,
) -> list[ResultRequest]:
    """Raise a demand (efterfrågan) to one or more units: one row per unit, one group.

    Raises PermissionDenied unless `by` belongs to the body's side or is a board
    politician, ValidationError for a past due date, no addressee, a unit of another
    organisation, or when the board level's rules are broken (`_check_asker`: a
    board politician raising for anyone but their own board, a demand of a board to
    a unit outside its domain); nothing is saved then.
    When `send` is true the demands are sent at once and the managers are mailed.
    `review` (reviews.Review) and `agenda_item` (meetings.AgendaItem) record what the
    demand was raised from; they must belong to the same organisation.
    """
    if not permissions.can_raise(by, organisation):
        raise PermissionDenied
    _check_addressees(organisation, addressees)
    if review is not None and review.organisation_id != organisation.pk:
        raise ValidationError(SOURCE_NOT_IN_ORGANISATION)
    if (
        agenda_item is not None
        and agenda_item.meeting.organisation_id != organisation.pk
    ):
        raise ValidationError(SOURCE_NOT_IN_ORGANISATION)
    if due_on < _today():
        raise ValidationError({"due_on": [DUE_DATE_IN_PAST]})
    if raised_for is not None and raised_for.organisation_id != organisation.pk:
        raise ValidationError({"raised_for": [ADDRESSEE_NOT_IN_ORGANISATION]})
    continues_thread = (
        follows_up is not None
        and raised_for == follows_up.raised_for
        and list(addressees) == [follows_up.addressed_to]
        and permissions.is_asker(by, follows_up)
    )
    if not continues_thread:
        # A follow-up question continues its demand's thread: whoever may act on
        # the demand asks it, for the same asker and of the same unit.
        _check_asker(
            organisation=organisation,
            by=by,
            raised_for=raised_for,
            addressees=addressees,
        )
    evidence = _clean_evidence(evidence_required, "evidence_required")
    group = uuid.uuid4()
    created = []
    for unit in addressees:
        result_request = ResultRequest(
            organisation=organisation,
            group=group,
            raised_by=by,
            raised_for=raised_for,
            addressed_to=unit,
            follows_up=follows_up,
            review=review,
            agenda_item=agenda_item,
            title=title,
            question=question,
            evidence_required=evidence,
            occasion=occasion,
            occasion_on=occasion_on,
            due_on=due_on,
            case_number=case_number,
            is_public=is_public,
        )
        _save(result_request, by)
        if send:
            _send(result_request, by=by)
        created.append(result_request)
    return created


@transaction.atomic
def update_draft(
    *,
    result_request: ResultRequest,
    by: User,
    addressed_to: Unit = KEEP,
    title: str = KEEP,
    question: str = KEEP,
    occasion: str = KEEP,
    occasion_on: dt.date | None = KEEP,
    due_on: dt.date = KEEP,
    evidence_required: Sequence[str] = KEEP,
    raised_for: Unit | None = KEEP,
    case_number: str = KEEP,
    is_public: bool = KEEP,
) -> ResultRequest:
    """Change a draft before it is sent; sent demands are never edited. Fields not
    given keep their value; status, version and organisation follow the workflow."""
    if not permissions.can_edit_draft(by, result_request):
        raise PermissionDenied
    fields = given(
        addressed_to=addressed_to,
        title=title,
        question=question,
        occasion=occasion,
        occasion_on=occasion_on,
        due_on=due_on,
        evidence_required=evidence_required,
        raised_for=raised_for,
        case_number=case_number,
        is_public=is_public,
    )
    if "due_on" in fields and fields["due_on"] < _today():
        raise ValidationError({"due_on": [DUE_DATE_IN_PAST]})
    if "evidence_required" in fields:
        fields["evidence_required"] = _clean_evidence(
            fields["evidence_required"], "evidence_required"
        )
    if "addressed_to" in fields:
        _check_addressees(result_request.organisation, [fields["addressed_to"]])
    if "raised_for" in fields or "addressed_to" in fields:
        raised = fields.get("raised_for", result_request.raised_for)
        if (
            raised is not None
            and raised.organisation_id != result_request.organisation_id
        ):
            raise ValidationError({"raised_for": [ADDRESSEE_NOT_IN_ORGANISATION]})
        _check_asker(
            organisation=result_request.organisation,
            by=by,
            raised_for=raised,
            addressees=[fields.get("addressed_to", result_request.addressed_to)],
        )
    for name, value in fields.items():
        setattr(result_request, name, value)
    _save(result_request, by)
    return result_request


def _send(result_request: ResultRequest, *, by: User) -> None:
    transition_to(result_request, Status.SENT, by=by)
    notifications.queue(Reminder.Kind.SENT, result_request, today=_today())


@transaction.atomic
def send_result_request(*, result_request: ResultRequest, by: User) -> ResultRequest:
    """Send a draft to its addressee; refuses a due date that has passed meanwhile."""
    if not permissions.is_asker(by, result_request):
        raise PermissionDenied
    result_request = _lock(result_request)
    if result_request.due_on < _today():
        raise ValidationError({"due_on": [DUE_DATE_IN_PAST]})
    _send(result_request, by=by)
    return result_request


def _check_answerable(result_request: ResultRequest) -> None:
    if result_request.status in workflow.ANSWERABLE:
        return
    if result_request.status == Status.CLOSED:
        raise ValidationError(CANNOT_ANSWER_CLOSED_REQUEST, code="closed")
    if result_request.status == Status.ASSESSED:
        raise ValidationError(CANNOT_ANSWER_ASSESSED_REQUEST, code="assessed")
    if result_request.status == Status.DRAFT:
        raise ValidationError(CANNOT_ANSWER_DRAFT, code="draft")


def _lock(result_request: ResultRequest) -> ResultRequest:
    """Re-read the row under a lock so that concurrent writers queue up."""
    return (
        ResultRequest.objects.select_for_update()
        .select_related("organisation", "addressed_to", "raised_by")
        .get(pk=result_request.pk)
    )


@transaction.atomic
def save_reply(
    *,
    result_request: ResultRequest,
    by: User,
    text: str,
    evidence_given: Sequence[str] = (),
    files: Sequence[UploadedFile] = (),
    submit: bool,
) -> Reply:
    """Save the answer (återrapportering) as a draft, or submit it.

    The unsubmitted draft is updated in place; once submitted, a version is never
    changed again and the next answer becomes a new version. Submitting moves a sent or
    overdue demand to answered and mails the person who raised it. Attachments are
    checked by content and size (ValidationError, nothing saved).
    """
    if not permissions.is_answerer(by, result_request):
        raise PermissionDenied
    result_request = _lock(result_request)
    _check_answerable(result_request)
    if submit and not text.strip():
        raise ValidationError({"text": [EMPTY_REPLY]})
    evidence = _clean_evidence(evidence_given, "evidence_given")
    checked = []
    for upload in files:
        try:
            kind = attachments.check_attachment(upload)
        except ValidationError as error:
            raise ValidationError({"attachments": error.messages}) from None
        checked.append((upload, kind))
    reply = result_request.replies.filter(submitted_at__isnull=True).first()
    if reply is None:
        number = (result_request.replies.aggregate(n=Max("number"))["n"] or 0) + 1
        reply = Reply(result_request=result_request, number=number, written_by=by)
    reply.text = text
    reply.evidence_given = evidence
    reply.written_by = by
    if submit:
        reply.submitted_at = timezone.now()
    _save(reply, by)
    for upload, kind in checked:
        attachment = Attachment(
            reply=reply,
            original_name=kind.display_name[:200],
            content_type=kind.content_type,
            size=kind.size,
            uploaded_by=by,
        )
        attachment.file.save(stored_name(kind, ATTACHMENT_DIR), upload, save=False)
        _save(attachment, by)
    if submit:
        if result_request.first_answered_at is None:
            result_request.first_answered_at = reply.submitted_at
        if workflow.may_move(result_request.status, Status.ANSWERED):
            transition_to(result_request, Status.ANSWERED, by=by)
        else:
            _save(result_request, by)
        notifications.queue(Reminder.Kind.ANSWERED, result_request, today=_today())
    return reply


@transaction.atomic
def assess_reply(
    *,
    result_request: ResultRequest,
    by: User,
    outcome: str,
    comment: str = "",
    expected_version: int,
) -> Assessment:
    """Record the body's assessment (bedömning) of the latest answer.

    `expected_version` is the demand's version the assessor saw; when someone else
    changed the demand since, a ValidationError with a conflict message is raised and
    nothing is overwritten (optimistic concurrency). The asking side assesses: the
    body, or a board politician for their own board's demand (PermissionDenied else).
    """
    if not permissions.is_asker(by, result_request):
        raise PermissionDenied
    result_request = _lock(result_request)
    if result_request.version != expected_version:
        raise ValidationError(ASSESSMENT_CONFLICT, code="conflict")
    if result_request.status not in workflow.AWAITING_ASSESSMENT:
        raise ValidationError(NOT_ANSWERED, code="not_answered")
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": [_("Choose an outcome.")]})
    reply = (
        result_request.replies.filter(submitted_at__isnull=False)
        .order_by("-number")
        .first()
    )
    assert reply is not None  # noqa: S101 - an answered demand has a submitted reply
    assessment = Assessment(
        result_request=result_request,
        reply=reply,
        outcome=outcome,
        comment=comment,
        assessed_by=by,
    )
    _save(assessment, by)
    result_request.outcome = outcome
    if not result_request.first_outcome:
        result_request.first_outcome = outcome
    transition_to(result_request, Status.ASSESSED, by=by)
    notifications.queue(Reminder.Kind.ASSESSED, result_request, today=_today())
    return assessment


@transaction.atomic
def close_result_request(
    *, result_request: ResultRequest, by: User, note: str = ""
) -> ResultRequest:
    """Close a demand: after assessment, or withdraw one that is still open."""
    if not permissions.is_asker(by, result_request):
        raise PermissionDenied
    result_request = _lock(result_request)
    transition_to(result_request, Status.CLOSED, by=by, note=note)
    return result_request


@transaction.atomic
def raise_follow_up(
    *,
    parent: ResultRequest,
    by: User,
    title: str,
    question: str,
    occasion: str,
    due_on: dt.date,
    evidence_required: Sequence[str] = (),
    occasion_on: dt.date | None = None,
    raised_for: Unit | None = KEEP,
    case_number: str = "",
    is_public: bool = True,
) -> ResultRequest:
    """Ask a follow-up question (följdfråga) after an insufficient answer.

    The new demand goes to the same unit and links to `parent` (by default raised
    for the same body); an assessed parent is closed, so the thread continues in the
    follow-up.
    """
    if not permissions.is_asker(by, parent):
        raise PermissionDenied
    if (
        parent.outcome != Outcome.INSUFFICIENT
        or parent.status not in workflow.ASSESSED_OR_LATER
    ):
        raise ValidationError(NOT_INSUFFICIENT, code="not_insufficient")
    [follow_up] = create_result_requests(
        organisation=parent.organisation,
        by=by,
        addressees=[parent.addressed_to],
        follows_up=parent,
        title=title,
        question=question,
        occasion=occasion,
        due_on=due_on,
        evidence_required=evidence_required,
        occasion_on=occasion_on,
        raised_for=parent.raised_for if raised_for is KEEP else raised_for,
        case_number=case_number,
        is_public=is_public,
    )
    if workflow.may_move(parent.status, Status.CLOSED):
        transition_to(
            _lock(parent),
            Status.CLOSED,
            by=by,
            note=str(_("Followed up by a new demand.")),
        )
    return follow_up


@transaction.atomic
def request_due_date_change(
    *, result_request: ResultRequest, by: User, requested_due_on: dt.date, reason: str
) -> DueDateChange:
    """The manager asks the body for a later due date; the body decides."""
    if not permissions.can_request_due_change(by, result_request):
        raise PermissionDenied
    if requested_due_on <= result_request.due_on or requested_due_on < _today():
        raise ValidationError({"requested_due_on": [DUE_CHANGE_NOT_LATER]})
    if result_request.due_date_changes.filter(
        decision=DueDateChange.Decision.PENDING
    ).exists():
        raise ValidationError(DUE_CHANGE_PENDING, code="pending")
    change = DueDateChange(
        result_request=result_request,
        requested_by=by,
        previous_due_on=result_request.due_on,
        requested_due_on=requested_due_on,
        reason=reason,
    )
    _save(change, by)
    return change


@transaction.atomic
def decide_due_date_change(
    *, change: DueDateChange, by: User, accept: bool
) -> DueDateChange:
    """Accept or decline a requested due date; accepting an overdue demand reopens it."""
    if not permissions.is_asker(by, change.result_request):
        raise PermissionDenied
    change = DueDateChange.objects.select_for_update().get(pk=change.pk)
    if change.decision != DueDateChange.Decision.PENDING:
        raise ValidationError(DUE_CHANGE_DECIDED, code="decided")
    change.decision = (
        DueDateChange.Decision.ACCEPTED if accept else DueDateChange.Decision.DECLINED
    )
    change.decided_by = by
    change.decided_at = timezone.now()
    _save(change, by)
    if accept:
        result_request = _lock(change.result_request)
        result_request.due_on = change.requested_due_on
        _save(result_request, by)
        if (
            workflow.may_move(result_request.status, Status.SENT)
            and result_request.due_on >= _today()
        ):
            transition_to(
                result_request,
                Status.SENT,
                by=by,
                note=str(_("New due date accepted.")),
            )
    return change


@transaction.atomic
def run_daily_reminders(
    *, today: dt.date, organisation: Organisation | None = None
) -> dict[str, int]:
    """The daily job: mark overdue demands and mail reminders, each at most once;
    only `organisation`'s demands when given (the command runs one transaction per
    organisation, so a failure in one leaves the others' reminders sent).

    Sends "due soon" when the due date is `reminder_days_before_due` days away or
    closer (once per due date), and "overdue" once when a demand becomes overdue.
    Safe to run twice on the same day: the sent-mail log is unique per demand, kind
    and day, and already-logged reminders for the due date are skipped.
    """
    counts = {"overdue": 0, "due_soon": 0}
    demands = ResultRequest.objects.all()
    if organisation is not None:
        demands = demands.filter(organisation=organisation)
    overdue = (
        demands.filter(status__in=workflow.MAY_BECOME_OVERDUE, due_on__lt=today)
        .select_related("organisation", "addressed_to", "raised_by")
        .select_for_update()
    )
    for result_request in overdue:
        transition_to(result_request, Status.OVERDUE, by=None)
    candidates = demands.filter(status__in=workflow.AWAITING_ANSWER).select_related(
        "organisation", "addressed_to", "raised_by"
    )
    for result_request in candidates:
        logged = set(
            result_request.reminders.filter(
                for_due_on=result_request.due_on
            ).values_list("kind", flat=True)
        )
        days_left = (result_request.due_on - today).days
        window = result_request.organisation.reminder_days_before_due
        if result_request.status == Status.OVERDUE:
            if Reminder.Kind.OVERDUE not in logged and notifications.queue(
                Reminder.Kind.OVERDUE, result_request, today=today
            ):
                counts["overdue"] += 1
        elif (
            0 <= days_left <= window
            and Reminder.Kind.DUE_SOON not in logged
            and notifications.queue(Reminder.Kind.DUE_SOON, result_request, today=today)
        ):
            counts["due_soon"] += 1
    return counts
