"""Where to write an export (and, for a summary, what goes in it), and which backup to
read in."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label, Static

from companion.domain.errors import ValidationError
from companion.domain.sections import PRIVATE, SECTIONS
from companion.ui.dialogs import Dialog
from companion.ui.field import Field
from companion.ui.tick import Tick

ABOUT = {
    "backup": (
        "Every record, to keep somewhere safe or to read in on another computer "
        "(Import a full backup). Only you can read the file on this computer."
    ),
    "summary": (
        "Your progress to share, as plain text. Choose what goes in it; what is yours alone "
        "stays out unless you tick it."
    ),
    "record": (
        "Every time they reached out, in the order you logged it, with any edits, and the "
        "hashes that let anyone check it is complete and unaltered (companion verify): "
        "in Markdown, and as a PDF to print beside it."
    ),
}
TITLES = {
    "backup": "Export a full backup",
    "summary": "Export a summary to share",
    "record": "Export the record of when they reached out",
}


@dataclass(frozen=True)
class Export:
    """Where to write it, and the sections of a summary."""

    path: str
    sections: tuple[str, ...] = ()
    sealed: bool = False
    """A backup sealed with the passphrase (offered when the data is sealed)."""


SEALED_MEANS = (
    "Sealed, it opens only with your passphrase, on any computer. Unticked, it is plain "
    "text that anyone who has the file can read."
)


class ExportDialog(Dialog[Export]):
    """Where an export goes (a new file in the home folder unless changed)."""

    def __init__(
        self, kind: str, draft: Export, warning: str | None = None, can_seal: bool = False
    ) -> None:
        """Ask where to write ``kind`` (and, for a summary, its sections; for a backup of
        sealed data, whether to seal it too)."""
        super().__init__()
        self.kind = kind
        self.draft = draft
        self.warning = warning
        self.can_seal = can_seal and kind == "backup"

    def heading(self) -> str:
        """What is being exported."""
        return TITLES[self.kind]

    def save_label(self) -> str:
        """The button's word."""
        return "Export"

    def body(self) -> ComposeResult:
        """What it is, where it goes, and a summary's sections."""
        yield Static(Text(ABOUT[self.kind]))
        if self.can_seal:
            yield Tick("Seal it with my passphrase", self.draft.sealed, id="sealed", compact=True)
            # A checkbox's label is cut at the edge; what sealing means wraps below it.
            yield Static(Text(SEALED_MEANS))
        elif self.warning:
            yield Static(Text(self.warning), classes="export-warning")
        if self.kind == "summary":
            for name, title in (SECTIONS | PRIVATE).items():
                ticked = name in self.draft.sections
                words = f"{title} (yours alone)" if name in PRIVATE else title
                yield Tick(words, ticked, id=f"section-{name}", compact=True)
        yield Label("Write it to")
        yield Field(self.draft.path, id="path", compact=True)

    def result(self) -> Export:
        """The path and sections, checked."""
        path = self.query_one("#path", Input).value.strip()
        if not path:
            raise ValidationError("Please say where to write it.")
        sections = tuple(
            name
            for name in (*SECTIONS, *PRIVATE)
            if self.kind == "summary" and self.query_one(f"#section-{name}", Checkbox).value
        )
        if self.kind == "summary" and not sections:
            raise ValidationError("Please tick at least one part to put in the summary.")
        sealed = self.can_seal and self.query_one("#sealed", Checkbox).value
        return Export(path, sections, sealed)


@dataclass(frozen=True)
class Chosen:
    """The backup to read in, and the passphrase of a sealed one."""

    path: str
    passphrase: str = ""


class ImportDialog(Dialog[Chosen]):
    """Which backup to read in."""

    TITLE = "Import a full backup"

    def __init__(self, draft: Chosen) -> None:
        """Open with ``draft`` in the field."""
        super().__init__()
        self.draft = draft

    def save_label(self) -> str:
        """The button's word."""
        return "Check it"

    def body(self) -> ComposeResult:
        """The file."""
        yield Static(
            Text(
                "A backup made with Export a full backup. It is checked first, and you see "
                "what it would add or change before anything is written; nothing is removed."
            )
        )
        yield Label("The backup file")
        yield Field(self.draft.path, id="path", compact=True)
        yield Label("Its passphrase, if it is sealed")
        yield Field(self.draft.passphrase, password=True, id="passphrase", compact=True)

    def result(self) -> Chosen:
        """The path and the passphrase typed."""
        path = self.query_one("#path", Input).value.strip()
        if not path:
            raise ValidationError("Please say which file to read in.")
        return Chosen(path, self.query_one("#passphrase", Input).value)
