"""Production: everything from the environment; refuses to start when unsafe."""

import ipaddress
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

_INSECURE_KEY_MARKERS = ("dev-only", "test-only", "change-me", "insecure")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or any(m in SECRET_KEY for m in _INSECURE_KEY_MARKERS):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters."
    )
if os.environ.get("DEBUG", "").lower() in {"1", "true", "yes", "on"}:
    raise ImproperlyConfigured("DEBUG must never be on in production.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the site's host names.")
JAMKOLL_BASE_URL = os.environ.get("JAMKOLL_BASE_URL", "").strip().rstrip("/")
_site = urlsplit(JAMKOLL_BASE_URL)
if _site.scheme not in {"https", "http"} or not _site.netloc:
    raise ImproperlyConfigured(
        "JAMKOLL_BASE_URL must be the site's address, e.g. https://jamkoll.kommun.se "
        "(links in e-mail use it)."
    )
# A mistyped proxy address would otherwise surface only at the first login.
for _proxy in JAMKOLL_TRUSTED_PROXIES:  # noqa: F405
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"JAMKOLL_TRUSTED_PROXIES: {_proxy!r} is not an address or network."
        ) from error
if JAMKOLL_SESSION_IDLE_MINUTES < 1 or JAMKOLL_SESSION_MAX_HOURS < 1:  # noqa: F405
    raise ImproperlyConfigured(
        "JAMKOLL_SESSION_IDLE_MINUTES and JAMKOLL_SESSION_MAX_HOURS must be positive."
    )

DEBUG = False
JAMKOLL_DEMO_ENABLED = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]  # noqa: F405
