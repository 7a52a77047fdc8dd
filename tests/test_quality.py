"""Lint, format and type checks as tests, so the README's test command fails CI on any of them.

The tools come with the ``test`` and ``dev`` extras (pinned there); without them these tests skip.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest
from conftest import REPO


def run_tool(module: str, *args: str) -> subprocess.CompletedProcess[str]:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install '.[dev]')")
    return subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, capture_output=True, text=True, timeout=600)


def test_ruff_check_finds_nothing():
    out = run_tool("ruff", "check", "--no-cache", ".")
    assert out.returncode == 0, out.stdout + out.stderr


def test_ruff_format_would_change_nothing():
    out = run_tool("ruff", "format", "--check", "--no-cache", ".")
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_finds_no_errors():
    out = run_tool("mypy")  # files and strictness come from [tool.mypy] in pyproject.toml
    found = re.search(r"Found (\d+) errors? in (\d+) files?", out.stdout)
    if found:
        print(f"mypy: {found.group(1)} errors in {found.group(2)} files")
    assert out.returncode == 0, out.stdout[-5000:] + out.stderr


def test_licence_check_tells_the_gpl_family_apart():
    from scripts.check_licences import is_copyleft

    for licence in ("GPL-3.0-or-later", "LGPL-2.1-only", "AGPL-3.0", "GNU General Public License v3 (GPLv3)"):
        assert is_copyleft(licence), licence
    for licence in ("MIT", "BSD-3-Clause", "Apache-2.0 AND CNRI-Python", "MPL-1.1 OR GPL-2.0-only OR LGPL-2.1"):
        assert not is_copyleft(licence), licence


def test_no_dependency_of_the_gpl_family():
    pytest.importorskip("packaging")
    if importlib.util.find_spec("reader") is None or not _installed("reader"):
        pytest.skip("reader's metadata is not installed")
    # sumy 0.13 requires pycountry (LGPL-2.1) for language codes; reader never imports it.
    script = REPO / "scripts" / "check_licences.py"
    out = subprocess.run(
        [sys.executable, str(script), "--extra", "test", "--allow", "pycountry"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "textual" in out.stdout and "MIT" in out.stdout


def _installed(name: str) -> bool:
    import importlib.metadata

    try:
        importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True
