"""The blocking checklist: a safety note first, then channel by channel, saved as it goes."""

from __future__ import annotations

import json

from textual.widgets import Input, OptionList

from companion.checklist.dialogs import ChannelDialog, SafetyNoteDialog
from companion.checklist.screen import ChecklistScreen
from companion.domain.channels import SHIPPED
from companion.main_screen import MainScreen

from .support import reopen, screen_text, screen_words, seed, toasts

PROGRESS_PREFIX = "You've looked at"


def seed_answered(data_dir, afraid: str = "no") -> None:
    """A person who has seen the safety note and answered it."""
    from companion.domain.checklist import Safety

    seed(data_dir)
    repository = reopen(data_dir)
    repository.save_checklist_safety(Safety(afraid=afraid, seen=True))
    repository.close()


def rows(app) -> list[str]:
    """The selectable rows of the list, as shown (headings left out)."""
    options = app.screen.query_one(OptionList)
    shown = []
    for index in range(options.option_count):
        option = options.get_option_at_index(index)
        if not option.disabled:
            shown.append(" ".join(str(option.prompt).split()))
    return shown


def row_for(app, name: str) -> str:
    """The row that starts with ``name``."""
    return next(row for row in rows(app) if row.startswith(name))


def highlighted(app) -> str:
    """The row under the cursor."""
    options = app.screen.query_one(OptionList)
    assert options.highlighted is not None
    return " ".join(str(options.get_option_at_index(options.highlighted).prompt).split())


async def open_checklist(pilot) -> None:
    """Open the checklist as the palette (or the day counter's key) does."""
    pilot.app.action_command("checklist.show")
    await pilot.pause()


async def go_to(pilot, name: str) -> None:
    """Move the cursor down to the row starting with ``name``."""
    await pilot.press("home")
    for _ in range(60):
        if highlighted(pilot.app).startswith(name):
            return
        await pilot.press("down")
    raise AssertionError(f"no row {name!r}")


async def test_the_safety_note_comes_first_and_afraid_puts_the_advocate_first(
    make_app, data_dir
) -> None:
    """First open: the note about escalation, filtering and advocates; y puts the advocate
    step first, and the answer and the note having been seen are kept."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_checklist(pilot)
        assert isinstance(app.screen, SafetyNoteDialog)
        words = screen_words(app)
        assert "blocking everything at once can make things more dangerous" in words
        assert "keeps them as evidence" in words
        assert "domestic abuse helpline" in words
        assert "Are you afraid of how they might react?" in words
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert rows(app)[0] == "Talk to an advocate about a safety plan Not yet"
        assert highlighted(app).startswith("Talk to an advocate")
        assert "d done · n not yet" in screen_text(app)
    repository = reopen(data_dir)
    safety = repository.checklist_safety
    repository.close()
    assert (safety.afraid, safety.seen) == ("yes", True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot)
        assert isinstance(app.screen, ChecklistScreen), "the note is not shown a second time"
        assert rows(app)[0].startswith("Talk to an advocate")


async def test_not_sure_is_treated_like_yes_and_no_leaves_the_step_out(make_app, data_dir) -> None:
    """m in the note (not sure) lists the advocate step first; n leaves the list as shipped."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert rows(app)[0].startswith("Talk to an advocate")
        await pilot.press("s")  # the note again, from the checklist
        await pilot.pause()
        assert isinstance(app.screen, SafetyNoteDialog)
        assert "Your answer so far: Not sure." in screen_words(app)
        await pilot.press("n")
        await pilot.pause()
        assert rows(app)[0].startswith("Phone calls and SMS")
        assert len(rows(app)) == len(SHIPPED)
        assert "None of the 22 looked at yet." in screen_words(app)


