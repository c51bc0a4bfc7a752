"""Template filters for `jamkoll.core.formatting`: `{% load sv %}`.

{{ value|number }}  {{ value|number:2 }}  {{ share|percent }}  {{ cost|money }}
{{ value|with_unit:"%" }}  {{ day|sv_date }}  {{ moment|sv_datetime }}
{{ start|sv_time }}  {{ title|quoted }}
<line y1="{{ y|svg }}">  <rect x="{{ m.x|svg_add:-4 }}">
"""

from django import template

from jamkoll.core import formatting

register = template.Library()

register.filter("number", formatting.number)
register.filter("percent", formatting.percent)
register.filter("money", formatting.money)
register.filter("svg", formatting.svg)
register.filter("sv_date", formatting.date)
register.filter("sv_time", formatting.time)
register.filter("sv_datetime", formatting.datetime)
register.filter("quoted", formatting.quoted)


@register.filter
def with_unit(value: float | None, unit: str = "") -> str:
    return formatting.with_unit(value, unit)


@register.filter
def svg_add(value: float | None, offset: float | str) -> str:
    """A coordinate moved by `offset` (which may be negative), unlocalised."""
    if value is None:
        return formatting.svg(None)
    return formatting.svg(float(value) + float(offset))
