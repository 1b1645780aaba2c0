"""Reasons I left: writing, ordering, guided writing and review, as a person uses them."""

from __future__ import annotations

import random
from datetime import date

from textual import events
from textual.widgets import Input, OptionList, TextArea

from companion.app import build_app
from companion.domain.reasons import Reason, all_prompts
from companion.main_screen import MainScreen
from companion.reasons.dialog import ReasonDialog
from companion.reasons.guided import GuidedScreen
from companion.reasons.review import BreatheScreen, ReviewScreen
from companion.ui.dialogs import ConfirmDialog
from companion.urge.screen import UrgeScreen

from ..conftest import NOW
from .support import fill_the_disk, reopen, screen_text, screen_words, seed, until_toast


def seed_reasons(data_dir, *texts: str, pinned: tuple[int, ...] = ()) -> list[Reason]:
    """Write reasons as an earlier session would have, in this order."""
    seed(data_dir)
    repository = reopen(data_dir)
    made = []
    for index, text in enumerate(texts):
        reason = Reason(text=text, created_at=NOW, position=index, pinned=index in pinned)
        made.append(repository.save_reason(reason))
    repository.close()
    return made


def listed(app) -> list[str]:
    """The reasons' lines as the pane lists them, top to bottom."""
    option_list = app.screen.query_one("#reason-list", OptionList)
    return [
        str(option_list.get_option_at_index(i).prompt).strip()
        for i in range(option_list.option_count)
    ]


def saved_texts(data_dir) -> list[str]:
    """The reasons as saved on disk, in the person's order."""
    repository = reopen(data_dir)
    try:
        return [r.text for r in repository.reasons]
    finally:
        repository.close()


async def test_add_a_reason(make_app, data_dir) -> None:
    """3, a, type, ctrl+s: the reason is listed and saved."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        assert "a adds a reason" in screen_words(app)
        await pilot.press("3", "a")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"They read my messages.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "They read my messages." in screen_text(app)
    assert saved_texts(data_dir) == ["They read my messages."]


async def test_empty_reason_is_refused_kindly(make_app, data_dir) -> None:
    """Saving nothing gets a message and the dialog stays open."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a", "space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        assert "A reason needs a few words" in screen_words(app)
    assert saved_texts(data_dir) == []


async def test_edit_with_summary_kind_and_date(make_app, data_dir) -> None:
    """Enter edits; a summary, a kind of one's own and a date are kept (and listed)."""
    seed_reasons(data_dir, "A long account of the night of the party.\nIt went on.")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        dialog = app.screen
        dialog.query_one("#summary", Input).value = "The party"
        dialog.query_one("#category").value = "__own__"
        await pilot.pause()
        dialog.query_one("#own-category", Input).value = "Money"
        dialog.query_one("#incident", Input).value = "17 Oct 2024"
        await pilot.pause()
        assert "Thu 17 Oct 2024" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert "The party  · Money" in screen_text(app)
    repository = reopen(data_dir)
    (reason,) = repository.reasons
    assert (reason.summary, reason.category, reason.incident) == (
        "The party",
        "Money",
        date(2024, 10, 17),
    )
    assert reason.edited_at is not None
    repository.close()


async def test_delete_and_undo(make_app, data_dir) -> None:
    """delete removes a reason; ctrl+z puts it back in its place."""
    seed_reasons(data_dir, "first", "second", "third")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "down", "delete")
        await pilot.pause()
        assert [line.split("·")[0].strip() for line in listed(app)] == ["first", "third"]
        assert [r.text for r in app.repository.reasons] == ["first", "third"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [line.split("·")[0].strip() for line in listed(app)] == ["first", "second", "third"]
    assert saved_texts(data_dir) == ["first", "second", "third"]


async def test_pin_and_move(make_app, data_dir) -> None:
    """p pins to the top; shift+down and shift+up move within the list, and stop at the edges."""
    seed_reasons(data_dir, "one", "two", "three")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "down", "down", "p")
        await pilot.pause()
        assert listed(app)[0].startswith("★ three")
        await pilot.press("down", "shift+down")
        await pilot.pause()
        assert [line.split("·")[0].strip(" ★") for line in listed(app)] == ["three", "two", "one"]
        await pilot.press("shift+down")  # already last: nothing moves
        await pilot.pause()
        assert [line.split("·")[0].strip(" ★") for line in listed(app)] == ["three", "two", "one"]
        await pilot.press("shift+up", "shift+up")  # never above a pinned reason
        await pilot.pause()
        assert [line.split("·")[0].strip(" ★") for line in listed(app)] == ["three", "one", "two"]
    assert saved_texts(data_dir) == ["three", "one", "two"]


async def test_filter(make_app, data_dir) -> None:
    """/ filters by a word; escape clears it."""
    seed_reasons(data_dir, "The shouting", "Money taken", "More shouting")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "slash", *"SHOUT")
        await pilot.pause()
        assert len(listed(app)) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert len(listed(app)) == 3


