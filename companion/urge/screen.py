"""The running urge session: time, a breathing pacer, guidance, check-ins and the wave."""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import Static

from companion import features
from companion.domain.urge import ANCHORS, UrgeSession, clock_text
from companion.domain.urge_guidance import SKILLS, breath_at, skills_for
from companion.ui.context import Context, DataChanged
from companion.ui.keybar import KeyBar
from companion.ui.meter import Meter
from companion.ui.redraw import update
from companion.ui.safety import Page
from companion.ui.text import typed
from companion.urge import flows
from companion.urge.wave import Wave

PACER_SECONDS = 0.1
"""How often the breathing pacer moves. The clock and the rest change at most once a second,
and are redrawn only then."""


class Moment(NamedTuple):
    """What the time-bound lines of the screen depend on: while these stay the same, the
    clock, the step, the wave and the check-in look the same."""

    second: int
    """Whole seconds since the start (the clock shows these; the time left follows them)."""
    checkin_due: bool
    """Whether the screen asks for a new rating."""
    step: str
    """The step of guidance shown."""
    wave: tuple[int, ...]
    """The rating in effect at each column of the wave (it moves as time passes)."""


SKILL_KEYS = ("a", "b", "c")
"""Keys that open the offered skills, in order."""


class UrgeScreen(Page[None]):
    """Everything for riding out one urge; each key runs the urge flows, which save it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus", "extend", "5 min", key_display="+"),
        Binding("w", "write", "Write it"),
        Binding("t", "trigger", "What set it off", show=False),
        features.key("letters.show"),
        Binding("e", "end", "End"),
        Binding("escape", "leave", "Back"),
        Binding("a", "skill(0)", "Skill", show=False),
        Binding("b", "skill(1)", "Skill", show=False),
        Binding("c", "skill(2)", "Skill", show=False),
        Binding("y", "safe(True)", "Safe", show=False),
        Binding("n", "safe(False)", "Not safe", show=False),
    ]
    HELP = """\
## Riding out an urge

Stay with the pull without acting on it. Press a number from 0 to 9 whenever you
want to say how strong it is now; every few minutes the screen asks.

- **+** adds five minutes, **e** ends the session, **escape** goes back to the
  main screen while the timer keeps running (**u** returns here).
- **w** lets you write the letter you want to send. Nothing can send it; it is
  kept with your unsent letters on this computer (**L** lists them).
