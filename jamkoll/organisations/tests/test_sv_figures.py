"""Amounts on the organisation pages read as Swedish: "750 000 kr"."""

from decimal import Decimal

from django.urls import reverse

NBSP = "\xa0"


def test_budget_of_the_body_is_written_with_a_thousands_space(client_for, world):
    body = world.own.body
    body.budget = Decimal("750000")
    body.save()

    for url in (
        reverse("organisations:unit_detail", args=[body.pk]),
        reverse("organisations:detail", args=[world.own.organisation.pk]),
    ):
        page = client_for("reader").get(url).content.decode()
        assert f"750{NBSP}000{NBSP}kr" in page, url
        assert "750000" not in page, url
