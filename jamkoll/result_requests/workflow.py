"""The demand's state machine, in one place: which status may follow which, and who
may make each move. Every move is logged as a `Transition` with who and when.

utkast → skickad → besvarad → bedömd (godkänd / otillräcklig) → stängd;
skickad → försenad when the due date passes (the daily job, no user);
försenad → skickad when the body accepts a new due date.
"""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.result_requests.models import ResultRequest, Status, Transition

BODY = "body"
ANSWERER = "answerer"
SYSTEM = "system"

ALLOWED_TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (Status.DRAFT, Status.SENT): frozenset({BODY}),
    (Status.SENT, Status.ANSWERED): frozenset({ANSWERER}),
    (Status.OVERDUE, Status.ANSWERED): frozenset({ANSWERER}),
    (Status.SENT, Status.OVERDUE): frozenset({SYSTEM}),
    (Status.OVERDUE, Status.SENT): frozenset({BODY}),
    (Status.ANSWERED, Status.ASSESSED): frozenset({BODY}),
    (Status.ASSESSED, Status.CLOSED): frozenset({BODY}),
    (Status.SENT, Status.CLOSED): frozenset({BODY}),
    (Status.OVERDUE, Status.CLOSED): frozenset({BODY}),
}


def statuses_that_may_become(target: str, *, by: str | None = None) -> frozenset[str]:
    """The statuses from which the table allows a move to `target` (by one actor)."""
    return frozenset(
        source
        for (source, to), actors in ALLOWED_TRANSITIONS.items()
        if to == target and (by is None or by in actors)
    )


def _reachable_from(status: str) -> frozenset[str]:
    found = {status}
    while True:
        more = {to for (source, to) in ALLOWED_TRANSITIONS if source in found}
        if more <= found:
            return frozenset(found)
        found |= more


# Derived from the table: `permissions` and `services` read these, never a list of
# statuses of their own.
#: Waiting for the answerer: the moves to "answered" start here (sent, overdue).
AWAITING_ANSWER = statuses_that_may_become(Status.ANSWERED, by=ANSWERER)
#: Waiting for the body's assessment (answered).
AWAITING_ASSESSMENT = statuses_that_may_become(Status.ASSESSED, by=BODY)
#: An answer is written while awaited, and revised (a new version) until assessed.
ANSWERABLE = AWAITING_ANSWER | AWAITING_ASSESSMENT
#: The body may close (or withdraw) the demand from these.
CLOSABLE = statuses_that_may_become(Status.CLOSED, by=BODY)
#: Nothing moves into these: the draft, edited until it is sent.
EDITABLE = frozenset(Status.values) - {to for (_source, to) in ALLOWED_TRANSITIONS}
#: After the assessment (assessed and what follows): a follow-up may be asked.
ASSESSED_OR_LATER = _reachable_from(Status.ASSESSED)
#: The daily job marks these overdue once the due date has passed.
MAY_BECOME_OVERDUE = statuses_that_may_become(Status.OVERDUE, by=SYSTEM)


def may_move(status: str, target: str) -> bool:
    """Whether the table has the move at all (who may make it aside)."""
    return (status, target) in ALLOWED_TRANSITIONS


class InvalidTransition(ValidationError):
    """A move the state machine does not allow, or not to this user."""


def actor_kinds(user: User | None, result_request: ResultRequest) -> frozenset[str]:
    """What the user is with respect to this demand: the body, the answerer, the job."""
    # Imported here: permissions derives its status rules from this module.
    from jamkoll.result_requests import permissions

    if user is None:
        return frozenset({SYSTEM})
    kinds = set()
    # The asking side: the body's roles, or a board politician for their board.
    if permissions.is_asker(user, result_request):
        kinds.add(BODY)
    if permissions.is_answerer(user, result_request):
        kinds.add(ANSWERER)
    return frozenset(kinds)


def is_allowed(user: User | None, result_request: ResultRequest, target: str) -> bool:
    allowed = ALLOWED_TRANSITIONS.get((result_request.status, target))
    return bool(allowed and allowed & actor_kinds(user, result_request))


def transition_to(
    result_request: ResultRequest, target: str, *, by: User | None, note: str = ""
) -> Transition:
    """Move the demand to `target`, bump its version and log who and when.

    Must be called inside the service's transaction. Raises InvalidTransition when
    the move is not in ALLOWED_TRANSITIONS or not open to `by` (None: the daily job).
    """
    source = result_request.status
    if (source, target) not in ALLOWED_TRANSITIONS:
        raise InvalidTransition(
            _("A demand that is %(source)s cannot become %(target)s.")
            % {
                "source": Status(source).label.lower(),
                "target": Status(target).label.lower(),
            },
            code="invalid_transition",
        )
    if not is_allowed(by, result_request, target):
        raise InvalidTransition(
            _("You may not make a %(source)s demand %(target)s.")
            % {
                "source": Status(source).label.lower(),
                "target": Status(target).label.lower(),
            },
            code="transition_not_allowed",
        )
    result_request.status = target
    # The caller holds a row lock (select_for_update), so a plain increment is safe.
    result_request.version += 1
    now = timezone.now()
    if target == Status.SENT and result_request.sent_at is None:
        result_request.sent_at = now
    if target == Status.CLOSED:
        result_request.closed_at = now
    if by is not None:
        result_request._history_user = by  # type: ignore[attr-defined]
    result_request.save()
    return Transition.objects.create(
        result_request=result_request,
        from_status=source,
        to_status=target,
        by=by,
        note=note[:300],
    )
