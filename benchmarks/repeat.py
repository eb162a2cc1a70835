"""A folder walked many times, for benchmarks that need more documents than an eval set has.

`cleaner clean` walks a path given twice only once (one input, one outcome), so each pass goes
through its own symlink to the folder: distinct paths, the same pages, nothing copied.
"""

from __future__ import annotations

from pathlib import Path


def repeated(folder: Path, times: int, scratch: Path) -> list[Path]:
    """`times` distinct paths (symlinks in `scratch`) that all lead to `folder`."""
    links = []
    for n in range(times):
        link = scratch / f"pass{n:04d}"
        link.symlink_to(folder.resolve(), target_is_directory=True)
        links.append(link)
    return links
