"""Indicators (Kolada and local), their values, goals and the action plan.

Sizing: :class:`Value` holds Kolada's public series and must reach national scale
(311 municipalities × 6 000 KPIs × 30 years × 3 genders ≈ 168 M rows), so its row
is kept narrow: small integers, foreign keys to small code tables and one composite
unique index that is also the upsert target. See ``docs/indicators-scale.md``.
"""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jamkoll.core.formatting import is_finite
from jamkoll.core.models import BaseModel
from jamkoll.core.tables import FileImport
from jamkoll.indicators.kolada import kpi_page_url

RIKET = "0000"
#: The CEMR charter asks for an action plan within two years of signing.
ACTION_PLAN_YEARS_AFTER_SIGNING = 2

LOCAL_CODE_TAKEN = _("The organisation already has a local indicator with this code.")
SUB_PERIOD_OUT_OF_RANGE = _("The sub-period is out of range for the period kind.")
VALUE_ONLY_FOR_LOCAL = _("Values can only be entered for local indicators.")
VALUE_NOT_FINITE = _("The value must be a finite number, such as 12,5.")


class Gender(models.TextChoices):
    """Kolada's codes: T total, K kvinnor (women), M män (men)."""

    TOTAL = "T", _("Total")
    WOMEN = "K", _("Women")
    MEN = "M", _("Men")


#: Highest sub-period per period kind (0: whole years only).
SUB_PERIODS = {"year": 0, "tertial": 3, "month": 12}


class Municipality(models.Model):
    """A Kolada municipality or region code (0000 is Riket, the whole country).

    A small code table so each value row carries a 2-byte id instead of a string.
    Reference data from Kolada, not an organisation's own data: no history.
    """

    id = models.SmallAutoField(primary_key=True)
    code = models.CharField(_("code"), max_length=4, unique=True)
    title = models.CharField(_("name"), max_length=120, blank=True)
    kind = models.CharField(_("type"), max_length=1, blank=True)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.title or self.code


