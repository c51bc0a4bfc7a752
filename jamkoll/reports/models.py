"""The body's yearly report (årsrapport), its proposed development areas, and what KS
or KF decided on each (with the follow-up of the approved ones)."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from jamkoll.core import uploads
from jamkoll.core.models import BaseModel

FIRST_YEAR = 2000
LAST_YEAR = 2100

REPORT_IS_LOCKED = _("The report has been adopted and can no longer be changed.")
INVALID_TRANSITION = _("A report cannot go from “%(current)s” to “%(target)s”.")
UNIT_OF_OTHER_ORGANISATION = _("The unit must belong to the report's organisation.")


class InvalidTransition(ValidationError):
    """The requested status change is not in `YearlyReport.ALLOWED_TRANSITIONS`."""


class YearlyReport(BaseModel):
    """The report the gender-equality body presents for one year (årsrapport).

    The numbers are assembled from the year's data when the report is shown; the
    introduction, the chair's words and the development areas are written by hand.
    Once adopted (fastställd) the report is locked and keeps the content it was
    adopted with (`adopted_content`).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        READY = "ready", _("Ready for approval")
        ADOPTED = "adopted", _("Adopted")

    ALLOWED_TRANSITIONS = {
        Status.DRAFT: {Status.READY},
        Status.READY: {Status.DRAFT, Status.ADOPTED},
        Status.ADOPTED: set(),
    }

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="yearly_reports",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)],
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.DRAFT
    )
    introduction = models.TextField(_("introduction"), blank=True)
    chair_words = models.TextField(_("the chair's words"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_content = models.JSONField(
        _("content as adopted"), null=True, blank=True, editable=False
    )
    case_number = models.CharField(
        _("case number (diarienummer)"), max_length=40, blank=True
    )
    adopted_at = models.ForeignKey(
        "meetings.AgendaItem",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="adopted_reports",
        verbose_name=_("adopted at (paragraph)"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["organisation", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"], name="yearlyreport_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "ready", "adopted"]),
                name="yearlyreport_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=FIRST_YEAR) & Q(year__lte=LAST_YEAR),
                name="yearlyreport_year_in_range",
            ),
        ]

    def __str__(self) -> str:
        return str(_("Yearly report %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.year])

    @property
    def is_locked(self) -> bool:
        return self.status == self.Status.ADOPTED

    def can_transition_to(self, status: str) -> bool:
        return status in self.ALLOWED_TRANSITIONS.get(self.Status(self.status), set())

    def transition_to(self, status: str) -> None:
        """Move to `status` or raise InvalidTransition (the caller saves)."""
        if not self.can_transition_to(status):
            raise InvalidTransition(
                INVALID_TRANSITION
                % {
                    "current": self.get_status_display(),
                    "target": self.Status(status).label
                    if status in self.Status.values
                    else status,
                }
            )
        self.status = status

    transition_to.alters_data = True  # type: ignore[attr-defined]


class DevelopmentArea(BaseModel):
    """A proposed development area (utvecklingsområde) in a yearly report.

    Usually picked from a development need (utvecklingsbehov) recorded during the year
    in a review, a dialogue meeting or a demand; `source_reference` names it
    ("<app>.<model>:<pk>") and `source_label` keeps its description as it was picked.
    """

    report = models.ForeignKey(
        YearlyReport,
        models.CASCADE,
        related_name="development_areas",
        verbose_name=_("report"),
    )
    title = models.CharField(_("title"), max_length=200)
    rationale = models.TextField(_("rationale"))
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="development_areas",
        verbose_name=_("unit concerned"),
    )
    source_reference = models.CharField(_("source"), max_length=80, blank=True)
    source_label = models.CharField(_("picked from"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("development area")
        verbose_name_plural = _("development areas")
        ordering = ["report", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:area_detail", args=[self.pk])

    @property
    def owner_organisation_id(self) -> int:
        return self.report.organisation_id

    def clean(self) -> None:
        if (
            self.unit_id is not None
            and self.report_id is not None
            and self.unit.organisation_id != self.report.organisation_id
        ):
            raise ValidationError({"unit": UNIT_OF_OTHER_ORGANISATION})


DECIDING_BODY_KINDS = ("council", "executive_board")
DECIDING_BODY_NOT_KS_OR_KF = _(
    "Choose the municipal executive board or the municipal council of the report's "
    "organisation."
)
FOLLOW_UP_UNIT_OF_OTHER_ORGANISATION = _(
    "The unit responsible must belong to the report's organisation."
)
RESPONSIBLE_OF_OTHER_ORGANISATION = _(
    "The person responsible must belong to the report's organisation."
)
DONE_BEFORE_DECISION = _("The follow-up cannot be finished before the decision.")
DUE_BEFORE_DECISION = _("The due date must come after the decision date.")


class AreaDecision(BaseModel):
    """What KS or KF decided on a proposed development area (bifall, avslag, ...).

    An area normally gets one decision. Only after a referral back (återremiss) may a
    new decision be recorded; the earlier rows stay, so the area's path through KS or
    KF can be read afterwards. The latest row (by date, then id) is the one in force.
    """

    class Outcome(models.TextChoices):
        APPROVED = "approved", pgettext_lazy("decision on a proposal", "Approved")
        PARTLY_APPROVED = (
            "partly_approved",
            pgettext_lazy("decision on a proposal", "Partly approved"),
        )
        REJECTED = "rejected", pgettext_lazy("decision on a proposal", "Rejected")
        REFERRED_BACK = (
            "referred_back",
            pgettext_lazy("decision on a proposal", "Referred back"),
        )

    # Outcomes after which the area is followed up (uppföljning).
    FOLLOWED_UP = (Outcome.APPROVED, Outcome.PARTLY_APPROVED)

    area = models.ForeignKey(
        DevelopmentArea,
        models.CASCADE,
        related_name="decisions",
        verbose_name=_("development area"),
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome)
    decided_by = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="development_area_decisions",
        verbose_name=_("decided by"),
        limit_choices_to={"kind__in": DECIDING_BODY_KINDS},
    )
    decided_on = models.DateField(_("decision date"))
    paragraph = models.CharField(
        _("paragraph"),
        max_length=40,
        help_text=_("The paragraph in the minutes, e.g. “KS § 123”."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision on a development area")
        verbose_name_plural = _("decisions on development areas")
        ordering = ["area", "decided_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    outcome__in=[
                        "approved",
                        "partly_approved",
                        "rejected",
                        "referred_back",
                    ]
                ),
                name="areadecision_outcome_valid",
            )
        ]

    def __str__(self) -> str:
        return str(
            _("%(outcome)s, %(paragraph)s")
            % {"outcome": self.get_outcome_display(), "paragraph": self.paragraph}
        )

    @property
    def owner_organisation_id(self) -> int:
        return self.area.report.organisation_id

    @property
    def is_followed_up(self) -> bool:
        return self.outcome in self.FOLLOWED_UP

    def clean(self) -> None:
        if self.decided_by_id is None or self.area_id is None:
            return
        if (
            self.decided_by.kind not in DECIDING_BODY_KINDS
            or self.decided_by.organisation_id != self.area.report.organisation_id
        ):
            raise ValidationError({"decided_by": DECIDING_BODY_NOT_KS_OR_KF})


class AreaFollowUp(BaseModel):
    """The follow-up of a development area KS or KF approved (wholly or partly).

    Owned by the unit concerned, with a person responsible when one is named, and a
    due date; in progress (pågår) until finished (klar) with a date and a short report.
    """

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", pgettext_lazy("follow-up status", "In progress")
        DONE = "done", pgettext_lazy("follow-up status", "Done")

    area = models.OneToOneField(
        DevelopmentArea,
        models.CASCADE,
        related_name="follow_up",
        verbose_name=_("development area"),
    )
    decision = models.ForeignKey(
        AreaDecision,
        models.PROTECT,
        related_name="follow_ups",
        verbose_name=_("decision"),
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="development_follow_ups",
        verbose_name=_("unit responsible"),
    )
    responsible = models.ForeignKey(
        "members.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="development_follow_ups",
        verbose_name=_("person responsible"),
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.IN_PROGRESS
    )
    done_on = models.DateField(_("finished on"), null=True, blank=True)
    report_text = models.TextField(_("report"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up of a development area")
        verbose_name_plural = _("follow-ups of development areas")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="in_progress", done_on__isnull=True)
                | Q(status="done", done_on__isnull=False),
                name="areafollowup_done_has_date",
            )
        ]

    def __str__(self) -> str:
        return str(self.area)

    def get_absolute_url(self) -> str:
        return reverse("reports:area_detail", args=[self.area_id])

    @property
    def owner_organisation_id(self) -> int:
        return self.area.report.organisation_id

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    def is_overdue(self, today: dt.date) -> bool:
        return not self.is_done and self.due_on < today

    def clean(self) -> None:
        errors: dict[str, list[Any]] = {}
        if self.area_id is None:
            return
        organisation_id = self.area.report.organisation_id
        if self.unit_id is not None and self.unit.organisation_id != organisation_id:
            errors.setdefault("unit", []).append(FOLLOW_UP_UNIT_OF_OTHER_ORGANISATION)
        if (
            self.responsible_id is not None
            and self.responsible.organisation_id != organisation_id
        ):
            errors.setdefault("responsible", []).append(
                RESPONSIBLE_OF_OTHER_ORGANISATION
            )
        try:
            # Also an unsaved decision, when both are validated before saving.
            decision: AreaDecision | None = self.decision
        except AreaDecision.DoesNotExist:
            decision = None
        if decision is not None and decision.decided_on and self.due_on is not None:
            if self.due_on <= decision.decided_on:
                errors.setdefault("due_on", []).append(DUE_BEFORE_DECISION)
            if self.done_on is not None and self.done_on < decision.decided_on:
                errors.setdefault("done_on", []).append(DONE_BEFORE_DECISION)
        if errors:
            raise ValidationError(errors)


WORD_TEMPLATE_DIR = "reports/templates"


def word_template_path(instance: "ReportSettings", filename: str) -> str:
    """A random name with the detected kind's extension (`core.uploads.stored_name`);
    the original name is kept in `word_template_name`."""
    return uploads.storage_path(WORD_TEMPLATE_DIR, filename)


class ReportSettings(BaseModel):
    """How an organisation's yearly report is produced: its own Word template.

    One row per organisation, created on first use. The template (.docx or .dotx)
    gives the Word file its styles, page set-up, header and footer.
    """

    organisation = models.OneToOneField(
        "organisations.Organisation",
        models.CASCADE,
        related_name="report_settings",
        verbose_name=_("organisation"),
    )
    word_template = models.FileField(
        _("Word template"), upload_to=word_template_path, blank=True, max_length=200
    )
    word_template_name = models.CharField(
        _("template file name"), max_length=200, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report settings")
        verbose_name_plural = _("report settings")

    def __str__(self) -> str:
        return str(
            _("Report settings of %(organisation)s")
            % {"organisation": self.organisation}
        )
