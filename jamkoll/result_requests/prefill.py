"""Prefilling the demand form from the object a demand is raised from (a hand-off).

`result_requests:create` reads these query parameters, on GET to fill the form and
again on POST to store the links (the form posts back to the same URL):

- ``raised_for=<pk>``: on whose behalf (the board page links here with its board).
  Only an asker the user may choose (`permissions.askers_for`); anything else is
  ignored with a message.
- ``unit=<pk>`` (repeatable): addressees to tick. Units of another organisation, or
  units that cannot be addressed, are ignored with a message.
- ``agenda_item=<pk>``: the paragraph at which the body raised the demand or gave a
  board an assignment (meetings is a lower layer, read here directly). Only items of
  the active organisation's meetings that the user may edit.
- ``<key>=<pk>`` for a source registered by an app on the same layer, which may not
  import this app: reviews registers ``review`` (with an optional ``answer=<pk>``)
  through ``apps.get_app_config("result_requests").register_demand_source``.

Contract for a source: ``source(*, user, organisation, params) -> dict`` with keys
``object`` (stored on the demand's foreign key named like the parameter), ``units``
(units to tick), ``title`` and ``question``. It checks visibility with its own app's
permissions and raises ``ValidationError`` with a Swedish message when the object is
missing, hidden or of another organisation; nothing is prefilled from it then.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from jamkoll.accounts.models import User
from jamkoll.core.refs import pk_from
from jamkoll.meetings.models import AgendaItem
from jamkoll.meetings.permissions import can_edit as can_edit_meeting
from jamkoll.meetings.permissions import meetings_visible_to
from jamkoll.organisations.models import Organisation, Unit
from jamkoll.result_requests import permissions

DemandSource = Callable[..., Mapping[str, Any]]

_sources: dict[str, DemandSource] = {}


def register_source(key: str, source: DemandSource) -> None:
    """Register `source` for the query parameter `key` (e.g. ``"review"``)."""
    _sources[key] = source


@dataclass
class Prefill:
    """What the create form starts from, what to store on save, and what to tell:
    `errors` (a source that cannot be used: the form is not saved while the link
    carries it) and `messages` (parts of the link that were ignored)."""

    initial: dict[str, Any] = field(default_factory=dict)
    links: dict[str, Any] = field(default_factory=dict)
    messages: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)

    def add(self, *, units: Any = (), title: str = "", question: str = "") -> None:
        for unit in units:
            if unit not in self.units:
                self.units.append(unit)
        if title and not self.initial.get("title"):
            self.initial["title"] = title[:200]
        if question:
            earlier = self.initial.get("question", "")
            self.initial["question"] = (
                f"{earlier}\n\n{question}" if earlier else question
            )


def agenda_item_source(
    *, user: User, organisation: Organisation, params: Mapping[str, Any]
) -> dict[str, Any]:
    """A paragraph of a meeting of the active organisation that the user may edit."""
    item = (
        AgendaItem.objects.filter(
            pk=pk_from(params.get("agenda_item")),
            meeting__organisation=organisation,
            meeting__in=meetings_visible_to(user),
        )
        .select_related("meeting")
        .first()
    )
    if item is None or not can_edit_meeting(user, item.meeting):
        raise ValidationError(
            _(
                "The agenda item could not be found, or you may not raise demands "
                "from it. Nothing was filled in from it."
            )
        )
    where = _("Decided at %(meeting)s, § %(number)s.") % {
        "meeting": item.meeting,
        "number": item.number,
    }
    question = f"{where}\n{item.decision}" if item.decision else where
    return {"object": item, "units": [], "title": item.title, "question": question}


def resolve(
    *, user: User, organisation: Organisation, params: Mapping[str, Any]
) -> Prefill:
    """Read the hand-off parameters; never raises, bad input becomes a message."""
    prefill = Prefill()
    sources: dict[str, DemandSource] = {"agenda_item": agenda_item_source, **_sources}
    for key, source in sources.items():
        if not params.get(key):
            continue
        try:
            found = source(user=user, organisation=organisation, params=params)
        except ValidationError as error:
            prefill.errors.extend(error.messages)
            continue
        prefill.links[key] = found["object"]
        prefill.add(
            units=found.get("units", ()),
            title=found.get("title", ""),
            question=found.get("question", ""),
        )
    if params.get("raised_for"):
        asker = (
            permissions.askers_for(user, organisation)
            .filter(pk=pk_from(params.get("raised_for")))
            .first()
        )
        if asker is None:
            prefill.messages.append(
                _(
                    "You cannot raise a demand on behalf of the board in the link; "
                    "it was ignored."
                )
            )
        else:
            prefill.initial["raised_for"] = asker
    getlist = getattr(params, "getlist", None)
    raw_units = getlist("unit") if getlist else [params.get("unit", "")]
    wanted = [pk for pk in (pk_from(raw) for raw in raw_units) if pk is not None]
    if len(wanted) != len([r for r in raw_units if r]):
        prefill.messages.append(_("A board in the link was not recognised; ignored."))
    if wanted:
        units = list(Unit.objects.of(organisation).filter(pk__in=wanted))
        if len(units) < len(set(wanted)):
            prefill.messages.append(
                _(
                    "A board, administration or company in the link does not belong "
                    "to your organisation and was ignored."
                )
            )
        prefill.add(units=units)
    if prefill.units:
        prefill.initial["addressees"] = [unit.pk for unit in prefill.units]
    return prefill


def default_asker(user: User, organisation: Organisation) -> Unit | None:
    """The asker preselected on a new demand: the equality body for the body's side,
    a board politician's board when they sit on exactly one."""
    askers = permissions.askers_for(user, organisation)
    if permissions.is_body(user, organisation):
        return askers.equality_bodies().first()  # type: ignore[attr-defined, no-any-return]
    boards = list(askers[:2])
    return boards[0] if len(boards) == 1 else None
