"""Letters the person did not send: write one (during an urge session or not), read and
go on writing, list them, and delete one only by choice."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from companion.domain.letters import Letter, for_session
from companion.ui.commands import Command
from companion.ui.context import Context

if TYPE_CHECKING:
    from companion.ui.log_screen import Records

KIND = "letters"
"""What ``Context.changed`` names when a letter is kept, removed or put back."""


async def write_session_letter(ctx: Context, session_id: str) -> Letter | None:
    """The letter of an urge session: the one written in it before, or a new one."""
    kept = for_session(ctx.repository.letters, session_id)
    return await edit_letter(ctx, kept, session_id)


async def edit_letter(ctx: Context, letter: Letter | None, session_id: str = "") -> Letter | None:
    """Open ``letter`` (or a new one, of ``session_id`` if given) and keep every word.

    Closing the box any way keeps the words; a new letter left empty keeps nothing.
    A save that fails says why and opens the box again with every word in it.
    """
    from companion.letters.dialog import UnsentDialog

    them = ctx.repository.profile.them

    def save(written: str) -> Letter | None:
        if letter is None and not written.strip():
            return None
        if letter is None:
            made = Letter(ctx.clock.now(), written, session_id)
        else:
            made = replace(letter, text=written)
        return ctx.repository.save_letter(made)

    text = "" if letter is None else letter.text
    kept = await ctx.edit(KIND, lambda draft: UnsentDialog(draft, them), text, save)
    if kept is not None:
        ctx.notify("Kept with your unsent letters (L on the main screen).")
    return kept


def records(ctx: Context) -> Records[Letter]:
    """How the list reads, removes, puts back and opens the letters."""
    from companion.ui.log_screen import Records

    repo = ctx.repository
    return Records(KIND, lambda: repo.letters, repo.delete_letter, repo.save_letter, edit_letter)


def show_letters(ctx: Context) -> None:
    """Every letter, newest first."""
    from companion.letters.screen import LettersScreen

    ctx.show(LettersScreen(ctx, records(ctx), ctx.repository.profile.them))


PLACE = 60
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "letters.show",
        "Letters you didn't send",
        "Read them, write one, or delete one; kept on this computer",
        show_letters,
        key="L",
        label="Letters",
        where="anywhere",
    ),
)
"""The key ``L`` on the main screen, and the palette's entry on every screen."""
