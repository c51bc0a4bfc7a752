"""Secret tokens that are mailed or given once and stored only as a hash.

Used by the survey's personal links and the calendar addresses: the database (and
its backups) holds only the SHA-256 of a token, so reading it gives no working link.
"""

import hashlib
import secrets


def new_token() -> str:
    """A fresh secret token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """What is stored and looked up: the hex SHA-256 of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
