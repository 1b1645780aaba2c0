"""Crisis contacts: the person's own people, helplines for their country, one key away."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from companion.ui.contact_dialogs import CountryDialog, HelplineDialog, PersonDialog
from companion.ui.crisis import CrisisScreen
from companion.ui.main_screen import MainScreen
from companion.ui.urge_screen import UrgeScreen

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
    """! shows the emergency advice and the worldwide directory, and how to choose a country."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        words = screen_words(app)
        assert "Call your local emergency number" in words
        assert "findahelpline.com" in words
        assert "to choose your country" in words


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
        before = len(app.helplines())
        await pilot.press("4", "delete")
        await pilot.pause()
        assert len(app.helplines()) == before - 1
        app.action_show_hidden_helplines()
        await pilot.pause()
        assert len(app.helplines()) == before


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
        assert any("mornings are quieter" in line.hours for line in again.helplines())


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
