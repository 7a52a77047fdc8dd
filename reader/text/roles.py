"""Roles of people: what the document says a person is."""

from __future__ import annotations


def role_of(analysis, group) -> str | None:
    return None
