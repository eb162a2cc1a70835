"""The walk's limits: symlinks out of the given paths, folders we may not list or search,
and a file swapped for a symlink between the walk and the read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.config import Limits
from cleaner.errors import Rejected
from cleaner.readers.items import Item, iter_items

PAGE = "<html><body><article><p>" + "Ein Satz mit genug Wörtern für den Test. " * 20
PAGE += "</p></article></body></html>"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """root/ with a page, a link to a page inside, and links to a file and a folder outside."""
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (root / "a.html").write_text(PAGE, encoding="utf-8")
    (outside / "secret.html").write_text(PAGE, encoding="utf-8")
    os.symlink(root / "a.html", root / "b-inside.html")
    os.symlink(outside / "secret.html", root / "c-out.html")
    os.symlink(outside, root / "d-out-folder")
    return root


def outcomes(paths: list[Path], limits: Limits) -> dict[str, str]:
    """name -> "ok" or the reason its read is refused."""
    found = {}
    for item in iter_items(paths, limits):
        assert isinstance(item, Item)
        try:
            item.read(limits)
            found[Path(item.source.path or "").name] = "ok"
        except Rejected as exc:
            found[Path(item.source.path or "").name] = f"{exc.reason}: {exc.detail}"
    return found


def test_symlinks_out_of_the_given_paths_are_not_followed(tree: Path) -> None:
    found = outcomes([tree], Limits())
    assert found["a.html"] == found["b-inside.html"] == "ok"
    for name in ("c-out.html", "d-out-folder"):
        assert found[name].startswith("unreadable: symlink to ")
        assert "outside the given paths" in found[name]
    assert "secret.html" not in found


def test_follow_links_allows_leaving_the_given_paths(tree: Path) -> None:
    found = outcomes([tree], Limits(follow_links=True))
    assert found == {
        "a.html": "ok",
        "b-inside.html": "ok",
        "c-out.html": "ok",
        "secret.html": "ok",  # through d-out-folder
    }


def test_a_symlink_given_as_a_path_is_followed(tree: Path) -> None:
    assert outcomes([tree / "c-out.html"], Limits()) == {"c-out.html": "ok"}


def test_file_swapped_for_a_symlink_after_the_walk_is_not_read(tree: Path) -> None:
    limits = Limits()
    first = next(item for item in iter_items([tree], limits) if isinstance(item, Item))
    (tree / "a.html").unlink()
    os.symlink(tree.parent / "outside" / "secret.html", tree / "a.html")
    with pytest.raises(Rejected, match="replaced after the walk"):
        first.read(limits)


def _refuse_for(target: Path, real: object) -> object:
    def refuse(path: object, *args: object, **kwargs: object) -> object:
        if Path(str(path)) == target:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)  # type: ignore[operator]

    return refuse


def test_folder_that_cannot_be_listed_is_a_reject_not_silence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mode 0o100 (search, no read) as a normal user sees it; root is simulated."""
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.html").write_text(PAGE, encoding="utf-8")
    monkeypatch.setattr(os, "scandir", _refuse_for(tmp_path / "locked", os.scandir))
    found = outcomes([tmp_path], Limits())
    assert found == {
        "a.html": "ok",
        "locked": "unreadable: folder cannot be listed: Permission denied",
    }


def test_folder_that_cannot_be_searched_gives_rejects_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mode 0o400 (read, no search): the names are listed, but nothing in it can be opened."""
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.html").write_text(PAGE, encoding="utf-8")
    real_stat = Path.stat

    def stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        if self.parent == tmp_path / "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "stat", stat)
    assert outcomes([tmp_path], Limits()) == {
        "a.html": "ok",
        "b.html": "unreadable: Permission denied",
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and searches every folder")
@pytest.mark.parametrize(("mode", "name"), [(0o100, "locked"), (0o400, "b.html")])
def test_real_folder_permissions(tmp_path: Path, mode: int, name: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.html").write_text(PAGE, encoding="utf-8")
    locked.chmod(mode)
    try:
        found = outcomes([tmp_path], Limits())
    finally:
        locked.chmod(0o700)
    assert found[name].startswith("unreadable")


def test_cli_reports_the_link_and_follows_it_on_request(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    refused = CliRunner().invoke(app, ["clean", str(tree), "-o", str(out)])
    assert refused.exit_code == 0, refused.output
    assert "outside the given paths" in refused.output
    followed = CliRunner().invoke(app, ["clean", str(tree), "-o", str(out), "--follow-links"])
    assert followed.exit_code == 0 and "outside the given paths" not in followed.output
    assert len(out.read_bytes().splitlines()) == 4
