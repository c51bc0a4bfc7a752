"""The dashboard gathers what each domain app says needs the user's attention."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import roles_in
from jamkoll.organisations.models import Organisation, Unit


@dataclass
class Item:
    text: str
    url: str
    note: str = ""


@dataclass
class Panel:
    """One box on the dashboard; `empty` explains what to do when there are no items."""

    title: str
    items: list[Item] = field(default_factory=list)
    empty: str = ""
    action_url: str = ""
    action_label: str = ""


def attention(*, user: User, organisation: Organisation) -> list[Panel]:
    roles = roles_in(user, organisation.pk)
    panels: list[Panel] = []
    panels.extend(_structure_panels(organisation=organisation, roles=roles))
    panels.extend(
        _result_request_panels(user=user, organisation=organisation, roles=roles)
    )
    panels.extend(_minutes_panels(user=user, organisation=organisation, roles=roles))
    panels.extend(_meeting_panels(user=user, organisation=organisation, roles=roles))
    panels.extend(_case_panels(organisation=organisation, roles=roles))
    panels.extend(_review_panels(organisation=organisation, roles=roles))
    panels.extend(_survey_panels(organisation=organisation, roles=roles))
    return panels


def _survey_panels(*, organisation: Organisation, roles: frozenset[str]) -> list[Panel]:
    """Open and unsent rounds of the politician survey, for those who run it."""
    from jamkoll.surveys.selectors import dashboard_panels

    return [
        Panel(
            title=p["title"],
            items=[Item(text, url, note) for text, url, note in p["items"]],
            empty=p["empty"],
            action_url=p["action_url"],
            action_label=p["action_label"],
        )
        for p in dashboard_panels(organisation=organisation, roles=roles)
    ]


def _structure_panels(
    *, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    if not roles & {Role.ADMIN, Role.STRATEGIST}:
        return []
    missing = []
    kinds = set(Unit.objects.of(organisation).values_list("kind", flat=True))
    if Unit.Kind.EQUALITY_BODY not in kinds:
        missing.append(
            Item(
                _("Register the gender-equality body"),
                reverse("organisations:unit_create"),
            )
        )
    if Unit.Kind.BOARD not in kinds:
        missing.append(
            Item(_("Register the boards"), reverse("organisations:unit_create"))
        )
    return [
        Panel(
            title=_("The organisation"),
            items=missing,
            empty=_("The organisation's structure is in place."),
        )
    ]


def _result_request_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    """Demands: awaiting assessment and overdue (the body), to answer (managers)."""
    from jamkoll.result_requests.selectors import dashboard_panels

    return [
        Panel(
            title=p["title"],
            items=[Item(text, url, note) for text, url, note in p["items"]],
            empty=p["empty"],
            action_url=p["action_url"],
            action_label=p["action_label"],
        )
        for p in dashboard_panels(user=user, organisation=organisation, roles=roles)
    ]


def _review_panels(*, organisation: Organisation, roles: frozenset[str]) -> list[Panel]:
    """Document reviews still in progress, for those who carry them out."""
    if not roles & {Role.ADMIN, Role.STRATEGIST}:
        return []
    from jamkoll.reviews import selectors as reviews

    in_progress = list(reviews.reviews_in_progress(organisation=organisation)[:10])
    return [
        Panel(
            title=str(reviews.IN_PROGRESS_TITLE),
            items=[
                Item(r.title, r.get_absolute_url(), f"{r.unit.name}, {r.year}")
                for r in in_progress
            ],
            empty=str(reviews.IN_PROGRESS_EMPTY),
            action_url="/granskningar/ny/",
            action_label=str(reviews.IN_PROGRESS_ACTION),
        )
    ]


def _meeting_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    """The body's next meetings, for everyone on the body's side."""
    if not roles & {Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN}:
        return []
    from django.utils import timezone

    from jamkoll.meetings.permissions import meetings_visible_to

    upcoming = (
        meetings_visible_to(user)
        .filter(organisation=organisation, held_on__gte=timezone.localdate())
        .select_related("body", "counterpart")
        .order_by("held_on", "starts_at")[:3]
    )
    return [
        Panel(
            title=_("Coming meetings"),
            items=[
                Item(
                    str(m.title or m.get_kind_display()),
                    m.get_absolute_url(),
                    date_format(m.held_on),
                )
                for m in upcoming
            ],
            empty=_(
                "No meetings are planned. Plan the year's meetings under Meetings."
            ),
            action_url=reverse("meetings:list"),
            action_label=_("All meetings"),
        )
    ]


def _minutes_panels(
    *, user: User, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    """Minutes the user is to approve (justera); for the body's secretary, approvals
    to announce on the notice board, with a warning when two days have passed."""
    from django.utils import timezone

    from jamkoll.meetings import selectors as meetings

    panels = []
    waiting = meetings.minutes_to_approve(user=user, organisation=organisation)
    if waiting:
        panels.append(
            Panel(
                title=_("Minutes to approve"),
                items=[
                    Item(
                        _("%(body)s, %(date)s")
                        % {
                            "body": m.meeting.body,
                            "date": date_format(m.meeting.held_on),
                        },
                        reverse("meetings:minutes_approve", args=[m.meeting_id]),
                        _("sent %(date)s") % {"date": date_format(m.locked_at.date())}
                        if m.locked_at
                        else "",
                    )
                    for m in waiting
                ],
            )
        )
    if roles & {Role.ADMIN, Role.STRATEGIST}:
        today = timezone.localdate()
        to_post = [
            (m, status)
            for m, status in meetings.minutes_to_post(
                organisation=organisation, today=today
            )
            if status.posted_on is None
        ]
        if to_post:
            panels.append(
                Panel(
                    title=_("Approvals to announce on the notice board"),
                    items=[
                        Item(
                            _("%(body)s, %(date)s")
                            % {
                                "body": m.meeting.body,
                                "date": date_format(m.meeting.held_on),
                            },
                            reverse("meetings:minutes_posting", args=[m.meeting_id]),
                            (
                                _("late: should have been announced by %(date)s")
                                if status.late
                                else _("announce by %(date)s")
                            )
                            % {"date": date_format(status.announce_by)},
                        )
                        for m, status in to_post
                    ],
                )
            )
    return panels


def _case_panels(*, organisation: Organisation, roles: frozenset[str]) -> list[Panel]:
    """Council cases the body has yet to prepare, for those who prepare them."""
    if not roles & {Role.ADMIN, Role.STRATEGIST}:
        return []
    from django.utils import timezone

    from jamkoll.cases.providers import cases_to_prepare

    cases = list(cases_to_prepare(organisation, timezone.localdate()))[:5]
    return [
        Panel(
            title=_("Council cases to prepare"),
            items=[Item(str(c.title), c.url) for c in cases],
            empty=_("No council cases are waiting for the body's preparation."),
            action_url=reverse("cases:list"),
            action_label=_("All council cases"),
        )
    ]
