"""Meetings of the gender-equality body: agendas, minutes (justering), decisions that
create work (uppdrag), dialogue meetings and the year wheel (årshjul)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jamkoll.core import formatting, tokens
from jamkoll.core.models import BaseModel
from jamkoll.meetings.doclinks import DocumentLink, parse_documents, safe_href

BODY_MUST_BE_EQUALITY_BODY = _("Meetings are held by the gender-equality body.")
OTHER_ORGANISATION = _("Everything in a meeting must belong to the same organisation.")
DIALOGUE_NEEDS_COUNTERPART = _(
    "A dialogue meeting needs the board, administration or company it is held with."
)
COUNTERPART_ONLY_FOR_DIALOGUE = _("Only dialogue meetings are held with a counterpart.")
ENDS_BEFORE_START = _("The meeting cannot end before it starts.")
RULE_NEEDS_DAY = _("A fixed date needs a day of the month.")
RULE_NEEDS_WEEKDAY = _("Choose the weekday and which one in the month.")
RULE_BAD_MONTHS = _("Months are numbers 1–12 separated by commas, e.g. 3, 9.")
RULE_BAD_DATE = _("The day does not exist in every chosen month (e.g. 30 February).")
DOCUMENT_UNTITLED = _("Link to document")
OWNER_REQUIRED = _("Choose the person who owns the assignment.")
OWNER_OTHER_ORGANISATION = _(
    "The owner must be a person of the same organisation as the assignment."
)


class Meeting(BaseModel):
    """A meeting of the body: ordinary, extra, or a dialogue meeting with a board,
    administration or company."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary meeting")
        EXTRA = "extra", _("Extra meeting")
        DIALOGUE = "dialogue", _("Dialogue meeting")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="meetings",
        verbose_name=_("organisation"),
    )
    body = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="meetings",
        verbose_name=_("body"),
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind, default=Kind.ORDINARY
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link to digital meeting"), blank=True)
    counterpart = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="dialogue_meetings",
        verbose_name=_("held with"),
        help_text=_("For dialogue meetings: the board, administration or company."),
    )
    participants = models.TextField(
        _("participants from the counterpart"),
        blank=True,
        help_text=_("One name and title per line."),
    )
    questions_sent_on = models.DateField(_("questions sent on"), null=True, blank=True)
    questions_sent_to = models.TextField(_("questions sent to"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    invitation_sent_at = models.DateTimeField(
        _("invitation sent at"), null=True, blank=True
    )
    invitation_sequence = models.PositiveIntegerField(
        _("invitation version"), default=0
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["held_on", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="meeting_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["ordinary", "extra", "dialogue"]),
                name="meeting_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        label = self.title or self.get_kind_display()
        return f"{label} {formatting.date(self.held_on)}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def is_dialogue(self) -> bool:
        return self.kind == self.Kind.DIALOGUE

    @property
    def starts(self) -> dt.datetime:
        return dt.datetime.combine(self.held_on, self.starts_at)

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.body_id is not None:
            if self.body.kind != "equality_body":
                errors.setdefault("body", []).append(BODY_MUST_BE_EQUALITY_BODY)
            elif self.body.organisation_id != self.organisation_id:
                errors.setdefault("body", []).append(OTHER_ORGANISATION)
        if self.kind == self.Kind.DIALOGUE and self.counterpart_id is None:
            errors.setdefault("counterpart", []).append(DIALOGUE_NEEDS_COUNTERPART)
        if self.counterpart_id is not None:
            if self.kind != self.Kind.DIALOGUE:
                errors.setdefault("counterpart", []).append(
                    COUNTERPART_ONLY_FOR_DIALOGUE
                )
            elif self.counterpart.organisation_id != self.organisation_id:
                errors.setdefault("counterpart", []).append(OTHER_ORGANISATION)
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            errors.setdefault("ends_at", []).append(ENDS_BEFORE_START)
        if errors:
            raise ValidationError(errors)


class Attendance(BaseModel):
    """Who took part in a meeting, and in which capacity."""

    class Capacity(models.TextChoices):
        MEMBER = "member", _("Member")
        SUBSTITUTE_SERVING = "substitute_serving", _("Substitute, serving")
        SUBSTITUTE = "substitute", _("Substitute, not serving")
        OFFICIAL = "official", _("Official")

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="attendances", verbose_name=_("meeting")
    )
    person = models.ForeignKey(
        "members.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("person"),
    )
    name = models.CharField(
        _("name"),
        max_length=160,
        blank=True,
        help_text=_("For officials not in the register."),
    )
    capacity = models.CharField(_("capacity"), max_length=20, choices=Capacity)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["meeting", "capacity", "person__last_name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="attendance_person_once_per_meeting"
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name=""),
                name="attendance_person_or_name",
            ),
        ]

    def __str__(self) -> str:
        return str(self.person) if self.person_id else self.name

    @property
    def owner_organisation_id(self) -> int:
        return self.meeting.organisation_id

    @property
    def counts_for_quorum(self) -> bool:
        return self.capacity in {self.Capacity.MEMBER, self.Capacity.SUBSTITUTE_SERVING}


class StandardItem(models.TextChoices):
    """The opening items of every ordinary meeting, offered when it is planned."""

    OPENING = "opening", _("Opening of the meeting")
    APPROVERS = "approvers", _("Election of approvers (justerare)")
    AGENDA = "agenda", _("Approval of the agenda")


class AgendaItem(BaseModel):
    """A numbered item on a meeting's agenda, with its part of the minutes."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    presenter = models.CharField(_("presenter"), max_length=160, blank=True)
    documents = models.TextField(
        _("documents"),
        blank=True,
        help_text=_("One document per line: a link or a case number (diarienummer)."),
    )
    planned_minutes = models.PositiveSmallIntegerField(
        _("planned minutes"), null=True, blank=True
    )
    paragraph = models.PositiveIntegerField(
        _("paragraph (§)"),
        null=True,
        blank=True,
        help_text=_("Numbered through the body's year when sent for approval."),
    )
    standard = models.CharField(
        _("standard item"), max_length=12, choices=StandardItem, blank=True
    )
    source_kind = models.CharField(_("suggested as"), max_length=40, blank=True)
    source_ref = models.CharField(_("source"), max_length=80, blank=True)
    source_url = models.CharField(_("source link"), max_length=300, blank=True)
    discussion = models.TextField(_("discussion"), blank=True)
    decision = models.TextField(_("decision"), blank=True)
    responsible = models.CharField(_("responsible"), max_length=160, blank=True)
    history = HistoricalRecords()

    MINUTES_FIELDS = ("discussion", "decision", "responsible")

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position", "pk"]

    def __str__(self) -> str:
        return f"§ {self.number} {self.title}"

    @property
    def number(self) -> int:
        """The paragraph number (§) once fixed, else the place on the agenda."""
        return self.paragraph or self.position

    @property
    def owner_organisation_id(self) -> int:
        return self.meeting.organisation_id

    def document_lines(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]

    def document_links(self) -> list[DocumentLink]:
        """The documents (handlingar) as titles with optional links, never paths."""
        return parse_documents(self.documents, untitled=str(DOCUMENT_UNTITLED))

    @property
    def source_href(self) -> str:
        """Where the material this item was suggested from lives ("" if unsafe)."""
        return safe_href(self.source_url)


class Minutes(BaseModel):
    """The minutes (protokoll) of a meeting.

    Draft → sent for approval (`locked_at`: from then on every change is a recorded
    Correction) → approved when every designated approver has signed in the current
    `round`. A correction that changes what approvers have signed voids their
    signatures and starts a new round. `version` counts corrections, so a signature
    is refused if the minutes changed since the approver read them.
    """

    meeting = models.OneToOneField(
        Meeting, models.CASCADE, related_name="minutes", verbose_name=_("meeting")
    )
    remarks = models.TextField(
        _("protocol remarks (protokollsanteckningar)"), blank=True
    )
    approvers = models.ManyToManyField(
        "members.Person",
        related_name="minutes_to_approve",
        blank=True,
        verbose_name=_("approvers (justerare)"),
    )
    chair = models.ForeignKey(
        "members.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("chair of the meeting"),
    )
    secretary = models.CharField(_("secretary"), max_length=160, blank=True)
    locked_at = models.DateTimeField(_("sent for approval at"), null=True, blank=True)
    sent_by = models.ForeignKey(
        "accounts.User",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent for approval by"),
    )
    round = models.PositiveSmallIntegerField(_("approval round"), default=1)
    version = models.PositiveIntegerField(_("version"), default=0)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    posted_on = models.DateField(_("approval announced on"), null=True, blank=True)
    taken_down_on = models.DateField(_("notice taken down on"), null=True, blank=True)
    history = HistoricalRecords(m2m_fields=[approvers])

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(taken_down_on__isnull=True)
                | Q(posted_on__isnull=False, taken_down_on__gte=F("posted_on")),
                name="minutes_taken_down_after_posting",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Minutes %(meeting)s") % {"meeting": self.meeting})

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.meeting_id]) + "#minutes"

    @property
    def owner_organisation_id(self) -> int:
        return self.meeting.organisation_id

    @property
    def is_approved(self) -> bool:
        return self.approved_on is not None

    @property
    def is_locked(self) -> bool:
        """Locked from "send for approval" on; changes then go through a Correction."""
        return self.locked_at is not None


class MinutesApprovalQuerySet(models.QuerySet["MinutesApproval"]):
    def valid(self) -> "MinutesApprovalQuerySet":
        """Signatures not voided by a later correction."""
        return self.filter(voided_at__isnull=True)


class MinutesApproval(BaseModel):
    """One approver's signature (justering) of the minutes in one round."""

    minutes = models.ForeignKey(
        Minutes, models.CASCADE, related_name="approvals", verbose_name=_("minutes")
    )
    person = models.ForeignKey(
        "members.Person", models.PROTECT, related_name="+", verbose_name=_("approver")
    )
    signed_by = models.ForeignKey(
        "accounts.User", models.PROTECT, related_name="+", verbose_name=_("signed by")
    )
    round = models.PositiveSmallIntegerField(_("approval round"), default=1)
    approved_on = models.DateField(_("approved on"))
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MinutesApprovalQuerySet.as_manager()

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["minutes", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "person", "round"],
                name="minutesapproval_once_per_person_and_round",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.approved_on}"

    @property
    def owner_organisation_id(self) -> int:
        return self.minutes.meeting.organisation_id

    @property
    def is_valid(self) -> bool:
        return self.voided_at is None


