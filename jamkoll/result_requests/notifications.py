"""E-mails about demands: who gets them, what they say, and the sent-mail log.

Messages are queued with `core.mail.send_after_commit` (one background task per
message, with retries), so nothing is mailed for a change that is rolled back. The `Reminder` log (unique per demand, kind and day) keeps the
daily job from mailing twice.
"""

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jamkoll.accounts.models import Role, User
from jamkoll.core.mail import absolute_url, send_after_commit
from jamkoll.result_requests.models import Reminder, ResultRequest


def manager_recipients(result_request: ResultRequest) -> list[str]:
    """E-mail addresses of the managers (chefer) who answer for the addressed unit."""
    unit = result_request.addressed_to
    units = [unit.pk] + ([unit.parent_id] if unit.parent_id else [])
    users = User.objects.filter(
        is_active=True,
        role_assignments__organisation_id=result_request.organisation_id,
        role_assignments__role=Role.MANAGER,
        role_assignments__units__in=units,
    ).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def raiser_recipients(result_request: ResultRequest) -> list[str]:
    user = result_request.raised_by
    return [user.email] if user.email and user.is_active else []


def recipients_for(kind: str, result_request: ResultRequest) -> list[str]:
    if kind == Reminder.Kind.ANSWERED:
        return raiser_recipients(result_request)
    return manager_recipients(result_request)


def _subject(kind: str, result_request: ResultRequest) -> str:
    context = {"title": result_request.title, "unit": result_request.addressed_to.name}
    if kind == Reminder.Kind.SENT:
        return _("New demand for results: %(title)s") % context
    if kind == Reminder.Kind.DUE_SOON:
        return _("Reminder: %(title)s is due %(date)s") % {
            **context,
            "date": date_format(result_request.due_on),
        }
    if kind == Reminder.Kind.OVERDUE:
        return _("Overdue: %(title)s (%(unit)s)") % context
    if kind == Reminder.Kind.ANSWERED:
        return _("Answered: %(title)s (%(unit)s)") % context
    return _("Assessed: %(title)s") % context


def render_message(
    kind: str, result_request: ResultRequest, *, today: dt.date
) -> tuple[str, str]:
    """Subject and plain-text body in the site language, with who, what, why, when, link."""
    with translation.override(settings.LANGUAGE_CODE):
        days = (result_request.due_on - today).days
        assessment = result_request.assessments.order_by("-created_at").first()
        body = render_to_string(
            "result_requests/email/message.txt",
            {
                "kind": kind,
                "result_request": result_request,
                "days": days,
                "assessment": assessment,
                "url": absolute_url(result_request.get_absolute_url()),
            },
        )
        return _subject(kind, result_request), body


def queue(kind: str, result_request: ResultRequest, *, today: dt.date) -> bool:
    """Log and queue one message unless it was already sent today; True when queued.

    Call inside the service's transaction: the mail leaves after the commit.
    """
    if Reminder.objects.filter(
        Q(result_request=result_request, kind=kind, sent_on=today)
    ).exists():
        return False
    recipients = recipients_for(kind, result_request)
    try:
        with transaction.atomic():
            Reminder.objects.create(
                result_request=result_request,
                kind=kind,
                sent_on=today,
                for_due_on=result_request.due_on,
                recipients=", ".join(recipients),
            )
    except IntegrityError:
        # A parallel run logged it first; that run sends the mail.
        return False
    if not recipients:
        return True
    subject, body = render_message(kind, result_request, today=today)
    send_after_commit([EmailMessage(subject=subject, body=body, to=recipients)])
    return True
