"""State changes of the politician survey. Each checks permissions itself."""

import datetime as dt
import logging
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jamkoll.accounts.models import User
from jamkoll.core import formatting, sealing, tokens
from jamkoll.core.changes import KEEP, assign
from jamkoll.core.mail import absolute_url, send_after_commit
from jamkoll.members.models import Person
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.surveys import permissions
from jamkoll.surveys.models import (
    SCALE_VALUES,
    Answer,
    Invitation,
    PendingResponse,
    Question,
    QuestionKind,
    QuestionVersion,
    RespondentSex,
    Response,
    RoleLevel,
    Survey,
    SurveyQuestion,
    Topic,
)

logger = logging.getLogger(__name__)

REMINDER_INTERVAL_DAYS = 7
# The purpose label of the key that seals waiting answers (`core.sealing`).
SEALING_LABEL = b"jamkoll.surveys.pending-response.v1"

INVALID_TRANSITION = gettext_lazy("The survey round cannot go from %(from)s to %(to)s.")
ONLY_DRAFT_CAN_CHANGE = gettext_lazy("Only a draft survey round can be changed.")
NO_QUESTIONS = gettext_lazy("Choose at least one question.")
NO_RECIPIENTS = gettext_lazy(
    "Nobody can be sent a link: no politician with a current mandate has an e-mail "
    "address."
)
PERIOD_OVER = gettext_lazy("The answering period is over; change the period first.")
EMPTY_RESPONSE = gettext_lazy("Answer at least one question before sending.")
TEXT_TOO_LONG = gettext_lazy("Write at most %(max)d characters.")
INVALID_BACKGROUND = gettext_lazy("Choose one of the given background options.")
FREE_TEXT_MAX = 2000
# Bytes of sealed JSON per question, generous enough for the worst case (every
# free-text character escaped as a surrogate pair, "\\ud83d\\ude00", 12 bytes).
SEALED_BASE = 256
SEALED_PER_QUESTION = 64
SEALED_PER_TEXT_CHAR = 12
SEALED_PER_OPTION = 24


