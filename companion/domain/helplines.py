"""Helplines: the ones that come with the app and the person's own changes to them.

The helplines ship in ``companion/data/helplines.json``, each checked against a named
source on a given day. The person can edit, hide or add entries; their own copy of an
entry is kept apart from the shipped file and, once edited, always wins over it, so a
newer shipped file never undoes their change. The country is the person's choice; the
first guess comes from the locale, never from the network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from importlib.resources import files
from typing import Any

from companion.domain.errors import ValidationError
from companion.domain.fields import (
    check_name,
    check_note,
    check_phone,
    is_one_line,
)

KINDS: tuple[str, ...] = ("emergency", "abuse", "crisis", "text")
"""Kinds of helpline, in the order they are shown."""


STATUSES: tuple[str, ...] = ("verified", "verified-old", "unverified")
"""How well an entry's facts were checked. "verified-old" means the newest source found
is over about two years old; it ships, and the screen says so. "unverified" never ships."""


SHIPPED_STATUSES: tuple[str, ...] = ("verified", "verified-old")
"""The statuses a shipped entry may have."""


CRISIS_LINE = (
    "If you need someone now: call your local emergency number, or find a helpline "
    "for your country at findahelpline.com."
)
"""Said whenever the app cannot go on or cannot open, so help is never out of reach."""

EVERYWHERE = "*"
"""The country code of entries shown before a country is chosen: the emergency numbers
that cover most people."""


FORMAT = 1
"""The version of the shipped file's layout this code reads."""


_TERRITORIES: dict[str, str] = {
    "US": "US",
    "GB": "GB-ENG",
    "IE": "IE",
    "CA": "CA",
    "AU": "AU",
    "NZ": "NZ",
    "IN": "IN",
}
"""Locale territories and the country each suggests."""


_NATIONS: dict[str, str] = {"cy": "GB-WLS", "gd": "GB-SCT"}
"""Languages that point to one nation of the UK (Welsh, Scottish Gaelic)."""


def _strings(value: Any, what: str) -> tuple[str, ...]:
    """A list of strings from a record, as a tuple, or a ValidationError."""
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValidationError(f"{what} record is damaged.")
    return tuple(value)


