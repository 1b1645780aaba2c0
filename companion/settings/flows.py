"""Settings the person chooses: the name for the one they left, and the choices the app
remembers on its own (the theme, the way of writing in guided writing)."""

from __future__ import annotations

from dataclasses import replace

from companion.ui.commands import Command
from companion.ui.context import Context

KIND = "profile"
"""What ``Context.changed`` names when the person's settings change."""


async def set_alias(ctx: Context) -> None:
    """Choose how the app refers to the person they left."""
    from companion.settings.dialogs import AliasDialog

    alias = await ctx.ask(AliasDialog(ctx.repository.profile.alias))
    if alias is None:
        return
    profile = replace(ctx.repository.profile, alias=alias, welcomed=True)
    if ctx.try_save(ctx.repository.save_profile, profile) is not None:
        ctx.changed(KIND)


def remember_theme(ctx: Context) -> None:
    """Show the theme chosen before (if this Textual still has it), and keep each new
    choice in the settings, so it is still chosen after a restart."""
    app = ctx.app
    chosen = ctx.repository.profile.theme
    if chosen and chosen in app.available_themes:
        app.theme = chosen

    def theme_chosen(theme: str) -> None:
        """Keep a newly chosen theme."""
        profile = ctx.repository.profile
        if theme != profile.theme and ctx.repository.folder.is_open:
            ctx.try_save(ctx.repository.save_profile, replace(profile, theme=theme))

    app.watch(app, "theme", theme_chosen, init=False)


def remember_voice(ctx: Context, voice: str) -> None:
    """Keep the way of writing chosen in guided writing."""
    profile = ctx.repository.profile
    if voice != profile.guided_voice:
        ctx.try_save(ctx.repository.save_profile, replace(profile, guided_voice=voice))


PLACE = 110
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "settings.alias", "Name for them", "How the app refers to the person you left", set_alias
    ),
)
"""The settings' entries in the command palette (on the main screen)."""
