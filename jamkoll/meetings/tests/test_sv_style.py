"""Meetings in Swedish that reads right: dates in words, times "13.00", counts that agree."""

import datetime as dt

from django.urls import reverse

from jamkoll.meetings.documents import _quorum_text
from jamkoll.meetings.selectors import Quorum
from jamkoll.meetings.tests.factories import make_meeting


def test_quorum_sentence_agrees_with_one_member_and_with_two():
    assert _quorum_text(Quorum(members=1, present=1)) == (
        "1 av 1 ledamot närvarande; sammanträdet var beslutfört."
    )
    assert _quorum_text(Quorum(members=2, present=1)) == (
        "1 av 2 ledamöter närvarande; sammanträdet var inte beslutfört."
    )


def test_meeting_page_gives_the_date_in_words_and_times_with_a_dot(client_for, world):
    meeting = make_meeting(world.own, held_on=dt.date(2026, 11, 8))
    client = client_for("strategist")

    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "8 november 2026" in page
    assert "13.00–15.00" in page
    assert "13:00" not in page

    listing = client.get(reverse("meetings:list"), {"year": 2026}).content.decode()
    assert "8 november 2026 kl. 13.00" in listing
    assert "2026-11-08 13" not in listing
