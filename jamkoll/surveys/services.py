"""State changes of the politician survey. Each checks permissions itself."""

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jamkoll.accounts.models import User
from jamkoll.core import formatting
from jamkoll.core.mail import absolute_url
from jamkoll.members.models import Person
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.surveys import permissions
from jamkoll.surveys.models import (
    Answer,
    Invitation,
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

REMINDER_INTERVAL_DAYS = 7

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
FREE_TEXT_MAX = 2000


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


def hash_token(token: str) -> str:
    """The stored form of a personal link's token (SHA-256, hex)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


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
    **fields: object,
) -> Survey:
    """Change a draft round; once links are out the questions are fixed."""
    _check_manage(by, survey)
    if survey.status != Survey.Status.DRAFT:
        raise ValidationError(ONLY_DRAFT_CAN_CHANGE)
    for name, value in fields.items():
        if name not in {
            "year",
            "title",
            "introduction",
            "opens_on",
            "closes_on",
            "min_group_size",
        }:
            raise TypeError(name)
        setattr(survey, name, value)
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


def _link(token: str) -> str:
    return absolute_url(reverse("surveys:answer", args=[token]))


def _invitation_mail(survey: Survey, token: str, *, reminder: bool) -> tuple[str, str]:
    values = {
        "title": survey.title,
        "link": _link(token),
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
                "Your answers are stored without your name, without the link and "
                "without the time of day. The link can be used once. Do not pass it on."
            ),
        ]
    )
    return subject, body


def _send_later(mails: Iterable[_Mail]) -> None:
    batch = list(mails)

    def _send() -> None:
        for mail in batch:
            send_mail(mail.subject, mail.body, None, [mail.to])

    transaction.on_commit(_send)


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
        token = secrets.token_urlsafe(32)
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
        token = secrets.token_urlsafe(32)
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
    """Close the round: no more answers; the results become visible."""
    _check_manage(by, survey)
    _transition(survey, Survey.Status.CLOSED)
    survey._history_user = by  # type: ignore[attr-defined]
    survey.save()
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


def _answers_for(version: QuestionVersion, value: object) -> list[Answer]:
    if value in (None, "", []):
        return []
    if version.kind == QuestionKind.FREE_TEXT:
        text = str(value).strip()
        if not text:
            return []
        if len(text) > FREE_TEXT_MAX:
            raise ValidationError(TEXT_TOO_LONG % {"max": FREE_TEXT_MAX})
        return [Answer(version=version, text=text)]
    values = value if isinstance(value, list | tuple) else [value]
    if version.kind != QuestionKind.MULTIPLE and len(values) > 1:
        raise ValidationError(EMPTY_RESPONSE)
    allowed = (
        range(1, 6)
        if version.kind == QuestionKind.SCALE
        else range(len(version.options))
    )
    answers = []
    for item in values:
        choice = int(str(item))
        if choice not in allowed:
            raise ValidationError(EMPTY_RESPONSE)
        answers.append(Answer(version=version, choice=choice))
    return answers


@transaction.atomic
def submit_response(
    *,
    token: str,
    answers: Mapping[int, object],
    sex: str = RespondentSex.NOT_STATED,
    role_level: str = RoleLevel.NOT_STATED,
    today: dt.date,
) -> Response:
    """Store one anonymous response (enkätsvar) and use up the personal link.

    `answers` maps a QuestionVersion pk to the option index (single), a list of
    indices (multiple), a scale value 1–5, or text. The link is marked used with a
    conditional UPDATE, so two concurrent submissions cannot both succeed. The stored
    response carries no person, no link and only the day. Raises LinkUnavailable or
    ValidationError, with nothing saved.
    """
    invitation = invitation_for_token(token, today=today)
    survey = invitation.survey
    versions = {
        sq.version_id: sq.version
        for sq in survey.survey_questions.select_related("version")
    }
    rows: list[Answer] = []
    for version_id, value in answers.items():
        if version_id not in versions:
            raise ValidationError(EMPTY_RESPONSE)
        rows.extend(_answers_for(versions[version_id], value))
    if not rows:
        raise ValidationError(EMPTY_RESPONSE)
    # A conditional update, not save(): it leaves no history row and no timestamp that
    # could be matched with the response, and it is atomic against a double submit.
    if not Invitation.objects.filter(pk=invitation.pk, is_used=False).update(
        is_used=True
    ):
        raise LinkUnavailable(LinkUnavailable.USED, survey)
    response = Response(
        survey=survey, answered_on=today, sex=sex, role_level=role_level
    )
    response.full_clean()
    response.save()
    for row in rows:
        row.response = response
        # The version was checked against the round's questions above, the key is a
        # fresh UUID and the one check constraint is enforced by the database: skipping
        # those per-row queries keeps a response at a fixed number of queries.
        row.full_clean(
            exclude=["response", "version", "id"], validate_constraints=False
        )
    Answer.objects.bulk_create(rows)
    return response


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
