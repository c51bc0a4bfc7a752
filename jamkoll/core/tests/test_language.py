from django.urls import reverse


def test_swedish_is_the_default_whatever_the_browser_asks_for(client, db):
    response = client.get(
        reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9"
    )
    assert "Logga in i Jämkoll" in response.content.decode()
    assert response["Content-Language"] == "sv"


def test_english_can_be_chosen(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/logga-in/"})
    response = client.get(reverse("accounts:login"))
    assert "Log in to Jämkoll" in response.content.decode()
