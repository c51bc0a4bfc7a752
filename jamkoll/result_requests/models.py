"""Demands for results (efterfrågan / återrapporteringskrav), replies and assessments.

The state machine (which status may follow which, and who may move it) lives in
`workflow.py`; this module holds the rows.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from jamkoll.core import uploads
from jamkoll.core.models import BaseModel


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENT = "sent", _("Sent")
    OVERDUE = "overdue", _("Overdue")
    ANSWERED = "answered", _("Answered")
    ASSESSED = "assessed", _("Assessed")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = frozenset({Status.SENT, Status.OVERDUE})


class Occasion(models.TextChoices):
    BUDGET_DIALOGUE = "budget_dialogue", _("Budget dialogue")
    RESULT_SEMINAR = "result_seminar", _("Result seminar")
    TERTIAL_REPORT = "tertial_report", _("Tertial report")
    INTERIM_REPORT = "interim_report", _("Interim report")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    DIALOGUE_MEETING = "dialogue_meeting", _("Dialogue meeting")
    # Between a board (nämnd) and its administration, at board level.
    FOLLOW_UP_DIALOGUE = "follow_up_dialogue", _("Follow-up dialogue")
    CASE_PREPARATION = "case_preparation", _("Case preparation")
    OTHER = "other", _("Other")


class Evidence(models.TextChoices):
    SEX_DISAGGREGATED_STATISTICS = "statistics", _("Sex-disaggregated statistics")
    GENDER_ANALYSIS = "analysis", _("Analysis of differences between women and men")
    MEASURES = "measures", _("Measures")
    GOAL_FOLLOW_UP = "goals", _("Follow-up of goals")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    INSUFFICIENT = "insufficient", _("Insufficient")


class ResultRequestQuerySet(models.QuerySet["ResultRequest"]):
    def open(self) -> "ResultRequestQuerySet":
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, *, today: dt.date) -> "ResultRequestQuerySet":
        """Open demands whose due date has passed, whether or not the daily job ran."""
        return self.open().filter(due_on__lt=today)

    def addressed_to_units(
        self, unit_ids: "frozenset[int] | set[int]"
    ) -> "ResultRequestQuerySet":
        return self.filter(addressed_to_id__in=unit_ids)


class ResultRequest(BaseModel):
    """A demand for results addressed to one unit; several addressees share `group`."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="result_requests",
        verbose_name=_("organisation"),
    )
    group = models.UUIDField(_("group"), default=uuid.uuid4, db_index=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="raised_result_requests",
        verbose_name=pgettext_lazy("demand", "raised by"),
    )
    raised_for = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="raised_result_requests",
        verbose_name=_("on behalf of"),
    )
    addressed_to = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="result_requests",
        verbose_name=_("addressed to"),
    )
    follows_up = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("follows up"),
    )
    review = models.ForeignKey(
        "reviews.Review",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="demands",
        verbose_name=_("from review"),
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="demands",
        verbose_name=_("decided at agenda item"),
    )
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"))
    evidence_required = models.JSONField(
        _("evidence required"), default=list, blank=True
    )
    occasion = models.CharField(_("occasion"), max_length=24, choices=Occasion)
    occasion_on = models.DateField(_("date of the occasion"), null=True, blank=True)
    due_on = models.DateField(pgettext_lazy("demand", "due date"))
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.DRAFT
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    first_answered_at = models.DateTimeField(
        _("first answered at"), null=True, blank=True
    )
    first_outcome = models.CharField(
        _("outcome of the first assessment"), max_length=16, choices=Outcome, blank=True
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    history = HistoricalRecords()

    objects = ResultRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("demand")
        verbose_name_plural = _("demands")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="resultrequest_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(occasion__in=Occasion.values),
                name="resultrequest_occasion_valid",
            ),
            models.CheckConstraint(
                condition=Q(outcome="") | Q(outcome__in=Outcome.values),
                name="resultrequest_outcome_valid",
            ),
        ]
        indexes = [models.Index(fields=["organisation", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("result_requests:detail", args=[self.pk])

    def is_overdue_on(self, today: dt.date) -> bool:
        """Open and past its due date (shown even before the daily job marks it)."""
        return self.status in OPEN_STATUSES and self.due_on < today

    def display_status(self, today: dt.date) -> str:
        if self.status == Status.SENT and self.due_on < today:
            return Status.OVERDUE
        return self.status

    @property
    def evidence_labels(self) -> list[str]:
        labels = dict(Evidence.choices)
        return [str(labels[v]) for v in self.evidence_required if v in labels]


class Transition(models.Model):
    """One move in the state machine: from, to, who and when (the log)."""

    result_request = models.ForeignKey(
        ResultRequest,
        models.CASCADE,
        related_name="transitions",
        verbose_name=_("demand"),
    )
    from_status = models.CharField(_("from"), max_length=16, choices=Status)
    to_status = models.CharField(_("to"), max_length=16, choices=Status)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class Reply(BaseModel):
    """An answer (återrapportering); a submitted version is never changed again."""

    result_request = models.ForeignKey(
        ResultRequest, models.CASCADE, related_name="replies", verbose_name=_("demand")
    )
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    text = models.TextField(_("answer"))
    evidence_given = models.JSONField(_("evidence given"), default=list, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["result_request", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["result_request", "number"], name="reply_unique_version"
            ),
        ]

    def __str__(self) -> str:
        return _("Answer, version %(number)s") % {"number": self.number}

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def evidence_labels(self) -> list[str]:
        labels = dict(Evidence.choices)
        return [str(labels[v]) for v in self.evidence_given if v in labels]


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files under MEDIA_ROOT without any URL: they are served only by a view."""

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL.")


private_storage = PrivateStorage()


ATTACHMENT_DIR = "private/result_requests"


def attachment_path(instance: "Attachment", filename: str) -> str:
    """A random name with the detected kind's extension (`core.uploads.stored_name`);
    the original name is kept in the row, never on disk."""
    return uploads.storage_path(ATTACHMENT_DIR, filename)


class Attachment(BaseModel):
    """A file attached to an answer, checked by content and size."""

    reply = models.ForeignKey(
        Reply, models.CASCADE, related_name="attachments", verbose_name=_("answer")
    )
    file = models.FileField(
        _("file"), upload_to=attachment_path, storage=private_storage, max_length=200
    )
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(
        pgettext_lazy("file", "content type"), max_length=120
    )
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["reply", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("result_requests:attachment", args=[self.pk])


class Assessment(BaseModel):
    """The body's judgement of one answer: accepted (godkänd) or insufficient."""

    result_request = models.ForeignKey(
        ResultRequest,
        models.CASCADE,
        related_name="assessments",
        verbose_name=_("demand"),
    )
    reply = models.ForeignKey(
        Reply, models.PROTECT, related_name="assessments", verbose_name=_("answer")
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome)
    comment = models.TextField(_("comment"), blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["result_request", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__in=Outcome.values), name="assessment_outcome_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(self.get_outcome_display())


class DueDateChange(BaseModel):
    """A manager's request for a new due date, accepted or declined by the body."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    result_request = models.ForeignKey(
        ResultRequest,
        models.CASCADE,
        related_name="due_date_changes",
        verbose_name=_("demand"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    previous_due_on = models.DateField(_("previous due date"))
    requested_due_on = models.DateField(_("requested due date"))
    reason = models.TextField(_("reason"))
    decision = models.CharField(
        _("decision"), max_length=12, choices=Decision, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("due date change")
        verbose_name_plural = _("due date changes")
        ordering = ["result_request", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["result_request"],
                condition=Q(decision="pending"),
                name="duedatechange_one_pending_per_request",
            ),
        ]

    def __str__(self) -> str:
        return str(self.requested_due_on)


class Reminder(models.Model):
    """The sent-mail log: one row per demand, kind and day makes the job idempotent."""

    class Kind(models.TextChoices):
        SENT = "sent", _("Demand sent")
        DUE_SOON = "due_soon", _("Due date approaching")
        OVERDUE = "overdue", _("Overdue")
        ANSWERED = "answered", _("Answered")
        ASSESSED = "assessed", _("Assessed")

    result_request = models.ForeignKey(
        ResultRequest,
        models.CASCADE,
        related_name="reminders",
        verbose_name=_("demand"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    sent_on = models.DateField(_("sent on"))
    for_due_on = models.DateField(_("for due date"))
    recipients = models.TextField(_("recipients"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["sent_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["result_request", "kind", "sent_on"],
                name="reminder_once_per_request_kind_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.sent_on}"
