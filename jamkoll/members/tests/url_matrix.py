from jamkoll.members.models import Person
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
