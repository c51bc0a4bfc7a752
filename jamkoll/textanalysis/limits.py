"""Configurable safety limits for reading documents."""

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits applied before and while reading a file.

    ``max_file_bytes`` is checked with ``stat`` before anything is read. The zip
    limits are checked on the central directory before any member is
    decompressed (``zipfile`` never yields more than a member's declared size).
    """

    max_file_bytes: int = 50 * MB
    max_pages: int = 5000
    max_zip_members: int = 2000
    max_zip_uncompressed_bytes: int = 200 * MB
    max_zip_ratio: float = 100.0
    zip_ratio_min_member_bytes: int = 1 * MB
    min_chars_per_text_page: int = 25
    language_min_words: int = 25
    min_swedish_stopword_ratio: float = 0.06
