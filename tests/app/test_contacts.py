"""Crisis contacts: the person's own people, helplines for their country, one key away."""

from __future__ import annotations

import pytest
from textual.widgets import Digits, Input, OptionList

from companion.contacts import flows as contacts
from companion.contacts.crisis import CrisisScreen
from companion.contacts.dialogs import CountryDialog, HelplineDialog, PersonDialog
from companion.domain.people import Person
from companion.main_screen import MainScreen
from companion.urge.screen import UrgeScreen

from ..conftest import NOW
from .support import reopen, screen_text, screen_words, seed, toasts


def seed_country(data_dir, code: str = "GB-ENG") -> None:
    """A person who has chosen their country."""
    seed(data_dir)
    repository = reopen(data_dir)
    repository.save_country(code)
    repository.close()


async def add_person(pilot, name: str, phone: str) -> None:
    """4, a, a name and a number, ctrl+s."""
    await pilot.press("4", "a")
    await pilot.pause()
    await pilot.press(*name, "tab", "tab", *phone, "ctrl+s")
    await pilot.pause()


async def test_crisis_view_before_a_country_is_chosen(make_app, data_dir) -> None:
    """! with no country: choosing one is offered first, then the emergency numbers that
    cover most people and the worldwide directory, each with the day it was checked."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        words = screen_words(app)
        assert words.index("Press o to choose your country") < words.index("112")
        for number, where in [
            ("112", "Across the EU"),
            ("911", "The United States and Canada"),
            ("999", "The UK and Ireland"),
            ("000", "Australia"),
        ]:
            assert f"{number} {where}" in words
        assert "checked on Tue 1 Dec 2026" in words
        assert "findahelpline.com" in words
        assert "checked on Mon 23 Nov 2026" in words
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == "112"


async def test_the_pane_before_a_country_is_chosen_shows_emergency_numbers(
    make_app, data_dir
) -> None:
    """The Crisis contacts pane with no country lists the same emergency numbers."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        text = screen_text(app)
        for number in ("112", "911", "999", "000"):
            assert f"Emergency services  {number}" in text
        assert "Press o to choose your country" in screen_words(app)


async def test_ireland_has_its_emergency_number_and_abuse_lines_for_women_and_men(
    make_app, data_dir
) -> None:
    """Ireland: 112 large (999 works too), Women's Aid and Men's Aid marked as from an
    older source, each saying who it is for."""
    seed_country(data_dir, "IE")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert str(app.screen.query_one("#emergency-number", Digits).value) == "112"
        words = screen_words(app)
        assert "999 reaches the same service" in words
        assert "Women's Aid National Freephone Helpline 1800 341 900" in words
        assert "Men's Aid Helpline 01 554 3811" in words
        assert "For women" in words and "For men" in words
        assert "checked on Tue 1 Dec 2026 against an older source: it may have changed" in words


@pytest.mark.parametrize("code", ["GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR", "IE", "AU", "NZ"])
async def test_where_the_main_abuse_line_is_for_women_a_line_for_men_is_beside_it(
    make_app, data_dir, code
) -> None:
    """Every country whose lines include one for women also shows one that serves men."""
    seed_country(data_dir, code)
    app = make_app()
    async with app.run_test(size=(120, 40)):
        serves = [line.serves for line in contacts.helplines(app.ctx) if line.kind == "abuse"]
        assert all(serves), "every abuse line says who it is for"
        if "For women" in serves:
            assert any("men" in who.replace("women", "") or "anyone" in who for who in serves)


LONG_NAME = "Sam [b]bestie[/b] 🌻 from the climbing club, the one who always answers"
"""A name with markup-looking text and an emoji, too long for any row."""


