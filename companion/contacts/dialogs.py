"""Dialogs for crisis contacts: a person, a helpline, and the country."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.option_list import Option

from companion.domain.errors import ValidationError
from companion.domain.fields import check_name, check_note, check_phone, new_id
from companion.domain.helplines import Helpline
from companion.domain.people import RELATIONS, Person
from companion.ui.dialogs import Dialog
from companion.ui.field import Field
from companion.ui.keybar import KeyBar
from companion.ui.safety import Modal
from companion.ui.tick import Tick

PHONE_EXAMPLES: dict[str, str] = {
    "US": "202-555-0143",
    "CA": "613-555-0143",
    "GB-ENG": "07700 900123",
    "GB-SCT": "07700 900123",
    "GB-WLS": "07700 900123",
    "GB-NIR": "07700 900123",
}
"""An example number for the chosen country, only from ranges kept for fiction (555-0100
to 555-0199 in North America; Ofcom's 07700 900xxx drama range in the UK)."""


GENERIC_PHONE_EXAMPLE = "Their number, as you would dial it"
"""The hint where no number is known to be kept for fiction, or no country is chosen."""


def phone_example(country: str | None) -> str:
    """The phone field's hint for ``country``: never a number someone could really have."""
    return PHONE_EXAMPLES.get(country or "", GENERIC_PHONE_EXAMPLE)


@dataclass(frozen=True)
class PersonDraft:
    """Everything in the person dialog, kept whole if a save fails."""

    name: str = ""
    relation: str = "friend"
    phone: str = ""
    texting_ok: bool = False
    notes: str = ""
    favourite: bool = False

    @classmethod
    def of(cls, person: Person | None) -> PersonDraft:
        """The fields for ``person``, or empty ones for someone new."""
        if person is None:
            return cls()
        return cls(
            person.name,
            person.relation,
            person.phone,
            person.texting_ok,
            person.notes,
            person.favourite,
        )

    def applied(self, person: Person | None, now: datetime, position: int) -> Person:
        """``person`` changed to these fields, or someone new, added ``now`` at ``position``."""
        if person is None:
            person = Person(name=self.name, phone=self.phone, created_at=now, position=position)
        return replace(
            person,
            name=self.name,
            relation=self.relation,
            phone=self.phone,
            texting_ok=self.texting_ok,
            notes=self.notes,
            favourite=self.favourite,
        )


class PersonDialog(Dialog[PersonDraft]):
    """Someone you trust: name, how you know them, number, notes."""

    def __init__(self, draft: PersonDraft, editing: bool, country: str | None = None) -> None:
        """Open with ``draft``; the phone hint follows ``country`` (a code, or None)."""
        super().__init__()
        self.draft = draft
        self.editing = editing
        self.country = country

    def heading(self) -> str:
        """New or editing."""
        return "Edit a safe person" if self.editing else "Someone you trust"

    def body(self) -> ComposeResult:
        """The fields."""
        yield Label("Name")
        yield Field(self.draft.name, id="name", compact=True)
        yield Label("How you know them")
        options = [(label, key) for key, label in RELATIONS.items()]
        yield Select(
            options, value=self.draft.relation, allow_blank=False, id="relation", compact=True
        )
        yield Label("Phone number")
        yield Field(
            self.draft.phone, id="phone", compact=True, placeholder=phone_example(self.country)
        )
        yield Tick("Texting them is fine", self.draft.texting_ok, id="texting", compact=True)
        yield Label(
            "Notes (optional): \u201cgood at 2 a.m.\u201d, \u201cknows the whole story\u201d"
        )
        yield TextArea(self.draft.notes, id="notes", soft_wrap=True, compact=True)
        yield Tick("Favourite (listed first)", self.draft.favourite, id="favourite", compact=True)

    def draft_now(self) -> PersonDraft:
        """What is typed now, valid or not."""
        relation = self.query_one("#relation", Select).value
        return PersonDraft(
            name=self.query_one("#name", Input).value,
            relation=relation if isinstance(relation, str) else "other",
            phone=self.query_one("#phone", Input).value,
            texting_ok=self.query_one("#texting", Checkbox).value,
            notes=self.query_one("#notes", TextArea).text,
            favourite=self.query_one("#favourite", Checkbox).value,
        )

    def result(self) -> PersonDraft:
        """The draft, checked."""
        draft = self.draft_now()
        check_name(draft.name)
        check_phone(draft.phone)
        check_note(draft.notes)
        return draft


@dataclass(frozen=True)
class LineDraft:
    """Everything in the helpline dialog."""

    name: str = ""
    purpose: str = ""
    call: str = ""
    text_number: str = ""
    text_keyword: str = ""
    hours: str = ""

    @classmethod
    def of(cls, line: Helpline | None) -> LineDraft:
        """The fields for ``line``, or empty ones for a helpline of the person's own."""
        if line is None:
            return cls()
        return cls(
            line.name, line.purpose, line.call, line.text_number, line.text_keyword, line.hours
        )

    def applied(self, line: Helpline | None, country: str) -> Helpline:
        """``line`` changed to these fields (kept as the person's own version), or a new
        helpline of their own for ``country``; every field is trimmed."""
        name, purpose = self.name.strip(), self.purpose.strip()
        call, text_number = self.call.strip(), self.text_number.strip()
        keyword, hours = self.text_keyword.strip(), self.hours.strip()
        if line is None:
            return Helpline(
                id=f"own-{new_id()}",
                countries=(country,),
                kind="crisis",
                name=name,
                purpose=purpose,
                call=call,
                text_number=text_number,
                text_keyword=keyword,
                hours=hours,
                user_added=True,
            )
        return replace(
            line,
            name=name,
            purpose=purpose,
            call=call,
            text_number=text_number,
            text_keyword=keyword,
            hours=hours,
            user_edited=True,
        )


class HelplineDialog(Dialog[LineDraft]):
    """A helpline's details; an edited one is marked as yours and never overwritten."""

    def __init__(self, draft: LineDraft, editing: bool) -> None:
        """Open with ``draft``."""
        super().__init__()
        self.draft = draft
        self.editing = editing

    def heading(self) -> str:
        """New or editing."""
        return "Edit a helpline" if self.editing else "A helpline of your own"

    def body(self) -> ComposeResult:
        """The fields."""
        if self.editing:
            yield Static(
                "Your changes are kept as your own version; a newer copy of the app "
                "will not replace them.",
                classes="dialog-note",
            )
        for key, label in (
            ("name", "Name"),
            ("purpose", "What it is for"),
            ("call", "Number to call (optional if it takes texts)"),
            ("text_number", "Number to text (optional)"),
            ("text_keyword", "Word to text (optional)"),
            ("hours", "Hours (optional)"),
        ):
            yield Label(label)
            yield Field(getattr(self.draft, key), id=key, compact=True)

    def draft_now(self) -> LineDraft:
        """What is typed now."""
        values = {
            key: self.query_one(f"#{key}", Input).value
            for key in ("name", "purpose", "call", "text_number", "text_keyword", "hours")
        }
        return LineDraft(**values)

    def result(self) -> LineDraft:
        """The draft, checked."""
        draft = self.draft_now()
        check_name(draft.name)
        if not draft.call.strip() and not draft.text_number.strip():
            raise ValidationError("Add a number to call, a number to text, or both.")
        if draft.call.strip():
            check_phone(draft.call)
        if draft.text_number.strip():
            check_phone(draft.text_number)
        return draft


class CountryDialog(Modal[str | None]):
    """Choose the country whose helplines are shown. Never guessed from the network."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, countries: dict[str, str], current: str | None, guess: str | None) -> None:
        """Offer ``countries``; the cursor starts on the current choice or the guess."""
        super().__init__()
        self.countries = countries
        self.start = current or guess

    def compose(self) -> ComposeResult:
        """The list of countries."""
        with Vertical(classes="dialog") as box:
            box.border_title = "Your country for helplines"
            yield Static(
                "Elsewhere? The crisis view lists a directory of helplines worldwide.",
                classes="dialog-note",
            )
            yield OptionList(
                *(Option(name, id=code) for code, name in self.countries.items()), id="countries"
            )
        yield KeyBar()

    def on_mount(self) -> None:
        """Start on the current or guessed country."""
        codes = list(self.countries)
        if self.start in codes:
            self.query_one(OptionList).highlighted = codes.index(self.start)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Return the chosen code."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Keep the current choice."""
        self.dismiss(None)