async def test_hundreds_of_reasons_and_a_huge_one(make_app, data_dir) -> None:
    """Three hundred reasons and a 1 MB paste: all kept, listed, and the list still moves."""
    huge = "x" * 999_000 + " end"
    seed_reasons(data_dir, huge, *(f"reason {i}" for i in range(300)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "end")
        await pilot.pause()
        assert "reason 299" in screen_text(app)
        assert len(listed(app)) == 301
    repository = reopen(data_dir)
    assert repository.reasons[0].text == huge
    repository.close()


async def test_typed_text_shown_exactly(make_app, data_dir) -> None:
    """Markup, escapes and right-to-left text in a reason show as typed."""
    seed_reasons(data_dir, "[bold]not bold[/] \x1b[2J שלום 🌱")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "[bold]not bold[/] ␛[2J שלום" in screen_text(app)


async def test_guided_writing_saves_as_you_type_and_resumes(make_app, data_dir) -> None:
    """g asks one question at a time; answers are reasons at once; the place is remembered."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "g")
        await pilot.pause()
        assert isinstance(app.screen, GuidedScreen)
        assert f"Question 1 of {len(all_prompts())}" in screen_text(app)
        await pilot.press(*"The night with the keys.")
        await pilot.pause(1.0)  # the answer is kept once typing pauses
        assert [r.text for r in app.repository.reasons] == ["The night with the keys."]
        await pilot.press("ctrl+o")  # skip the next one
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Question 3 of" in screen_text(app)
        await pilot.press(*"Half an answer")
    # The app closed mid-answer (no Next pressed); what was typed was kept.
    assert saved_texts(data_dir) == ["The night with the keys.", "Half an answer"]
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "g")
        await pilot.pause()
        assert "Question 3 of" in screen_text(again)


async def test_guided_notes_before_harder_themes_and_a_way_out(make_app, data_dir) -> None:
    """The pattern theme opens with a plain note; escape stops at once, keeping the place."""
    seed(data_dir)
    repository = reopen(data_dir)
    pattern_start = next(
        step
        for step in range(len(all_prompts()))
        if all_prompts()[step] == (3, 0)  # the pattern set
    )
    repository.save_guided_step(pattern_start)
    repository.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "g")
        await pilot.pause()
        words = screen_words(app)
        assert "Missing them is not a sign that leaving was wrong." in words
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_review_pinned_first_then_more_then_a_steadying_step(data_dir, clock) -> None:
    """r shows pinned first, three by default; y marks one; then breathing is offered."""
    seed_reasons(data_dir, "a", "b", "c", "d", "e", pinned=(4,))
    app = build_app(data_dir, clock, random.Random(7))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the panes are drawn once laid out
        assert "Reading" not in screen_text(app)  # never shown unasked
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Your reasons · 1 of 5 · a pause to steady yourself after every 3" in (
            screen_text(app)
        )
        assert "│  e " in screen_text(app)  # the pinned one first
        await pilot.press("y", "space", "space", "space")
        await pilot.pause()
        words = screen_words(app)
        assert "steady yourself" in words
        assert "show more (2 left)" in words
        await pilot.press("m")
        await pilot.pause()
        assert "4 of 5" in screen_text(app)
        await pilot.press("space", "space", "b")
        await pilot.pause()
        assert isinstance(app.screen, BreatheScreen)
    repository = reopen(data_dir)
    assert {r.text: r.helped for r in repository.reasons}["e"] == 1
    repository.close()


async def test_review_says_how_many_there_are_and_why_a_few_at_a_time(data_dir, clock) -> None:
    """Six reasons: the review counts all six and says it pauses after every three, so none
    is hidden without a word; m carries on with the rest."""
    seed_reasons(data_dir, "a", "b", "c", "d", "e", "f")
    app = build_app(data_dir, clock, random.Random(3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert "Your reasons · 1 of 6 · a pause to steady yourself after every 3" in (
            screen_words(app)
        )
        await pilot.press("space", "space", "space")
        await pilot.pause()
        assert "show more (3 left)" in screen_words(app)
        await pilot.press("m")
        await pilot.pause()
        assert "Your reasons · 4 of 6" in screen_words(app)


async def test_the_short_line_counts_and_never_cuts_what_was_written(make_app, data_dir) -> None:
    """The short line shows how many of its 120 characters are used; a 2,000-character
    paste goes whole into the reason itself, with a word about it; a line typed too long
    is refused with the limit named, and kept as typed."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a", *"They read my messages.")
        await pilot.pause()
        summary = app.screen.query_one("#summary", Input)
        assert "0 of 120 characters" in screen_words(app)
        summary.focus()
        await pilot.press(*"abc")
        await pilot.pause()
        assert "3 of 120 characters" in screen_words(app)
        paste = "".join(f"line {n} of a long letter. " for n in range(80))[:2000]
        assert len(paste) == 2000
        summary.post_message(events.Paste(paste))
        await pilot.pause()
        assert summary.value == "abc"
        assert app.screen.query_one("#text", TextArea).text == f"They read my messages.\n\n{paste}"
        assert "into your own words above" in screen_words(app)
        summary.value = "x" * 121
        await pilot.pause()
        assert "121 of 120 characters: shorten it to save" in screen_words(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        assert "The short line holds up to 120 characters; it has 121." in screen_words(app)
        assert summary.value == "x" * 121
        summary.value = "Read everything."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    repository = reopen(data_dir)
    [reason] = repository.reasons
    repository.close()
    assert reason.text == f"They read my messages.\n\n{paste}"
    assert reason.summary == "Read everything."


async def test_review_with_no_reasons_says_how_to_start(make_app, data_dir) -> None:
    """r with an empty list explains, kindly, how to write some."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert "You haven't written any reasons yet" in screen_words(app)


async def test_urge_session_shows_one_of_your_reasons(make_app, data_dir) -> None:
    """During an urge, the screen shows one of the person's own reasons (its summary)."""
    seed_reasons(data_dir, "The long story of what happened in March.")
    repository = reopen(data_dir)
    (reason,) = repository.reasons
    from dataclasses import replace

    repository.save_reason(replace(reason, summary="March"))
    repository.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "3")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        assert "One of your reasons: March" in screen_text(app)
        assert "Read your reasons" in screen_text(app)  # offered at a 3


