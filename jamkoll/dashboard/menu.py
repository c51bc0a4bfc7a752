"""The main menu, grouped by task, showing each role only the entries it can open.

An entry names its page by URL name and says which pages count as "inside" it
(`matches`), so the menu can mark the current entry and its group (`aria-current`)
without looking at paths. Labels have the context "main menu": a group's verb
("Follow up") is not the button of the same name elsewhere. Who sees an entry is decided by the same permission rules
that guard the page, so no menu link leads to a 403 (see tests/test_menu.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import ResolverMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from jamkoll.accounts.models import Role, User
from jamkoll.accounts.roles import roles_in
from jamkoll.boards import permissions as board_permissions
from jamkoll.organisations.models import Organisation
from jamkoll.surveys import permissions as survey_permissions

# Everyone who reads the organisation's work; managers (chefer) only see what is
# theirs, so the menu keeps their entries to their demands and the meetings. A board
# politician (nämndpolitiker) reads the organisation-wide matters as a reader does,
# and each page shows them their own board's besides (another board's are hidden).
READERS = frozenset(
    {Role.ADMIN, Role.STRATEGIST, Role.POLITICIAN, Role.READER, Role.BOARD_POLITICIAN}
)
EVERYONE = READERS | {Role.MANAGER}

Visible = Callable[[User, Organisation, frozenset[str]], bool]


def _roles(allowed: frozenset[str]) -> Visible:
    return lambda user, organisation, roles: bool(roles & allowed)


def _sees_surveys(
    user: User, organisation: Organisation, roles: frozenset[str]
) -> bool:
    return survey_permissions.can_view(user, organisation)


def _sees_board_overview(
    user: User, organisation: Organisation, roles: frozenset[str]
) -> bool:
    """Every board side by side is the body's view, not a board politician's."""
    return board_permissions.can_view_overview(user, organisation)


@dataclass(frozen=True)
class Entry:
    """One page in the menu.

    `matches` holds the pages that count as this entry: a URL name ("app:name"), a
    prefix of URL names ("app:name_*") or a whole namespace ("app"). The most specific
    match over all entries wins.
    """

    key: str
    label: Promise
    url_name: str
    matches: tuple[str, ...]
    visible: Visible = field(default=_roles(READERS))
    with_organisation: bool = False

    def url(self, organisation: Organisation) -> str:
        args = [organisation.pk] if self.with_organisation else []
        return reverse(self.url_name, args=args)


@dataclass(frozen=True)
class Group:
    key: str
    label: Promise
    entries: tuple[Entry, ...]


OVERVIEW = Entry(
    "overview",
    pgettext_lazy("main menu", "Overview"),
    "dashboard:home",
    ("dashboard",),
    visible=_roles(EVERYONE),
)

GROUPS: tuple[Group, ...] = (
    Group(
        "follow-up",
        pgettext_lazy("main menu", "Follow up"),
        (
            Entry(
                "demands",
                pgettext_lazy("main menu", "Demands"),
                "result_requests:list",
                ("result_requests",),
                visible=_roles(EVERYONE),
            ),
            Entry(
                "figures",
                pgettext_lazy("main menu", "Follow-up"),
                "result_requests:figures",
                ("result_requests:figures*",),
            ),
            Entry(
                "assignments",
                pgettext_lazy("main menu", "Assignments"),
                "meetings:decision_list",
                ("meetings:decision_*", "meetings:commitment_*"),
            ),
            # The board level: every board side by side (the body's view), and a
            # board politician's own board.
            Entry(
                "boards",
                pgettext_lazy("main menu", "The boards"),
                "boards:overview",
                ("boards",),
                visible=_sees_board_overview,
            ),
            Entry(
                "my-board",
                pgettext_lazy("main menu", "My board"),
                "boards:mine",
                ("boards:mine",),
                visible=_roles(frozenset({Role.BOARD_POLITICIAN})),
            ),
        ),
    ),
    Group(
        "meetings",
        pgettext_lazy("main menu", "Meetings"),
        (
            Entry(
                "meetings",
                pgettext_lazy("main menu", "Meetings of the body"),
                "meetings:list",
                ("meetings",),
                visible=_roles(EVERYONE),
            ),
            Entry(
                "year-wheel",
                pgettext_lazy("main menu", "Year wheel"),
                "meetings:year_wheel",
                ("meetings:year_wheel", "meetings:rule_*", "meetings:calendar_*"),
                visible=_roles(EVERYONE),
            ),
            Entry(
                "cases",
                pgettext_lazy("main menu", "Council cases"),
                "cases:list",
                ("cases",),
            ),
        ),
    ),
    Group(
        "review",
        pgettext_lazy("main menu", "Review"),
        (
            Entry(
                "reviews",
                pgettext_lazy("main menu", "Document reviews"),
                "reviews:list",
                ("reviews",),
            ),
        ),
    ),
    Group(
        "measure",
        pgettext_lazy("main menu", "Measure"),
        (
            Entry(
                "indicators",
                pgettext_lazy("main menu", "Indicators"),
                "indicators:list",
                ("indicators",),
            ),
            Entry(
                "goals",
                pgettext_lazy("main menu", "Goals and action plan"),
                "indicators:goal_list",
                (
                    "indicators:goal_*",
                    "indicators:action_*",
                    "indicators:milestone_*",
                    "indicators:charter",
                ),
            ),
        ),
    ),
    Group(
        "report",
        pgettext_lazy("main menu", "Report"),
        (
            Entry(
                "report",
                pgettext_lazy("main menu", "Yearly report"),
                "reports:index",
                ("reports",),
            ),
            Entry(
                "surveys",
                pgettext_lazy("main menu", "Survey"),
                "surveys:list",
                ("surveys",),
                visible=_sees_surveys,
            ),
        ),
    ),
    Group(
        "organisation",
        pgettext_lazy("main menu", "Organisation"),
        (
            Entry(
                "organisation",
                pgettext_lazy("main menu", "The organisation"),
                "organisations:detail",
                (
                    "organisations",
                    "members:unit_members",
                    "members:membership_*",
                    "members:term_*",
                ),
                with_organisation=True,
            ),
            Entry(
                "people",
                pgettext_lazy("main menu", "People"),
                "members:person_list",
                ("members:person_*", "members:user_person"),
            ),
            Entry(
                "representation",
                pgettext_lazy("main menu", "Representation"),
                "members:representation",
                ("members:representation",),
            ),
        ),
    ),
)


@dataclass(frozen=True)
class MenuEntry:
    key: str
    label: str
    url: str
    current: bool


@dataclass(frozen=True)
class MenuGroup:
    """A group as shown: a single visible entry is shown as a plain link."""

    key: str
    label: str
    entries: list[MenuEntry]

    @property
    def current(self) -> bool:
        return any(e.current for e in self.entries)

    @property
    def single(self) -> MenuEntry | None:
        return self.entries[0] if len(self.entries) == 1 else None


@dataclass(frozen=True)
class Menu:
    overview: MenuEntry | None
    groups: list[MenuGroup]

    def links(self) -> list[MenuEntry]:
        """Every link the menu shows, in order."""
        entries = [self.overview] if self.overview else []
        return entries + [e for g in self.groups for e in g.entries]


def _score(pattern: str, view_name: str) -> int:
    """How specifically `pattern` names the page `view_name` (0: not at all)."""
    if ":" not in pattern:
        return 1 if view_name.split(":", 1)[0] == pattern else 0
    if pattern.endswith("*"):
        return 2 + len(pattern) if view_name.startswith(pattern[:-1]) else 0
    return 1000 if view_name == pattern else 0


def current_entry(view_name: str) -> str | None:
    """The key of the entry the page `view_name` belongs to, if any."""
    best, best_score = None, 0
    for entry in (OVERVIEW, *(e for g in GROUPS for e in g.entries)):
        score = max((_score(p, view_name) for p in entry.matches), default=0)
        if score > best_score:
            best, best_score = entry.key, score
    return best


def build(
    *, user: User, organisation: Organisation, match: ResolverMatch | None
) -> Menu:
    """The menu `user` sees in `organisation` on the page `match` resolved to."""
    roles = roles_in(user, organisation.pk)
    current = current_entry(match.view_name) if match and match.view_name else None

    def shown(entry: Entry) -> MenuEntry | None:
        if not entry.visible(user, organisation, roles):
            return None
        return MenuEntry(
            entry.key, str(entry.label), entry.url(organisation), entry.key == current
        )

    groups = []
    for group in GROUPS:
        entries = [m for m in (shown(e) for e in group.entries) if m is not None]
        if entries:
            groups.append(MenuGroup(group.key, str(group.label), entries))
    return Menu(overview=shown(OVERVIEW), groups=groups)
