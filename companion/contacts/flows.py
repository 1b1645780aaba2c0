"""Crisis contacts: the crisis view, the person's own safe people, the helplines for their
country, and the country itself.

The crisis view and the Crisis contacts pane run these flows; the crisis view is opened
from here too, so this module and the view's module refer to each other by module.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from companion.domain.helplines import (
    EVERYWHERE,
    Helpline,
    ShippedLines,
    guess_country,
    helplines_for,
    load_shipped,
    shipped_text,
)
from companion.domain.people import Person, moved_people
from companion.ui.clipboard import CLEAR_AFTER
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.loaded import instance_of

if TYPE_CHECKING:
    from textual.screen import Screen

    from companion.contacts.crisis import CrisisScreen
    from companion.contacts.dialogs import PersonDraft

KIND = "contacts"
"""What ``Context.changed`` names when a person or a helpline is saved, removed or put back."""
COUNTRY = "country"
"""What ``Context.changed`` names when the country for helplines is chosen."""

HIDDEN_WORDS = (
    '{name} is hidden. Press ctrl+z in the list to undo, or use "Show hidden helplines" '
    "in ctrl+p later."
)
"""The notice after a helpline is hidden; {name} is the helpline's name."""


@cache
def shipped() -> ShippedLines:
    """The helplines, countries and worldwide directory that ship with the app (read once)."""
    return load_shipped(shipped_text())


def locale_country() -> str | None:
    """The country the terminal's language setting suggests, if any (never the network)."""
    return guess_country(os.environ.get("LC_ALL") or os.environ.get("LANG") or "")


def country_name(ctx: Context) -> str | None:
    """The chosen country's name, if one is chosen and known."""
    code = ctx.repository.country
    return None if code is None else shipped().countries.get(code)


def helplines(ctx: Context) -> list[Helpline]:
    """The helplines for the chosen country, the person's own versions winning.

    Before a country is chosen, the emergency numbers that cover most people.
    """
    code = ctx.repository.country or EVERYWHERE
    return helplines_for(shipped(), code, ctx.repository.helpline_overrides)


# The crisis view ---------------------------------------------------------------------


def crisis_view(ctx: Context) -> CrisisScreen:
    """A crisis view with today's people and helplines."""
    from companion.contacts import crisis

    return crisis.CrisisScreen(
        ctx, country_name(ctx), helplines(ctx), ctx.repository.people, shipped().directory
    )


def open_crisis(ctx: Context) -> None:
    """The crisis view, from anywhere, at once; escape returns exactly where the person was."""
    if not showing_crisis(ctx.app.screen):
        ctx.show(crisis_view(ctx))


def showing_crisis(screen: Screen[object]) -> bool:
    """True when ``screen`` is the crisis view."""
    return instance_of(screen, "companion.contacts.crisis", "CrisisScreen")


def copy_number(ctx: Context, number: str) -> None:
    """Put a number on the terminal's clipboard (OSC 52) and say so, and for how long."""
    ctx.clipboard.copy(number)
    ctx.notify(
        f"Copied {number}. You can paste it into your phone or another app. It leaves "
        f"the clipboard in {CLEAR_AFTER:.0f} seconds, and when you hide the screen or quit."
    )


async def choose_country(ctx: Context) -> None:
    """Choose the country for helplines; a guess from the locale is offered first.

    An open crisis view is shown again with the new country's numbers.
    """
    from companion.contacts.dialogs import CountryDialog

    dialog = CountryDialog(shipped().countries, ctx.repository.country, locale_country())
    code = await ctx.ask(dialog)
    if code is None or ctx.try_save(ctx.repository.save_country, code) is None:
        return
    ctx.changed(COUNTRY)
    screen = ctx.app.screen
    if showing_crisis(screen):
        screen.dismiss(None)
        ctx.show(crisis_view(ctx))


# The person's own people -----------------------------------------------------------------


async def edit_person(ctx: Context, person: Person | None) -> Person | None:
    """The person dialog (someone new, or ``person``) until saved or cancelled; nothing
    typed is lost on a failure."""
    from companion.contacts.dialogs import PersonDialog, PersonDraft

    repo = ctx.repository

    def save(values: PersonDraft) -> Person:
        """Keep the person; someone new comes after everyone in the person's order."""
        position = max((p.position for p in repo.people), default=-1) + 1
        return repo.save_person(values.applied(person, ctx.clock.now(), position))

    return await ctx.edit(
        KIND,
        lambda d: PersonDialog(d, editing=person is not None, country=repo.country),
        PersonDraft.of(person),
        save,
    )


