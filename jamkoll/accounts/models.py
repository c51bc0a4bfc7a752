"""Users and their roles per organisation."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jamkoll.core.models import BaseModel


class User(AbstractUser):
    """A person who logs in. Roles are held per organisation (RoleAssignment)."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    STRATEGIST = "strategist", _("Strategist")
    POLITICIAN = "politician", _("Politician")
    MANAGER = "manager", _("Manager")
    READER = "reader", _("Reader")
    BOARD_POLITICIAN = "board_politician", _("Board politician")


class RoleAssignment(BaseModel):
    """A role a user holds in one organisation. A manager's role names the units
    they answer for; a board politician's role may name the boards they act for
    (besides the boards of their current mandates, see `roles.board_ids`)."""

    user = models.ForeignKey(
        User,
        models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role)
    units = models.ManyToManyField(
        "organisations.Unit",
        blank=True,
        related_name="manager_assignments",
        verbose_name=_("units answered for"),
        help_text=_(
            "For managers: the boards, administrations or companies they answer for. "
            "For board politicians: the boards they act for, besides their mandates."
        ),
    )
    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                name="roleassignment_unique_role_per_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values),
                name="roleassignment_role_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.organisation_id})"
