"""The installed package holds every data file the library reads: `pip install` copies only Python
files and what pyproject.toml's package-data names, so a data file left out works in a clone and
fails for a teacher who installed medialit."""

from __future__ import annotations

import tomllib
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "medialit"


def _package_data() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["package-data"]["medialit"]


def _data_files() -> list[PurePosixPath]:
    return sorted(
        PurePosixPath(path.relative_to(PACKAGE).as_posix())
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in {".py", ".pyc"} and "__pycache__" not in path.parts
    )


def test_every_data_file_of_the_package_is_named_in_package_data():
    patterns = _package_data()
    files = _data_files()
    assert files, "found no data files: the package moved?"
    missing = [
        str(f)
        for f in files
        if not any(f.match(pattern) and len(f.parts) == len(PurePosixPath(pattern).parts) for pattern in patterns)
    ]
    assert not missing, f"not installed by pip (add to [tool.setuptools.package-data] in pyproject.toml): {missing}"