def remove_person(ctx: Context, person: Person) -> None:
    """Remove a safe person, kept for ``ctrl+z``."""
    if ctx.try_save(ctx.repository.delete_person, person.id) is not None:
        ctx.removed(KIND, person, "Removed. Press ctrl+z in the list to undo.")


def toggle_favourite(ctx: Context, person: Person) -> None:
    """Make a person a favourite (listed first), or stop them being one."""
    changed = replace(person, favourite=not person.favourite)
    if ctx.try_save(ctx.repository.save_person, changed) is not None:
        ctx.changed(KIND, keep=changed.id)


def move_person(ctx: Context, person: Person, step: int) -> None:
    """Move a person ``step`` places up (negative) or down in the person's order."""
    changes = moved_people(ctx.repository.people, person.id, step)
    if changes and ctx.try_save(ctx.repository.save_people, changes) is not None:
        ctx.changed(KIND, keep=person.id)


# Helplines -------------------------------------------------------------------------------


async def edit_line(ctx: Context, line: Helpline | None) -> Helpline | None:
    """Edit a helpline (kept as the person's own version) or add one of their own."""
    from companion.contacts.dialogs import HelplineDialog, LineDraft

    repo = ctx.repository
    return await ctx.edit(
        KIND,
        lambda d: HelplineDialog(d, editing=line is not None),
        LineDraft.of(line),
        lambda values: repo.save_helpline(values.applied(line, repo.country or "")),
    )


async def add_line(ctx: Context) -> None:
    """A helpline of the person's own, for the country chosen (one must be chosen first)."""
    if ctx.repository.country is None:
        ctx.notify("Choose your country first (press o).")
        return
    await edit_line(ctx, None)


def hide_line(ctx: Context, line: Helpline) -> None:
    """Hide a helpline from the lists, kept for ``ctrl+z``."""
    hidden = replace(line, hidden=True)
    if ctx.try_save(ctx.repository.save_helpline, hidden) is not None:
        ctx.removed(KIND, line, HIDDEN_WORDS.format(name=line.name))


def show_hidden_helplines(ctx: Context) -> None:
    """Show every hidden helpline again."""
    repo = ctx.repository
    for line in repo.helpline_overrides:
        if not line.hidden:
            continue
        if line.user_edited or line.user_added:
            ctx.try_save(repo.save_helpline, replace(line, hidden=False))
        else:
            ctx.try_save(repo.delete_helpline, line.id)
    ctx.changed(KIND)


# Undo ----------------------------------------------------------------------------------


def undo(ctx: Context) -> Person | Helpline | None:
    """Put back the person removed, or show the helpline hidden, last; the cursor on it."""
    repo = ctx.repository

    def restore(item: Person | Helpline) -> Person | Helpline:
        """Save the person again, or show the helpline again."""
        if isinstance(item, Person):
            return repo.save_person(item)
        if item.user_edited or item.user_added:
            return repo.save_helpline(replace(item, hidden=False))
        repo.delete_helpline(item.id)  # back to the shipped entry, shown
        return item

    item: Person | Helpline | None = ctx.undo(KIND, restore)
    if item is not None:
        ctx.changed(KIND, keep=item.id)
    return item


PLACE = 80
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "contacts.crisis", "Crisis contacts", "Where to turn now", open_crisis, where="anywhere"
    ),
    Command(
        "contacts.country",
        "Country for helplines",
        "Choose whose helplines are shown",
        choose_country,
        key="o",
        label="Country",
        show=True,
        where="anywhere",
        pane="contacts",
    ),
    Command(
        "contacts.show_hidden",
        "Show hidden helplines",
        "Bring back helplines you hid",
        show_hidden_helplines,
        where="anywhere",
    ),
)
"""The palette's entries on every screen, and the Crisis contacts pane's ``o`` (``!`` and
``ctrl+g`` are the app's own keys, from everywhere)."""
