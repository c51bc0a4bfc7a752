import importlib

import pytest

from jamkoll.reviews import services
from jamkoll.reviews.models import Checklist, ChecklistVersion


def ensure_shipped_checklists() -> None:
    """Recreate the data migration's checklists (a transactional test flushes them)."""
    from django.apps import apps

    for name in ("0002_shipped_checklists", "0005_board_self_assessment"):
        module = importlib.import_module(f"jamkoll.reviews.migrations.{name}")
        module.forward(apps, None)


def shipped(key: str) -> ChecklistVersion:
    ensure_shipped_checklists()
    return Checklist.objects.get(organisation=None, key=key).versions.get(number=1)


@pytest.fixture
def make_review(world):
    """Create a review through the service (no upload unless given)."""

    def _make(
        org_world=None, *, key="styrdokument", unit=None, by=None, upload=None, **kw
    ):
        org_world = org_world or world.own
        by = by or (
            world.user("strategist") if org_world is world.own else world.outsider
        )
        fields = {
            "title": "Verksamhetsplan 2026",
            "document_type": "operating_plan",
            "year": 2026,
            "document_reference": "Diariet",
        }
        fields.update(kw)
        return services.create_review(
            organisation=org_world.organisation,
            by=by,
            checklist_version=shipped(key),
            unit=unit or org_world.board,
            upload=upload,
            **fields,
        )

    return _make
