"""The body's yearly report (årsrapport) and its proposed development areas."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

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

    @property
    def audit_organisation_id(self) -> int:
        return self.report.organisation_id

    def clean(self) -> None:
        if (
            self.unit_id is not None
            and self.report_id is not None
            and self.unit.organisation_id != self.report.organisation_id
        ):
            raise ValidationError({"unit": UNIT_OF_OTHER_ORGANISATION})
