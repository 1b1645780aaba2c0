"""The person's own settings: what to call the one they left, first-run progress, and
the choices the app remembers (its theme, the voice of guided writing)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from companion.domain.errors import ValidationError
from companion.domain.fields import is_one_line
from companion.domain.reasons import VOICES

ALIAS_LIMIT = 40
"""The longest alias accepted."""
URGE_MINUTES = (5, 120)
"""The shortest and longest default length of an urge session, in minutes."""
THEME_LIMIT = 60
"""The longest theme name kept."""
LOCK_MINUTES = (0, 240)
"""How long the app may stay idle before it locks itself (0: never), in minutes."""
DEFAULT_LOCK_MINUTES = 5


def check_alias(text: str) -> str:
    """An alias as the person typed it (outer spaces trimmed); empty means none."""
    alias = text.strip()
    if len(alias) > ALIAS_LIMIT:
        raise ValidationError(
            f"Please keep the name to {ALIAS_LIMIT} characters or fewer; this one has {len(alias)}."
        )
    if not is_one_line(alias):
        raise ValidationError("The name can't contain line breaks or control characters.")
    return alias


@dataclass(frozen=True)
class Profile:
    """Settings the person chose."""

    alias: str = ""
    """How the app refers to the person they left; empty for "them"."""
    welcomed: bool = False
    """True once the first-run welcome has been seen (finished or skipped)."""
    urge_minutes: int = 20
    """How long an urge session lasts unless the person picks another length."""
    theme: str = ""
    """The colour theme chosen in the command palette; empty for the app's own."""
    guided_voice: str = "i"
    """The way of writing chosen in guided writing: a key of VOICES."""
    lock_minutes: int = DEFAULT_LOCK_MINUTES
    """With a passphrase: minutes without a key or a click before the app locks itself
    (0: it never does)."""

    def __post_init__(self) -> None:
        """Refuse an alias that could not have been typed in; keep it trimmed."""
        object.__setattr__(self, "alias", check_alias(self.alias))
        low, high = URGE_MINUTES
        if isinstance(self.urge_minutes, bool) or not isinstance(self.urge_minutes, int):
            raise ValidationError("The session length must be a whole number of minutes.")
        if not low <= self.urge_minutes <= high:
            raise ValidationError(f"A session can last from {low} to {high} minutes.")
        if len(self.theme) > THEME_LIMIT or not is_one_line(self.theme):
            raise ValidationError("The chosen theme's name is damaged.")
        if self.guided_voice not in VOICES:
            raise ValidationError("The chosen way of writing is damaged.")
        low, high = LOCK_MINUTES
        if isinstance(self.lock_minutes, bool) or not isinstance(self.lock_minutes, int):
            raise ValidationError("The time before locking must be a whole number of minutes.")
        if not low <= self.lock_minutes <= high:
            raise ValidationError(
                f"The time before locking can be from 1 to {high} minutes, or 0 for never."
            )

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
        return {
            "alias": self.alias,
            "welcomed": self.welcomed,
            "urge_minutes": self.urge_minutes,
            "theme": self.theme,
            "guided_voice": self.guided_voice,
            "lock_minutes": self.lock_minutes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """Rebuild, refusing malformed values."""
        alias = data.get("alias", "")
        welcomed = data.get("welcomed", False)
        minutes = data.get("urge_minutes", 20)
        theme = data.get("theme", "")
        voice = data.get("guided_voice", "i")
        lock = data.get("lock_minutes", DEFAULT_LOCK_MINUTES)
        if not all(isinstance(text, str) for text in (alias, theme, voice)) or not isinstance(
            welcomed, bool
        ):
            raise ValidationError("The settings record is damaged.")
        return cls(
            alias=alias,
            welcomed=welcomed,
            urge_minutes=minutes,
            theme=theme,
            guided_voice=voice,
            lock_minutes=lock,
        )
