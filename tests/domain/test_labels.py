"""Kinds of contact in words, with the name the person chose."""

from __future__ import annotations

import pytest

from companion.domain.history import SLIP_KINDS, slip_label


@pytest.mark.parametrize(
    ("kind", "alias", "expected"),
    [
        ("messaged", "", "I sent them a message"),
        ("messaged", "Sam", "I sent Sam a message"),
        ("answered", "", "I answered when they reached out"),
        ("answered", "Mum", "I answered when Mum reached out"),
        ("looked", "", "I looked at their profiles or posts"),
        ("looked", "J.", "I looked at J.'s profiles or posts"),
        ("met", "Sam", "We met in person"),
    ],
)
def test_labels_use_the_chosen_name(kind: str, alias: str, expected: str) -> None:
    """The app says the person's chosen name where it would otherwise say them/they/their."""
    assert slip_label(kind, alias) == expected


def test_every_label_reads_without_placeholders() -> None:
    """No label ever shows a raw {placeholder}."""
    for kind in SLIP_KINDS:
        assert "{" not in slip_label(kind, "")
        assert "{" not in slip_label(kind, "Sam")


def test_a_name_with_braces_is_shown_as_typed() -> None:
    """A name that looks like a placeholder is used literally, not expanded again."""
    assert slip_label("messaged", "{they}") == "I sent {they} a message"
