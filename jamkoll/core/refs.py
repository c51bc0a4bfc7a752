"""Keys that point from one app to another's object: a primary key in a query
parameter (``?review=12``) or in a stored reference (``"reviews.review:12"``)."""

MAX_PK_DIGITS = 18  # fits a 64-bit key; longer digit strings are not keys


def pk_from(raw: object) -> int | None:
    """The primary key in a query parameter; None for anything that is not one."""
    text = str(raw or "")
    # isascii: "²".isdigit() is True but int("²") fails.
    digits = text.isascii() and text.isdigit()
    return int(text) if digits and len(text) <= MAX_PK_DIGITS else None


def pk_in_ref(ref: str, prefix: str) -> int | None:
    """The primary key in a reference such as ``"reviews.review:12"`` when it starts
    with `prefix`; None otherwise."""
    return pk_from(ref.removeprefix(prefix)) if ref.startswith(prefix) else None
