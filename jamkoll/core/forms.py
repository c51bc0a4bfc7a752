"""Form helpers used by every app."""

import math
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import DecimalValidator

from jamkoll.core.numbers import parse_optional_number


def add_validation_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form, field by field where possible."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields or field == NON_FIELD_ERRORS else None
        for item in errors:
            form.add_error(target, item)


class FiniteDecimalField(forms.DecimalField):
    """A number typed the Swedish way ("1 234,5", "12.5"), refused unless finite.

    `jamkoll.core.numbers.parse_number` reads it, so "inf", "nan" and "1e309" get
    "Ange ett ändligt tal …" and never reach the database. Shown in a text box
    with a decimal keyboard (a number box would refuse the comma in some browsers);
    ``min_value``, ``max_value``, ``max_digits`` and ``decimal_places`` work as in
    Django's DecimalField.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # No step/min/max attributes: they belong to number boxes.
        return forms.Field.widget_attrs(self, widget)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        return parse_optional_number(value)

    def prepare_value(self, value: Any) -> Any:
        # A stored figure in full, with a decimal comma: 12.5 → "12,5".
        if isinstance(value, float) and math.isfinite(value):
            return f"{value:.15g}".replace(".", ",")
        if isinstance(value, Decimal) and value.is_finite():
            return format(value, "f").replace(".", ",")
        return value


class FiniteFloatField(FiniteDecimalField):
    """`FiniteDecimalField` whose cleaned value is a float (for a model FloatField)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, DecimalValidator)
        ]

    def to_python(self, value: Any) -> float | None:  # type: ignore[override]
        number = super().to_python(value)
        return None if number is None else float(number)

    def validate(self, value: Any) -> None:
        forms.Field.validate(self, value)