@dataclass(frozen=True)
class Helpline:
    """A service to call or text: shipped, or the person's own copy or addition."""

    id: str
    """A stable identifier; the person's copy of a shipped entry keeps its id."""
    countries: tuple[str, ...]
    """Country codes where it is offered, e.g. ("GB-ENG", "GB-SCT")."""
    kind: str
    """One of KINDS."""
    name: str
    """The service's name."""
    purpose: str
    """What it offers, in a sentence."""
    serves: str = ""
    """Who it is for, in a few words ("For men", "For LGBT+ people"), or empty."""
    call: str = ""
    """The number to call, or empty for a text-only service."""
    silent: str = ""
    """How to ask for help without speaking, where a checked way exists."""
    text_number: str = ""
    """The number to text, or empty."""
    text_keyword: str = ""
    """A word to send first, or empty."""
    hours: str = ""
    """When it answers, e.g. "24/7"; empty when not known for sure."""
    notes: str = ""
    """Anything else worth knowing; any text."""
    source: tuple[str, ...] = ()
    """Where its facts were checked."""
    verified_on: date | None = None
    """The day its facts were last checked."""
    status: str = "verified"
    """One of STATUSES."""
    user_edited: bool = False
    """True once the person changed it: a newer shipped file never replaces it."""
    user_added: bool = False
    """True for an entry the person added themselves."""
    hidden: bool = False
    """True when the person chose not to see it (it can be shown again)."""

    def __post_init__(self) -> None:
        """Refuse what cannot be a helpline; keep names and numbers trimmed."""
        if not self.id:
            raise ValidationError("A helpline is missing its identifier.")
        if self.kind not in KINDS:
            raise ValidationError(f"Unknown kind of helpline {self.kind!r}.")
        object.__setattr__(self, "name", check_name(self.name))
        object.__setattr__(self, "countries", tuple(self.countries))
        object.__setattr__(self, "source", tuple(self.source))
        if not self.countries or not all(isinstance(c, str) and c for c in self.countries):
            raise ValidationError("A helpline needs the country it serves.")
        if not self.call.strip() and not self.text_number.strip():
            raise ValidationError("A helpline needs a number to call or a number to text.")
        if self.call.strip():
            object.__setattr__(self, "call", check_phone(self.call))
        else:
            object.__setattr__(self, "call", "")
        if self.text_number.strip():
            object.__setattr__(self, "text_number", check_phone(self.text_number))
        else:
            object.__setattr__(self, "text_number", "")
        keyword = self.text_keyword.strip()
        if not is_one_line(keyword):
            raise ValidationError("The word to text is one line, without control characters.")
        object.__setattr__(self, "text_keyword", keyword)
        check_note(self.notes)
        if not is_one_line(self.serves):
            raise ValidationError("Who a helpline is for is one line, without control characters.")
        if self.status not in STATUSES:
            raise ValidationError(f"Unknown check status {self.status!r}.")

    @property
    def is_older(self) -> bool:
        """True when the newest source found for its facts is old, so they may have changed."""
        return self.status == "verified-old" and not (self.user_edited or self.user_added)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "id": self.id,
            "countries": list(self.countries),
            "kind": self.kind,
            "name": self.name,
            "serves": self.serves,
            "purpose": self.purpose,
            "call": self.call,
            "silent": self.silent,
            "text_number": self.text_number,
            "text_keyword": self.text_keyword,
            "hours": self.hours,
            "notes": self.notes,
            "source": list(self.source),
            "verified_on": None if self.verified_on is None else self.verified_on.isoformat(),
            "status": self.status,
            "user_edited": self.user_edited,
            "user_added": self.user_added,
            "hidden": self.hidden,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Helpline:
        """Rebuild, refusing anything malformed; the person's flags default to off."""
        damaged = ValidationError("A helpline record is damaged.")
        if not isinstance(data, Mapping):
            raise damaged
        required = [data.get(k) for k in ("id", "kind", "name", "purpose")]
        optional = {
            k: data.get(k, "")
            for k in ("serves", "call", "silent", "text_number", "text_keyword", "hours", "notes")
        }
        status = data.get("status", "verified")
        flags = {k: data.get(k, False) for k in ("user_edited", "user_added", "hidden")}
        texts_ok = all(isinstance(v, str) for v in (*required, *optional.values(), status))
        if not texts_ok or not all(isinstance(f, bool) for f in flags.values()):
            raise damaged
        countries = _strings(data.get("countries"), "A helpline")
        source = _strings(data.get("source", []), "A helpline")
        checked = data.get("verified_on")
        if checked is not None and not isinstance(checked, str):
            raise damaged
        try:
            verified_on = None if checked is None else date.fromisoformat(checked)
        except ValueError:
            raise damaged from None
        return cls(
            id=str(data["id"]),
            countries=countries,
            kind=str(data["kind"]),
            name=str(data["name"]),
            purpose=str(data["purpose"]),
            serves=str(optional["serves"]),
            source=source,
            verified_on=verified_on,
            call=str(optional["call"]),
            silent=str(optional["silent"]),
            text_number=str(optional["text_number"]),
            text_keyword=str(optional["text_keyword"]),
            hours=str(optional["hours"]),
            notes=str(optional["notes"]),
            status=str(status),
            user_edited=bool(flags["user_edited"]),
            user_added=bool(flags["user_added"]),
            hidden=bool(flags["hidden"]),
        )


@dataclass(frozen=True)
class Directory:
    """Where to look when the person's country is not listed or a number fails."""

    name: str
    """The directory's name."""
    where: str
    """Its web address."""
    purpose: str
    """What it offers, in a sentence."""
    source: tuple[str, ...]
    """Where its facts were checked."""
    verified_on: date
    """The day its facts were last checked."""

    def __post_init__(self) -> None:
        """Refuse a directory with no name, address or source."""
        if not self.name.strip() or not self.where.strip():
            raise ValidationError("The helpline directory is missing its name or address.")
        if not self.source:
            raise ValidationError("The helpline directory is missing its source.")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready values."""
        return {
            "name": self.name,
            "where": self.where,
            "purpose": self.purpose,
            "source": list(self.source),
            "verified_on": self.verified_on.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Directory:
        """Rebuild, refusing anything malformed."""
        damaged = ValidationError("The helpline directory record is damaged.")
        if not isinstance(data, Mapping):
            raise damaged
        texts = [data.get(k) for k in ("name", "where", "purpose", "verified_on")]
        if not all(isinstance(v, str) for v in texts):
            raise damaged
        try:
            verified_on = date.fromisoformat(str(data["verified_on"]))
        except ValueError:
            raise damaged from None
        return cls(
            name=str(data["name"]),
            where=str(data["where"]),
            purpose=str(data["purpose"]),
            source=_strings(data.get("source"), "The helpline directory"),
            verified_on=verified_on,
        )


@dataclass(frozen=True)
class ShippedLines:
    """The helplines that come with the app."""

    countries: dict[str, str]
    """Country codes and their names, in the order offered."""
    helplines: tuple[Helpline, ...]
    """Every shipped entry, in the file's order."""
    directory: Directory
    """Where to look for anywhere else."""


