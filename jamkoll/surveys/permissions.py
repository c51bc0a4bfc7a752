"""Who may run the politician survey and read its results.

- Administrators and strategists create rounds, send links and reminders, close rounds,
  and read all results including free text (flagged as potentially identifying).
- Politicians read the suppressed results with breakdowns and may export them, but
  never free text.
- Readers and board politicians (nämndpolitiker: the survey is an organisation-wide
  matter, read as a reader) read the suppressed totals only (no breakdowns, no free
  text, no export).
- Managers have no access: the survey is the political body's own matter about the
  politicians' conditions, not something the administrations answer for.
Respondents need no account: they answer through their personal link.
"""

from django.db.models import QuerySet

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import CONTENT_ROLES, has_any_role, organisation_ids_of
from jamkoll.core.ownership import organisation_id_of
from jamkoll.surveys.models import QuestionVersion, Survey

RESULT_ROLES = frozenset(
    {Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN, Role.READER, Role.BOARD_POLITICIAN}
)
BREAKDOWN_ROLES = frozenset({Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN})


def surveys_visible_to(user: User) -> QuerySet[Survey]:
    """Rounds of every organisation where the user holds a role (others are 404)."""
    return Survey.objects.filter(organisation_id__in=organisation_ids_of(user))


def question_versions_visible_to(user: User) -> QuerySet[QuestionVersion]:
    """The question bank is shared by all organisations; anyone logged in may read it."""
    if not organisation_ids_of(user):
        return QuestionVersion.objects.none()
    return QuestionVersion.objects.all()


def can_view(user: User, obj: object) -> bool:
    """Survey rounds are listed for everyone holding a role but managers."""
    return has_any_role(user, organisation_id_of(obj), RESULT_ROLES)


def can_manage(user: User, obj: object) -> bool:
    """Rounds are created, sent, reminded and closed by administrators and strategists."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def can_view_breakdowns(user: User, obj: object) -> bool:
    """Results by sex and role level (suppressed) are read by the body's roles."""
    return has_any_role(user, organisation_id_of(obj), BREAKDOWN_ROLES)


def can_export(user: User, obj: object) -> bool:
    """The Excel export holds the breakdowns, so the same roles may download it."""
    return can_view_breakdowns(user, obj)


def can_view_free_text(user: User, obj: object) -> bool:
    """Free-text answers may identify someone: only administrators and strategists."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def can_edit_question_bank(user: User) -> bool:
    """Questions and new versions are written by an administrator or strategist."""
    return any(
        has_any_role(user, org_id, CONTENT_ROLES)
        for org_id in organisation_ids_of(user)
    )
