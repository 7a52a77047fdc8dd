"""List every installed distribution that reader pulls in, with its licence; fail on GPL, LGPL or AGPL.

Walks the requirements from the installed metadata (``importlib.metadata``), starting at the
project's run-time dependencies, plus the extras named with ``--extra``. A licence expression
with ``OR`` passes when one of its choices is not of the GPL family.

    python scripts/check_licences.py [--extra test --extra dev] [--allow NAME] [--project reader]

``--allow NAME`` lists a known exception without failing on it (say why where it is used).

Exit 0: none of the GPL family; 1: at least one; 2: the project is not installed.
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import re
import sys
from dataclasses import dataclass

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

GPL_FAMILY = re.compile(r"\b(A|L)?GPL|GNU (Affero |Lesser |Library )?General Public", re.IGNORECASE)


@dataclass
class Found:
    name: str
    version: str
    licence: str
    copyleft: bool
    via: str  # the distribution that requires it ('' for the project's own requirements)


def licence_of(meta: md.PackageMetadata) -> str:
    """The shortest honest statement of a distribution's licence from its metadata."""
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    text = (meta.get("License") or "").strip()
    first_line = text.splitlines()[0] if text else ""
    if classifiers:
        return " AND ".join(dict.fromkeys(classifiers))
    return first_line[:80] or "UNKNOWN"


def is_copyleft(licence: str) -> bool:
    """True when every choice of the licence is of the GPL family."""
    choices = re.split(r"\s+OR\s+", licence.strip("()"))
    return all(GPL_FAMILY.search(choice) for choice in choices)


def requirements(meta: md.PackageMetadata, extras: set[str]) -> list[Requirement]:
    out = []
    for line in meta.get_all("Requires-Dist") or []:
        req = Requirement(line)
        marker = req.marker
        if marker is None or any(marker.evaluate({"extra": extra}) for extra in extras | {""}):
            out.append(req)
    return out


def walk(project: str, extras: set[str]) -> tuple[list[Found], list[str]]:
    """Installed distributions reachable from the project, and requirements not installed."""
    found: dict[str, Found] = {}
    missing: list[str] = []
    todo = [(req, "") for req in requirements(md.metadata(project), extras)]
    while todo:
        req, via = todo.pop()
        name = canonicalize_name(req.name)
        if name in found:
            continue
        try:
            dist = md.distribution(req.name)
        except md.PackageNotFoundError:
            missing.append(req.name)
            continue
        licence = licence_of(dist.metadata)
        found[name] = Found(dist.metadata["Name"], dist.version, licence, is_copyleft(licence), via)
        todo.extend((sub, dist.metadata["Name"]) for sub in requirements(dist.metadata, set(req.extras)))
    return sorted(found.values(), key=lambda f: f.name.lower()), sorted(set(missing))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", default="reader")
    parser.add_argument("--extra", action="append", default=[], help="also walk this extra (repeatable)")
    parser.add_argument("--allow", action="append", default=[], help="a known exception: listed, not failed on")
    args = parser.parse_args(argv)
    try:
        found, missing = walk(args.project, set(args.extra))
    except md.PackageNotFoundError:
        print(f"check_licences: {args.project} is not installed", file=sys.stderr)
        return 2
    for item in found:
        flag = " GPL-FAMILY" if item.copyleft else ""
        via = f" (via {item.via})" if item.via else ""
        print(f"{item.name:28} {item.version:12} {item.licence}{flag}{via}")
    for name in missing:
        print(f"{name:28} {'-':12} not installed (an optional platform dependency?)")
    allowed = {canonicalize_name(name) for name in args.allow}
    bad = [item for item in found if item.copyleft]
    names = ", ".join(item.name + (f" via {item.via}" if item.via else "") for item in bad)
    print(f"{len(found)} distributions, {len(bad)} of the GPL family" + (f": {names}" if bad else ""))
    return 1 if any(canonicalize_name(item.name) not in allowed for item in bad) else 0


if __name__ == "__main__":
    sys.exit(main())
