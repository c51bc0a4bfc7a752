from jamkoll.members import selectors
from jamkoll.members.models import Membership, Person, Sex
from jamkoll.members.representation import Tally, tally


def test_tally_counts_chairs_as_members_and_substitutes_apart():
    rows = [
        (1, "KF", 9, "2026–2030", "chair", "woman", 1),
        (1, "KF", 9, "2026–2030", "member", "man", 3),
        (1, "KF", 9, "2026–2030", "member", "woman", 2),
        (1, "KF", 9, "2026–2030", "substitute", "woman", 4),
        (1, "KF", 9, "2026–2030", "member", "not_stated", 1),
    ]
    [kf] = tally(rows)
    assert (kf.members.women, kf.members.men, kf.members.other) == (3, 3, 1)
    assert kf.members.share_women == 42.9
    assert kf.substitutes.women == 4
    assert kf.chairs.women == 1


def test_empty_group_has_no_share():
    assert Tally().share_women is None


def test_representation_is_derived_from_mandates(world):
    org = world.own
    for first, sex, role in [
        ("Per", Sex.MAN, "member"),
        ("Eva", Sex.WOMAN, "member"),
        ("Ali", Sex.MAN, "substitute"),
    ]:
        person = Person.objects.create(
            organisation=org.organisation, first_name=first, last_name="X", sex=sex
        )
        Membership.objects.create(
            person=person,
            unit=org.body,
            term=org.term,
            role=role,
            starts_on=org.term.starts_on,
        )
    rows = selectors.representation(organisation=org.organisation, term=org.term)
    [body] = [r for r in rows if r.unit_id == org.body.pk]
    assert (body.members.women, body.members.men) == (2, 1)
    assert (body.substitutes.women, body.substitutes.men) == (0, 1)
    assert body.chairs.women == 1


def test_representation_never_includes_another_organisation(world):
    rows = selectors.representation(organisation=world.own.organisation)
    assert {r.unit_id for r in rows} <= {
        u.pk for u in world.own.organisation.units.all()
    }


def test_representation_page_query_count_does_not_grow(
    client_for, world, django_assert_max_num_queries
):
    org = world.own
    for i in range(40):
        person = Person.objects.create(
            organisation=org.organisation,
            first_name=f"P{i}",
            last_name="Y",
            sex=Sex.WOMAN if i % 2 else Sex.MAN,
        )
        Membership.objects.create(
            person=person,
            unit=org.council,
            term=org.term,
            role="member",
            starts_on=org.term.starts_on,
        )
    client = client_for("reader")
    with django_assert_max_num_queries(10):
        response = client.get("/representation/")
    assert "Kommunfullmäktige" in response.content.decode()
    assert "<table" in response.content.decode()
