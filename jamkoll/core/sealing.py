"""Sealing data that must lie unreadable in the database (and its backups).

Used for survey answers while they wait to be released (docs/survey-anonymity.md)
and for e-mail content in the task table (`core.tasks`). The data is JSON encrypted
with Fernet (AES-128-CBC + HMAC-SHA256) under a key derived with HKDF from
`settings.SECRET_KEY` and a label naming the purpose, so one use's key never opens
another's. `SECRET_KEY_FALLBACKS` are tried too (`MultiFernet`): rotating the secret
key does not lose what is still sealed.

Two details keep a sealed value from telling anything by itself:
- Fernet writes its creation time in clear into every token; we write 0 instead, so
  a sealed row does not record when it was written.
- With `size`, the plaintext is padded to a fixed length, so a long free-text answer
  does not make a longer row that could be matched with the released answer.
"""

import base64
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

__all__ = ["InvalidToken", "open_sealed", "seal"]


def _key(secret: str | bytes, label: bytes) -> bytes:
    raw = secret.encode("utf-8") if isinstance(secret, str) else secret
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(
        raw
    )
    return base64.urlsafe_b64encode(derived)


def _fernet(label: bytes) -> MultiFernet:
    """The current key first (it seals), then the fallbacks (they only open)."""
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([Fernet(_key(secret, label)) for secret in secrets])


def seal(data: Any, *, label: bytes, size: int | None = None) -> str:
    """`data` as JSON, padded with spaces to `size` bytes if given, and encrypted.

    Raises ValueError when the JSON is longer than `size` (the caller's bound is
    wrong), rather than writing a row whose length would stand out.
    """
    plain = json.dumps(data, ensure_ascii=True, separators=(",", ":")).encode("ascii")
    if size is not None:
        if len(plain) > size:
            raise ValueError(f"sealed payload of {len(plain)} bytes exceeds {size}")
        plain += b" " * (size - len(plain))
    return _fernet(label).encrypt_at_time(plain, current_time=0).decode("ascii")


def open_sealed(token: str, *, label: bytes) -> Any:
    """The data sealed by `seal`. Raises `InvalidToken` when no known key opens it."""
    return json.loads(_fernet(label).decrypt(token.encode("ascii")))
