"""Small template helpers for survey results."""

from collections.abc import Sequence

from django import template

register = template.Library()


@register.filter
def zip_shares(
    counts: Sequence[int] | None, shares: Sequence[float | None] | None
) -> list[tuple[int, float | None]]:
    """Pair each count with its share for one table row."""
    return list(zip(counts or [], shares or [], strict=False))


@register.filter
def get_item(mapping: dict[int, list[str]], key: int) -> list[str]:
    """The free texts of one question version (empty when there are none)."""
    return mapping.get(key, [])
