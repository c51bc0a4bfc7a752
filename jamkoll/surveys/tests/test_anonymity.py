"""Survey anonymity against someone who reads the database, the logs and the mail
(issue 12; the threat model is docs/survey-anonymity.md).

Each test holds the ground truth (who wrote which free text) that an attacker would
not have, and checks that no join an attacker could make recovers it.
"""

import base64
import datetime as dt
import uuid
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import override_settings
from django.urls import reverse

from jamkoll.core import sealing
from jamkoll.surveys import selectors, services
from jamkoll.surveys.models import (
    Answer,
    Invitation,
    PendingResponse,
    QuestionKind,
    Response,
    Survey,
)
from jamkoll.surveys.tests.conftest import seat_people
from jamkoll.surveys.tests.factories import (
    add_link,
    link_from_mail,
    make_survey,
    open_link,
)
from jamkoll.surveys.views import ANSWER_COOKIE

DURING = dt.datetime(2026, 11, 10, 12, 0, tzinfo=dt.UTC)
TODAY = DURING.date()
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="xmin and ctid exist in PostgreSQL"
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="rowid order is SQLite's"
)


def _version(survey: Survey, kind: str):  # type: ignore[no-untyped-def]
    return next(
        sq.version
        for sq in survey.survey_questions.select_related("version")
        if sq.version.kind == kind
    )


def _secret(i: int) -> str:
    return f"Hemligt svar från respondent nummer {i}: mötena är för sena."


def _answer_one_by_one(survey: Survey, people):  # type: ignore[no-untyped-def]
    """Each person answers in turn (each submit outside any transaction when the test
    is transactional); returns {person pk: the free text they wrote}."""
    scale = _version(survey, QuestionKind.SCALE)
    free = _version(survey, QuestionKind.FREE_TEXT)
    truth = {}
    tokens = [add_link(survey, person) for person in people]
    for i, (person, token) in enumerate(zip(people, tokens, strict=True)):
        services.submit_response(
            token=token,
            answers={scale.pk: 1 + i % 5, free.pk: _secret(i)},
            sex="woman" if i % 2 else "man",
            role_level="member",
            today=TODAY,
        )
        truth[person.pk] = _secret(i)
    return truth


def _response_of(text: str) -> uuid.UUID:
    return Answer.objects.get(text=text).response_id