class LinkUnavailable(Exception):
    """The personal link cannot be used now; `reason` says why."""

    UNKNOWN = "unknown"
    USED = "used"
    NOT_YET_OPEN = "not_yet_open"
    PERIOD_OVER = "period_over"
    CLOSED = "closed"

    def __init__(self, reason: str, survey: Survey | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.survey = survey


# The stored form of a personal link's token.
hash_token = tokens.hash_token


def recipients(*, organisation: Organisation, on: dt.date) -> QuerySet[Person]:
    """Politicians with a mandate on the day in any of the organisation's political
    bodies (KF, KS, nämnder, bolag, the body), who have an e-mail address."""
    current = (
        Q(memberships__starts_on__lte=on)
        & (Q(memberships__ends_on__isnull=True) | Q(memberships__ends_on__gte=on))
        & Q(memberships__term__starts_on__lte=on, memberships__term__ends_on__gte=on)
        & ~Q(memberships__unit__kind=Unit.Kind.ADMINISTRATION)
    )
    return (
        Person.objects.filter(organisation=organisation)
        .filter(current)
        .exclude(email="")
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def _check_manage(by: User, survey_or_org: object) -> None:
    if not permissions.can_manage(by, survey_or_org):
        raise PermissionDenied


def _transition(survey: Survey, to: str) -> None:
    if to not in survey.ALLOWED_TRANSITIONS.get(survey.status, set()):  # type: ignore[call-overload]
        raise ValidationError(
            INVALID_TRANSITION
            % {
                "from": survey.get_status_display(),
                "to": Survey.Status(to).label,
            }
        )
    survey.status = to


def _set_questions(survey: Survey, versions: Sequence[QuestionVersion]) -> None:
    if not versions:
        raise ValidationError({"questions": NO_QUESTIONS})
    survey.survey_questions.all().delete()
    SurveyQuestion.objects.bulk_create(
        [
            SurveyQuestion(survey=survey, version=version, position=index)
            for index, version in enumerate(versions)
        ]
    )


@transaction.atomic
def create_survey(
    *,
    organisation: Organisation,
    by: User,
    year: int,
    title: str,
    opens_on: dt.date,
    closes_on: dt.date,
    versions: Sequence[QuestionVersion],
    introduction: str = "",
    min_group_size: int = 5,
) -> Survey:
    """Create a draft survey round (enkätomgång) with its chosen question versions.

    Raises PermissionDenied for other roles and ValidationError with nothing saved.
    """
    _check_manage(by, organisation)
    survey = Survey(
        organisation=organisation,
        year=year,
        title=title,
        introduction=introduction,
        opens_on=opens_on,
        closes_on=closes_on,
        min_group_size=min_group_size,
    )
    survey._history_user = by  # type: ignore[attr-defined]
    survey.full_clean()
    if not versions:
        raise ValidationError({"questions": NO_QUESTIONS})
    survey.save()
    _set_questions(survey, versions)
    return survey


@transaction.atomic
def update_survey(
    *,
    survey: Survey,
    by: User,
    versions: Sequence[QuestionVersion] | None = None,
    year: int = KEEP,
    title: str = KEEP,
    introduction: str = KEEP,
    opens_on: dt.date = KEEP,
    closes_on: dt.date = KEEP,
    min_group_size: int = KEEP,
) -> Survey:
    """Change a draft round; once links are out the questions are fixed."""
    _check_manage(by, survey)
    if survey.status != Survey.Status.DRAFT:
        raise ValidationError(ONLY_DRAFT_CAN_CHANGE)
    assign(
        survey,
        year=year,
        title=title,
        introduction=introduction,
        opens_on=opens_on,
        closes_on=closes_on,
        min_group_size=min_group_size,
    )
    survey._history_user = by  # type: ignore[attr-defined]
    survey.full_clean()
    survey.save()
    if versions is not None:
        _set_questions(survey, versions)
    return survey


@dataclass(frozen=True)
class _Mail:
    to: str
    subject: str
    body: str


def _start_page() -> str:
    return absolute_url(reverse("surveys:answer_start"))


def _link(token: str) -> str:
    """The personal link. The token is in the fragment (after #), which a browser never
    sends to the server, so no web server or proxy log can record it."""
    return f"{_start_page()}#{token}"


def _invitation_mail(survey: Survey, token: str, *, reminder: bool) -> tuple[str, str]:
    values = {
        "title": survey.title,
        "link": _link(token),
        "start": _start_page(),
        "closes": formatting.date(survey.closes_on),
        "organisation": survey.organisation.name,
    }
    if reminder:
        subject = _("Reminder: %(title)s") % values
        intro = (
            _("You have not yet answered the survey %(title)s from %(organisation)s.")
            % values
        )
    else:
        subject = _("Survey: %(title)s") % values
        intro = (
            _(
                "%(organisation)s asks you, as an elected politician, about your conditions "
                "as a politician: %(title)s."
            )
            % values
        )
    body = "\n\n".join(
        [
            intro,
            _("Answer through your personal link by %(closes)s:") % values,
            values["link"],
            _(
                "If the link does not open the survey, go to %(start)s and enter "
                "your personal code:"
            )
            % values,
            token,
            _(
                "Your answers are stored without your name, without the link and "
                "without the date or time. The link can be used once. Do not pass it "
                "on."
            ),
        ]
    )
    return subject, body


def _send_later(mails: Iterable[_Mail]) -> None:
    """One background task per message, after the commit (`core.mail`)."""
    send_after_commit(
        EmailMessage(subject=mail.subject, body=mail.body, to=[mail.to])
        for mail in mails
    )


@transaction.atomic
def send_invitations(*, survey: Survey, by: User, today: dt.date) -> int:
    """Create a personal one-time link for every recipient who has none yet and mail it.

    Opens a draft round. Only the hash of each token is stored; the token itself exists
    only in the mail. Safe to call again: people who already have a link (for example
    after a new mandate was registered) are skipped. Returns the number of links sent.
    """
    _check_manage(by, survey)
    if survey.status == Survey.Status.CLOSED:
        raise ValidationError(
            INVALID_TRANSITION
            % {
                "from": survey.get_status_display(),
                "to": Survey.Status.OPEN.label,
            }
        )
    if today > survey.closes_on:
        raise ValidationError(PERIOD_OVER)
    already = set(survey.invitations.values_list("person_id", flat=True))
    people = [
        p
        for p in recipients(
            organisation=survey.organisation, on=max(today, survey.opens_on)
        )
        if p.pk not in already
    ]
    if not people and not already:
        raise ValidationError(NO_RECIPIENTS)
    mails = []
    for person in people:
        token = tokens.new_token()
        invitation = Invitation(
            survey=survey,
            person=person,
            email=person.email,
            token_hash=hash_token(token),
            sent_on=today,
        )
        invitation._history_user = by  # type: ignore[attr-defined]
        invitation.full_clean()
        invitation.save()
        subject, body = _invitation_mail(survey, token, reminder=False)
        mails.append(_Mail(person.email, subject, body))
    if survey.status == Survey.Status.DRAFT:
        _transition(survey, Survey.Status.OPEN)
        survey._history_user = by  # type: ignore[attr-defined]
        survey.save()
    _send_later(mails)
    return len(mails)


@transaction.atomic
def remind_non_respondents(*, survey: Survey, by: User | None, today: dt.date) -> int:
    """Mail a new link to everyone who has not answered, at most once a week.

    `by` is None when the scheduled command runs it. A reminder carries a fresh token
    (the old one is replaced, since only its hash was kept). Running it twice on the
    same day sends nothing the second time. Returns the number of reminders sent.
    """
    if by is not None:
        _check_manage(by, survey)
    if survey.status != Survey.Status.OPEN or not (
        survey.opens_on <= today <= survey.closes_on
    ):
        return 0
    cutoff = today - dt.timedelta(days=REMINDER_INTERVAL_DAYS)
    due = (
        survey.invitations.select_for_update()
        .filter(is_used=False, sent_on__lte=cutoff)
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=cutoff))
        .select_related("survey__organisation")
    )
    mails = []
    for invitation in due:
        token = tokens.new_token()
        invitation.token_hash = hash_token(token)
        invitation.reminded_on = today
        invitation.reminder_count += 1
        if by is not None:
            invitation._history_user = by  # type: ignore[attr-defined]
        invitation.save(update_fields=["token_hash", "reminded_on", "reminder_count"])
        subject, body = _invitation_mail(survey, token, reminder=True)
        mails.append(_Mail(invitation.email, subject, body))
    _send_later(mails)
    return len(mails)


