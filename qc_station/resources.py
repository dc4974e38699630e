"""Where the shipped resources (policy, fonts, translations, sounds) are: next to the
package in a checkout, or inside the PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_policy_file() -> Path:
    return resources_dir() / "policy" / "default_policy.toml"
