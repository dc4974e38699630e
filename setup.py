"""What ``pyproject.toml`` cannot say: the top-level ``resources/`` folder is installed as the
package ``qc_station._resources``, next to the code that reads it (``qc_station.resources``).

``[tool.setuptools.packages.find]`` cannot add a package that lives outside the folders it
searches, and the folder stays where it is (the design card's top-level layout). With the
mapping here a wheel carries the resources inside ``qc_station``, and an editable install
(``pip install -e .``) imports the package from ``resources/`` itself. Which files go in is
``[tool.setuptools.package-data]`` in ``pyproject.toml``.
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup

RESOURCES_PACKAGE = "qc_station._resources"
RESOURCES_FOLDER = "resources"

code = find_namespace_packages(include=["qc_station*", "ui*", "printing*"])
# The data's subfolders too, as setuptools wants every folder that holds package data listed.
data = [RESOURCES_PACKAGE] + [
    f"{RESOURCES_PACKAGE}.{sub.name}"
    for sub in sorted(Path(__file__).resolve().parent.joinpath(RESOURCES_FOLDER).iterdir())
    if sub.is_dir() and sub.name.isidentifier() and not sub.name.startswith("_")
]

setup(packages=code + data, package_dir={RESOURCES_PACKAGE: RESOURCES_FOLDER})
