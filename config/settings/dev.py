"""Local development: DEBUG on, a fixed non-secret key, loopback hosts only."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "dev-only-insecure-key-never-used-in-production"
)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
JAMKOLL_DEMO_ENABLED = True
WHITENOISE_USE_FINDERS = True