class Indicator(BaseModel):
    """A Kolada KPI (e.g. N07609), shared by everyone, or an organisation's own."""

    class Source(models.TextChoices):
        KOLADA = "kolada", _("Kolada")
        LOCAL = "local", _("Local")

    class PeriodKind(models.TextChoices):
        YEAR = "year", _("Year")
        TERTIAL = "tertial", _("Tertial")
        MONTH = "month", _("Month")

    id = models.AutoField(primary_key=True)
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_split_by_sex = models.BooleanField(_("split by sex"), default=True)
    source = models.CharField(_("source"), max_length=8, choices=Source)
    period_kind = models.CharField(
        _("period"), max_length=8, choices=PeriodKind, default=PeriodKind.YEAR
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("organisation"),
        help_text=_("Only for local indicators; Kolada indicators are shared."),
    )
    #: Set for indicators created from demo data; the UI says so.
    is_demo = models.BooleanField(_("demo data"), default=False)
    #: Gaps smaller than this (in the indicator's unit) count as no change.
    stable_threshold = models.FloatField(_("threshold for a stable gap"), default=0.5)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(organisation__isnull=True),
                name="indicator_unique_shared_code",
            ),
            models.UniqueConstraint(
                fields=["organisation", "code"],
                condition=Q(organisation__isnull=False),
                name="indicator_unique_local_code",
                violation_error_message=LOCAL_CODE_TAKEN,
            ),
            models.CheckConstraint(
                condition=(Q(source="kolada") & Q(organisation__isnull=True))
                | (Q(source="local") & Q(organisation__isnull=False)),
                name="indicator_local_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("indicators:detail", args=[self.pk])

    @property
    def is_kolada(self) -> bool:
        return self.source == self.Source.KOLADA

    @property
    def difference_unit(self) -> str:
        """The unit of a difference of two figures: percentage points for a share."""
        return str(_("percentage points")) if self.unit.strip() == "%" else self.unit

    @property
    def kolada_url(self) -> str:
        """The KPI's public page on kolada.se; "" for a local indicator."""
        return kpi_page_url(self.code) if self.is_kolada else ""


class Value(models.Model):
    """One Kolada figure: KPI × municipality × year × gender (``None`` = missing).

    Deliberately narrow (no timestamps, no history): 168 M rows at national scale.
    Provenance lives in :class:`ImportRun`.
    """

    id = models.BigAutoField(primary_key=True)
    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    municipality = models.ForeignKey(
        Municipality,
        models.PROTECT,
        related_name="values",
        verbose_name=_("municipality"),
    )
    period = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(_("gender"), max_length=1, choices=Gender)
    value = models.FloatField(_("value"), null=True, blank=True)

    class Meta:
        verbose_name = _("Kolada value")
        verbose_name_plural = _("Kolada values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "municipality", "period", "gender"],
                name="value_unique_point",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=["T", "K", "M"]), name="value_gender_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.municipality_id}/{self.period}/{self.gender}"


class LocalValue(BaseModel):
    """A figure of a local indicator for the organisation or one of its units.

    ``sub_period`` is 0 for a whole year, 1–3 for a tertial, 1–12 for a month.
    """

    indicator = models.ForeignKey(
        Indicator,
        models.CASCADE,
        related_name="local_values",
        verbose_name=_("indicator"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="local_values",
        verbose_name=_("organisation"),
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="local_values",
        verbose_name=_("unit"),
    )
    period = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2200)]
    )
    sub_period = models.PositiveSmallIntegerField(
        _("tertial or month"), default=0, validators=[MaxValueValidator(12)]
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Gender)
    value = models.FloatField(_("value"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("local value")
        verbose_name_plural = _("local values")
        ordering = ["indicator", "period", "sub_period", "gender"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "period", "sub_period", "gender"],
                condition=Q(unit__isnull=False),
                name="local_value_unique_unit_point",
            ),
            models.UniqueConstraint(
                fields=["indicator", "organisation", "period", "sub_period", "gender"],
                condition=Q(unit__isnull=True),
                name="local_value_unique_organisation_point",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=["T", "K", "M"]), name="local_value_gender_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.period}/{self.sub_period}/{self.gender}"

    def clean(self) -> None:
        if self.indicator_id is None:
            return
        if self.indicator.source != Indicator.Source.LOCAL:
            raise ValidationError(VALUE_ONLY_FOR_LOCAL)
        if self.value is not None and not is_finite(self.value):
            raise ValidationError({"value": VALUE_NOT_FINITE})
        highest = SUB_PERIODS[self.indicator.period_kind]
        low = 0 if highest == 0 else 1
        if not low <= self.sub_period <= highest:
            raise ValidationError({"sub_period": SUB_PERIOD_OUT_OF_RANGE})


class ComparisonGroup(BaseModel):
    """Municipalities an organisation compares itself with (e.g. similar size)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="comparison_groups",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=120)
    municipalities = models.ManyToManyField(
        Municipality, related_name="comparison_groups", verbose_name=_("municipalities")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comparison group")
        verbose_name_plural = _("comparison groups")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"], name="comparison_group_one_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ImportRun(BaseModel):
    """One Kolada import: what was asked, how far it got, what went wrong.

    ``done_batches`` lists the first-page URLs (one per batch of at most 25 ids)
    already stored, so a partial run resumes where it stopped.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        PARTIAL = "partial", _("Partly done")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="import_runs",
        verbose_name=_("organisation"),
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status, default=Status.PENDING
    )
    kpis = models.JSONField(_("KPIs"), default=list)
    municipalities = models.JSONField(_("municipalities"), default=list)
    years = models.JSONField(_("years"), default=list)
    base_url = models.URLField(_("Kolada address"), max_length=300)
    batches_total = models.PositiveIntegerField(_("batches"), default=0)
    done_batches = models.JSONField(_("batches done"), default=list, blank=True)
    values_saved = models.PositiveIntegerField(_("values saved"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Kolada import")
        verbose_name_plural = _("Kolada imports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["pending", "running", "done", "partial", "failed"]
                ),
                name="import_run_status_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.pk}: {', '.join(self.kpis)}"

    def get_absolute_url(self) -> str:
        return reverse("indicators:import_detail", args=[self.pk])

    @property
    def batches_done(self) -> int:
        return len(self.done_batches)

    @property
    def percent(self) -> int:
        if not self.batches_total:
            return 100 if self.status == self.Status.DONE else 0
        return round(100 * self.batches_done / self.batches_total)

    @property
    def is_active(self) -> bool:
        return self.status in {self.Status.PENDING, self.Status.RUNNING}

    @property
    def can_resume(self) -> bool:
        return self.status in {self.Status.PARTIAL, self.Status.FAILED}


class LocalImport(FileImport):
    """A local indicator's figures imported from a file in the background (large
    files): progress and the refused rows, shown on ``indicators:local_import_detail``."""

    indicator = models.ForeignKey(
        Indicator,
        models.CASCADE,
        related_name="file_imports",
        verbose_name=_("indicator"),
    )

    class Meta(FileImport.Meta):
        verbose_name = _("local figures import")
        verbose_name_plural = _("local figures imports")

    def get_absolute_url(self) -> str:
        return reverse("indicators:local_import_detail", args=[self.pk])


# --------------------------------------------------------------------------
# Goals and the action plan (fixed catalogues, local goals, actions)
# --------------------------------------------------------------------------


def _english_page() -> bool:
    return (get_language() or "").startswith("en")


class CatalogueEntry:
    """Naming shared by the fixed catalogues: a numbered entry whose title may rest
    on an unconfirmed source, then shown marked "(ej bekräftad)" wherever it appears."""

    number: int
    is_confirmed: bool

    @property
    def title(self) -> str:
        """The title in the page's language; each catalogue model defines it (the
        mixin cannot be an ABC beside Django's model metaclass)."""
        raise NotImplementedError

    @property
    def display_title(self) -> str:
        """The title, marked "(ej bekräftad)" while the source is unconfirmed."""
        if self.is_confirmed:
            return self.title
        return f"{self.title} ({gettext('unconfirmed')})"

    @property
    def label(self) -> str:
        """How the entry is named in lists and choices: "3. Title (ej bekräftad)"."""
        return f"{self.number}. {self.display_title}"

    def __str__(self) -> str:
        return self.label


class NationalGoal(CatalogueEntry, models.Model):
    """One of the six national gender-equality sub-goals (jämställdhetspolitiska delmål)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    source = models.TextField(_("source"))
    is_confirmed = models.BooleanField(_("confirmed"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("national sub-goal")
        verbose_name_plural = _("national sub-goals")
        ordering = ["number"]

    @property
    def title(self) -> str:
        """The title in the page's language (Swedish unless English is chosen)."""
        if _english_page():
            return self.title_en or self.title_sv
        return self.title_sv


class CharterArticle(CatalogueEntry, models.Model):
    """An article of the CEMR European Charter for Equality of Women and Men in Local Life."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    area_en = models.CharField(_("area (English)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=200)
    area_sv = models.CharField(_("area (Swedish)"), max_length=120, blank=True)
    title_sv = models.CharField(_("title (Swedish)"), max_length=200, blank=True)
    source = models.TextField(_("source"))
    is_confirmed = models.BooleanField(_("confirmed"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("CEMR charter article")
        verbose_name_plural = _("CEMR charter articles")
        ordering = ["number"]

    @property
    def title(self) -> str:
        """The title in the page's language. A Swedish page never shows English: the
        Swedish title, else the Swedish area name (an article without a title of
        its own goes by its section's heading), else "Artikel N"."""
        if _english_page():
            return self.title_en or self.title_sv
        return (
            self.title_sv
            or self.area_sv
            or gettext("Article %(number)s") % {"number": self.number}
        )

    @property
    def area(self) -> str:
        """The area (section of the charter) in the page's language."""
        if _english_page():
            return self.area_en or self.area_sv
        return self.area_sv


class CharterSignature(BaseModel):
    """When the organisation signed the CEMR charter (deadline for the action plan)."""

    organisation = models.OneToOneField(
        "organisations.Organisation",
        models.CASCADE,
        related_name="charter_signature",
        verbose_name=_("organisation"),
    )
    signed_on = models.DateField(_("signed on"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("CEMR signature")
        verbose_name_plural = _("CEMR signatures")

    def __str__(self) -> str:
        return str(self.signed_on)

    @property
    def action_plan_due_on(self) -> dt.date:
        """Two years after signing; 29 February falls back to 28 February."""
        signed = self.signed_on
        year = signed.year + ACTION_PLAN_YEARS_AFTER_SIGNING
        try:
            return signed.replace(year=year)
        except ValueError:
            return signed.replace(year=year, day=28)


class Goal(BaseModel):
    """A local gender-equality goal, tagged to sub-goals and charter articles."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="equality_goals",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    national_goals = models.ManyToManyField(
        NationalGoal,
        blank=True,
        related_name="goals",
        verbose_name=_("national sub-goals"),
    )
    articles = models.ManyToManyField(
        CharterArticle,
        blank=True,
        related_name="goals",
        verbose_name=_("CEMR articles"),
    )
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="goals", verbose_name=_("indicators")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("indicators:goal_detail", args=[self.pk])


class Action(BaseModel):
    """An action in the gender-equality action plan (handlingsplan)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", pgettext_lazy("action status", "In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="equality_actions",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="equality_actions",
        verbose_name=_("responsible unit"),
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    goals = models.ManyToManyField(
        Goal, blank=True, related_name="actions", verbose_name=_("goals")
    )
    national_goals = models.ManyToManyField(
        NationalGoal,
        blank=True,
        related_name="actions",
        verbose_name=_("national sub-goals"),
    )
    articles = models.ManyToManyField(
        CharterArticle,
        blank=True,
        related_name="actions",
        verbose_name=_("CEMR articles"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["due_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="action_progress_at_most_100"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "in_progress", "done", "cancelled"]),
                name="action_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("indicators:action_detail", args=[self.pk])

    def is_overdue(self, *, today: dt.date) -> bool:
        return self.status not in {self.Status.DONE, self.Status.CANCELLED} and (
            self.due_on < today
        )


class Milestone(BaseModel):
    """A step of an action with its own date."""

    action = models.ForeignKey(
        Action, models.CASCADE, related_name="milestones", verbose_name=_("action")
    )
    title = models.CharField(_("title"), max_length=200)
    due_on = models.DateField(_("due date"))
    is_done = models.BooleanField(_("done"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "title"]

    def __str__(self) -> str:
        return self.title
