"""The installed package, not the source tree: build the wheel, install it apart, run it elsewhere.

A file missing from package data (the .tcss, text/data/*.txt, the seeds) passes every other test,
which run from the source tree, and breaks the installed tool. The wheel is installed with
--no-deps into a temporary folder and run by this interpreter, whose own environment supplies the
dependencies: nothing is downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

SKIP = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "tests")


def package_data(root: Path) -> set[str]:
    """Every file of the package that is not Python source, relative to the package folder."""
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the package as installed from its wheel."""
    pytest.importorskip("setuptools")
    base = tmp_path_factory.mktemp("installed")
    # Build from a clean copy: setuptools reuses build/ in the tree, where a file removed from
    # package data would linger and hide the mistake.
    source = base / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(*SKIP))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    build = subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(base / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = (base / "dist").glob("reader-*.whl")
    target = base / "site"
    install = subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    return target


def run_installed(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`reader ARGS` from an empty folder, importing the package from `site` only."""
    env = {**os.environ, "PYTHONPATH": str(site), "NO_COLOR": "1"}
    env.pop("PYTHONSAFEPATH", None)
    cwd = site.parent / "elsewhere"
    cwd.mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_wheel_holds_every_package_data_file(installed):
    source = package_data(REPO / "reader")
    assert {"tui/reader.tcss", "text/data/first_names.txt", "text/data/titles.txt"} <= source
    assert any(name.startswith("seeds/") for name in source)
    assert source <= package_data(installed / "reader")


def test_installed_package_is_the_one_imported(installed):
    probe = subprocess.run(
        [sys.executable, "-c", "import reader; print(reader.__file__)"],
        cwd=installed.parent,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert Path(probe.stdout.strip()).is_relative_to(installed), probe.stdout + probe.stderr


def test_installed_help(installed):
    out = run_installed(installed, "--help")
    assert out.returncode == 0, out.stderr
    assert "analyze" in out.stdout and "summarize" in out.stdout


def test_installed_analyze_on_the_bundled_seed(installed):
    out = run_installed(installed, "analyze", "--format", "json")
    assert out.returncode == 0, out.stderr
    first = json.loads(out.stdout.splitlines()[0])
    assert first["sentences"] and first["summary"]["selected"]
    # The gazetteer's shipped lists are read: the seed's people are typed as people.
    people = {p["name"] for p in first["participants"] if p["kind"] == "person"}
    assert "Natalya Gherman" in people


def test_installed_theme_loads(installed):
    code = (
        "from importlib import resources; from reader.tui.app import ReaderApp; "
        "css = resources.files('reader.tui').joinpath(ReaderApp.CSS_PATH).read_text(); print(len(css))"
    )
    env = {**os.environ, "PYTHONPATH": str(installed)}
    out = subprocess.run([sys.executable, "-c", code], cwd=installed.parent, env=env, capture_output=True, text=True)
    assert out.returncode == 0 and int(out.stdout) > 0, out.stderr
