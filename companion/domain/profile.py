"""The person's own settings: what to call the one they left, and first-run progress."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from companion.domain.errors import ValidationError

ALIAS_LIMIT = 40
"""The longest alias accepted."""

_REFUSED = {"Cc", "Zl", "Zp"}
"""Unicode categories an alias may not hold: control codes (C0 and C1) and line breaks."""


def check_alias(text: str) -> str:
    """An alias as the person typed it (outer spaces trimmed); empty means none."""
    alias = text.strip()
    if len(alias) > ALIAS_LIMIT:
        raise ValidationError(
            f"Please keep the name to {ALIAS_LIMIT} characters or fewer; this one has {len(alias)}."
        )
    if any(unicodedata.category(ch) in _REFUSED for ch in alias):
        raise ValidationError("The name can't contain line breaks or control characters.")
    return alias


@dataclass(frozen=True)
class Profile:
    """Settings the person chose."""

    alias: str = ""
    """How the app refers to the person they left; empty for "them"."""
    welcomed: bool = False
    """True once the first-run welcome has been seen (finished or skipped)."""

    def __post_init__(self) -> None:
        """Refuse an alias that could not have been typed in; keep it trimmed."""
        object.__setattr__(self, "alias", check_alias(self.alias))

    @property
    def them(self) -> str:
        """The alias, or "them"."""
        return self.alias or "them"

    @property
    def they(self) -> str:
        """The alias, or "they"."""
        return self.alias or "they"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {"alias": self.alias, "welcomed": self.welcomed}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Rebuild, refusing malformed values."""
        alias = data.get("alias", "")
        welcomed = data.get("welcomed", False)
        if not isinstance(alias, str) or not isinstance(welcomed, bool):
            raise ValidationError("The settings record is damaged.")
        return cls(alias=alias, welcomed=welcomed)
