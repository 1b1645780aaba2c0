"""What the urge screen offers while the timer runs: the steps of guidance, the skills for
each rating, and the breathing pace."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Step:
    """One step of the guidance, shown for part of a session."""

    key: str
    """A stable name for the step."""
    title: str
    """A few words."""
    text: str
    """What to do, gently."""


GUIDANCE: tuple[Step, ...] = (
    Step(
        "name",
        "Name it",
        "Notice the pull and give it a name: \u201cthis is the urge to reach out.\u201d "
        "You don't have to do anything about it right now.",
    ),
    Step(
        "body",
        "Find it in your body",
        "Where do you feel it? Chest, throat, stomach, hands, jaw? "
        "Is it tight, hot, heavy, buzzing? Just notice, with curiosity.",
    ),
    Step(
        "breathe",
        "Breathe with it",
        "Follow the pacer: in for four, out for six. "
        "If it helps, breathe towards the place where you feel it.",
    ),
    Step(
        "thoughts",
        "Notice the thoughts",
        "What is the urge telling you? \u201cJust once\u201d, \u201cthey've changed\u201d, "
        "\u201cI need to know\u201d. Thoughts are not instructions; let them pass by.",
    ),
    Step(
        "needs",
        "What is it asking for?",
        "Underneath the pull there is often a need: comfort, to be wanted, relief, an "
        "answer. Is there a small way to meet it without them?",
    ),
    Step(
        "ride",
        "Ride the wave",
        "Urges rise, peak and fall, and can come back. Stay with this one. "
        "You can rate it again whenever you like.",
    ),
)
"""The guided steps of a timed or open session, in order."""


GUIDANCE_STARTS: tuple[float, ...] = (0.0, 0.08, 0.18, 0.35, 0.5, 0.65)
"""Where each step begins, as a share of the session's length (20 minutes at most)."""


SOBER: tuple[Step, ...] = (
    Step("stop", "Stop", "Pause. Whatever you were about to do can wait three minutes."),
    Step("observe", "Observe", "What do you feel in your body? What are you thinking?"),
    Step("breathe", "Breathe", "Bring your attention to your breath. In for four, out for six."),
    Step("expand", "Expand", "Widen your attention to your whole body and the room around you."),
    Step("respond", "Respond", "What would take care of you right now? Choose that."),
)
"""The quick three-minute breathing space, step by step."""


@dataclass(frozen=True)
class Skill:
    """Something that can help with a wave of a given strength."""

    key: str
    """A stable name."""
    title: str
    """Its name."""
    summary: str
    """One line."""
    text: str
    """How to do it, in a few short lines."""
    caution: str = ""
    """A caution shown every time, if the skill has one."""


SKILLS: dict[str, Skill] = {
    skill.key: skill
    for skill in (
        Skill(
            "tipp",
            "TIPP: cool down your body",
            "Cold water, a short burst of movement, slow breathing, tense and release.",
            "Temperature: cold water or a cold pack on your face for about 30 seconds.\n"
            "Intense movement: a minute or two of fast walking or jumping.\n"
            "Paced breathing: breathe out longer than you breathe in.\n"
            "Paired relaxation: tense a muscle as you breathe in, let go as you breathe out.\n"
            "The effect is short, so follow it with another skill.",
            caution="Cold water slows the heart and exercise speeds it up. If you have a "
            "heart condition, take beta-blockers, are pregnant, or have breathing or eating "
            "difficulties, skip the cold water and the exercise, or ask a doctor first.",
        ),
        Skill(
            "stop",
            "STOP",
            "Freeze, step back, look at the facts, then choose.",
            "Stop: don't move, don't reach for the phone.\n"
            "Take a step back: put the phone down, take a breath, leave the room.\n"
            "Observe: what is happening inside you and around you? What are the facts?\n"
            "Proceed with care: what would the you of next week want you to do?",
        ),
        Skill(
            "safe_person",
            "Reach a safe person",
            "Message or call someone on your side, or a helpline.",
            "You don't have to carry this alone. A friend, a sponsor, a therapist or a "
            "helpline can sit with you while you ride the wave. Press ! for your crisis "
            "contacts.",
        ),
        Skill(
            "distract",
            "Shift your attention",
            "Something absorbing for a while: hands busy, mind busy.",
            "Do something with your hands: tidy a drawer, cook, draw.\n"
            "Do something kind for someone else.\n"
            "Put on music or something funny that changes the mood.\n"
            "Count backwards from 100 in sevens, or name five things you can see.\n"
            "A strong, safe sensation: a hot shower, ice in your hand, a sour sweet.\n"
            "This is for now, not forever: a little time and space while you ride it.",
        ),
        Skill(
            "pros_cons",
            "Pros and cons",
            "Weigh acting on the urge against riding it out.",
            "What would contacting them give you in the next hour? And next week?\n"
            "What would riding this out give you in the next hour? And next week?\n"
            "Some people write this on a calm day and read it when the pull is strong.",
        ),
        Skill(
            "tape",
            "Play the tape forward",
            "Picture what really happens after you reach out.",
            "Imagine you send the message. What happens in ten minutes? In an hour? "
            "Tomorrow? Next week?\n"
            "Use what has happened before, not the version you hope for.",
        ),
        Skill(
            "reasons",
            "Read your reasons",
            "Your own words about why you left.",
            "Press r to read the reasons you wrote on a clearer day.",
        ),
        Skill(
            "soothe",
            "Comfort yourself",
            "Something warm and kind for your body.",
            "A warm drink, a blanket, a shower, a walk outside, a pet, a favourite song.\n"
            "You are allowed to be gentle with yourself while you ride this.",
        ),
    )
}
"""Skills the session can offer; see :func:`skills_for`."""


def skills_for(rating: int) -> tuple[str, ...]:
    """At most three skills that suit a wave of this strength (0 to 9)."""
    if rating >= 8:
        return ("tipp", "stop", "safe_person")
    if rating >= 5:
        return ("distract", "pros_cons", "tape")
    return ("reasons", "soothe")


BREATH_IN_SECONDS = 4.0
"""Length of an in-breath on the pacer."""


BREATH_OUT_SECONDS = 6.0
"""Length of an out-breath on the pacer."""


@dataclass(frozen=True)
class Breath:
    """Where the breathing pacer is at a moment."""

    breathing_in: bool
    """True on the in-breath."""
    fullness: float
    """How full the lungs are on the pacer, 0.0 to 1.0."""
    seconds_left: float
    """Seconds until the breath turns."""


def breath_at(elapsed: timedelta) -> Breath:
    """The pacer's state ``elapsed`` into a session: in for 4 seconds, out for 6."""
    cycle = BREATH_IN_SECONDS + BREATH_OUT_SECONDS
    into = max(elapsed.total_seconds(), 0.0) % cycle
    if into < BREATH_IN_SECONDS:
        return Breath(True, into / BREATH_IN_SECONDS, BREATH_IN_SECONDS - into)
    out = into - BREATH_IN_SECONDS
    return Breath(False, 1.0 - out / BREATH_OUT_SECONDS, BREATH_OUT_SECONDS - out)
