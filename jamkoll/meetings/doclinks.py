"""Reading the free-text document lines of an agenda item (handlingar) as titles with
an optional link, so pages and documents show titles and never paths.

Pure Python, no Django. A line is written as "Title – https://…" (or "Title | URL",
or "Title https://…"); a bare URL is shown by its file name or host; a bare path
inside the site gets the caller's fallback title; anything else is plain text, such
as a case number ("KS 2026/0042 Översiktsplan").
"""

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

# Left over between the title and the link: "Title – URL", "Title | URL", "Title: URL".
_SEPARATORS = " \t–—-|:,;"
# Characters that end a sentence rather than a URL.
_TRAILING = ".,;"
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


@dataclass(frozen=True)
class DocumentLink:
    """A document as shown: its title, and where it lives ("" when not linked).

    `url` is an http(s) address or a path inside the site ("/…"); nothing else is
    ever used as a link target.
    """

    title: str
    url: str = ""

    @property
    def is_internal(self) -> bool:
        return self.url.startswith("/")


def safe_href(value: str) -> str:
    """`value` if it may be used as a link target (http, https or a path inside the
    site), else ""."""
    value = value.strip()
    if value.startswith("/") and not value.startswith("//") and len(value) > 1:
        return value
    parts = urlsplit(value)
    if parts.scheme.lower() in {"http", "https"} and parts.netloc:
        return value
    return ""


def _as_link(token: str) -> str:
    token = token.strip("<>").rstrip(_TRAILING)
    if token.lower().startswith("www.") and "." in token[4:]:
        token = "https://" + token
    return safe_href(token)


def readable_title(url: str) -> str:
    """A short readable name for a bare link: the file name, else the host; "" for
    a path inside the site without a file name."""
    parts = urlsplit(url)
    last = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]).strip()
    if last and _EXTENSION.search(last):
        return last
    host = parts.hostname or ""
    return host.removeprefix("www.")


def parse_document_line(line: str, *, untitled: str) -> DocumentLink:
    """One line of an agenda item's documents as a title and an optional link.

    The last link-like word is the link; every link-like word is taken out of the
    title. `untitled` is the title used when nothing readable is left (a bare path
    inside the site).
    """
    words = line.split()
    links = [(index, _as_link(word)) for index, word in enumerate(words)]
    found = [(index, url) for index, url in links if url]
    if not found:
        return DocumentLink(" ".join(words))
    url = found[-1][1]
    drop = {index for index, _url in found}
    title = " ".join(word for index, word in enumerate(words) if index not in drop)
    title = title.strip(_SEPARATORS)
    return DocumentLink(title or readable_title(url) or untitled, url)


def parse_documents(text: str, *, untitled: str) -> list[DocumentLink]:
    """Every non-empty line of `text` (see `parse_document_line`)."""
    return [
        parse_document_line(line, untitled=untitled)
        for line in text.splitlines()
        if line.strip()
    ]
