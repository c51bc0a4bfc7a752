"""Who may read, write, adopt and download the yearly report.

- Everyone holding a role in the organisation may read the report page.
- Administrators and strategists write it (introduction, the chair's words,
  development areas) and move it through its statuses.
- Adoption (fastställande) belongs to the body: its chair or a strategist records at
  which meeting paragraph the body adopted the report. Administrators, other
  politicians, managers and readers do not.
- Administrators and strategists choose the organisation's Word template.
- Administrators, strategists and politicians may generate and download the Word and
  PDF files: the documents go to the executive board in the body's name. Managers and
  readers see the page but do not produce the documents.
"""

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import (
    ALL_ROLES,
    BODY_ROLES,
    CONTENT_ROLES,
    has_any_role,
    organisation_ids_of,
)
from jamkoll.core.ownership import organisation_id_of
from jamkoll.members import selectors as members
from jamkoll.organisations.models import Organisation
from jamkoll.reports.models import AreaFollowUp, DevelopmentArea, YearlyReport


def can_view(user: User, obj: Organisation | YearlyReport | DevelopmentArea) -> bool:
    """The report is read by everyone holding a role in its organisation."""
    return has_any_role(user, organisation_id_of(obj), ALL_ROLES)


def can_edit(user: User, obj: Organisation | YearlyReport | DevelopmentArea) -> bool:
    """Administrators and strategists write the report while it is not adopted."""
    if not has_any_role(user, organisation_id_of(obj), CONTENT_ROLES):
        return False
    report = obj.report if isinstance(obj, DevelopmentArea) else obj
    return not (isinstance(report, YearlyReport) and report.is_locked)


def can_change_status(user: User, obj: Organisation | YearlyReport) -> bool:
    """Administrators and strategists move the report between draft and ready; adopting
    it (fastställd) is `can_adopt`."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def chairs_the_body(
    user: User, organisation_id: int | None, today: dt.date | None = None
) -> bool:
    """Whether `user` is a politician of the organisation who chairs (is ordförande
    of) its gender-equality body today, through a current chair mandate."""
    if not has_any_role(user, organisation_id, {Role.POLITICIAN}):
        return False
    return members.chairs_equality_body(
        user, organisation_id, today or timezone.localdate()
    )


def can_adopt(user: User, obj: Organisation | YearlyReport) -> bool:
    """The body's chair or a strategist records that the body adopted the report."""
    organisation_id = organisation_id_of(obj)
    if isinstance(obj, YearlyReport) and obj.is_locked:
        return False
    return has_any_role(user, organisation_id, {Role.STRATEGIST}) or chairs_the_body(
        user, organisation_id
    )


def can_manage_template(user: User, obj: Organisation) -> bool:
    """Administrators and strategists upload and remove the Word template."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def can_download(user: User, obj: Organisation | YearlyReport) -> bool:
    """Administrators, strategists and politicians generate the Word and PDF files."""
    return has_any_role(user, organisation_id_of(obj), BODY_ROLES)


def can_view_history(user: User, obj: Organisation | YearlyReport) -> bool:
    """The versions of a report are read by those who write it."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def can_record_decision(user: User, obj: Organisation | YearlyReport) -> bool:
    """Administrators and strategists record what KS or KF decided on the proposed
    development areas, and finish their follow-up (uppföljning)."""
    return has_any_role(user, organisation_id_of(obj), CONTENT_ROLES)


def reports_visible_to(user: User) -> QuerySet[YearlyReport]:
    return YearlyReport.objects.filter(organisation_id__in=organisation_ids_of(user))


def development_areas_visible_to(user: User) -> QuerySet[DevelopmentArea]:
    return DevelopmentArea.objects.filter(
        report__organisation_id__in=organisation_ids_of(user)
    ).select_related("report", "unit")


def follow_ups_visible_to(user: User) -> QuerySet[AreaFollowUp]:
    return AreaFollowUp.objects.filter(
        area__report__organisation_id__in=organisation_ids_of(user)
    ).select_related("area__report", "unit", "responsible", "decision")
