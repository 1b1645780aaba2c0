"""Unsent letters: kept however the box closes, listed newest first, read again, deleted
only by choice (and put back), with no earlier letter lost."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import TextArea

from companion.domain.urge import UrgeSession
from companion.letters.dialog import UnsentDialog
from companion.letters.screen import LettersScreen
from companion.main_screen import MainScreen
from companion.store.repository import Repository
from companion.urge.screen import UrgeScreen

from ..conftest import NOW
from .support import reopen, screen_text, screen_words, seed


async def test_escape_keeps_the_letter_and_the_list_shows_it(make_app, data_dir) -> None:
    """Written during a session and closed with escape: kept, listed with its day, readable."""
    seed(data_dir, alias="Sam")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "7")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, UnsentDialog)
        assert "in the data folder on this computer" in screen_words(app)
        await pilot.press(*"Why did you [b]do[/b] it", "escape")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, LettersScreen)
        text = screen_text(app)
        assert "Why did you [b]do[/b] it" in text
        assert "Wed 25 Nov 2026" in text
        assert "never sent" in screen_words(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnsentDialog)
        area = app.screen.query_one("#unsent", TextArea)
        assert area.text == "Why did you [b]do[/b] it"
    saved = reopen(data_dir)
    assert [letter.text for letter in saved.letters] == ["Why did you [b]do[/b] it"]
    saved.close()


async def test_w_again_in_the_session_opens_the_same_letter(make_app, data_dir) -> None:
    """A second w in one session goes on at the end of its letter; nothing is doubled."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "6", "w")
        await pilot.pause()
        await pilot.press(*"First part.", "ctrl+s")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.query_one("#unsent", TextArea).text == "First part."
        await pilot.press(*" More.", "escape")
        await pilot.pause()
    saved = reopen(data_dir)
    assert [letter.text for letter in saved.letters] == ["First part. More."]
    saved.close()


def _seed_older_letters(data_dir) -> None:
    """Two sessions from before letters had a place: their drafts live in the sessions."""
    repository = Repository.open(data_dir)
    for days, text in ((3, "An older letter"), (1, "A newer letter")):
        start = NOW - timedelta(days=days)
        session = UrgeSession.start(6, start).with_details(unsent=text)
        repository.save_urge(session.ended("not_contacted", start + timedelta(minutes=5)))
    repository.close()


async def test_earlier_letters_are_listed_deleted_by_choice_and_put_back(
    make_app, data_dir
) -> None:
    """Drafts kept in older sessions are in the list, newest first; delete, then ctrl+z."""
    seed(data_dir)
    _seed_older_letters(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("L")
        await pilot.pause()
        text = screen_text(app)
        assert text.index("A newer letter") < text.index("An older letter")
        assert "Tue 24 Nov 2026" in text and "Sun 22 Nov 2026" in text
        await pilot.press("delete")
        await pilot.pause()
        assert "A newer letter" not in screen_text(app)
        check = reopen_while_open(app)
        assert [letter.text for letter in check] == ["An older letter"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "A newer letter" in screen_text(app)
    saved = reopen(data_dir)
    assert [letter.text for letter in saved.letters] == ["A newer letter", "An older letter"]
    saved.close()


def reopen_while_open(app) -> list:
    """What the app's repository holds now (it is the one that wrote the file)."""
    return app.repository.letters


async def test_a_new_letter_from_the_list_and_the_palette_entry(make_app, data_dir) -> None:
    """a in the empty list writes one; an empty new letter keeps nothing; the palette lists it."""
    seed(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Letters you didn't send" in titles
        app.action_command("letters.show")
        await pilot.pause()
        assert "No letters yet" in screen_words(app)
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LettersScreen)
        assert app.repository.letters == []
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Not today.", "ctrl+s")
        await pilot.pause()
        assert "Not today." in screen_text(app)
    saved = reopen(data_dir)
    assert [letter.text for letter in saved.letters] == ["Not today."]
    saved.close()


async def test_a_bracketed_name_in_the_unsent_message_box(make_app, data_dir) -> None:
    """A name like "[/]" is shown as typed, never read as markup (it used to crash)."""
    seed(data_dir, alias="[/]")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u", "5", "w")
        await pilot.pause()
        assert isinstance(app.screen, UnsentDialog)