async def test_skipping_the_note_keeps_the_advocate_step_first(make_app, data_dir) -> None:
    """escape closes the note without an answer: the step is there, and the note won't
    interrupt next time."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert rows(app)[0].startswith("Talk to an advocate")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await open_checklist(pilot)
        assert isinstance(app.screen, ChecklistScreen)


async def test_each_state_by_its_key_survives_a_restart(make_app, data_dir) -> None:
    """b, f, x and n set the four states; d marks the advocate step done; all are kept."""
    seed_answered(data_dir, "yes")
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_checklist(pilot)
        await pilot.press("d")
        await go_to(pilot, "Phone calls")
        await pilot.press("b")
        await go_to(pilot, "Email")
        await pilot.press("f")
        await go_to(pilot, "LinkedIn")
        await pilot.press("x")
        await go_to(pilot, "WhatsApp")
        await pilot.press("b")
        await pilot.pause()
        assert row_for(app, "WhatsApp") == "WhatsApp Blocked"
        await pilot.press("n")
        await pilot.pause()
        assert row_for(app, "WhatsApp") == "WhatsApp Not yet"
        assert highlighted(app).startswith("WhatsApp"), "the cursor stays on the row"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot)
        assert row_for(app, "Talk to an advocate") == "Talk to an advocate about a safety plan Done"
        assert row_for(app, "Phone calls") == "Phone calls and SMS Blocked"
        assert row_for(app, "Email") == "Email Filtered and kept as evidence"
        assert row_for(app, "LinkedIn") == "LinkedIn Not relevant"
        assert row_for(app, "WhatsApp") == "WhatsApp Not yet"
        assert "You've looked at 4 of 23." in screen_words(app)


async def test_a_channel_key_does_nothing_on_the_advocate_step(make_app, data_dir) -> None:
    """The step is done or not yet: b leaves it alone, space and enter switch it."""
    seed_answered(data_dir, "yes")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert rows(app)[0].endswith("Not yet")
        await pilot.press("space")
        await pilot.pause()
        assert rows(app)[0].endswith("Done")
        await pilot.press("enter")
        await pilot.pause()
        assert rows(app)[0].endswith("Not yet")


async def test_space_and_enter_step_through_the_four_states(make_app, data_dir) -> None:
    """not yet, blocked, filtered and kept, not relevant, and round to not yet again."""
    seed_answered(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot)
        seen = []
        for key in ("space", "enter", "space", "enter"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(row_for(app, "Phone calls").removeprefix("Phone calls and SMS "))
        assert seen == ["Blocked", "Filtered and kept as evidence", "Not relevant", "Not yet"]


async def test_the_progress_line_changes_gently(make_app, data_dir) -> None:
    """None yet, then some, then all: counts in words, no percentages, no exclamation."""
    seed_answered(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checklist(pilot)
        words = screen_words(app)
        assert "None of the 22 looked at yet. Take your time; not yet is a fine answer." in words
        await pilot.press("x")
        await pilot.pause()
        words = screen_words(app)
        assert "You've looked at 1 of 22. There's no rush, and not yet is a fine answer." in words
        for _ in range(len(SHIPPED) - 1):
            await pilot.press("down", "x")
        await pilot.pause()
        words = screen_words(app)
        assert "You've looked at all 22." in words
        assert "%" not in words and "!" not in words.replace("! Crisis", "")


async def test_add_rename_remove_and_undo_an_own_channel(make_app, data_dir) -> None:
    """a adds a channel under "Your own", shown exactly as typed; e renames it; delete
    removes it and ctrl+z puts it back, state and all."""
    seed_answered(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_checklist(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ChannelDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChannelDialog), "an empty name is not saved"
        assert "Give it a name first" in screen_words(app)
        await pilot.press(*"[bold]x[/]", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert row_for(app, "[bold]x[/]") == "[bold]x[/] Not yet"
        assert "[bold]x[/]" in screen_text(app)
        assert highlighted(app).startswith("[bold]x[/]")
        assert "Your own" in screen_text(app)
        await pilot.press("b", "e")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "[bold]x[/]"
        await pilot.press("ctrl+u", *"Discord", "ctrl+s")
        await pilot.pause()
        assert row_for(app, "Discord") == "Discord Blocked"
        await pilot.press("delete")
        await pilot.pause()
        assert not [row for row in rows(app) if row.startswith("Discord")]
        assert "Press ctrl+z" in toasts(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert row_for(app, "Discord") == "Discord Blocked"
    repository = reopen(data_dir)
    [own] = [channel for channel in repository.channels if channel.own]
    repository.close()
    assert (own.name, own.state) == ("Discord", "blocked")


async def test_shipped_channels_cannot_be_renamed_or_removed(make_app, data_dir) -> None:
    """e and delete on a shipped channel say what can be done instead; nothing changes."""
    seed_answered(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_checklist(pilot)
        before = rows(app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("delete")
        await pilot.pause()
        assert rows(app) == before
        assert "Only channels you added can be renamed" in toasts(app)
        assert "x marks it not relevant" in toasts(app)


async def test_a_huge_paste_is_refused_and_nothing_is_lost(make_app, data_dir) -> None:
    """A 1 MB paste as a name: a plain message, the text still in the field, the list as
    it was; shortening it then saves."""
    seed_answered(data_dir)
    app = make_app()
    huge = "p" * 1_000_000
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_checklist(pilot)
        await pilot.press("b", "a")
        await pilot.pause()
        app.screen.query_one(Input).value = huge
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChannelDialog)
        assert "keep the name to 80 characters or fewer; this one has 1,000,000" in (
            screen_words(app)
        )
        assert app.screen.query_one(Input).value == huge
        app.screen.query_one(Input).value = huge[:80]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)
        assert row_for(app, "Phone calls") == "Phone calls and SMS Blocked"
    repository = reopen(data_dir)
    names = [channel.name for channel in repository.channels if channel.own]
    repository.close()
    assert names == [huge[:80]]


async def test_a_damaged_checklist_record_is_refused_on_load(make_app, data_dir) -> None:
    """A channel record with an unknown state fails validation, so the last good copy of the
    file is loaded, the changes saved since it are replayed, and the person is told."""
    seed_answered(data_dir)
    repository = reopen(data_dir)
    from companion.domain.checklist import Channel

    repository.save_channel(Channel("email", "filtered"))
    repository.ledger.fold_here()
    repository.save_channel(Channel("phone", "blocked"))
    repository.ledger.fold_here()
    repository.close()
    path = data_dir / "data.json"
    data = json.loads(path.read_text())
    for record in data["tables"]["checklist"].values():
        if record["id"] == "phone":
            record["state"] = "burned"
    path.write_text(json.dumps(data))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "restored" in screen_words(app).lower()
        assert {c.id: c.state for c in app.repository.channels} == {
            "email": "filtered",
            "phone": "blocked",
        }


async def test_the_palette_offers_the_checklist(make_app, data_dir) -> None:
    """ctrl+p, "block": the checklist by name."""
    seed_answered(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"blocking")
        await pilot.pause(0.3)
        assert "Blocking checklist" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistScreen)


async def test_help_lists_the_keys(make_app, data_dir) -> None:
    """? shows what each key does, beside a list that still fits."""
    seed_answered(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checklist(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        words = screen_words(app)
        assert "filtered and kept as evidence" in words
        assert "ctrl+z" in words
        assert "Phone calls and SMS Not yet" in screen_words(app)


async def test_three_spaces_in_the_same_instant_step_three_times(make_app, data_dir) -> None:
    """Keys that arrive together each move one state on; a removal in the same instant as
    a state key leaves nothing half-saved."""
    seed_answered(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_checklist(pilot)
        screen = app.screen
        assert isinstance(screen, ChecklistScreen)
        for _ in range(3):
            screen.action_cycle()
        await pilot.pause()
        assert row_for(app, "Phone calls") == "Phone calls and SMS Not relevant"
        await pilot.press("a", *"Discord", "enter")
        await pilot.pause()
        screen.action_remove()
        screen.action_mark("blocked")
        await pilot.pause()
        assert not [row for row in rows(app) if row.startswith("Discord")]
        assert "Give it a name" not in toasts(app)
    repository = reopen(data_dir)
    stored = {channel.id: channel.state for channel in repository.channels}
    repository.close()
    assert stored == {"phone": "not_relevant"}


async def test_removing_an_own_channel_keeps_the_cursor_nearby(make_app, data_dir) -> None:
    """After a removal the cursor stays where the row was, not back at the top."""
    seed_answered(data_dir, "yes")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot)
        for name in ("Discord", "Work chat"):
            await pilot.press("a", *name, "enter")
            await pilot.pause()
        await go_to(pilot, "Work chat")
        await pilot.press("delete")
        await pilot.pause()
        assert not any(row.startswith("Work chat") for row in rows(app))
        assert highlighted(app).startswith("Discord")
