"""Council cases (ärenden till fullmäktige/styrelsen) and the body's preparation of them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from jamkoll.core import formatting
from jamkoll.core.models import BaseModel
from jamkoll.core.tables import FileImport

DECIDING_BODY_KIND = _("Cases are decided by the council or the executive board.")
OTHER_ORGANISATION = _("The units must belong to the case's organisation.")
RESPONSIBLE_BOARD_KIND = _(
    "The responsible unit must be a board, the executive board or a company."
)
STATEMENT_REQUIRED = _("A prepared case needs the body's statement (yttrande).")
GENDER_ASSESSMENT_REQUIRED = _(
    "A prepared case needs the gender-perspective assessment."
)
REASON_REQUIRED = _("Say why the case is not relevant for the body.")
NOTICED_ON_REQUIRED = _(
    "Give the date the body noticed it had not been given the case."
)


class CaseQuerySet(models.QuerySet["Case"]):
    def in_year(self, year: int) -> "CaseQuerySet":
        return self.filter(meeting_on__year=year)

    def not_given_chance(self) -> "CaseQuerySet":
        return self.filter(preparation=Case.Preparation.NOT_GIVEN_CHANCE)

    def to_prepare(self) -> "CaseQuerySet":
        return self.filter(preparation=Case.Preparation.UNHANDLED)


class Case(BaseModel):
    """A case (ärende) before the council or executive board, and whether the body
    prepared it (beredning)."""

    class Preparation(models.TextChoices):
        # One case's status ("Berett"), apart from the plural column headers.
        UNHANDLED = "unhandled", pgettext_lazy("case preparation", "Not yet handled")
        PREPARED = "prepared", pgettext_lazy("case preparation", "Prepared")
        NOT_RELEVANT = "not_relevant", pgettext_lazy("case preparation", "Not relevant")
        NOT_GIVEN_CHANCE = "not_given_chance", _("Not prepared – not given the chance")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="cases",
        verbose_name=_("organisation"),
    )
    case_number = models.CharField(_("case number (diarienummer)"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    deciding_body = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="cases_to_decide",
        verbose_name=_("deciding body"),
    )
    meeting_on = models.DateField(_("meeting date"))
    responsible_board = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="cases_responsible_for",
        verbose_name=_("responsible board"),
    )
    documents = models.TextField(
        _("documents"),
        blank=True,
        help_text=_("One document per line: a link or a name."),
    )
    preparation = models.CharField(
        _("preparation"),
        max_length=20,
        choices=Preparation,
        default=Preparation.UNHANDLED,
    )
    statement = models.TextField(_("statement (yttrande)"), blank=True)
    gender_assessment = models.TextField(_("gender-perspective assessment"), blank=True)
    not_relevant_reason = models.TextField(_("reason it is not relevant"), blank=True)
    noticed_on = models.DateField(_("noticed on"), null=True, blank=True)
    prepared_at = models.ForeignKey(
        "meetings.AgendaItem",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("prepared at (paragraph)"),
        help_text=_("The paragraph of the body's minutes where it prepared the case."),
    )
    history = HistoricalRecords()

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["meeting_on", "case_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "case_number"], name="case_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(
                    preparation__in=[
                        "unhandled",
                        "prepared",
                        "not_relevant",
                        "not_given_chance",
                    ]
                ),
                name="case_preparation_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("cases:detail", args=[self.pk])

    def document_lines(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.deciding_body_id is not None:
            if self.deciding_body.kind not in {"council", "executive_board"}:
                errors.setdefault("deciding_body", []).append(DECIDING_BODY_KIND)
            elif self.deciding_body.organisation_id != self.organisation_id:
                errors.setdefault("deciding_body", []).append(OTHER_ORGANISATION)
        if self.responsible_board_id is not None:
            board = self.responsible_board
            if board.organisation_id != self.organisation_id:
                errors.setdefault("responsible_board", []).append(OTHER_ORGANISATION)
            elif board.kind not in {"board", "executive_board", "company"}:
                errors.setdefault("responsible_board", []).append(
                    RESPONSIBLE_BOARD_KIND
                )
        if self.preparation == self.Preparation.PREPARED:
            if not self.statement.strip():
                errors.setdefault("statement", []).append(STATEMENT_REQUIRED)
            if not self.gender_assessment.strip():
                errors.setdefault("gender_assessment", []).append(
                    GENDER_ASSESSMENT_REQUIRED
                )
        elif self.preparation == self.Preparation.NOT_RELEVANT:
            if not self.not_relevant_reason.strip():
                errors.setdefault("not_relevant_reason", []).append(REASON_REQUIRED)
        elif (
            self.preparation == self.Preparation.NOT_GIVEN_CHANCE
            and self.noticed_on is None
        ):
            errors.setdefault("noticed_on", []).append(NOTICED_ON_REQUIRED)
        if errors:
            raise ValidationError(errors)


RAISED_IN_FUTURE = _("The date cannot be in the future.")
RAISING_DUPLICATE = _(
    "The list has already been recorded as raised in %(body)s on %(date)s."
)
RAISING_BODY_KIND = _("The list is raised in the council or the executive board.")
PARAGRAPH_REFERENCE_REQUIRED = _("Give the paragraph of the minutes, e.g. KF § 112.")


class NotGivenListRaising(BaseModel):
    """The chair raised the list of cases the body was not given the chance to prepare
    in the council (or executive board): where, when and under which paragraph."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="not_given_list_raisings",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year of the list"))
    body = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="not_given_list_raisings",
        verbose_name=_("raised in"),
        help_text=_("The council or executive board where the chair raised the list."),
    )
    raised_on = models.DateField(_("meeting date"))
    paragraph_reference = models.CharField(
        _("paragraph in the minutes"),
        max_length=80,
        help_text=_("As it reads in that body's minutes, e.g. KF § 112."),
    )
    raised_by = models.ForeignKey(
        "members.Person",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("raised by"),
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("raising of the not-given list")
        verbose_name_plural = _("raisings of the not-given list")
        ordering = ["raised_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "body", "raised_on"],
                name="not_given_raising_unique_meeting",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.body} {formatting.date(self.raised_on)} {self.paragraph_reference}"
        )

    @property
    def meeting_name(self) -> str:
        return self.body.name

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if not self.paragraph_reference.strip():
            errors.setdefault("paragraph_reference", []).append(
                PARAGRAPH_REFERENCE_REQUIRED
            )
        if self.raised_on is not None and self.raised_on > timezone.localdate():
            errors.setdefault("raised_on", []).append(RAISED_IN_FUTURE)
        if self.body_id is not None:
            if self.body.organisation_id != self.organisation_id:
                errors.setdefault("body", []).append(OTHER_ORGANISATION)
            elif self.body.kind not in {"council", "executive_board"}:
                errors.setdefault("body", []).append(RAISING_BODY_KIND)
            elif (
                self.raised_on is not None
                and NotGivenListRaising.objects.filter(
                    organisation_id=self.organisation_id,
                    body_id=self.body_id,
                    raised_on=self.raised_on,
                )
                .exclude(pk=self.pk)
                .exists()
            ):
                errors.setdefault("raised_on", []).append(
                    RAISING_DUPLICATE
                    % {"body": self.body, "date": formatting.date(self.raised_on)}
                )
        if (
            self.raised_by_id is not None
            and self.raised_by.organisation_id != self.organisation_id
        ):
            errors.setdefault("raised_by", []).append(OTHER_ORGANISATION)
        if errors:
            raise ValidationError(errors)


class CaseImport(FileImport):
    """A case list imported in the background (large files): progress and the
    refused rows, shown on ``cases:import_detail``."""

    class Meta(FileImport.Meta):
        verbose_name = _("case list import")
        verbose_name_plural = _("case list imports")

    def get_absolute_url(self) -> str:
        return reverse("cases:import_detail", args=[self.pk])
