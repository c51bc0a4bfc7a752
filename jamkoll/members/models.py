"""People, parties, terms (mandatperiod) and mandates (Membership)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jamkoll.core.models import BaseModel

TERM_END_BEFORE_START = _("The term cannot end before it starts.")
MANDATE_END_BEFORE_START = _("A mandate cannot end before it starts.")
MANDATE_OUTSIDE_TERM = _("The mandate's dates must lie within the term.")
SECOND_CHAIR = _("The body already has a chair for this term: %(name)s.")
SECOND_VICE_CHAIR = _("The body already has a vice chair for this term: %(name)s.")
DIFFERENT_ORGANISATION = _(
    "The person, the body and the term must belong to the same organisation."
)
ADMINISTRATION_HAS_NO_MANDATES = _("Administrations have no elected members.")


class Sex(models.TextChoices):
    """Recorded only for representation statistics (3R)."""

    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other")
    NOT_STATED = "not_stated", _("Not stated")


class Party(BaseModel):
    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="parties",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=80)
    abbreviation = models.CharField(_("abbreviation"), max_length=10)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "abbreviation"],
                name="party_unique_abbreviation_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.abbreviation


class Term(BaseModel):
    """A mandate period (mandatperiod), normally four years from 15 October."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="terms",
        verbose_name=_("organisation"),
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="term_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["organisation", "starts_on"], name="term_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on.year}–{self.ends_on.year}"

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": TERM_END_BEFORE_START})


class Person(BaseModel):
    """A politician or official. Fictional in the demo data."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="people",
        verbose_name=_("organisation"),
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    sex = models.CharField(_("sex"), max_length=12, choices=Sex, default=Sex.NOT_STATED)
    party = models.ForeignKey(
        Party,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("party"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        "accounts.User",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("user account"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=Q(user__isnull=False),
                name="person_one_per_user_and_organisation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def get_absolute_url(self) -> str:
        return reverse("members:person_detail", args=[self.pk])

    def clean(self) -> None:
        if self.party_id and self.party.organisation_id != self.organisation_id:
            raise ValidationError({"party": DIFFERENT_ORGANISATION})


class MembershipQuerySet(models.QuerySet["Membership"]):
    def in_term(self, term: Term) -> "MembershipQuerySet":
        return self.filter(term=term)

    def ordinary(self) -> "MembershipQuerySet":
        """Chairs, vice chairs and members (everyone but substitutes)."""
        return self.exclude(role=Membership.Role.SUBSTITUTE)


class Membership(BaseModel):
    """A mandate: a person's seat in a body for a term, with a role."""

    @property
    def owner_organisation_id(self) -> int:
        return self.unit.organisation_id

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice chair")
        MEMBER = "member", _("Member")
        SUBSTITUTE = "substitute", _("Substitute")

    person = models.ForeignKey(
        Person, models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.CASCADE,
        related_name="memberships",
        verbose_name=_("body"),
    )
    term = models.ForeignKey(
        Term, models.PROTECT, related_name="memberships", verbose_name=_("term")
    )
    role = models.CharField(_("role"), max_length=12, choices=Role, default=Role.MEMBER)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["unit", "role", "person__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="membership_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(role__in=["chair", "vice_chair", "member", "substitute"]),
                name="membership_role_valid",
            ),
            models.UniqueConstraint(
                fields=["unit", "term"],
                condition=Q(role="chair", ends_on__isnull=True),
                name="membership_one_current_chair_per_term",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()}, {self.unit}"

    def clean(self) -> None:
        errors: dict[str, list] = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors.setdefault("ends_on", []).append(MANDATE_END_BEFORE_START)
        if self.person_id and self.unit_id and self.term_id:
            org_ids = {
                self.person.organisation_id,
                self.unit.organisation_id,
                self.term.organisation_id,
            }
            if len(org_ids) > 1:
                errors.setdefault("unit", []).append(DIFFERENT_ORGANISATION)
            if self.unit.kind == "administration":
                errors.setdefault("unit", []).append(ADMINISTRATION_HAS_NO_MANDATES)
            if self.starts_on and (
                self.starts_on < self.term.starts_on
                or self.starts_on > self.term.ends_on
                or (self.ends_on and self.ends_on > self.term.ends_on)
            ):
                errors.setdefault("starts_on", []).append(MANDATE_OUTSIDE_TERM)
            for role, message in (
                (self.Role.CHAIR, SECOND_CHAIR),
                (self.Role.VICE_CHAIR, SECOND_VICE_CHAIR),
            ):
                if self.role != role or self.ends_on is not None:
                    continue
                other = (
                    Membership.objects.filter(
                        unit_id=self.unit_id,
                        term_id=self.term_id,
                        role=role,
                        ends_on__isnull=True,
                    )
                    .exclude(pk=self.pk)
                    .select_related("person")
                    .first()
                )
                if other is not None:
                    errors.setdefault("role", []).append(
                        message % {"name": str(other.person)}
                    )
        if errors:
            raise ValidationError(errors)
