"""``qc_station.resources``: the shipped files are found through the package, and in a
development install that package is the checkout's ``resources/`` folder (so what the tools
write there is what the station reads). The installed wheel: ``tests/e2e/test_wheel_install.py``;
the frozen bundle: ``tests/e2e/test_frozen_build.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from qc_station.resources import default_policy_file, resource, resources_dir, source_dir

ROOT = Path(__file__).resolve().parents[2]


def test_a_development_install_reads_the_checkouts_folder() -> None:
    assert resources_dir() == ROOT / "resources"
    assert source_dir() == ROOT / "resources"


def test_the_default_policy_is_a_resource() -> None:
    assert default_policy_file() == resource("policy/default_policy.toml")
    assert default_policy_file().is_file()


@pytest.mark.parametrize("name", ["/etc/passwd", "../pyproject.toml", "policy/../../setup.py"])
def test_a_name_outside_the_folder_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="not a resource name"):
        resource(name)
