"""URL helpers shared by pack selection and page metadata."""

from __future__ import annotations

from urllib.parse import urlsplit


def host_of(url: str | None) -> str:
    """The lower-case host name of a URL, "" when there is none or the URL is malformed."""
    if not url:
        return ""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
