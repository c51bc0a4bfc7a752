"""Production settings refuse unsafe configurations."""

import os
import subprocess
import sys

import pytest

GOOD_KEY = "k" * 30 + "Z9xQ" * 10
SITE = "https://x.se"


def _load(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "JAMKOLL_BASE_URL",
        }
    }
    full.update(env)
    full["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=full,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "x.se"}, "SECRET_KEY"),
        (
            {
                "SECRET_KEY": "dev-only-insecure-key-never-used-in-production-xxxxxxxx",
                "ALLOWED_HOSTS": "x.se",
            },
            "SECRET_KEY",
        ),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "x.se", "DEBUG": "1"}, "DEBUG"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "x.se"}, "JAMKOLL_BASE_URL"),
        (
            {
                "SECRET_KEY": GOOD_KEY,
                "ALLOWED_HOSTS": "x.se",
                "JAMKOLL_BASE_URL": "x.se",
            },
            "JAMKOLL_BASE_URL",
        ),
    ],
)
def test_production_refuses_to_start_when_unsafe(env, message):
    result = _load(env)
    assert result.returncode != 0
    assert message in result.stderr


def test_production_starts_with_a_proper_configuration():
    result = _load(
        {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "x.se", "JAMKOLL_BASE_URL": SITE}
    )
    assert result.returncode == 0, result.stderr


def test_demo_cannot_be_loaded_with_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": GOOD_KEY,
            "ALLOWED_HOSTS": "x.se",
            "JAMKOLL_BASE_URL": SITE,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "jamkoll.cli", "demo"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "produktionsinställningar" in result.stderr