class MinutesNotice(BaseModel):
    """An e-mail to an approver about the minutes: the request to approve or the
    reminder. Unique per round, so the daily job never mails twice."""

    class Kind(models.TextChoices):
        REQUEST = "request", _("Request to approve")
        REMINDER = "reminder", _("Reminder to approve")

    minutes = models.ForeignKey(
        Minutes, models.CASCADE, related_name="notices", verbose_name=_("minutes")
    )
    person = models.ForeignKey(
        "members.Person", models.CASCADE, related_name="+", verbose_name=_("approver")
    )
    round = models.PositiveSmallIntegerField(_("approval round"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    sent_on = models.DateField(_("sent on"))
    recipient = models.EmailField(_("recipient"), blank=True)

    class Meta:
        verbose_name = _("notice to approver")
        verbose_name_plural = _("notices to approvers")
        ordering = ["minutes", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "person", "round", "kind"],
                name="minutesnotice_once_per_round",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.person} {self.sent_on}"


class MinutesSettings(BaseModel):
    """How a body keeps its minutes: posting (anslag) and reminders to approvers."""

    body = models.OneToOneField(
        "organisations.Unit",
        models.CASCADE,
        related_name="minutes_settings",
        verbose_name=_("body"),
    )
    posts_minutes = models.BooleanField(
        _("the approval is announced on the notice board"),
        default=False,
        help_text=_(
            "For bodies whose minutes are posted (anslag): the approval must be "
            "announced on the official notice board within two days and stay there "
            "for three weeks."
        ),
    )
    reminder_after_days = models.PositiveSmallIntegerField(
        _("remind approvers after (days)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("minutes settings")
        verbose_name_plural = _("minutes settings")

    def __str__(self) -> str:
        return str(self.body)

    @property
    def owner_organisation_id(self) -> int:
        return self.body.organisation_id


class Correction(BaseModel):
    """A recorded change to locked minutes: who, when, why and what."""

    minutes = models.ForeignKey(
        Minutes, models.CASCADE, related_name="corrections", verbose_name=_("minutes")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("agenda item"),
    )
    field = models.CharField(_("field"), max_length=40)
    label = models.CharField(_("what"), max_length=200, blank=True)
    voided_signatures = models.BooleanField(_("voided signatures"), default=False)
    old_value = models.TextField(_("before"), blank=True)
    new_value = models.TextField(_("after"), blank=True)
    reason = models.TextField(_("reason"))
    made_by = models.ForeignKey(
        "accounts.User", models.PROTECT, related_name="+", verbose_name=_("made by")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["minutes", "created_at"]

    def __str__(self) -> str:
        return str(_("Correction of %(field)s") % {"field": self.field})

    @property
    def owner_organisation_id(self) -> int:
        return self.minutes.meeting.organisation_id


class DecisionQuerySet(models.QuerySet["Decision"]):
    def open(self) -> "DecisionQuerySet":
        return self.filter(completed_on__isnull=True)

    def due(self, *, today: dt.date) -> "DecisionQuerySet":
        return self.open().filter(due_on__lte=today)


class Decision(BaseModel):
    """A decision that creates work (uppdrag), followed up at later meetings."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="meeting_decisions",
        verbose_name=_("organisation"),
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        models.CASCADE,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    text = models.TextField(_("assignment"))
    owner = models.ForeignKey(
        "members.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name=_("owner"),
    )
    # The free-text "responsible" of assignments recorded before owners were people,
    # kept when no person of the organisation matched it (ADR 0003).
    legacy_responsible = models.CharField(
        _("responsible (free text, before owners were people)"),
        max_length=160,
        blank=True,
    )
    due_on = models.DateField(_("to report back by"), null=True, blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    # The last reminder to the owner of an overdue assignment (at most one a week).
    reminded_on = models.DateField(_("owner last reminded on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment (uppdrag)")
        verbose_name_plural = _("assignments (uppdrag)")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def responsible(self) -> str:
        """Who answers for the assignment, as the minutes print it: the owner's name,
        or the free text of an assignment recorded before owners were people."""
        return str(self.owner) if self.owner_id else self.legacy_responsible

    def is_overdue_on(self, today: dt.date) -> bool:
        return (
            self.completed_on is None
            and self.due_on is not None
            and self.due_on < today
        )

    def clean(self) -> None:
        if self.owner_id is None:
            if not self.legacy_responsible:
                raise ValidationError({"owner": OWNER_REQUIRED})
        elif self.owner.organisation_id != self.organisation_id:
            raise ValidationError({"owner": OWNER_OTHER_ORGANISATION})


class DialogueQuestion(BaseModel):
    """A question sent in advance to the counterpart of a dialogue meeting."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="questions", verbose_name=_("meeting")
    )
    text = models.TextField(_("question"))
    source_ref = models.CharField(_("source"), max_length=80, blank=True)
    source_url = models.CharField(_("source link"), max_length=300, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        "accounts.User",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def source_href(self) -> str:
        """Where the question comes from, as a safe link target ("" if unsafe)."""
        return safe_href(self.source_url)

    @property
    def owner_organisation_id(self) -> int:
        return self.meeting.organisation_id


class CommitmentQuerySet(models.QuerySet["Commitment"]):
    def open(self) -> "CommitmentQuerySet":
        return self.filter(completed_on__isnull=True)


class Commitment(BaseModel):
    """What the counterpart promised at a dialogue meeting, with owner and due date."""

    meeting = models.ForeignKey(
        Meeting, models.CASCADE, related_name="commitments", verbose_name=_("meeting")
    )
    text = models.TextField(_("commitment"))
    owner = models.CharField(_("owner"), max_length=160)
    due_on = models.DateField(_("due date"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def owner_organisation_id(self) -> int:
        return self.meeting.organisation_id


class DevelopmentNeed(BaseModel):
    """A development need (utvecklingsbehov), gathered by the body's yearly report.

    The one model for every source: found at a dialogue meeting (`meeting`), or in
    another app's material, e.g. a document review, named by `source_ref`
    (``"reviews.review:12"``) and linked by `source_url` (the higher app is never
    imported here)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="development_needs",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    meeting = models.ForeignKey(
        Meeting,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="development_needs",
        verbose_name=_("meeting"),
    )
    source_ref = models.CharField(_("source"), max_length=80, blank=True, db_index=True)
    source_url = models.CharField(_("source link"), max_length=300, blank=True)
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="development_needs",
        verbose_name=_("concerns"),
    )
    text = models.TextField(_("development need"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("development need")
        verbose_name_plural = _("development needs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.unit_id and self.unit.organisation_id != self.organisation_id:
            raise ValidationError(
                {"unit": _("Choose a unit of your own organisation.")}
            )
        if self.meeting_id and self.meeting.organisation_id != self.organisation_id:
            raise ValidationError(
                {"meeting": _("Choose a meeting of your own organisation.")}
            )


class YearWheelRule(BaseModel):
    """A recurring event in the year wheel (årshjul), e.g. the second Tuesday in March."""

    class Category(models.TextChoices):
        MEETING = "meeting", _("Meeting of the body")
        BUDGET_DIALOGUE = "budget_dialogue", _("Budget dialogue")
        TERTIAL_REPORT = "tertial_report", _("Tertial report")
        INTERIM_REPORT = "interim_report", _("Interim report")
        ANNUAL_REPORT = "annual_report", _("Annual report")
        YEARLY_REPORT = "yearly_report", _("The body's yearly report to KS/KF")
        SURVEY = "survey", _("Politician survey period")
        OTHER = "other", _("Other")

    class Pattern(models.TextChoices):
        FIXED_DATE = "fixed_date", _("Fixed date")
        NTH_WEEKDAY = (
            "nth_weekday",
            _("A weekday in the month, e.g. the second Tuesday"),
        )

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")

    class Nth(models.IntegerChoices):
        FIRST = 1, _("first")
        SECOND = 2, _("second")
        THIRD = 3, _("third")
        FOURTH = 4, _("fourth")
        LAST = -1, _("last")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="year_wheel_rules",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=20, choices=Category)
    pattern = models.CharField(_("recurs"), max_length=12, choices=Pattern)
    months = models.CharField(
        _("months"),
        max_length=40,
        blank=True,
        help_text=_("Month numbers separated by commas; empty means every month."),
    )
    day = models.PositiveSmallIntegerField(_("day of month"), null=True, blank=True)
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday, null=True, blank=True
    )
    nth = models.SmallIntegerField(_("which"), choices=Nth, null=True, blank=True)
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(24 * 60)],
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("year wheel rule")
        verbose_name_plural = _("year wheel rules")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def month_numbers(self) -> list[int]:
        """The months the rule applies in; raises ValueError on bad input."""
        if not self.months.strip():
            return list(range(1, 13))
        numbers = sorted(
            {int(part) for part in self.months.replace(" ", "").split(",") if part}
        )
        if not numbers or any(n < 1 or n > 12 for n in numbers):
            raise ValueError(self.months)
        return numbers

    def clean(self) -> None:
        errors: dict[str, list] = {}
        try:
            months = self.month_numbers()
        except ValueError:
            errors.setdefault("months", []).append(RULE_BAD_MONTHS)
            months = []
        if self.pattern == self.Pattern.FIXED_DATE:
            if not self.day or self.day > 31:
                errors.setdefault("day", []).append(RULE_NEEDS_DAY)
            elif any(_invalid_day(month, self.day) for month in months):
                errors.setdefault("day", []).append(RULE_BAD_DATE)
        elif self.pattern == self.Pattern.NTH_WEEKDAY and (
            self.weekday is None or self.nth is None
        ):
            errors.setdefault("weekday", []).append(RULE_NEEDS_WEEKDAY)
        if errors:
            raise ValidationError(errors)


class RuleOccurrence(BaseModel):
    """An exception for one date of a rule: moved, cancelled, or replaced by a meeting
    (then the meeting is shown instead of the occurrence)."""

    rule = models.ForeignKey(
        YearWheelRule,
        models.CASCADE,
        related_name="occurrences",
        verbose_name=_("recurring event"),
    )
    original_date = models.DateField(_("planned date"))
    moved_to = models.DateField(_("moved to"), null=True, blank=True)
    starts_at = models.TimeField(_("time"), null=True, blank=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    meeting = models.OneToOneField(
        Meeting,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="rule_occurrence",
        verbose_name=_("meeting"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("occurrence")
        verbose_name_plural = _("occurrences")
        ordering = ["rule", "original_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "original_date"], name="ruleoccurrence_once_per_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} {self.original_date}"

    @property
    def owner_organisation_id(self) -> int:
        return self.rule.organisation_id


def _invalid_day(month: int, day: int) -> bool:
    # A leap year, so 29 February is allowed (it falls back to the 28th elsewhere).
    try:
        dt.date(2024, month, day)
    except ValueError:
        return True
    return False


class CalendarFeed(BaseModel):
    """A secret-token iCalendar address for one user and organisation; revocable.

    Only the SHA-256 of the token is stored (like survey invitations): someone who
    reads the database or a backup cannot subscribe to anyone's year wheel. The
    address is shown once, when it is created (`services.create_feed`).
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="calendar_feeds",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        "accounts.User",
        models.CASCADE,
        related_name="calendar_feeds",
        verbose_name=_("user"),
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(_("Calendar feed for %(user)s") % {"user": self.user})

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    hash_token = staticmethod(tokens.hash_token)
