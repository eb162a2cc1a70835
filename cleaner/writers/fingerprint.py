"""The settings a run's records were made with, kept beside its output for --resume.

A resumed run must make its records the way the interrupted one did, or the output silently
mixes two runs. The first run writes `.NAME.settings.json` beside `-o NAME` (the JSONL stays
pure records): every setting that can change a record, the cleaner version, and a hash of the
user's rule packs. `--resume` compares and refuses a difference unless told to go on anyway.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from pathlib import Path
from typing import Any

import orjson

from cleaner._version import __version__
from cleaner.config import Settings
from cleaner.errors import OutputError, SettingsError


def sidecar_path(output: str) -> str:
    folder, name = os.path.split(output)
    return os.path.join(folder, f".{name}.settings.json")


def describe(settings: Settings) -> dict[str, Any]:
    """What decides the records, flattened to `section.field` keys (run-only knobs such as
    --jobs live in RunSettings, which is not part of Settings)."""
    found: dict[str, Any] = {"cleaner_version": __version__}
    for section in dataclasses.fields(settings):
        value = getattr(settings, section.name)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for key, item in dataclasses.asdict(value).items():
                found[f"{section.name}.{key}"] = _plain(item)
        else:
            found[section.name] = _plain(value)
    rules_dir = settings.filters.rules_dir
    found["filters.rules_dir_sha256"] = _packs_hash(rules_dir) if rules_dir else None
    return found


def record_settings(output: str, settings: Settings) -> None:
    """Write the sidecar for a fresh run (atomically: a torn sidecar would refuse --resume)."""
    path = sidecar_path(output)
    tmp = f"{path}.tmp-{os.getpid()}"
    try:
        Path(tmp).write_bytes(orjson.dumps(describe(settings), option=orjson.OPT_INDENT_2))
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None


def check_settings(output: str, settings: Settings) -> None:
    """Refuse to resume `output` with settings other than the ones it was written with."""
    try:
        recorded = orjson.loads(Path(sidecar_path(output)).read_bytes())
    except FileNotFoundError:
        return  # an output from before settings were recorded: nothing to compare
    except (OSError, orjson.JSONDecodeError) as exc:
        raise SettingsError(f"{sidecar_path(output)} is unreadable ({exc}); remove it") from None
    now = describe(settings)
    differ = sorted(k for k in now.keys() | recorded.keys() if now.get(k) != recorded.get(k))
    if differ:
        changes = ", ".join(f"{k}: {recorded.get(k)!r} -> {now.get(k)!r}" for k in differ)
        raise SettingsError(
            f"--resume with other settings than the run that wrote {output} ({changes}): "
            "use the same options, or --resume-anyway to mix the two"
        )


def _plain(value: Any) -> Any:
    """JSON-comparable: tuples as lists, paths resolved (a spelling is not a change)."""
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, os.PathLike):
        return os.path.realpath(value)
    return value


def _packs_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.toml")):
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
