"""Document reviews (granskningar) against versioned checklists, with the reader's
automatic analysis and the development needs (utvecklingsbehov) they reveal."""

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

UNIT_IN_OTHER_ORGANISATION = _("The unit must belong to the review's organisation.")
CHECKLIST_OF_OTHER_ORGANISATION = _("The checklist belongs to another organisation.")
ANSWER_NOT_ALLOWED = _("This answer is not allowed for the criterion.")
UNIT_OF_OTHER_BOARD = _(
    "You can only choose your own board, its administration or its companies."
)


class Detector(models.TextChoices):
    """The reader's detectors (the label names of its evaluation set)."""

    SEXDISAGG = "sexdisagg_stats", _("Sex-disaggregated statistics")
    GENDERBLIND = "genderblind_stats", _("Statistics about people not split by sex")
    IMPACT = "gender_impact_analysis", _("Analysis of consequences for women and men")
    GOALS = "equality_goals", _("References to gender-equality goals")


class AnswerType(models.TextChoices):
    YES_NO = "yes_no", _("Yes / partly / no / not relevant")
    SCORE = "score", _("Score 1–4")


class AnswerValue(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    NOT_RELEVANT = "not_relevant", _("Not relevant")
    SCORE_1 = "1", _("1 – not started")
    SCORE_2 = "2", _("2 – started")
    SCORE_3 = "3", _("3 – established")
    SCORE_4 = "4", _("4 – integrated in the ordinary work")


YES_NO_VALUES = frozenset({"yes", "partly", "no", "not_relevant"})
SCORE_VALUES = frozenset({"1", "2", "3", "4"})


def values_for(answer_type: str) -> frozenset[str]:
    """The answer values allowed for an answer type."""
    return SCORE_VALUES if answer_type == AnswerType.SCORE else YES_NO_VALUES


def choices_for(answer_type: str) -> list[tuple[str, str]]:
    allowed = values_for(answer_type)
    return [(v, label) for v, label in AnswerValue.choices if v in allowed]


class Checklist(BaseModel):
    """A named set of criteria. Shipped checklists have no organisation and are
    shared by all; strategists add their own."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        null=True,
        blank=True,
        related_name="checklists",
        verbose_name=_("organisation"),
    )
    key = models.SlugField(_("key"), max_length=40, blank=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    has_decision_outcome = models.BooleanField(
        _("has a decision outcome"),
        default=False,
        help_text=_(
            "For decision documents: can be decided, send back, or decide with a "
            "protocol remark."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reviews:checklist_detail", args=[self.pk])


class ChecklistVersion(BaseModel):
    """A frozen set of criteria; a review keeps the version it was made with."""

    checklist = models.ForeignKey(
        Checklist,
        models.CASCADE,
        related_name="versions",
        verbose_name=_("checklist"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    answer_type = models.CharField(
        _("answer type"), max_length=10, choices=AnswerType, default=AnswerType.YES_NO
    )
    note = models.CharField(_("what changed"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("checklist version")
        verbose_name_plural = _("checklist versions")
        ordering = ["checklist", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["checklist", "number"], name="checklistversion_unique_number"
            )
        ]

    def __str__(self) -> str:
        return _("%(name)s, version %(number)s") % {
            "name": self.checklist.name,
            "number": self.number,
        }


class Criterion(BaseModel):
    """One point of a checklist version."""

    version = models.ForeignKey(
        ChecklistVersion,
        models.CASCADE,
        related_name="criteria",
        verbose_name=_("checklist version"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    code = models.CharField(_("code"), max_length=12)
    text = models.CharField(_("criterion"), max_length=300)
    help = models.TextField(_("guidance"), blank=True)
    detector = models.CharField(
        _("suggested by the reader's detector"),
        max_length=32,
        choices=Detector,
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["version", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="criterion_unique_code_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class DocumentType(models.TextChoices):
    OPERATING_PLAN = "operating_plan", _("Operating plan")
    BUDGET = "budget", _("Budget")
    TERTIAL_REPORT = "tertial_report", _("Tertial report")
    INTERIM_REPORT = "interim_report", _("Interim report")
    ANNUAL_REPORT = "annual_report", _("Annual report")
    POLICY = "policy", _("Policy or programme")
    DECISION_DOCUMENT = "decision_document", _("Officer's report / decision document")
    SELF_ASSESSMENT = "self_assessment", _("Self-assessment (no document)")


# The board's own steering documents, reviewed with `styrdokument` year over year.
STEERING_DOCUMENT_TYPES = (
    DocumentType.OPERATING_PLAN,
    DocumentType.BUDGET,
    DocumentType.TERTIAL_REPORT,
    DocumentType.INTERIM_REPORT,
    DocumentType.ANNUAL_REPORT,
)

DOCUMENT_DIR = "reviews"


def document_path(instance: "Review", filename: str) -> str:
    """A random name with the detected kind's extension (`core.uploads.stored_name`);
    the original name is kept in the row, never on disk."""
    return uploads.storage_path(DOCUMENT_DIR, filename)


class Review(BaseModel):
    """A review (granskning) of a steering or decision document against a checklist."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    class Outcome(models.TextChoices):
        CAN_BE_DECIDED = "can_be_decided", _("Can be decided")
        SEND_BACK = "send_back", _("Send back (återremiss)")
        DECIDE_WITH_REMARK = (
            "decide_with_remark",
            _("Decide with a protocol remark and a later report back"),
        )

    organisation = models.ForeignKey(
        "organisations.Organisation",
        models.CASCADE,
        related_name="reviews",
        verbose_name=_("organisation"),
    )
    checklist_version = models.ForeignKey(
        ChecklistVersion,
        models.PROTECT,
        related_name="reviews",
        verbose_name=_("checklist"),
    )
    title = models.CharField(_("document title"), max_length=200)
    document_type = models.CharField(
        _("document type"), max_length=20, choices=DocumentType
    )
    unit = models.ForeignKey(
        "organisations.Unit",
        models.PROTECT,
        related_name="reviews",
        verbose_name=_("owning unit"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    reviewer = models.ForeignKey(
        "accounts.User",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("reviewer"),
    )
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    document_reference = models.CharField(
        _("document reference"),
        max_length=300,
        blank=True,
        help_text=_("Where the document can be found, when it is not uploaded."),
    )
    document = models.FileField(
        _("document"), upload_to=document_path, blank=True, max_length=200
    )
    original_filename = models.CharField(
        _("original file name"), max_length=200, blank=True
    )
    findings = models.TextField(_("findings"), blank=True)
    outcome = models.CharField(
        pgettext_lazy("review", "outcome"), max_length=20, choices=Outcome, blank=True
    )
    # The board meeting where a decision document's case is decided (issue 13).
    meeting_on = models.DateField(
        _("decided at the meeting on"),
        null=True,
        blank=True,
        help_text=_("The date of the board meeting where the case is decided."),
    )
    paragraph = models.CharField(
        _("paragraph"),
        max_length=20,
        blank=True,
        help_text=_("The paragraph in the minutes, e.g. § 45."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status, default=Status.IN_PROGRESS
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["in_progress", "done"]),
                name="review_status_valid",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reviews:detail", args=[self.pk])

    def clean(self) -> None:
        if self.unit_id and self.unit.organisation_id != self.organisation_id:
            raise ValidationError({"unit": UNIT_IN_OTHER_ORGANISATION})
        if self.checklist_version_id:
            owner = self.checklist_version.checklist.organisation_id
            if owner is not None and owner != self.organisation_id:
                raise ValidationError(
                    {"checklist_version": CHECKLIST_OF_OTHER_ORGANISATION}
                )


# Development needs found in a review are `meetings.DevelopmentNeed` rows whose
# `source_ref` names the review.
REVIEW_SOURCE_PREFIX = "reviews.review:"


def source_ref_of(review: Review) -> str:
    return f"{REVIEW_SOURCE_PREFIX}{review.pk}"


class Answer(BaseModel):
    """The answer to one criterion: the reader's suggestion and the reviewer's call,
    kept apart so it is visible where the person overrode the machine."""

    review = models.ForeignKey(
        Review, models.CASCADE, related_name="answers", verbose_name=_("review")
    )
    criterion = models.ForeignKey(
        Criterion, models.PROTECT, related_name="answers", verbose_name=_("criterion")
    )
    suggested = models.CharField(
        _("suggested answer"), max_length=12, choices=AnswerValue, blank=True
    )
    suggested_evidence = models.TextField(_("suggested evidence"), blank=True)
    value = models.CharField(
        _("answer"), max_length=12, choices=AnswerValue, blank=True
    )
    comment = models.TextField(_("comment"), blank=True)
    evidence = models.TextField(_("evidence"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["criterion__position", "criterion__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"], name="answer_unique_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.value or '–'}"

    def clean(self) -> None:
        allowed = values_for(self.criterion.version.answer_type)
        for name in ("value", "suggested"):
            current = getattr(self, name)
            if current and current not in allowed:
                raise ValidationError({name: ANSWER_NOT_ALLOWED})

    @property
    def is_overridden(self) -> bool:
        return bool(self.suggested and self.value and self.suggested != self.value)


class Analysis(BaseModel):
    """One automatic reading of a review's document, run in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    review = models.ForeignKey(
        Review, models.CASCADE, related_name="analyses", verbose_name=_("review")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (percent)"), default=0)
    pages_read = models.PositiveIntegerField(_("pages read"), default=0)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    error_message = models.TextField(_("error message"), blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"{self.review_id}: {self.status}"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}


class AnalysisFinding(models.Model):
    """One piece of evidence the reader found (no history: the analysis is immutable)."""

    analysis = models.ForeignKey(
        Analysis, models.CASCADE, related_name="findings", verbose_name=_("analysis")
    )
    position = models.PositiveIntegerField(_("position"))
    detector = models.CharField(_("detector"), max_length=32, choices=Detector)
    page = models.PositiveIntegerField(_("page"))
    section = models.CharField(_("section"), max_length=300, blank=True)
    quote = models.TextField(_("quote"))
    rule = models.CharField(_("rule"), max_length=80)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["analysis", "position"]

    def __str__(self) -> str:
        return f"{self.detector} p. {self.page}"