async def test_letters_in_a_reason_are_not_keys(make_app, data_dir) -> None:
    """r, u and ! typed into a reason are text."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "a", "r", "u", "exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        assert app.screen.query_one("#text", TextArea).text == "ru!"


async def test_save_failure_keeps_the_reason_text(make_app, data_dir, monkeypatch) -> None:
    """With the disk full, the reason is kept here and listed, the person is told it is
    not written yet, and it is written once the disk has room."""

    seed(data_dir)
    app = make_app()

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        fill_the_disk(app, monkeypatch)
        await pilot.press("3", "a", *"keep these words", "ctrl+s")
        await until_toast(pilot, "the disk is full")
        assert not isinstance(app.screen, ReasonDialog)
        assert "keep these words" in listed(app)
        monkeypatch.undo()
        await until_toast(pilot, "written to the disk now")
    assert saved_texts(data_dir) == ["keep these words"]
    assert not isinstance(ConfirmDialog, type(None))


async def test_palette_reaches_every_reason_action(make_app, data_dir) -> None:
    """ctrl+p, "pin": the selected reason is pinned, as the p key would."""
    seed_reasons(data_dir, "one", "two")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "down", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"Pin or unpin")
        await pilot.pause(0.3)
        assert "Pin or unpin the selected reason" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert listed(app)[0].startswith("★ two")
        for title in ("Add a reason", "Move the selected reason up", "Filter reasons"):
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*title)
            await pilot.pause(0.3)
            assert title in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()


async def test_the_empty_hint_sits_in_the_middle_of_the_pane(make_app, data_dir) -> None:
    """With no reasons, the hint is centred in the pane, up and down and side to side, at
    120x40 as at 80x24; the pane's keys still work from there."""
    from companion.reasons.pane import ReasonsPane

    seed(data_dir)
    app = make_app()
    for size in ((120, 40), (80, 24)):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            region = app.screen.query_one(ReasonsPane).content_region
            lines = screen_text(app).splitlines()[region.y : region.bottom]
            inside = [line[region.x : region.right] for line in lines]
            used = [row for row, line in enumerate(inside) if line.strip()]
            assert "On a clear day" in inside[used[0]]
            assert "question at" in " ".join(inside[used[-2] : used[-1] + 1])
            above, below = used[0], len(inside) - 1 - used[-1]
            assert abs(above - below) <= 1, (above, below)
            first = inside[used[0]]
            left, right = len(first) - len(first.lstrip()), len(first) - len(first.rstrip())
            assert abs(left - right) <= 1, (left, right)
            await pilot.press("3", "a")
            await pilot.pause()
            assert isinstance(app.screen, ReasonDialog)
        app = make_app()


async def test_two_removals_two_undos(make_app, data_dir) -> None:
    """Deleting twice and pressing ctrl+z twice brings both reasons back."""
    seed_reasons(data_dir, "one", "two")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "delete")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert app.repository.reasons == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert sorted(r.text for r in app.repository.reasons) == ["one", "two"]
    saved = reopen(data_dir)
    assert len(saved.reasons) == 2
    saved.close()


async def test_a_long_list_of_reasons_scrolls_to_the_last_and_back(make_app, data_dir) -> None:
    """With 150 reasons only a few fit in the pane: end moves the cursor to the last one
    and shows it, page up goes a screen back, home to the first."""
    seed_reasons(data_dir, *(f"reason number {n}" for n in range(1, 151)))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        assert "reason number 1 " in screen_text(app) + " "
        assert "reason number 150" not in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        option_list = app.screen.query_one("#reason-list", OptionList)
        assert option_list.highlighted == 149
        assert "reason number 150" in screen_text(app)
        assert "reason number 1 " not in screen_text(app) + " "
        await pilot.press("pageup")
        await pilot.pause()
        assert option_list.highlighted is not None and option_list.highlighted < 149
        assert "reason number 150" not in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert option_list.highlighted == 0
        assert "reason number 1 " in screen_text(app) + " "