- **t** lets you say what set it off (you can skip it).
- **!** shows your crisis contacts at any moment.
"""

    session: reactive[UrgeSession | None] = reactive(None, always_update=True)
    """The session shown; read again from the context after each change."""

    def __init__(self, ctx: Context, session: UrgeSession, reason: str = "") -> None:
        """Show ``session``, changed through ``ctx``; ``reason`` is one of the person's own."""
        super().__init__()
        self.ctx = ctx
        self.clock = ctx.clock
        self.reason = reason
        self.safety_answered = session.unsafe
        self._initial = session
        self._drawn: Moment | None = None
        # What moves ten times a second, kept at hand rather than looked up each time.
        self._word = Static("", id="pacer-word")
        self._pacer = Meter(id="pacer")
        self._wave = Wave("", id="urge-wave")

    def compose(self) -> ComposeResult:
        """Header, pacer, guidance, wave, check-in, skills."""
        with Vertical(id="urge-body"):
            with Horizontal(id="urge-header"):
                yield Static("Riding the wave", id="urge-title")
                yield Static("", id="urge-clock")
            with Horizontal(id="pacer-row"):
                yield self._word
                yield self._pacer
            # Apart from the pacer, so that its ten moves a second draw only its own row.
            with Vertical(id="urge-guidance"):
                yield Static("", id="step-title")
                yield Static("", id="step-text")
                yield Static("The wave so far", id="wave-title")
                yield self._wave
                yield Static("", id="urge-reason")
                yield Static("", id="checkin")
                yield Static("", id="skills")
                yield Static("", id="safety")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the session, follow its changes, and keep the pacer moving."""
        self.session = self._initial
        self.ctx.listen(self, self._changed)
        self.set_interval(PACER_SECONDS, self.tick)

    def _changed(self, change: DataChanged) -> None:
        """Show the session as changed; once it has ended, go back to where the person was."""
        if not change.about(flows.KIND):
            return
        running = self.ctx.running_urge
        if running is not None:
            self.session = running
        elif self.app.screen is self:
            self.dismiss(None)

    def watch_session(self, session: UrgeSession | None) -> None:
        """Redraw everything that depends on the ratings."""
        if session is None:
            return
        now = self.clock.now()
        self._pace(session.elapsed(now))
        self._draw_moment(session, now, self._moment(session, now))
        offered = self.offered()
        line = Text("Might help now: ", style="dim")
        for key, skill in zip(SKILL_KEYS, offered, strict=False):
            line.append(f" {key} ", style="bold reverse")
            line.append(f" {SKILLS[skill].title}   ")
        self.query_one("#skills", Static).update(line)
        reason = self.query_one("#urge-reason", Static)
        reason.display = bool(self.reason)
        reason.update(Text.assemble(("One of your reasons: ", "dim"), typed(self.reason)))
        safety = self.query_one("#safety", Static)
        safety.display = not self.safety_answered
        safety.update(
            Text.assemble(
                ("Do you feel safe right now?  ", ""),
                (" y ", "bold reverse"),
                (" yes   ", ""),
                (" n ", "bold reverse"),
                (" not really", ""),
            )
        )

    def available_skills(self) -> set[str]:
        """Skills that can be offered now (reading reasons needs some reasons)."""
        keys = set(SKILLS)
        if not self.reason:
            keys.discard("reasons")
        return keys

    def offered(self) -> list[str]:
        """The skills on offer for the latest rating, in key order."""
        if self.session is None:
            return []
        return [k for k in skills_for(self.session.last) if k in self.available_skills()]

    def tick(self) -> None:
        """Move the pacer; once the shown second has passed (or a step or a check-in
        begins, or the wave moves on), redraw what changes with time too."""
        session = self.session
        if session is None:
            return
        now = self.clock.now()
        self._pace(session.elapsed(now))
        moment = self._moment(session, now)
        if moment != self._drawn:
            self._draw_moment(session, now, moment)

    def _moment(self, session: UrgeSession, now: datetime) -> Moment:
        """What the time-bound lines show at ``now``, in a few plain values."""
        width = max(self._wave.size.width, 10)
        return Moment(
            int(session.elapsed(now).total_seconds()),
            session.checkin_due(now),
            session.step(now).key,
            tuple(session.wave(now, width)),
        )

    def _pace(self, elapsed: timedelta) -> None:
        """The pacer, ``elapsed`` into the session: its words and its bar."""
        breath = breath_at(elapsed)
        word = "Breathe in " if breath.breathing_in else "Breathe out"
        count = max(math.ceil(breath.seconds_left), 1)
        # The word has a fixed width: a new one never moves anything else.
        update(self._word, f"{word} {count}", layout=False)
        self._pacer.share = breath.fullness

    def _draw_moment(self, session: UrgeSession, now: datetime, moment: Moment) -> None:
        """Redraw what changes with time, as ``moment`` says: the clock, the title, the step,
        the wave and the check-in (each only if it looks different now)."""
        self._drawn = moment
        elapsed = session.elapsed(now)
        remaining = session.remaining(now)
        clock = f"{clock_text(elapsed)} in"
        if remaining is not None:
            clock += f" · {clock_text(remaining, round_up=True)} left"
        # The clock is as wide as its text: only a longer or shorter one moves the title.
        shown = self.query_one("#urge-clock", Static)
        update(shown, clock, layout=len(clock) != len(str(shown.content)))
        done = session.time_up(now)
        self.set_class(done, "-time-up")
        title = "Time's up. Stay as long as you like; e closes." if done else "Riding the wave"
        update(self.query_one("#urge-title", Static), title)
        step = session.step(now)
        update(self.query_one("#step-title", Static), step.title)
        text = step.text
        if session.long_open(now):
            text += (
                "\nYou have been with this a long time. A safe person or a "
                "helpline could sit with you now: press !."
            )
        update(self.query_one("#step-text", Static), text)
        self._wave.show(list(moment.wave), elapsed)
        checkin = self.query_one("#checkin", Static)
        if session.checkin_due(now):
            checkin.add_class("-due")
            update(checkin, "How strong is it now? Press 0 to 9.")
        else:
            checkin.remove_class("-due")
            update(
                checkin,
                Text.assemble(
                    ("Now: ", "dim"),
                    (f"{session.last}", "bold"),
                    (f", {ANCHORS[session.last]}. Press 0 to 9 to rate it again.", "dim"),
                ),
            )

    def on_key(self, event: events.Key) -> None:
        """A digit is a new rating."""
        if event.character is not None and event.character in "0123456789":
            event.stop()
            flows.rate(self.ctx, int(event.character))

    def action_extend(self) -> None:
        """Five more minutes."""
        flows.extend(self.ctx)

    def action_write(self) -> None:
        """Open the letter that is never sent."""
        self.ctx.start(flows.write_letter(self.ctx))

    def action_trigger(self) -> None:
        """Say what set it off."""
        self.ctx.start(flows.ask_trigger(self.ctx))

    def action_end(self) -> None:
        """Close the session with how it went."""
        self.ctx.start(flows.end_running(self.ctx))

    def action_skill(self, index: int) -> None:
        """Open the offered skill at ``index``."""
        offered = self.offered()
        if index < len(offered):
            flows.show_skill(self.ctx, offered[index])

    def action_safe(self, safe: bool) -> None:
        """Answer the safety question (once)."""
        if self.safety_answered:
            return
        self.safety_answered = True
        self.query_one("#safety", Static).display = False
        flows.answer_safety(self.ctx, safe)

    def action_leave(self) -> None:
        """Back to the main screen; the timer keeps running."""
        self.dismiss(None)
