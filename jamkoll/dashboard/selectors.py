"""The dashboard gathers what each domain app says needs the user's attention."""

from dataclasses import dataclass, field

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
    return panels


def _structure_panels(
    *, organisation: Organisation, roles: frozenset[str]
) -> list[Panel]:
    if not roles & {Role.ADMIN, Role.STRATEGIST}:
        return []
    missing = []
    kinds = set(Unit.objects.of(organisation).values_list("kind", flat=True))
    if Unit.Kind.EQUALITY_BODY not in kinds:
        missing.append(Item(_("Register the gender-equality body"), "/enheter/ny/"))
    if Unit.Kind.BOARD not in kinds:
        missing.append(Item(_("Register the boards"), "/enheter/ny/"))
    return [
        Panel(
            title=_("The organisation"),
            items=missing,
            empty=_("The organisation's structure is in place."),
        )
    ]
