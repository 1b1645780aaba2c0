"""The passphrase: sealing the data folder, changing or removing its passphrase, locking
the app now or when idle. Each change of sealing writes every file again through the
store's crash-safe replace (see ``store/sealing``) and says how many files it wrote."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from companion.domain.errors import ValidationError
from companion.store import seal
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.dialogs import ConfirmDialog

if TYPE_CHECKING:
    from companion.passphrase.dialogs import Passphrases

KIND = "profile"
"""What ``Context.changed`` names when the time before locking changes."""


def is_sealed(ctx: Context) -> bool:
    """Whether the folder is sealed now (its keys held, with a current one)."""
    return seal.sealed_now(ctx.repository.folder.root)


def _check_current(ctx: Context, passphrase: str) -> seal.Keys:
    """The folder's keys, if ``passphrase`` is the one it is sealed with."""
    try:
        keys, _found = seal.unlock(ctx.repository.folder.root, passphrase)
    except seal.WrongPassphrase as error:
        raise ValidationError("That is not the passphrase your data is sealed with.") from error
    return keys


def _files(count: int) -> str:
    return "1 file" if count == 1 else f"{count:,} files"


async def _rewrite(ctx: Context, doing: str, work: Any) -> int | None:
    """Say what is being done, let the screen show it, then do it; the files written, or
    None when it could not be done (and the person was told)."""
    ctx.notify(f"{doing}…", title="One moment")
    await asyncio.sleep(0.05)
    return ctx.try_save(ctx.repository.ledger.reseal, work)


async def _ask(
    ctx: Context, *, current: bool, new: bool, title: str, save: str
) -> Passphrases | None:
    """The passphrases typed in a dialog, the current one checked (the dialog opens again
    with what was typed while it is refused); None when cancelled."""
    from companion.passphrase.dialogs import PassphraseDialog, Passphrases

    def checked(value: Passphrases) -> Passphrases:
        if current:
            _check_current(ctx, value.current)
        return value

    return await ctx.until_saved(
        lambda draft: PassphraseDialog(draft, current=current, new=new, title=title, save=save),
        Passphrases(),
        checked,
    )


async def set_passphrase(ctx: Context) -> None:
    """Seal every file with a new passphrase, typed twice."""
    from companion.store import sealing

    if is_sealed(ctx):
        await change_passphrase(ctx)
        return
    root = ctx.repository.folder.root
    chosen = await _ask(ctx, current=False, new=True, title="Set a passphrase", save="Seal my data")
    if chosen is None:
        return
    count = await _rewrite(
        ctx, "Sealing your files", lambda: sealing.turn_on(root, chosen.new, None)
    )
    if count is None:
        return
    minutes = ctx.repository.profile.lock_minutes
    idle = f" and after {minutes} minutes without a key" if minutes else ""
    ctx.notify(
        f"Sealed {_files(count)}. From now on companion asks for your passphrase when it "
        f"starts{idle}. Nothing in the folder can be read without it.",
        title="Sealed",
        timeout=20,
    )
    ctx.changed(KIND)


async def change_passphrase(ctx: Context) -> None:
    """Seal every file again under a new passphrase (the current one asked first)."""
    from companion.store import sealing

    if not is_sealed(ctx):
        await set_passphrase(ctx)
        return
    root = ctx.repository.folder.root
    chosen = await _ask(
        ctx, current=True, new=True, title="Change the passphrase", save="Change it"
    )
    if chosen is None:
        return
    old = seal.keys_for(root)
    count = await _rewrite(
        ctx, "Sealing your files again", lambda: sealing.turn_on(root, chosen.new, old)
    )
    if count is not None:
        ctx.notify(
            f"Sealed {_files(count)} with the new passphrase. The old one opens nothing now.",
            title="Changed",
            timeout=20,
        )


async def remove_passphrase(ctx: Context) -> None:
    """Write every file back as plain JSON (the current passphrase asked first)."""
    from companion.store import sealing

    if not is_sealed(ctx):
        ctx.notify("Your data has no passphrase to remove.", title="Nothing to remove")
        return
    root = ctx.repository.folder.root
    chosen = await _ask(
        ctx, current=True, new=False, title="Remove the passphrase", save="Continue"
    )
    if chosen is None:
        return
    sure = await ctx.ask(
        ConfirmDialog(
            "Remove the passphrase?",
            "Every file is written back as plain text that anyone who opens the folder can "
            "read, and companion no longer asks for a passphrase.",
            yes="Remove it",
            no="Keep it",
        )
    )
    if not sure:
        return
    keys = seal.keys_for(root)
    if keys is None:
        return
    count = await _rewrite(ctx, "Writing your files back", lambda: sealing.turn_off(root, keys))
    if count is not None:
        ctx.notify(
            f"Wrote {_files(count)} back as plain files. companion no longer asks for a "
            "passphrase.",
            title="Passphrase removed",
            timeout=20,
        )
        ctx.changed(KIND)


def lock_now(ctx: Context) -> None:
    """Lock at once (only a sealed folder can be)."""
    if not is_sealed(ctx):
        ctx.notify(
            "Locking needs a passphrase first: Set a passphrase, in this list, seals your "
            "data. ctrl+l hides the screen at once in the meantime.",
            title="No passphrase yet",
        )
        return
    lock = getattr(ctx.app, "lock", None)
    if callable(lock):
        lock()


async def lock_when_idle(ctx: Context) -> None:
    """Choose the minutes without a key before the app locks itself."""
    from companion.passphrase.dialogs import LockAfterDialog

    profile = ctx.repository.profile

    def save(minutes: int) -> int:
        ctx.repository.save_profile(replace(ctx.repository.profile, lock_minutes=minutes))
        return minutes

    minutes = await ctx.until_saved(lambda _d: LockAfterDialog(profile.lock_minutes), 0, save)
    if minutes is None:
        return
    ctx.changed(KIND)
    words = "never locks itself" if minutes == 0 else f"locks itself after {minutes} minutes"
    more = "" if is_sealed(ctx) else " once your data is sealed with a passphrase"
    ctx.notify(f"companion {words} without a key{more}.", title="Saved")


async def settings(ctx: Context) -> None:
    """Where the passphrase stands, and the choices that apply."""
    from companion.passphrase.dialogs import PassphraseSettings

    choice = await ctx.ask(PassphraseSettings(is_sealed(ctx), ctx.repository.profile.lock_minutes))
    flows = {
        "set": set_passphrase,
        "change": change_passphrase,
        "remove": remove_passphrase,
        "idle": lock_when_idle,
    }
    if choice == "lock":
        lock_now(ctx)
    elif choice in flows:
        await flows[choice](ctx)


PLACE = 120
"""Where this feature's palette entries come among the others'."""

COMMANDS = (
    Command(
        "passphrase.settings",
        "Passphrase and locking",
        "Seal your data with a passphrase, and lock companion when idle",
        settings,
    ),
    Command(
        "passphrase.set",
        "Set a passphrase",
        "Seal every file so only you can read it",
        set_passphrase,
    ),
    Command(
        "passphrase.change",
        "Change the passphrase",
        "Seal every file again with a new one",
        change_passphrase,
    ),
    Command(
        "passphrase.remove",
        "Remove the passphrase",
        "Write every file back as plain text",
        remove_passphrase,
    ),
    Command("passphrase.lock", "Lock now", "Close on the passphrase prompt", lock_now),
    Command(
        "passphrase.idle",
        "Lock when idle",
        "Minutes without a key before it locks itself",
        lock_when_idle,
    ),
)
"""The passphrase's entries in the command palette (on the main screen)."""
