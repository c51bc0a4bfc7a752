from jamkoll.members.models import Membership, Person, Term
from tests.matrix import ADMIN, ALL, STRATEGIST, PostCase, UrlCase, statuses

EDITORS = (ADMIN, STRATEGIST)


def _accounts(world):
    """A user of each organisation: the own one's reader, the other's administrator."""
    return {"0001": world.user("reader"), "0002": world.outsider}


def _account_pk(org, extra=None):
    return [extra[org.organisation.code].pk]


def _linked_people(org, extra=None):
    return sorted(
        Person.objects.filter(user=extra[org.organisation.code]).values_list(
            "pk", flat=True
        )
    )


def _person_account(org, extra=None):
    return Person.objects.get(pk=org.person.pk).user_id


CASES = [
    UrlCase("members:representation", statuses(ALL), other=None),
    UrlCase("members:person_list", statuses(ALL), other=None),
    UrlCase("members:person_create", statuses(EDITORS), other=None),
    UrlCase("members:person_detail", statuses(ALL), lambda o, e=None: [o.person.pk]),
    UrlCase("members:person_edit", statuses(EDITORS), lambda o, e=None: [o.person.pk]),
    UrlCase("members:unit_members", statuses(ALL), lambda o, e=None: [o.body.pk]),
    # People and mandates are organisation-wide: a board politician (of
    # Socialnämnden) reads another board's members as a reader does.
    UrlCase(
        "members:unit_members",
        statuses(ALL, board=200),
        lambda o, e=None: [o.other_board.pk],
    ),
    UrlCase("members:membership_create", statuses(EDITORS), other=None),
    UrlCase(
        "members:membership_edit",
        statuses(EDITORS),
        lambda o, e=None: [o.membership.pk],
    ),
    UrlCase("members:term_create", statuses(EDITORS), other=None),
    UrlCase("members:me", statuses(ALL), other=None),
    # Like the user administration: a user of another organisation is not found.
    UrlCase(
        "members:user_person",
        statuses((ADMIN,)),
        _account_pk,
        other=404,
        setup=_accounts,
    ),
]

POST_CASES = [
    # Linking an account from the person form (those who may edit the structure).
    PostCase(
        "members:person_edit",
        EDITORS,
        lambda o, e=None: [o.person.pk],
        state=_person_account,
        data=lambda o, e=None: {
            "first_name": o.person.first_name,
            "last_name": o.person.last_name,
            "sex": o.person.sex,
            "party": o.party.pk,
            "user": e[o.organisation.code].pk,
        },
        setup=_accounts,
    ),
    # Linking from the user administration (administrators only).
    PostCase(
        "members:user_person",
        (ADMIN,),
        _account_pk,
        state=_linked_people,
        data=lambda o, e=None: {"person": o.person.pk},
        setup=_accounts,
    ),
]

# Pages that change nothing: the matrix checks that they refuse POST (405).
READ_ONLY = {
    "members:me",
    "members:person_detail",
    "members:person_list",
    "members:representation",
    "members:unit_members",
}


# --- POST: people, memberships and terms (issue 16) ----------------------------------


def _people(org, extra=None):
    return sorted(
        Person.objects.filter(organisation=org.organisation).values_list(
            "first_name", "last_name", "party_id"
        )
    )


def _memberships(org, extra=None):
    return sorted(
        Membership.objects.filter(person__organisation=org.organisation).values_list(
            "person_id", "unit_id", "role", "starts_on"
        )
    )


def _terms(org, extra=None):
    return sorted(
        Term.objects.filter(organisation=org.organisation).values_list(
            "starts_on", "ends_on"
        )
    )


def _membership_data(org, extra=None):
    return {
        "person": org.person.pk,
        "unit": org.board.pk,
        "term": org.term.pk,
        "role": "member",
        "starts_on": "2026-10-15",
    }


POST_CASES += [
    # Organisation-scoped: posted with the other organisation's party, person, unit
    # or term, which the forms do not offer (400); other roles are refused first.
    PostCase(
        "members:person_create",
        EDITORS,
        lambda o, e=None: [],
        _people,
        data=lambda o, e=None: {
            "first_name": "Karin",
            "last_name": "Ek",
            "sex": "woman",
            "party": o.party.pk,
        },
        other=400,
        other_refused=403,
    ),
    PostCase(
        "members:membership_create",
        EDITORS,
        lambda o, e=None: [],
        _memberships,
        data=_membership_data,
        other=400,
        other_refused=403,
    ),
    PostCase(
        "members:membership_edit",
        EDITORS,
        lambda o, e=None: [o.membership.pk],
        _memberships,
        data=lambda o, e=None: {
            **_membership_data(o),
            "unit": o.body.pk,
            "starts_on": "2026-11-01",
        },
    ),
    # A term has no organisation-specific field: it is always created in the active
    # organisation, so the other organisation's terms stay as they were.
    PostCase(
        "members:term_create",
        EDITORS,
        lambda o, e=None: [],
        _terms,
        data=lambda o, e=None: {"starts_on": "2030-10-15", "ends_on": "2034-10-14"},
        other=302,
        other_refused=403,
    ),
]
