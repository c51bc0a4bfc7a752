"""Organisations (kommun/region) and their units in a tree."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from jamkoll.core.models import BaseModel

UNIT_CANNOT_BE_OWN_ANCESTOR = _(
    "A unit cannot be placed under itself or under one of its own sub-units."
)
PARENT_IN_OTHER_ORGANISATION = _(
    "The parent unit must belong to the same organisation."
)
ADMINISTRATION_NEEDS_BOARD = _(
    "An administration must be placed under the board (or executive board) it serves."
)
EQUALITY_BODY_NEEDS_PARENT = _(
    "The gender-equality body must report to the council or the executive board."
)
BODY_FIELDS_ONLY_FOR_EQUALITY_BODY = _(
    "Form, budget and meeting target only apply to the gender-equality body."
)


class Organisation(BaseModel):
    """A municipality (kommun) or region, identified by its Kolada/SCB code."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind, default=Kind.MUNICIPALITY
    )
    code = models.CharField(
        _("Kolada/SCB code"),
        max_length=4,
        unique=True,
        help_text=_("Four digits, e.g. 0484 for Eskilstuna."),
    )
    reminder_days_before_due = models.PositiveSmallIntegerField(
        _("reminder days before due date"), default=7
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{4}$"),
                name="organisation_code_four_digits",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", args=[self.pk])


class UnitQuerySet(models.QuerySet["Unit"]):
    def of(self, organisation: Organisation) -> "UnitQuerySet":
        return self.filter(organisation=organisation)

    def addressable(self) -> "UnitQuerySet":
        """Units that can receive a demand: boards, administrations, companies, KS."""
        return self.filter(
            kind__in=[
                Unit.Kind.EXECUTIVE_BOARD,
                Unit.Kind.BOARD,
                Unit.Kind.ADMINISTRATION,
                Unit.Kind.COMPANY,
            ]
        )

    def equality_bodies(self) -> "UnitQuerySet":
        return self.filter(kind=Unit.Kind.EQUALITY_BODY)

    def political_bodies(self) -> "UnitQuerySet":
        """Units with elected members (everything but administrations)."""
        return self.exclude(kind=Unit.Kind.ADMINISTRATION)


class Unit(BaseModel):
    """A body or office in the organisation: KF, KS, boards, administrations, companies,
    and the gender-equality body (utskott, beredning or delegation)."""

    class Kind(models.TextChoices):
        COUNCIL = "council", pgettext_lazy("unit kind", "Council")
        EXECUTIVE_BOARD = (
            "executive_board",
            pgettext_lazy("unit kind", "Executive board"),
        )
        BOARD = "board", pgettext_lazy("unit kind", "Board")
        ADMINISTRATION = "administration", pgettext_lazy("unit kind", "Administration")
        COMPANY = "company", pgettext_lazy("unit kind", "Company")
        EQUALITY_BODY = (
            "equality_body",
            pgettext_lazy("unit kind", "Gender-equality body"),
        )

    class BodyForm(models.TextChoices):
        COMMITTEE = "committee", _("Committee (utskott)")
        DRAFTING_COMMITTEE = "drafting_committee", _("Drafting committee (beredning)")
        DELEGATION = "delegation", _("Delegation")

    organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        related_name="units",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=160)
    short_name = models.CharField(_("short name"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("reports to"),
    )
    body_form = models.CharField(_("form"), max_length=20, choices=BodyForm, blank=True)
    budget = models.DecimalField(
        _("budget (SEK)"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    yearly_meeting_target = models.PositiveSmallIntegerField(
        _("meetings per year (target)"), null=True, blank=True
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["organisation", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                name="unit_unique_name_per_organisation",
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=Decimal(0)),
                name="unit_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisations:unit_detail", args=[self.pk])

    @property
    def is_equality_body(self) -> bool:
        return self.kind == self.Kind.EQUALITY_BODY

    def ancestors(self) -> list["Unit"]:
        """Walk up the tree (a handful of queries at most; trees are shallow)."""
        chain: list[Unit] = []
        seen: set[int] = set()
        node = self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.parent_id is not None:
            parent = self.parent
            if parent.organisation_id != self.organisation_id:
                errors.setdefault("parent", []).append(PARENT_IN_OTHER_ORGANISATION)
            elif self.pk is not None and (
                parent.pk == self.pk or any(a.pk == self.pk for a in parent.ancestors())
            ):
                errors.setdefault("parent", []).append(UNIT_CANNOT_BE_OWN_ANCESTOR)
        if self.kind == self.Kind.ADMINISTRATION and (
            self.parent_id is None
            or self.parent.kind not in {self.Kind.BOARD, self.Kind.EXECUTIVE_BOARD}
        ):
            errors.setdefault("parent", []).append(ADMINISTRATION_NEEDS_BOARD)
        if self.kind == self.Kind.EQUALITY_BODY:
            if self.parent_id is None or self.parent.kind not in {
                self.Kind.COUNCIL,
                self.Kind.EXECUTIVE_BOARD,
            }:
                errors.setdefault("parent", []).append(EQUALITY_BODY_NEEDS_PARENT)
            if not self.body_form:
                errors.setdefault("body_form", []).append(
                    _("Choose the form of the gender-equality body.")
                )
            if self.yearly_meeting_target is None:
                self.yearly_meeting_target = 10
        elif self.body_form or self.budget is not None or self.yearly_meeting_target:
            errors.setdefault("body_form", []).append(
                BODY_FIELDS_ONLY_FOR_EQUALITY_BODY
            )
        if errors:
            raise ValidationError(errors)


class RemitTask(BaseModel):
    """One task in the gender-equality body's remit (reglemente)."""

    unit = models.ForeignKey(
        Unit, models.CASCADE, related_name="remit_tasks", verbose_name=_("body")
    )
    text = models.CharField(_("task"), max_length=400)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("remit task")
        verbose_name_plural = _("remit tasks")
        ordering = ["unit", "position", "pk"]

    def __str__(self) -> str:
        return self.text
