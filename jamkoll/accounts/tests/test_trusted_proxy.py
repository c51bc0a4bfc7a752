"""Behind the reverse proxy the login lockout counts the real client, and a client
that claims an address itself is not believed."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from jamkoll.core.middleware import client_ip

PROXY = "10.0.0.1"
ALICE = "198.51.100.7"
BOB = "203.0.113.9"
PASSWORD = "pw-test-123456"


def _request(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        # No proxy configured: the header is ignored.
        ([], PROXY, ALICE, PROXY),
        # The proxy's header names the client.
        ([PROXY], PROXY, ALICE, ALICE),
        # A client sending the header itself, past the proxy: not believed.
        ([PROXY], BOB, ALICE, BOB),
        # What the client wrote is left of what the proxy appended.
        ([PROXY], PROXY, f"1.2.3.4, {ALICE}", ALICE),
        # Two proxies (CIDR): the right-most address that is not one of them.
        (["10.0.0.0/8"], PROXY, f"1.2.3.4, {ALICE}, 10.2.3.4", ALICE),
        (["10.0.0.1", "2001:db8::/32"], "2001:db8::5", f"{BOB}", BOB),
        # Garbage appended by a trusted hop: fall back to the proxy, never the garbage.
        ([PROXY], PROXY, "not-an-address", PROXY),
        ([PROXY], PROXY, "", PROXY),
    ],
)
def test_client_address(settings, trusted, remote, forwarded, expected):
    settings.JAMKOLL_TRUSTED_PROXIES = trusted
    assert client_ip(_request(remote, forwarded)) == expected


def _login(client, *, forwarded, password, remote=PROXY):
    return client.post(
        reverse("accounts:login"),
        {"username": "u-admin", "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.fixture
def behind_proxy(settings):
    settings.AXES_ENABLED = True
    settings.JAMKOLL_TRUSTED_PROXIES = [PROXY]


def test_two_clients_behind_the_proxy_do_not_lock_each_other_out(world, behind_proxy):
    attacker = Client()
    for _ in range(5):
        _login(attacker, forwarded=ALICE, password="fel")
    locked = _login(attacker, forwarded=ALICE, password=PASSWORD)
    assert locked.status_code in {403, 429}
    assert "För många" in locked.content.decode()

    owner = Client()
    response = _login(owner, forwarded=BOB, password=PASSWORD)
    assert response.status_code == 302
    assert "_auth_user_id" in owner.session


def test_a_forwarded_header_sent_directly_is_not_believed(world, behind_proxy):
    """An attacker reaching the server directly cannot spread the attempts over
    made-up addresses, nor lock out someone else's address."""
    attacker = Client()
    for n in range(5):
        # A new made-up address each time, and Alice's as the last hop.
        claimed = f"192.0.2.{n}, {ALICE}"
        _login(attacker, remote=BOB, forwarded=claimed, password="fel")
    locked = _login(attacker, remote=BOB, forwarded=ALICE, password=PASSWORD)
    assert locked.status_code in {403, 429}
    assert "_auth_user_id" not in attacker.session

    # Alice, whose address the attacker may have claimed, still gets in via the proxy.
    alice = Client()
    response = _login(alice, forwarded=ALICE, password=PASSWORD)
    assert response.status_code == 302
