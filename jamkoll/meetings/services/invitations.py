"""Calling the body's members to a meeting (kallelse) with a calendar invitation."""

from dataclasses import dataclass
from email.mime.text import MIMEText
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jamkoll.accounts.models import User
from jamkoll.core import formatting
from jamkoll.core.mail import absolute_url, send_after_commit
from jamkoll.meetings import ical
from jamkoll.meetings.models import Meeting
from jamkoll.meetings.services._common import require_edit, save
from jamkoll.meetings.services.meetings import body_mandates
from jamkoll.meetings.services.minutes import contact_address
from jamkoll.members.models import Membership, Person

NO_ADDRESSES = _(
    "Nobody holding a mandate in the body on the meeting date has an e-mail address: "
    "no invitation was sent. Add addresses on the people's pages."
)
ATTACHMENT_NAME = "kallelse.ics"


@dataclass(frozen=True)
class InvitationResult:
    """Who was sent the invitation and who could not be reached."""

    sent: list[Person]
    without_address: list[Person]


@transaction.atomic
def send_invitation(*, meeting: Meeting, by: User) -> InvitationResult:
    """E-mail a calendar invitation (METHOD:REQUEST) to everyone holding a mandate
    in the body on the meeting date, members and substitutes alike, at the person's
    address or else their user account's. Each sending raises the meeting's
    `invitation_sequence`, used as the invitation's SEQUENCE, so a calendar program
    updates the meeting it already has. Raises ValidationError when nobody has an
    address (nothing is then changed). The mails leave after the commit.
    """
    require_edit(by, meeting)
    locked = (
        Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    )
    mandates: dict[int, Membership] = {}
    for mandate in body_mandates(locked):
        mandates.setdefault(mandate.person_id, mandate)
    addresses = {pk: contact_address(m.person) for pk, m in mandates.items()}
    if not any(addresses.values()):
        raise ValidationError(NO_ADDRESSES)
    resent = locked.invitation_sent_at is not None
    locked.invitation_sequence += 1
    locked.invitation_sent_at = timezone.now()
    save(locked, by)
    meeting.invitation_sequence = locked.invitation_sequence
    meeting.invitation_sent_at = locked.invitation_sent_at
    messages = [
        _message(locked, mandate, addresses[pk], by=by, resent=resent)
        for pk, mandate in mandates.items()
        if addresses[pk]
    ]
    send_after_commit(messages)
    return InvitationResult(
        sent=[m.person for pk, m in mandates.items() if addresses[pk]],
        without_address=[m.person for pk, m in mandates.items() if not addresses[pk]],
    )


def _message(
    meeting: Meeting, mandate: Membership, recipient: str, *, by: User, resent: bool
) -> EmailMessage:
    with translation.override(settings.LANGUAGE_CODE):
        names = {
            "body": meeting.body,
            "date": formatting.date(meeting.held_on),
            "time": formatting.time(meeting.starts_at),
        }
        url = absolute_url(meeting.get_absolute_url())
        subject = gettext("Invitation: %(body)s, %(date)s at %(time)s") % names
        context = {
            "meeting": meeting,
            "mandate": mandate,
            "date": names["date"],
            "starts": names["time"],
            "ends": formatting.time(meeting.ends_at) if meeting.ends_at else "",
            "url": url,
            "resent": resent,
            "attachment": ATTACHMENT_NAME,
        }
        body = render_to_string("meetings/email/invitation.txt", context)
        summary = str(meeting.title or meeting.body)
    return invitation_message(
        meeting,
        subject=subject,
        body=body,
        summary=summary,
        url=url,
        attendee_name=str(mandate.person),
        recipient=recipient,
        by=by,
        attachment=ATTACHMENT_NAME,
    )


def invitation_message(
    meeting: Meeting,
    *,
    subject: str,
    body: str,
    summary: str,
    url: str,
    attendee_name: str,
    recipient: str,
    by: User,
    attachment: str,
) -> EmailMessage:
    """An e-mail with the meeting as a calendar invitation (METHOD:REQUEST, the
    feed's UID and the meeting's current `invitation_sequence`) attached."""
    organizer_name, organizer_email = parseaddr(settings.DEFAULT_FROM_EMAIL)
    calendar = ical.build_invitation(
        invitation=ical.Invitation(
            uid=f"meetings.meeting.{meeting.pk}",
            sequence=meeting.invitation_sequence,
            summary=summary,
            description=body,
            date=meeting.held_on,
            starts_at=meeting.starts_at,
            ends_at=meeting.ends_at,
            place=meeting.place,
            url=url,
            organizer_name=organizer_name or "Jämkoll",
            organizer_email=organizer_email,
        ),
        attendee_name=attendee_name,
        attendee_email=recipient,
        stamp=timezone.now(),
    )
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[recipient],
        reply_to=[by.email] if by.email else None,
    )
    part = MIMEText(calendar.decode(), "calendar", "utf-8")
    part.set_param("method", "REQUEST")
    part.add_header("Content-Disposition", "attachment", filename=attachment)
    message.attach(part)
    return message
