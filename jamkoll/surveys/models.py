"""The yearly anonymous survey of politicians: question bank, rounds, links, answers.

Anonymity is built into the tables, not promised by the views:
- `Invitation` (the personal one-time link) knows the person but never which answer
  came from it: it stores only a hash of the token and a used flag, with no time of use.
- `PendingResponse` holds one submitted set of answers, sealed (encrypted, padded, no
  time), until at least k have arrived; it is written with the link's update, so it
  must not be readable from the database.
- `Response` and `Answer` know nothing of the person, the link or the time: a random
  UUID key and the survey. They are written in shuffled batches of at least k, in a
  transaction of their own, so neither the transaction id nor the row order matches
  the links (see docs/survey-anonymity.md).
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from jamkoll.core.models import BaseModel

SURVEY_CLOSES_BEFORE_OPENING = _("The survey cannot close before it opens.")
SURVEY_YEAR_MISMATCH = _("The survey must open in its own year.")
OPTIONS_REQUIRED = _("Single and multiple choice questions need at least two options.")
OPTIONS_NOT_ALLOWED = _("Only single and multiple choice questions have options.")

DEFAULT_MIN_GROUP_SIZE = 5
SCALE_VALUES = (1, 2, 3, 4, 5)


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    SCALE = "scale", _("Scale 1–5")
    FREE_TEXT = "free_text", _("Free text")


class Topic(models.TextChoices):
    TIME = "time", _("Time")
    MEETINGS = "meetings", _("Meeting culture")
    LISTENED_TO = "listened_to", _("Being listened to")
    HARASSMENT = "harassment", _("Harassment and threats")
    BALANCE = "balance", _("Mandate, work and family")
    OTHER = "other", pgettext_lazy("topic", "Other")


class RespondentSex(models.TextChoices):
    """Background question the respondent may answer; never taken from the register."""

    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other or describes it differently")
    NOT_STATED = "not_stated", pgettext_lazy("answer option", "Not stated")


class RoleLevel(models.TextChoices):
    """Coarse background question: the highest kind of seat the respondent holds."""

    LEADING = "leading", _("Chair or vice chair")
    MEMBER = "member", _("Member")
    SUBSTITUTE = "substitute", _("Substitute only")
    NOT_STATED = "not_stated", pgettext_lazy("answer option", "Not stated")


class Question(BaseModel):
    """A question in the bank; its wording lives in versions so it can be asked yearly."""

    key = models.SlugField(_("key"), max_length=60, unique=True)
    topic = models.CharField(
        _("topic"), max_length=16, choices=Topic, default=Topic.OTHER
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["topic", "key"]

    def __str__(self) -> str:
        return self.key


class QuestionVersion(BaseModel):
    """One wording of a question. Results are compared across rounds per version."""

    question = models.ForeignKey(
        Question, models.PROTECT, related_name="versions", verbose_name=_("question")
    )
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    text = models.CharField(_("question text"), max_length=400)
    kind = models.CharField(_("type"), max_length=12, choices=QuestionKind)
    options = models.JSONField(_("options"), default=list, blank=True)
    is_default = models.BooleanField(
        _("in the default set"),
        default=False,
        help_text=_("Chosen automatically for a new survey round."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question version")
        verbose_name_plural = _("question versions")
        ordering = ["question__topic", "question__key", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "number"], name="questionversion_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values),
                name="questionversion_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        has_options = bool(self.options)
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            if not isinstance(self.options, list) or len(self.options) < 2:
                raise ValidationError({"options": OPTIONS_REQUIRED})
        elif has_options:
            raise ValidationError({"options": OPTIONS_NOT_ALLOWED})

    @property
    def choice_labels(self) -> list[str]:
        """The labels answers are counted under: options, or the scale steps."""
        if self.kind == QuestionKind.SCALE:
            return [str(v) for v in SCALE_VALUES]
        return [str(o) for o in self.options]


class SurveyQuerySet(models.QuerySet["Survey"]):
    def of(self, organisation_id: int) -> "SurveyQuerySet":
        return self.filter(organisation_id=organisation_id)


class Survey(BaseModel):
    """A survey round (enkätomgång): one organisation, one year, one answering period."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Links sent")
        CLOSED = "closed", _("Closed")

    ALLOWED_TRANSITIONS = {
        Status.DRAFT: {Status.OPEN, Status.CLOSED},
        Status.OPEN: {Status.CLOSED},
    }

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="surveys",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=160)
    introduction = models.TextField(_("introduction"), blank=True)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    min_group_size = models.PositiveSmallIntegerField(
        _("smallest group shown"),
        default=DEFAULT_MIN_GROUP_SIZE,
        validators=[MinValueValidator(3), MaxValueValidator(50)],
        help_text=_(
            "Groups with fewer respondents than this are hidden in the results."
        ),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status, default=Status.DRAFT
    )
    questions = models.ManyToManyField(
        QuestionVersion,
        through="SurveyQuestion",
        related_name="surveys",
        verbose_name=_("questions"),
    )
    history = HistoricalRecords()

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["-year", "-opens_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("opens_on")),
                name="survey_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "open", "closed"]),
                name="survey_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(min_group_size__gte=3),
                name="survey_min_group_size_at_least_3",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", args=[self.pk])

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors.setdefault("closes_on", []).append(SURVEY_CLOSES_BEFORE_OPENING)
        if self.opens_on and self.year and self.opens_on.year != self.year:
            errors.setdefault("opens_on", []).append(SURVEY_YEAR_MISMATCH)
        if errors:
            raise ValidationError(errors)


class SurveyQuestion(BaseModel):
    """A question version chosen for a round, in order."""

    survey = models.ForeignKey(
        Survey,
        models.CASCADE,
        related_name="survey_questions",
        verbose_name=_("survey"),
    )
    version = models.ForeignKey(
        QuestionVersion,
        models.PROTECT,
        related_name="survey_questions",
        verbose_name=_("question version"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["survey", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "version"], name="surveyquestion_unique_version"
            )
        ]

    def __str__(self) -> str:
        return str(self.version)


class Invitation(models.Model):
    """A personal one-time link (personlig länk) sent to one politician.

    Only the SHA-256 hash of the token is stored. The link is marked used with a
    conditional UPDATE that leaves no timestamp (no `updated_at`) and no history row,
    and `is_used` is excluded from the history, so nothing records when a person
    answered. Mail dates are kept (they are about sending, not answering).
    """

    survey = models.ForeignKey(
        Survey, models.CASCADE, related_name="invitations", verbose_name=_("survey")
    )
    person = models.ForeignKey(
        "members.Person",
        models.CASCADE,
        related_name="survey_invitations",
        verbose_name=_("person"),
    )
    email = models.EmailField(_("e-mail"))
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    is_used = models.BooleanField(_("used"), default=False)
    sent_on = models.DateField(_("sent on"))
    reminded_on = models.DateField(_("last reminded on"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    history = HistoricalRecords(excluded_fields=["is_used"])

    class Meta:
        verbose_name = _("personal link")
        verbose_name_plural = _("personal links")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "person"], name="invitation_one_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} – {self.person}"


class PendingResponse(models.Model):
    """One submitted set of answers waiting to be released into `Response` rows.

    Written in the same transaction that marks the personal link used, so its
    transaction id and row position point at the person: its content is therefore
    sealed (`sealing.seal`: encrypted under a key derived from SECRET_KEY, padded to a
    fixed size per round, no timestamp). No history, no timestamps, a random key.
    The row is deleted when its batch is released.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey,
        models.CASCADE,
        related_name="pending_responses",
        verbose_name=_("survey"),
    )
    payload = models.TextField(_("sealed answers"))

    class Meta:
        verbose_name = _("response waiting to be released")
        verbose_name_plural = _("responses waiting to be released")

    def __str__(self) -> str:
        return str(_("Anonymous response"))


class Response(models.Model):
    """One anonymous set of answers (enkätsvar).

    Deliberately without `HistoricalRecords`: a history row would carry an exact
    `history_date`, the acting user and an auto-increment `history_id`, each of which
    could be matched against the personal links to find out who answered what. For the
    same reason this model does not extend `BaseModel` (no `created_at`/`updated_at`),
    has a random UUID key instead of an auto-increment one, stores no date or time,
    and has no foreign key to the person or the link. Rows are only written by
    `services.release_pending`, in shuffled batches. The respondent's sex and role
    level are what the respondent chose to state, never the register's.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey, models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    sex = models.CharField(
        _("sex"), max_length=12, choices=RespondentSex, default=RespondentSex.NOT_STATED
    )
    role_level = models.CharField(
        _("role level"), max_length=12, choices=RoleLevel, default=RoleLevel.NOT_STATED
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.CheckConstraint(
                condition=Q(sex__in=RespondentSex.values), name="response_sex_valid"
            ),
            models.CheckConstraint(
                condition=Q(role_level__in=RoleLevel.values),
                name="response_role_level_valid",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Anonymous response"))


class Answer(models.Model):
    """One answer to one question: a chosen option (index), a scale value, or text.

    A multiple choice question gives one row per chosen option. No history and a random
    UUID key, for the reasons given on `Response`.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        Response, models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    version = models.ForeignKey(
        QuestionVersion,
        models.PROTECT,
        related_name="answers",
        verbose_name=_("question version"),
    )
    choice = models.PositiveSmallIntegerField(_("choice"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.CheckConstraint(
                condition=Q(choice__isnull=False) | ~Q(text=""),
                name="answer_has_choice_or_text",
            )
        ]

    def __str__(self) -> str:
        return str(_("Anonymous answer"))