def load_shipped(text: str) -> ShippedLines:
    """Read the shipped file's text, refusing a file that breaks any rule of the list."""
    try:
        data = json.loads(text)
    except ValueError:
        raise ValidationError("The list of helplines could not be read.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError("The list of helplines is in a form this version can't read.")
    countries = data.get("countries")
    if (
        not isinstance(countries, dict)
        or not countries
        or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in countries.items())
    ):
        raise ValidationError("The list of helplines has no usable list of countries.")
    record = data.get("directory")
    if not isinstance(record, Mapping):
        raise ValidationError("The list of helplines is missing its directory.")
    directory = Directory.from_dict(record)
    records = data.get("helplines")
    if not isinstance(records, list):
        raise ValidationError("The list of helplines is damaged.")
    helplines = tuple(Helpline.from_dict(record) for record in records)
    seen: set[str] = set()
    for entry in helplines:
        if entry.id in seen:
            raise ValidationError(f"The helpline {entry.id!r} is listed twice.")
        seen.add(entry.id)
        if entry.status not in SHIPPED_STATUSES:
            raise ValidationError(f"The helpline {entry.id!r} has not been checked.")
        if not entry.source or entry.verified_on is None:
            raise ValidationError(f"The helpline {entry.id!r} is missing its source or date.")
        unknown = [c for c in entry.countries if c not in countries and c != EVERYWHERE]
        if unknown:
            raise ValidationError(f"The helpline {entry.id!r} names an unknown country.")
        if entry.user_edited or entry.user_added or entry.hidden:
            raise ValidationError(f"The helpline {entry.id!r} is marked as the person's own.")
    return ShippedLines(countries=dict(countries), helplines=helplines, directory=directory)


def shipped_text() -> str:
    """The text of the helplines file that comes with the app."""
    return (files("companion.data") / "helplines.json").read_text(encoding="utf-8")


def _effective(
    shipped: ShippedLines, country: str, overrides: Iterable[Helpline]
) -> list[Helpline]:
    """Every entry for ``country`` as the person sees it (hidden ones included), in order.

    An edited copy replaces its shipped entry wholesale; an unedited copy only carries
    the hidden flag over to the shipped entry, so facts stay current. Edited copies of
    entries a newer file dropped are kept; plain copies of them are not.
    """
    own = {entry.id: entry for entry in overrides}
    shipped_ids = {entry.id for entry in shipped.helplines}
    chosen: list[Helpline] = []
    for entry in shipped.helplines:
        mine = own.get(entry.id)
        if mine is not None and (mine.user_edited or mine.user_added):
            entry = mine
        elif mine is not None:
            entry = replace(entry, hidden=mine.hidden)
        if country in entry.countries:
            chosen.append(entry)
    chosen.extend(
        entry
        for entry in own.values()
        if entry.id not in shipped_ids
        and (entry.user_added or entry.user_edited)
        and country in entry.countries
    )
    return sorted(chosen, key=lambda entry: KINDS.index(entry.kind))


def helplines_for(
    shipped: ShippedLines, country: str, overrides: Iterable[Helpline]
) -> list[Helpline]:
    """The helplines to show for ``country``: emergency, abuse, crisis, then text lines.

    The person's own copies replace the shipped ones; their additions for the country are
    included; hidden entries are left out.
    """
    return [entry for entry in _effective(shipped, country, overrides) if not entry.hidden]


def line_number(line: Helpline) -> str:
    """What to dial or text for a helpline, in a few characters."""
    if line.call:
        return line.call
    keyword = f"{line.text_keyword} to " if line.text_keyword else ""
    return f"text {keyword}{line.text_number}"


def guess_country(lang: str) -> str | None:
    """A first guess at the country from a locale such as "en_GB.UTF-8", or None.

    Only the text given is read: no network, no location. Welsh and Scottish Gaelic
    locales ("cy_GB", "gd_GB") suggest Wales and Scotland.
    """
    for part in lang.split(":"):
        locale = re.split(r"[.@]", part.strip(), maxsplit=1)[0]
        language, _, territory = locale.replace("-", "_").partition("_")
        country = _TERRITORIES.get(territory.upper())
        if country is None:
            continue
        if country == "GB-ENG":
            return _NATIONS.get(language.lower(), country)
        return country
    return None
