"""The first-run welcome: when No Contact began, a name for them and the country, each
saved the moment it is chosen."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from companion.contacts import flows as contacts
from companion.counter import flows as counter
from companion.settings import flows as settings
from companion.ui.context import Context

if TYPE_CHECKING:
    from companion.welcome.screen import Welcome


async def welcome(ctx: Context) -> None:
    """The first-run welcome, the country the locale suggests offered first for helplines;
    whatever is chosen is saved at once."""
    from companion.welcome.screen import WelcomeScreen

    countries = contacts.shipped().countries
    screen = WelcomeScreen(ctx.today, countries, contacts.locale_country())
    chosen: Welcome | None = await ctx.ask(screen)
    profile = ctx.repository.profile
    alias = chosen.alias if chosen else profile.alias
    welcomed = replace(profile, alias=alias, welcomed=True)
    if ctx.try_save(ctx.repository.save_profile, welcomed) is None:
        return
    if chosen is not None and chosen.start is not None:
        ctx.try_save(ctx.repository.save_start, chosen.start, ctx.today)
    country = chosen.country if chosen is not None else None
    if country is not None and ctx.try_save(ctx.repository.save_country, country) is not None:
        ctx.changed(contacts.COUNTRY)
    ctx.changed(settings.KIND, counter.START)
