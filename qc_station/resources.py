"""The one way to the shipped resources: the default policy, fonts, compiled translations,
sounds, icons, style sheet and examples.

They are package data of ``qc_station._resources``, found with :mod:`importlib.resources`
(as qutebrowser's ``utils/resources.py`` does), so the same call finds them wherever the
package is:

- in a checkout, the top-level ``resources/`` folder: ``setup.py`` maps it to the package, and
  an editable install (``pip install -e .``) imports the package from that folder, so the app
  reads (and ``scripts/update_translations.py`` writes) the files in place;
- in an installed wheel, inside the package in ``site-packages``;
- in the PyInstaller bundle, at ``qc_station/_resources`` (``installer/qc_station.spec``).

Qt, reportlab and the policy loader open files by name, so the package must be on the file
system (a wheel is installed unpacked, the bundle is a folder): a zipped one is refused.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path, PurePosixPath

#: The package the ``resources/`` folder is installed as.
PACKAGE = "qc_station._resources"


@functools.cache
def resources_dir() -> Path:
    """The folder holding the resources, as the running station sees it."""
    try:
        root = importlib.resources.files(PACKAGE)
    except ModuleNotFoundError:
        raise RuntimeError(
            f"the package {PACKAGE} (the resources) is not installed; "
            "in a checkout, install it again: pip install -e ."
        ) from None
    if not isinstance(root, Path):
        raise RuntimeError(f"the resources ({root}) are not on the file system")
    return root


def resource(name: str) -> Path:
    """The path of one resource, named relative to the folder (``"policy/x.toml"``)."""
    parts = PurePosixPath(name)
    if parts.is_absolute() or ".." in parts.parts:
        raise ValueError(f"not a resource name: {name!r}")
    return resources_dir().joinpath(*parts.parts)


def default_policy_file() -> Path:
    return resource("policy/default_policy.toml")


def source_dir() -> Path:
    """The checkout's ``resources/`` folder, for the tools that make or bundle resources
    (translations, sounds, icons, the installer): it is the folder the station reads only when
    the checkout is installed editable, which this checks, so a tool never writes into an
    installed copy."""
    root = resources_dir()
    if not (root.parent / "pyproject.toml").is_file():
        raise RuntimeError(
            f"the resources are read from {root}, not from a checkout: "
            "install the checkout editable (pip install -e .)"
        )
    return root
