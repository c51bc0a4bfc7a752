import pytest

from jamkoll.accounts.models import Role
from jamkoll.reports import permissions
from jamkoll.reports.models import YearlyReport

ALLOWED = {
    "view": {
        Role.ADMIN,
        Role.STRATEGIST,
        Role.POLITICIAN,
        Role.MANAGER,
        Role.READER,
        # The yearly report is the organisation's: a board politician reads it.
        Role.BOARD_POLITICIAN,
    },
    "edit": {Role.ADMIN, Role.STRATEGIST},
    "change_status": {Role.ADMIN, Role.STRATEGIST},
    "download": {Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN},
    "view_history": {Role.ADMIN, Role.STRATEGIST},
    # Adoption belongs to the body: a strategist or the chair (test_adoption.py).
    "adopt": {Role.STRATEGIST},
    "manage_template": {Role.ADMIN, Role.STRATEGIST},
}


@pytest.mark.parametrize("action", sorted(ALLOWED))
@pytest.mark.parametrize("role", list(Role))
def test_role_may_act_on_its_own_organisations_report(world, role, action):
    report = YearlyReport.objects.create(organisation=world.own.organisation, year=2026)
    check = getattr(permissions, f"can_{action}")
    assert check(world.user(role), report) is (role in ALLOWED[action])


@pytest.mark.parametrize("action", sorted(ALLOWED))
def test_nobody_acts_on_another_organisations_report(world, action):
    report = YearlyReport.objects.create(organisation=world.own.organisation, year=2026)
    assert getattr(permissions, f"can_{action}")(world.outsider, report) is False


def test_an_adopted_report_cannot_be_edited_even_by_an_administrator(world):
    report = YearlyReport.objects.create(
        organisation=world.own.organisation,
        year=2026,
        status=YearlyReport.Status.ADOPTED,
    )
    assert permissions.can_edit(world.user(Role.ADMIN), report) is False
    assert permissions.can_download(world.user(Role.ADMIN), report) is True


def test_reports_visible_to_hides_other_organisations(world):
    own = YearlyReport.objects.create(organisation=world.own.organisation, year=2026)
    YearlyReport.objects.create(organisation=world.other.organisation, year=2026)
    assert list(permissions.reports_visible_to(world.user(Role.READER))) == [own]
