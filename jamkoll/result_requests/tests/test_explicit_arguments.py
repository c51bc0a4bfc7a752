"""`update_draft` and `raise_follow_up` take the fields a user may change, nothing
else: status, version, organisation and the thread follow the workflow."""

import datetime as dt

import pytest
from django.utils import timezone

from jamkoll.result_requests import services
from jamkoll.result_requests.models import ResultRequest, Status
from jamkoll.result_requests.tests import factories


def _smuggled(world, name: str) -> object:
    return {
        "status": Status.CLOSED,
        "version": 99,
        "organisation": world.other.organisation,
        "follows_up": None,
        "group": None,
    }[name]


def _state(result_request: ResultRequest) -> dict:
    return ResultRequest.objects.filter(pk=result_request.pk).values().get()


@pytest.mark.parametrize("smuggled", ["status", "version", "organisation", "group"])
def test_update_draft_refuses_fields_outside_its_signature(world, smuggled):
    draft = factories.raise_demand(world.own, send=False)
    before = _state(draft)
    with pytest.raises(TypeError):
        services.update_draft(
            result_request=draft,
            by=factories.strategist_of(world.own),
            title="Ändrad",
            **{smuggled: _smuggled(world, smuggled)},
        )
    assert _state(draft) == before


def test_update_draft_changes_only_the_fields_given(world):
    draft = factories.raise_demand(world.own, send=False)
    services.update_draft(
        result_request=draft, by=factories.strategist_of(world.own), title="Ändrad"
    )
    stored = ResultRequest.objects.get(pk=draft.pk)
    assert stored.title == "Ändrad"
    assert stored.question == draft.question
    assert stored.status == Status.DRAFT


@pytest.mark.parametrize(
    "smuggled", ["status", "version", "organisation", "follows_up"]
)
def test_raise_follow_up_refuses_fields_outside_its_signature(world, smuggled):
    parent = factories.assess(factories.answer(factories.raise_demand(world.own)))
    before = _state(parent)
    with pytest.raises(TypeError):
        services.raise_follow_up(
            parent=parent,
            by=factories.strategist_of(world.own),
            title="Följdfråga",
            question="Och analysen?",
            occasion=parent.occasion,
            due_on=timezone.localdate() + dt.timedelta(days=30),
            **{smuggled: _smuggled(world, smuggled)},
        )
    assert _state(parent) == before
    assert ResultRequest.objects.count() == 1
