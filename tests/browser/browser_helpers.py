"""Paths and helpers the browser tests import (conftest.py holds the fixtures)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIDGET_STATIC = ROOT / "src" / "medialit" / "web" / "static"
SCREENSHOTS = ROOT / "_build" / "screenshots"


def screenshot(page, name: str) -> Path:
    """Save `_build/screenshots/<name>.png` and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path
