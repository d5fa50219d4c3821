"""`make js-check` reaches every JavaScript file the project ships or runs: a page script added to the book, or a
script in a new folder, is type-checked (tsc over JSDoc types) and linted and formatted (biome), or this test
names it. The bundles esbuild writes into src/medialit/web/static are generated from src/js, which is checked."""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from helpers import NODE, ROOT

NOT_OURS = {"node_modules", "_build", "dist", ".venv", ".git", ".pytest_cache", ".hypothesis"}
GENERATED = ROOT / "src" / "medialit" / "web" / "static"

# Files (or folders) biome checks but tsc does not, and why.
LINTED_ONLY = {
    "src/js/build.mjs": "a Node script: its types would need @types/node, which the project does not install",
    "tests/js/": "the front end's tests under node --test",
}


def js_files() -> set[str]:
    """Every .js, .mjs and .cjs file in the project's own folders, as a path from the project's root."""
    found = set()
    for folder, subfolders, names in os.walk(ROOT):
        subfolders[:] = [s for s in subfolders if s not in NOT_OURS and Path(folder, s) != GENERATED]
        found |= {Path(folder, n).relative_to(ROOT).as_posix() for n in names if n.endswith((".js", ".mjs", ".cjs"))}
    return found


def js_check_commands() -> list[list[str]]:
    """The commands of the Makefile's js-check target, as make runs them."""
    recipe = re.search(r"^js-check:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe, "the Makefile has no js-check target"
    return [shlex.split(line) for line in recipe.group(1).splitlines()]


def covered(command: list[str]) -> set[str]:
    """The files one js-check command checks: tsc's program (--listFilesOnly), only the files that say
    `// @ts-check` unless its tsconfig sets checkJs, or biome's files (--verbose)."""
    if "tsc" in command:
        run = functools.partial(subprocess.run, cwd=ROOT, capture_output=True, text=True, check=True)
        options = json.loads(run([*command, "--showConfig"]).stdout)["compilerOptions"]
        paths = [Path(line) for line in run([*command, "--listFilesOnly"]).stdout.splitlines()]
        ours = [p for p in paths if ROOT in p.parents and "node_modules" not in p.parts]
        if not options.get("checkJs"):
            ours = [p for p in ours if p.read_text(encoding="utf-8").startswith("// @ts-check")]
        return {p.relative_to(ROOT).as_posix() for p in ours}
    # not check=True: biome lists the files it read even when it finds a fault in one
    listing = subprocess.run([*command, "--verbose"], cwd=ROOT, capture_output=True, text=True)
    return set(re.findall(r"^\s+- (\S+)$", listing.stdout + listing.stderr, re.M))


@pytest.fixture(scope="module")
def checked():
    if NODE is None or not (ROOT / "node_modules" / ".bin" / "tsc").exists():
        pytest.skip("node and the front end's packages (npm ci) are not installed")
    commands = js_check_commands()
    tsc = set().union(*(covered(c) for c in commands if "tsc" in c))
    biome = set().union(*(covered(c) for c in commands if "biome" in c))
    return tsc, biome


def test_js_check_lints_and_formats_every_javascript_file(checked):
    _, biome = checked
    assert sorted(js_files() - biome) == [], "add these files' folder to biome.json and to `make js-check`"


def test_js_check_type_checks_every_javascript_file_but_the_node_script_and_tests(checked):
    tsc, _ = checked
    unchecked = {f for f in js_files() - tsc if not any(f.startswith(prefix) for prefix in LINTED_ONLY)}
    assert sorted(unchecked) == [], "bring these files under a tsconfig that `make js-check` runs (tsc -p)"
