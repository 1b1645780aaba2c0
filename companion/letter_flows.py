"""The app's flows for unsent letters: write one, during an urge session or not, and list them.

A part of the app class (CompanionApp inherits it); it saves through the repository.
"""

from __future__ import annotations

from dataclasses import replace

from textual import work

from companion.app_base import AppBase
from companion.domain.letters import Letter, for_session
from companion.letters.dialog import UnsentDialog
from companion.letters.screen import LettersScreen


class LetterFlows(AppBase):
    """Letters the person did not send: kept, listed, read, and deleted only by choice."""

    def saved(self, record: object) -> None:
        """Show every figure and list again after a save (the app fills this in)."""
        raise NotImplementedError

    def action_show_letters(self) -> None:
        """Every letter, newest first."""
        self.push_screen(LettersScreen(self.repository.letters, self.repository.profile.them))

    @work(group="dialog")
    async def action_write_letter(self) -> None:
        """A new letter, outside any urge session."""
        await self.edit_letter(None)

    async def write_session_letter(self, session_id: str) -> None:
        """The letter of an urge session: the one written in it before, or a new one."""
        kept = for_session(self.repository.letters, session_id)
        await self.edit_letter(kept, session_id)

    async def edit_letter(self, letter: Letter | None, session_id: str = "") -> Letter | None:
        """Open ``letter`` (or a new one, of ``session_id`` if given) and keep every word.

        Closing the box any way keeps the words; a new letter left empty keeps nothing.
        A save that fails says why and opens the box again with every word in it.
        """
        them = self.repository.profile.them

        def save(written: str) -> Letter | bool:
            if letter is None and not written.strip():
                return False
            if letter is None:
                made = Letter(self.clock.now(), written, session_id)
            else:
                made = replace(letter, text=written)
            return self.repository.save_letter(made)

        text = "" if letter is None else letter.text
        kept = await self.until_saved(lambda draft: UnsentDialog(draft, them), text, save)
        if not isinstance(kept, Letter):
            return None
        self.saved(kept)
        self.notify("Kept with your unsent letters (L on the main screen).", markup=False)
        return kept
