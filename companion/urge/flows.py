"""Riding out an urge: one digit starts the timer; the running session takes check-ins,
five more minutes, what set it off, a skill and a letter never sent; it ends with how it
went and a gentle follow-up. Also every session so far, and how long one lasts."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text

from companion.counter import flows as counter
from companion.domain.dates import format_moment
from companion.domain.reasons import for_urge
from companion.domain.urge import UrgeSession, span_words
from companion.domain.urge_guidance import SKILLS
from companion.letters import flows as letters
from companion.settings import flows as settings
from companion.ui.commands import Command
from companion.ui.context import Context
from companion.ui.dialogs import ConfirmDialog
from companion.ui.loaded import instance_of
from companion.ui.text import one_line

KIND = "urge"
"""What ``Context.changed`` names when a session starts, changes or ends."""


# Starting, and going back to a session ---------------------------------------------


def shown(ctx: Context) -> bool:
    """True while the first question or the running session is open (``u`` then has
    nothing more to open)."""
    return any(
        instance_of(s, "companion.urge.screen", "UrgeScreen")
        or instance_of(s, "companion.urge.start", "UrgeStartDialog")
        for s in ctx.app.screen_stack
    )


async def start_urge(ctx: Context) -> None:
    """Start riding out an urge: one digit and the timer runs. Or go back to one."""
    from companion.urge.start import UrgeStartDialog

    if shown(ctx):
        return
    if ctx.running_urge is not None:
        show_urge(ctx, ctx.running_urge)
        return
    minutes = ctx.repository.profile.urge_minutes
    choice = await ctx.ask(UrgeStartDialog(minutes))
    if choice is None:
        return
    if ctx.running_urge is not None:  # a second prompt answered after the first
        show_urge(ctx, ctx.running_urge)
        return
    session = UrgeSession.start(choice.rating, ctx.clock.now(), choice.mode, minutes)
    ctx.running_urge = session
    show_urge(ctx, session)
    # The timer is already running: a failed save is reported but never stops it,
    # and every later change saves the whole session again.
    keep(ctx, session)


def show_urge(ctx: Context, session: UrgeSession) -> None:
    """Show the running session, with one of the person's own reasons."""
    from companion.urge.screen import UrgeScreen  # the screen runs the flows below

    reason = for_urge(ctx.repository.reasons, ctx.rng)
    glance = one_line(reason.glance, 160) if reason is not None else ""
    ctx.show(UrgeScreen(ctx, session, glance))


async def offer_resume(ctx: Context) -> None:
    """A session left open by a quit or a crash: resume it, or close it."""
    session = ctx.running_urge
    if session is None:
        return
    started = format_moment(session.started_at)
    elapsed = span_words(session.elapsed(ctx.clock.now()))
    question = Text(
        f"You started riding out an urge on {started} ({elapsed} ago) and it is "
        "still open. You can pick it up as it is now, or close it and say how it went."
    )
    answer = await ctx.ask(ConfirmDialog("A session is still open", question, "Resume", "Close it"))
    if answer:
        show_urge(ctx, session)
    elif answer is False:
        await end_urge(ctx, session)


# The running session ---------------------------------------------------------------


def keep(ctx: Context, session: UrgeSession) -> None:
    """Hold a changed session while it runs, save it, and show it everywhere (the running
    session's screen closes once it has ended)."""
    ctx.running_urge = session if session.running else None
    ctx.try_save(ctx.repository.save_urge, session)
    ctx.changed(KIND)


def rate(ctx: Context, value: int) -> None:
    """A check-in: how strong the pull is now, 0 to 9."""
    if ctx.running_urge is not None:
        keep(ctx, ctx.running_urge.rated(value, ctx.clock.now()))


def extend(ctx: Context) -> None:
    """Five more minutes."""
    if ctx.running_urge is not None:
        keep(ctx, ctx.running_urge.extended())
        ctx.notify("Five more minutes.")


def answer_safety(ctx: Context, safe: bool) -> None:
    """Whether the person feels safe; when not, the crisis contacts come first."""
    if ctx.running_urge is not None:
        keep(ctx, ctx.running_urge.with_details(unsafe=not safe))
    if not safe:
        ctx.crisis()


def show_skill(ctx: Context, key: str) -> None:
    """Show the offered skill ``key`` (a key of SKILLS)."""
    from companion.urge.dialogs import SkillDialog

    ctx.show(SkillDialog(SKILLS[key]))


async def write_letter(ctx: Context) -> None:
    """The letter that is never sent, kept with the others and linked to the session."""
    if ctx.running_urge is not None:
        await letters.write_session_letter(ctx, ctx.running_urge.id)


async def ask_trigger(ctx: Context) -> None:
    """What set it off (the question can be skipped)."""
    from companion.urge.dialogs import TriggerDialog

    trigger = await ctx.ask(TriggerDialog())
    if trigger is not None and ctx.running_urge is not None:
        keep(ctx, ctx.running_urge.with_details(trigger=trigger))


async def end_running(ctx: Context) -> None:
    """Close the running session."""
    if ctx.running_urge is not None:
        await end_urge(ctx, ctx.running_urge)


async def end_urge(ctx: Context, session: UrgeSession) -> None:
    """Ask how it went, save it, and follow up gently."""
    from companion.urge.dialogs import UrgeEndDialog

    now = ctx.clock.now()
    ending = await ctx.ask(UrgeEndDialog(session, now, ctx.alias))
    if ending is None:
        return
    keep(ctx, session.ended(ending.outcome, now, ending.helped))
    if ending.outcome == "contacted":
        question = Text(
            "That's all right; it happens, and it doesn't undo what you have done. "
            "Would you like to log it as a slip now? Every day before it still counts."
        )
        await counter.offer_slip(ctx, "Contact happened", question)
    elif ending.outcome == "they_contacted":
        ctx.notify("Kept with this session. Being contacted never counts against you.")
    else:
        ctx.notify("Closed. You stayed with something hard.")


# Sessions so far, and their length -------------------------------------------------------


def show_history(ctx: Context) -> None:
    """Every session, and the person's own figures."""
    from companion.urge.history import UrgeHistoryScreen

    stats = ctx.repository.urge_stats(ctx.clock.now())
    ctx.show(UrgeHistoryScreen(ctx.repository.urge_pages(), stats.figures, stats.closed, ctx.alias))


async def set_length(ctx: Context) -> None:
    """Choose the default length of an urge session."""
    from companion.urge.dialogs import UrgeLengthDialog

    profile = ctx.repository.profile
    minutes = await ctx.ask(UrgeLengthDialog(profile.urge_minutes))
    if minutes is None:
        return
    changed = replace(profile, urge_minutes=minutes)
    if ctx.try_save(ctx.repository.save_profile, changed) is not None:
        ctx.changed(settings.KIND)
        ctx.notify(f"Urge sessions now last {minutes} minutes.")


PLACE = 100
"""Where this feature's keys and palette entries come among the others'."""

COMMANDS = (
    Command(
        "urge.history",
        "Urge sessions",
        "Every urge you rode out",
        show_history,
        key="v",
        label="Sessions",
        show=True,
        pane="urge",
    ),
    Command(
        "urge.start",
        "Ride out an urge",
        "Start the urge timer",
        start_urge,
        key="enter",
        label="Start",
        where="anywhere",
        pane="urge",
    ),
    Command(
        "urge.length",
        "Urge session length",
        "How long a session lasts unless you pick another",
        set_length,
    ),
)
"""The urge pane's keys (``u`` is the app's, from every screen), and the palette's entries."""
