"""Form helpers used by every app."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_validation_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form, field by field where possible."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        target = field if field in form.fields or field == NON_FIELD_ERRORS else None
        for item in errors:
            form.add_error(target, item)