@transaction.atomic
def close_survey(*, survey: Survey, by: User) -> Survey:
    """Close the round: no more answers; the results become visible.

    Every answer still waiting is released, however few, and the whole round is
    written again as one shuffled batch, so a last batch smaller than k cannot be
    told apart from the earlier ones (one transaction id and one shuffled row order
    for the whole round).
    """
    _check_manage(by, survey)
    # Lock the round (answers arriving now wait for this) and read its status afresh.
    survey.status = Survey.objects.select_for_update().get(pk=survey.pk).status
    _transition(survey, Survey.Status.CLOSED)
    survey._history_user = by  # type: ignore[attr-defined]
    survey.save()
    _release(survey, whole_round=True)
    return survey


def invitation_for_token(token: str, *, today: dt.date) -> Invitation:
    """The invitation behind a token, if it may be answered today.

    Raises LinkUnavailable with the reason (unknown, used, not yet open, period over,
    closed) so the page can say what happened.
    """
    invitation = (
        Invitation.objects.select_related("survey__organisation")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise LinkUnavailable(LinkUnavailable.UNKNOWN)
    survey = invitation.survey
    if invitation.is_used:
        raise LinkUnavailable(LinkUnavailable.USED, survey)
    if survey.status == Survey.Status.CLOSED:
        raise LinkUnavailable(LinkUnavailable.CLOSED, survey)
    if today < survey.opens_on or survey.status == Survey.Status.DRAFT:
        raise LinkUnavailable(LinkUnavailable.NOT_YET_OPEN, survey)
    if today > survey.closes_on:
        raise LinkUnavailable(LinkUnavailable.PERIOD_OVER, survey)
    return invitation


def _answers_for(version: QuestionVersion, value: object) -> list[dict[str, object]]:
    """The answer rows one question's value gives, as plain data: `v` (version pk), `c`
    (choice) or `t` (text). Raises ValidationError for a value the question cannot take."""
    if value in (None, "", []):
        return []
    if version.kind == QuestionKind.FREE_TEXT:
        text = str(value).strip()
        if not text:
            return []
        if len(text) > FREE_TEXT_MAX:
            raise ValidationError(TEXT_TOO_LONG % {"max": FREE_TEXT_MAX})
        return [{"v": version.pk, "t": text}]
    values = value if isinstance(value, list | tuple) else [value]
    if version.kind != QuestionKind.MULTIPLE and len(values) > 1:
        raise ValidationError(EMPTY_RESPONSE)
    allowed = (
        range(1, 6)
        if version.kind == QuestionKind.SCALE
        else range(len(version.options))
    )
    rows: list[dict[str, object]] = []
    for item in values:
        try:
            choice = int(str(item))
        except ValueError:
            raise ValidationError(EMPTY_RESPONSE) from None
        if choice not in allowed:
            raise ValidationError(EMPTY_RESPONSE)
        if any(row["c"] == choice for row in rows):
            continue
        rows.append({"v": version.pk, "c": choice})
    return rows


def _sealed_size(versions: Iterable[QuestionVersion]) -> int:
    """The fixed plaintext size of a round's sealed answers: the largest any response
    to these questions can take, so every sealed row of the round is the same length."""
    size = SEALED_BASE
    for version in versions:
        size += SEALED_PER_QUESTION
        if version.kind == QuestionKind.FREE_TEXT:
            size += FREE_TEXT_MAX * SEALED_PER_TEXT_CHAR
        else:
            size += SEALED_PER_OPTION * max(len(version.options), len(SCALE_VALUES))
    return size


def submit_response(
    *,
    token: str,
    answers: Mapping[int, object],
    sex: str = RespondentSex.NOT_STATED,
    role_level: str = RoleLevel.NOT_STATED,
    today: dt.date,
) -> None:
    """Receive one anonymous response (enkätsvar) and use up the personal link.

    `answers` maps a QuestionVersion pk to the option index (single), a list of
    indices (multiple), a scale value 1–5, or text. Everything is checked first, so
    a refused response saves nothing (LinkUnavailable or ValidationError).

    Then, in one short transaction, the link is marked used with a conditional UPDATE
    (two concurrent submissions cannot both succeed) and the answers are stored as
    one sealed `PendingResponse`. Only after that transaction has committed are the
    waiting answers released, in a transaction of their own (`release_pending`), so
    no released row shares a transaction id with a link. Call this outside any
    transaction (the answer view does): inside one, both steps would share it.
    """
    invitation = invitation_for_token(token, today=today)
    survey = invitation.survey
    versions = {
        sq.version_id: sq.version
        for sq in survey.survey_questions.select_related("version")
    }
    rows: list[dict[str, object]] = []
    for version_id, value in answers.items():
        if version_id not in versions:
            raise ValidationError(EMPTY_RESPONSE)
        rows.extend(_answers_for(versions[version_id], value))
    if not rows:
        raise ValidationError(EMPTY_RESPONSE)
    if sex not in RespondentSex.values or role_level not in RoleLevel.values:
        raise ValidationError(INVALID_BACKGROUND)
    sealed = sealing.seal(
        {"sex": sex, "role_level": role_level, "answers": rows},
        label=SEALING_LABEL,
        size=_sealed_size(versions.values()),
    )
    with transaction.atomic():
        # The round is locked so that closing it cannot slip in between the check
        # above and this write (an answer would then wait for ever).
        locked = Survey.objects.select_for_update().get(pk=survey.pk)
        if locked.status != Survey.Status.OPEN:
            raise LinkUnavailable(LinkUnavailable.CLOSED, locked)
        # A conditional update, not save(): it leaves no history row and no timestamp,
        # and it is atomic against a double submit.
        if not Invitation.objects.filter(pk=invitation.pk, is_used=False).update(
            is_used=True
        ):
            raise LinkUnavailable(LinkUnavailable.USED, survey)
        PendingResponse.objects.create(survey=locked, payload=sealed)
    try:
        release_pending(survey=survey)
    except Exception:
        # The answers are safely received; the next answer or closing the round
        # releases them. The respondent is not told of a failure that is not theirs.
        logger.exception("Releasing the waiting survey answers failed")


@transaction.atomic
def release_pending(*, survey: Survey) -> int:
    """Release the round's waiting answers once at least k (`min_group_size`) wait.

    Runs in a transaction of its own, after the answers were received: the released
    `Response` and `Answer` rows of a batch all carry this transaction's id and are
    written in shuffled order. Returns the number of responses released (0 while
    fewer than k wait). No user acts here, so there is no permission to check.
    """
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    return _release(locked, whole_round=False)


def _stored_payloads(survey: Survey) -> list[dict[str, object]]:
    """The round's released responses as payloads, to be written again."""
    payloads: dict[object, dict[str, object]] = {}
    for response in Response.objects.filter(survey=survey):
        payloads[response.pk] = {
            "sex": response.sex,
            "role_level": response.role_level,
            "answers": [],
        }
    for answer in Answer.objects.filter(response__survey=survey):
        row: dict[str, object] = {"v": answer.version_id}
        if answer.choice is not None:
            row["c"] = answer.choice
        if answer.text:
            row["t"] = answer.text
        payloads[answer.response_id]["answers"].append(row)  # type: ignore[attr-defined]
    return list(payloads.values())


def _release(survey: Survey, *, whole_round: bool) -> int:
    """Write waiting answers as Response/Answer rows in shuffled order and delete them.

    The caller holds the round's row lock. With `whole_round` (closing) everything
    waiting is released whatever its number, and the responses already released are
    written again with it, as one batch.
    """
    pending = list(PendingResponse.objects.filter(survey=survey))
    if not whole_round and len(pending) < survey.min_group_size:
        return 0
    payloads = [sealing.open_sealed(p.payload, label=SEALING_LABEL) for p in pending]
    if whole_round:
        if not pending and not Response.objects.filter(survey=survey).exists():
            return 0
        payloads += _stored_payloads(survey)
        Response.objects.filter(survey=survey).delete()
    PendingResponse.objects.filter(pk__in=[p.pk for p in pending]).delete()
    shuffle = secrets.SystemRandom().shuffle
    shuffle(payloads)
    responses: list[Response] = []
    answers: list[Answer] = []
    for payload in payloads:
        response = Response(
            survey=survey, sex=payload["sex"], role_level=payload["role_level"]
        )
        response.full_clean(exclude=["survey"], validate_constraints=False)
        responses.append(response)
        for row in payload["answers"]:
            answer = Answer(
                response=response,
                version_id=row["v"],
                choice=row.get("c"),
                text=row.get("t", ""),
            )
            # The rows were checked against the round's questions when received; the
            # one check constraint is enforced by the database.
            answer.full_clean(
                exclude=["response", "version", "id"], validate_constraints=False
            )
            answers.append(answer)
    shuffle(answers)
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(answers)
    return len(pending)


def _unique_key(text: str) -> str:
    base = slugify(text)[:50] or "fraga"
    key, n = base, 2
    while Question.objects.filter(key=key).exists():
        key, n = f"{base}-{n}", n + 1
    return key


@transaction.atomic
def add_question_version(
    *,
    by: User,
    text: str,
    kind: str,
    options: Sequence[str] = (),
    is_default: bool = False,
    question: Question | None = None,
    topic: str = Topic.OTHER,
) -> QuestionVersion:
    """Add a question to the bank, or a new wording (version) of an existing one.

    Earlier versions stay as they are, so earlier rounds keep their results; only the
    same version is compared across rounds. A new default version replaces the
    question's earlier default. Raises PermissionDenied or ValidationError.
    """
    if not permissions.can_edit_question_bank(by):
        raise PermissionDenied
    if question is None:
        question = Question(key=_unique_key(text), topic=topic)
        question._history_user = by  # type: ignore[attr-defined]
        question.full_clean()
        question.save()
    number = (
        question.versions.aggregate(top=Max("number"))["top"] or 0  # type: ignore[attr-defined]
    ) + 1
    version = QuestionVersion(
        question=question,
        number=number,
        text=text,
        kind=kind,
        options=[o.strip() for o in options if o.strip()],
        is_default=is_default,
    )
    version._history_user = by  # type: ignore[attr-defined]
    version.full_clean()
    version.save()
    if is_default:
        for earlier in question.versions.filter(is_default=True).exclude(pk=version.pk):  # type: ignore[attr-defined]
            earlier.is_default = False
            earlier._history_user = by
            earlier.save(update_fields=["is_default", "updated_at"])
    return version