@pytest.mark.parametrize("help_open", [False, True])
async def test_a_number_is_never_cut(make_app, data_dir, help_open: bool) -> None:
    """At 80x24, with help open or closed, the pane and the crisis view show the whole
    number; the name is shortened or wrapped instead, and shown as typed."""
    seed_country(data_dir, "US")
    repository = reopen(data_dir)
    repository.save_person(Person(name=LONG_NAME, phone="+1 (555) 010-0199", created_at=NOW))
    repository.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        if help_open:
            await pilot.press("question_mark")
            await pilot.pause()
        text = screen_text(app)
        assert "+1 (555) 010-0199" in text
        assert "Sam [b]bes" in text
        assert "1-800-799-7233" in text
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "+1 (555) 010-0199" in screen_text(app)
        assert LONG_NAME in screen_words(app)


async def test_hiding_a_helpline_can_be_undone_and_the_cursor_stays(make_app, data_dir) -> None:
    """delete on a helpline hides it and leaves the cursor on its neighbour; ctrl+z shows
    it again with the cursor on it; the arrows still move the cursor."""
    seed_country(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        before = [line.id for line in contacts.helplines(app.ctx)]
        await pilot.press("4", "down", "down")
        await pilot.pause()
        options = app.screen.query_one("#contact-list", OptionList)
        assert options.highlighted == 2
        await pilot.press("delete")
        await pilot.pause()
        assert [line.id for line in contacts.helplines(app.ctx)] == before[:2] + before[3:]
        assert options.highlighted == 2
        assert options.get_option_at_index(2).id == "line:" + before[3]
        assert "ctrl+z" in toasts(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [line.id for line in contacts.helplines(app.ctx)] == before
        assert options.get_option_at_index(options.highlighted or 0).id == "line:" + before[2]
        await pilot.press("up")
        await pilot.pause()
        assert options.highlighted == 1
    repository = reopen(data_dir)
    assert not any(line.hidden for line in repository.helpline_overrides)
    repository.close()


@pytest.mark.parametrize(
    ("code", "hint"),
    [("US", "202-555-0143"), ("GB-ENG", "07700 900123"), (None, "as you would dial it")],
)
async def test_the_phone_hint_fits_the_country(make_app, data_dir, code, hint) -> None:
    """The person dialog's example number follows the country (a number kept for fiction,
    or a plain hint), and the notes example assumes nothing about who they left."""
    if code is None:
        seed(data_dir)
    else:
        seed_country(data_dir, code)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "a")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert hint in str(app.screen.query_one("#phone", Input).placeholder)
        words = screen_words(app)
        assert "the ex" not in words
        assert "good at 2 a.m." in words


async def test_choose_a_country_and_see_its_helplines(make_app, data_dir) -> None:
    """o in the crisis view picks England: 999 in large digits, abuse and crisis lines, dates."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("exclamation_mark", "o")
        await pilot.pause()
        assert isinstance(app.screen, CountryDialog)
        options = app.screen.query_one(OptionList)
        names = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        await pilot.press(*(["down"] * names.index("England")), "enter")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        words = screen_words(app)
        assert "press 55" in words.lower()
        assert "Domestic abuse support" in words
        assert "0808 2000 247" in words
        assert "116 123" in words
        assert "checked on" in words
    repository = reopen(data_dir)
    assert repository.country == "GB-ENG"
    repository.close()


async def test_add_a_person_and_they_come_first(make_app, data_dir) -> None:
    """A safe person is listed in the pane and first in the crisis view, after emergency."""
    seed_country(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await add_person(pilot, "Alex [b]", "+44 7700 900123")
        assert isinstance(app.screen, MainScreen)
        assert "Alex [b]  +44 7700 900123" in screen_text(app)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        words = screen_words(app)
        assert words.index("Your people") < words.index("Alex [b]") < words.index("Domestic abuse")
    repository = reopen(data_dir)
    assert [p.name for p in repository.people] == ["Alex [b]"]
    repository.close()


async def test_a_bad_phone_number_gets_a_clear_message(make_app, data_dir) -> None:
    """Letters in a number are refused, the dialog stays, nothing typed is lost."""
    seed_country(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await add_person(pilot, "Sam", "call me")
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#name", Input).value == "Sam"
        assert "digits" in screen_words(app).lower()


async def test_favourite_move_remove_and_undo(make_app, data_dir) -> None:
    """f puts a person first; shift+up moves; delete removes and ctrl+z puts them back."""
    seed_country(data_dir)
    app = make_app()

    def order() -> list[str]:
        return [p.name for p in app.repository.people]

    async with app.run_test(size=(120, 40)) as pilot:
        await add_person(pilot, "Ana", "111 222 333")
        await add_person(pilot, "Ben", "444 555 666")
        assert order() == ["Ana", "Ben"]
        await pilot.press("4", "home", "down", "f")  # Ben becomes a favourite
        await pilot.pause()
        assert order() == ["Ben", "Ana"]
        await pilot.press("f")  # and stops being one: back in his place
        await pilot.pause()
        assert order() == ["Ana", "Ben"]
        await pilot.press("shift+up")  # Ben moves above Ana
        await pilot.pause()
        assert order() == ["Ben", "Ana"]
        await pilot.press("home", "delete")
        await pilot.pause()
        assert order() == ["Ana"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert order() == ["Ben", "Ana"]
    repository = reopen(data_dir)
    assert [p.name for p in repository.people] == ["Ben", "Ana"]
    repository.close()


async def test_copy_a_number(make_app, data_dir) -> None:
    """c in the crisis view puts the number on the clipboard and says so."""
    seed_country(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await add_person(pilot, "Ana", "111 222 333")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == "111 222 333"
        assert "Copied 111 222 333" in toasts(app)


async def test_hide_and_bring_back_a_helpline(make_app, data_dir) -> None:
    """delete on a helpline hides it; "Show hidden helplines" brings it back."""
    seed_country(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        before = len(contacts.helplines(app.ctx))
        await pilot.press("4", "delete")
        await pilot.pause()
        assert len(contacts.helplines(app.ctx)) == before - 1
        app.action_command("contacts.show_hidden")
        await pilot.pause()
        assert len(contacts.helplines(app.ctx)) == before


async def test_edit_a_helpline_is_kept_as_your_own(make_app, data_dir) -> None:
    """An edited helpline is marked as yours and survives a restart."""
    seed_country(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "down", "e")  # the first line after the emergency number
        await pilot.pause()
        assert isinstance(app.screen, HelplineDialog)
        app.screen.query_one("#hours", Input).value = "my note: mornings are quieter"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        words = screen_words(app)
        assert "my note: mornings are quieter" in words
        assert "your own version" in words
    again = make_app()
    async with again.run_test(size=(120, 40)):
        assert any("mornings are quieter" in line.hours for line in contacts.helplines(again.ctx))


async def test_ctrl_g_from_a_person_dialog_keeps_the_text(make_app, data_dir) -> None:
    """Mid-typing a name, ctrl+g shows help; escape returns with the name still there."""
    seed_country(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a")
        await pilot.pause()
        await pilot.press(*"Jo!")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#name", Input).value == "Jo!"


async def test_bang_from_the_urge_session(make_app, data_dir) -> None:
    """! from inside an urge session shows the helplines; escape returns to the timer."""
    seed_country(data_dir, "AU")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("u", "8")
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "13 11 14" in screen_words(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)


async def test_edit_a_person(make_app, data_dir) -> None:
    """Enter on a person opens them with their details; changes are saved."""
    seed_country(data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await add_person(pilot, "Ana", "111 222 333")
        await pilot.press("4", "home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#phone", Input).value == "111 222 333"
        app.screen.query_one("#phone", Input).value = "111 222 444"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Ana  111 222 444" in screen_text(app)
    repository = reopen(data_dir)
    assert [p.phone for p in repository.people] == ["111 222 444"]
    repository.close()