def _uuid(value: object) -> uuid.UUID:
    """A key as read with raw SQL (SQLite keeps UUIDs as 32 hex digits)."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _fraction_right(pairs: list[tuple[int, object]], truth: dict[int, object]) -> float:
    """Share of (person, response) pairs a pairing rule got right."""
    return sum(truth[person] == _uuid(response) for person, response in pairs) / len(
        truth
    )


def _rows(sql: str, params: tuple = ()) -> list[tuple]:  # type: ignore[type-arg]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- PostgreSQL: transaction ids, physical row order, ids, dates, history ------------


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_postgres_no_join_links_an_answer_to_a_politician(world):
    admin = world.user("admin")
    people = seat_people(world.own, 8)
    survey = make_survey(
        organisation=world.own.organisation,
        by=admin,
        min_group_size=3,
        opens_on=dt.date(2026, 11, 1),
    )
    person_history_before = _rows("SELECT count(*) FROM members_historicalperson")
    truth_text = _answer_one_by_one(survey, people)

    # While open: batches of at least k (3 + 3 released, 2 waiting sealed).
    invitation_xmins = {
        x for (x,) in _rows("SELECT xmin::text FROM surveys_invitation WHERE is_used")
    }
    assert len(invitation_xmins) == 8  # one transaction per answer
    batches = _rows(
        "SELECT xmin::text, count(*) FROM surveys_response GROUP BY xmin::text"
    )
    answer_xmins = {
        x for (x,) in _rows("SELECT DISTINCT xmin::text FROM surveys_answer")
    }
    assert not {x for x, _n in batches} & invitation_xmins
    assert not answer_xmins & invitation_xmins
    assert sorted(n for _x, n in batches) == [3, 3]
    assert PendingResponse.objects.count() == 2
    assert answer_xmins == {x for x, _n in batches}
    # The waiting rows share a transaction with a link, so they must say nothing.
    for (payload,) in _rows("SELECT payload FROM surveys_pendingresponse"):
        assert "Hemligt" not in payload
        assert "respondent" not in payload

    services.close_survey(survey=survey, by=admin)
    assert not PendingResponse.objects.exists()
    # Closing writes the whole round again as one batch: one transaction id, never a
    # link's.
    (xmins,) = _rows(
        "SELECT count(DISTINCT xmin::text), min(xmin::text) FROM surveys_response"
    )
    assert xmins[0] == 1
    assert xmins[1] not in invitation_xmins
    assert _rows("SELECT count(DISTINCT xmin::text) FROM surveys_answer") == [(1,)]
    assert not _rows(
        "SELECT 1 FROM surveys_response r JOIN surveys_invitation i "
        "ON r.xmin::text = i.xmin::text"
    )
    assert not _rows(
        "SELECT 1 FROM surveys_answer a JOIN surveys_invitation i "
        "ON a.xmin::text = i.xmin::text"
    )
    assert not _rows(
        "SELECT 1 FROM surveys_response r JOIN members_person p "
        "ON r.xmin::text = p.xmin::text"
    )

    truth = {pk: _response_of(text) for pk, text in truth_text.items()}
    used = list(Invitation.objects.filter(survey=survey).values_list("pk", "person_id"))
    person_of_invitation = dict(used)

    def pair(persons_in_order: list[int], responses_in_order: list[object]):  # type: ignore[no-untyped-def]
        return list(zip(persons_in_order, responses_in_order, strict=True))

    def responses_by(order: str) -> list[object]:
        return [
            r
            for (r,) in _rows(
                f"SELECT id FROM surveys_response WHERE survey_id = %s ORDER BY {order}",  # noqa: S608 - fixed orders
                (survey.pk,),
            )
        ]

    def responses_by_answer(order: str) -> list[object]:
        seen: list[uuid.UUID] = []
        for (raw,) in _rows(
            f"SELECT response_id FROM surveys_answer ORDER BY {order}"  # noqa: S608 - fixed orders
        ):
            r = _uuid(raw)
            if r not in seen:
                seen.append(r)
        return seen

    def invitations_by(order: str) -> list[int]:
        return [
            person_of_invitation[i]
            for (i,) in _rows(
                f"SELECT id FROM surveys_invitation WHERE survey_id = %s ORDER BY {order}",  # noqa: S608 - fixed orders
                (survey.pk,),
            )
        ]

    def people_by(order: str) -> list[int]:
        ids = set(truth)
        return [
            p
            for (p,) in _rows(f"SELECT id FROM members_person ORDER BY {order}")  # noqa: S608 - fixed orders
            if p in ids
        ]

    answering_order = [p.pk for p in people]
    rules = {
        # The attacker's guesses of the answering order, from the links.
        "invitation xmin": invitations_by("xmin::text::bigint, ctid"),
        "invitation ctid": invitations_by("ctid"),
        "invitation id": invitations_by("id"),
        "person id": people_by("id"),
        "person ctid": people_by("ctid"),
    }
    candidates = {
        "response ctid": responses_by("ctid"),
        "response xmin+ctid": responses_by("xmin::text::bigint, ctid"),
        "response id": responses_by("id"),
        "answer ctid": responses_by_answer("ctid"),
        "answer id": responses_by_answer("id"),
    }
    assert rules["invitation xmin"] == answering_order  # the attacker's best guess
    for rule, persons in rules.items():
        for name, responses in candidates.items():
            right = _fraction_right(pair(persons, responses), truth)
            assert right < 1, (rule, name)

    # No date or time anywhere in the answer tables, and no history row was written
    # when a link was used (nor for a person).
    for table in ("surveys_response", "surveys_answer", "surveys_pendingresponse"):
        types = {
            t
            for (t,) in _rows(
                "SELECT data_type FROM information_schema.columns WHERE table_name = %s",
                (table,),
            )
        }
        assert not {t for t in types if "date" in t or "time" in t}, table
    # Only the links' creation: using a link wrote no history row.
    assert _rows(
        "SELECT history_type, count(*) FROM surveys_historicalinvitation "
        "GROUP BY history_type"
    ) == [("+", 8)]
    assert (
        _rows("SELECT count(*) FROM members_historicalperson") == person_history_before
    )
    assert "surveys_historicalresponse" not in connection.introspection.table_names()


# --- SQLite: rowid order --------------------------------------------------------------


@sqlite_only
def test_sqlite_rowid_order_is_not_the_answering_order(world):
    people = seat_people(world.own, 8)
    survey = make_survey(
        organisation=world.own.organisation, by=world.user("admin"), min_group_size=8
    )
    truth_text = _answer_one_by_one(survey, people)
    # The eighth answer released the batch of eight, in a shuffled order.
    assert not PendingResponse.objects.exists()
    by_rowid = [
        _uuid(r) for (r,) in _rows("SELECT id FROM surveys_response ORDER BY rowid")
    ]
    expected = [_response_of(truth_text[p.pk]) for p in people]
    assert sorted(by_rowid) == sorted(expected)
    # An identity shuffle of 8 has probability 1/40320.
    assert by_rowid != expected
    free = _version(survey, QuestionKind.FREE_TEXT)
    texts = [
        t
        for (t,) in _rows(
            "SELECT text FROM surveys_answer WHERE version_id = %s ORDER BY rowid",
            (free.pk,),
        )
    ]
    assert texts != [_secret(i) for i in range(8)]


# --- No token in a URL the server receives -------------------------------------------


@time_machine.travel(DURING)
@override_settings(JAMKOLL_BASE_URL="https://jamkoll.kommun.se")
def test_the_mailed_link_reaches_the_server_without_its_token(
    world, client, django_capture_on_commit_callbacks
):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    seat_people(world.own, 1)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_invitations(survey=survey, by=world.user("admin"), today=TODAY)
    (message,) = mail.outbox
    link = link_from_mail(message.body)
    address, _hash, code = link.partition("#")
    assert urlsplit(address).path == reverse("surveys:answer_start") == "/svara/"
    # The code is also on a line of its own, to paste when the link does not work.
    assert code in [line.strip() for line in message.body.splitlines()]
    assert Invitation.objects.get().token_hash == services.hash_token(code)

    # What a browser sends: the address without the fragment, then the script's POST.
    requests = []
    page = client.get(urlsplit(address).path)
    requests.append(page.request)
    assert page.status_code == 200
    opened = client.post(urlsplit(address).path, {"code": code})
    requests.append(opened.request)
    assert opened.status_code == 303
    cookie = opened.cookies[ANSWER_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/svara/"
    assert cookie["max-age"] == 7200
    questions = client.get(opened["Location"])
    requests.append(questions.request)
    assert questions.status_code == 200
    scale = _version(survey, QuestionKind.SCALE)
    done = client.post(opened["Location"], {f"q{scale.pk}": "4"})
    requests.append(done.request)
    assert done.status_code == 302
    for request in requests:
        assert code not in request["PATH_INFO"]
        assert code not in request.get("QUERY_STRING", "")
    assert Invitation.objects.get().is_used
    # No session row was written for the respondent.
    assert not Session.objects.exists()


@time_machine.travel(DURING)
@override_settings(SESSION_COOKIE_SECURE=True)
def test_the_answer_cookie_is_secure_when_sessions_are(world, client):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    token = add_link(survey, seat_people(world.own, 1)[0])
    assert open_link(client, token).cookies[ANSWER_COOKIE]["secure"]


# --- Sealed while waiting, released at k, all at close ------------------------------


@time_machine.travel(DURING)
def test_pending_answers_are_sealed_released_at_k_and_all_at_close(world):
    admin = world.user("admin")
    people = seat_people(world.own, 7)
    survey = make_survey(
        organisation=world.own.organisation, by=admin, min_group_size=3
    )
    scale = _version(survey, QuestionKind.SCALE)
    free = _version(survey, QuestionKind.FREE_TEXT)
    tokens = [add_link(survey, person) for person in people]

    def answer(i: int, text: str) -> None:
        services.submit_response(
            token=tokens[i], answers={scale.pk: 3, free.pk: text}, today=TODAY
        )

    answer(0, "Kort.")
    answer(1, "Mycket längre fritext om hot och trakasserier i sociala medier. " * 20)
    payloads = list(PendingResponse.objects.values_list("payload", flat=True))
    assert len(payloads) == 2
    for payload in payloads:
        assert "Kort" not in payload
        assert "trakasserier" not in payload
        # A Fernet token: version byte, then the time it was made, written as 0.
        raw = base64.urlsafe_b64decode(payload)
        assert raw[1:9] == bytes(8)
    # The same length whatever was written, so the length matches nothing.
    assert len(set(map(len, payloads))) == 1
    assert not Response.objects.exists()
    assert selectors.response_counts(survey=survey) == (7, 2)

    answer(2, "Tredje.")
    assert not PendingResponse.objects.exists()
    assert Response.objects.count() == 3
    for i in (3, 4, 5, 6):
        answer(i, f"Svar {i}.")
    assert Response.objects.count() == 6
    assert PendingResponse.objects.count() == 1
    assert selectors.response_counts(survey=survey) == (7, 7)
    listed = selectors.survey_list(organisation=world.own.organisation).get(
        pk=survey.pk
    )
    assert listed.response_count == 7  # type: ignore[attr-defined]
    # Results stay hidden until the round is closed.
    assert selectors.survey_results(survey=survey).questions == []

    services.close_survey(survey=survey, by=admin)
    assert not PendingResponse.objects.exists()
    assert Response.objects.count() == 7
    results = selectors.survey_results(survey=survey)
    assert (results.invited, results.responded) == (7, 7)
    assert results.response_rate == 100
    texts = selectors.free_text_answers(survey=survey)[free.pk]
    assert "Kort." in texts
    assert "Svar 6." in texts


@time_machine.travel(DURING)
def test_sealed_answers_survive_a_secret_key_rotation(world, settings):
    people = seat_people(world.own, 2)
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    scale = _version(survey, QuestionKind.SCALE)
    tokens = [add_link(survey, person) for person in people]
    services.submit_response(token=tokens[0], answers={scale.pk: 2}, today=TODAY)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-brand-new-secret-key-for-the-rotation-test-0123456789"
    settings.SECRET_KEY_FALLBACKS = [old_key]
    services.submit_response(token=tokens[1], answers={scale.pk: 5}, today=TODAY)
    services.close_survey(survey=survey, by=world.user("admin"))
    assert sorted(Answer.objects.values_list("choice", flat=True)) == [2, 5]
    # Without the old key the database alone opens nothing.
    assert not PendingResponse.objects.exists()
    sealed = sealing.seal({"a": 1}, label=services.SEALING_LABEL, size=64)
    settings.SECRET_KEY_FALLBACKS = []
    settings.SECRET_KEY = old_key
    with pytest.raises(sealing.InvalidToken):
        sealing.open_sealed(sealed, label=services.SEALING_LABEL)


@time_machine.travel(DURING)
@pytest.mark.parametrize(
    "bad",
    [
        {"scale": 9},
        {"free": "x" * 2001},
        {},
        {"scale": 3, "sex": "party-member"},
    ],
    ids=["bad choice", "text too long", "empty", "bad background"],
)
def test_a_refused_submit_keeps_the_link_unused_and_nothing_pending(world, bad):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    token = add_link(survey, seat_people(world.own, 1)[0])
    scale = _version(survey, QuestionKind.SCALE)
    free = _version(survey, QuestionKind.FREE_TEXT)
    answers = {}
    if "scale" in bad:
        answers[scale.pk] = bad["scale"]
    if "free" in bad:
        answers[free.pk] = bad["free"]
    with pytest.raises(ValidationError):
        services.submit_response(
            token=token,
            answers=answers,
            sex=bad.get("sex", "not_stated"),
            today=TODAY,
        )
    assert not Invitation.objects.get().is_used
    assert not PendingResponse.objects.exists()
    assert not Response.objects.exists()


@time_machine.travel(DURING)
def test_a_refused_submit_over_http_keeps_what_was_typed(world, client):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    token = add_link(survey, seat_people(world.own, 1)[0])
    free = _version(survey, QuestionKind.FREE_TEXT)
    scale = _version(survey, QuestionKind.SCALE)
    open_link(client, token)
    typed = "Sammanträdena börjar för tidigt. " * 70  # over 2 000 characters
    page = client.post(
        reverse("surveys:answer"), {f"q{free.pk}": typed, f"q{scale.pk}": "2"}
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "error-summary" in html
    assert "Sammanträdena börjar för tidigt." in html
    assert not Invitation.objects.get().is_used
    assert not PendingResponse.objects.exists()


@time_machine.travel(DURING)
def test_a_round_closed_while_someone_answers_takes_no_more_answers(world):
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    token = add_link(survey, seat_people(world.own, 1)[0])
    scale = _version(survey, QuestionKind.SCALE)
    services.close_survey(survey=survey, by=world.user("admin"))
    with pytest.raises(services.LinkUnavailable):
        services.submit_response(token=token, answers={scale.pk: 3}, today=TODAY)
    assert not PendingResponse.objects.exists()
    assert not Invitation.objects.get().is_used


def test_existing_responses_are_written_again_in_shuffled_order_by_the_migration(world):
    """The data step of migration 0003 re-writes old rounds (one survey here)."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module(
        "jamkoll.surveys.migrations.0003_pending_responses_without_dates"
    )
    survey = make_survey(organisation=world.own.organisation, by=world.user("admin"))
    scale = _version(survey, QuestionKind.SCALE)
    before = defaultdict(list)
    for i in range(8):
        response = Response.objects.create(survey=survey, sex="woman")
        Answer.objects.create(response=response, version=scale, choice=1 + i % 5)
        before[response.pk].append(1 + i % 5)
    migration.reshuffle_existing(apps, None)
    assert not Response.objects.filter(pk__in=list(before)).exists()
    assert Response.objects.count() == 8
    assert sorted(Answer.objects.values_list("choice", flat=True)) == sorted(
        c for cs in before.values() for c in cs
    )


@time_machine.travel(DURING)
def test_a_failed_release_keeps_the_answers_waiting_until_closing(world, monkeypatch):
    people = seat_people(world.own, 3)
    survey = make_survey(
        organisation=world.own.organisation, by=world.user("admin"), min_group_size=3
    )
    scale = _version(survey, QuestionKind.SCALE)
    tokens = [add_link(survey, person) for person in people]

    def broken(token: str, *, label: bytes) -> object:
        raise sealing.InvalidToken

    monkeypatch.setattr(sealing, "open_sealed", broken)
    for token in tokens:
        services.submit_response(token=token, answers={scale.pk: 4}, today=TODAY)
    assert PendingResponse.objects.count() == 3
    assert not Response.objects.exists()
    monkeypatch.undo()
    services.close_survey(survey=survey, by=world.user("admin"))
    assert Response.objects.count() == 3
    assert not PendingResponse.objects.exists()
