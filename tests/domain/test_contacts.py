"""Crisis contacts: the shipped helplines, their order, the person's own edits and
additions, phone numbers and names, the country guess, safe people and their order."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion.domain.errors import ValidationError
from companion.domain.fields import NAME_LIMIT, check_name, check_phone
from companion.domain.helplines import (
    EVERYWHERE,
    KINDS,
    Directory,
    Helpline,
    ShippedLines,
    guess_country,
    helplines_for,
    load_shipped,
    shipped_text,
)
from companion.domain.people import RELATIONS, Person, moved_people, people_in_order

T0 = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
"""Two in the morning: when the safe people in these tests were added."""
CHECKED = date(2026, 11, 23)
"""The day the shipped numbers were checked."""
SOME = settings(max_examples=60, deadline=None)

COUNTRIES = {
    "US": "United States",
    "GB-ENG": "England",
    "GB-SCT": "Scotland",
    "GB-WLS": "Wales",
    "GB-NIR": "Northern Ireland",
    "IE": "Ireland",
    "CA": "Canada",
    "AU": "Australia",
    "NZ": "New Zealand",
    "IN": "India",
}
"""The countries the app offers, and how they are named."""

ENTRY_KEYS = {
    "id",
    "countries",
    "kind",
    "name",
    "serves",
    "purpose",
    "call",
    "silent",
    "text_number",
    "text_keyword",
    "hours",
    "notes",
    "source",
    "verified_on",
    "status",
}
"""The fields every shipped entry spells out."""

NOT_CHECKED = {
    "loveisrespect": "18663319474",
    "Trevor old text": "12023041200",
    "SAMHSA": "18006624357",
    "50808 text line": "50808",
    "LGBT Ireland (old 1890 number)": "1890929539",
    "Assaulted Women's Helpline": "18668630511",
    "Talk4Healing": "18555544325",
    "Quebec suicide line": "18662773553",
    "Hope for Wellness": "18552423310",
    "13YARN": "139276",
    "Lifeline Aotearoa": "0800543354",
    "Safe to Talk": "0800044334",
    "NZ Suicide Crisis Helpline": "0508828865",
    "India women police": "1091",
    "National Commission for Women": "7827170170",
    "KIRAN": "18005990019",
}
"""Numbers the research could not confirm well enough to ship, digits only."""

OLDER = {"ie-womens-aid", "ie-mens-aid", "gb-mens-advice-line", "us-trevor"}
"""Entries whose newest source found is over about two years old: shipped, marked older."""

RECHECKED = date(2026, 12, 1)
"""The day the lines were checked again against stored pages of providers and governments."""


def digits(text: str) -> str:
    """Only the digits of a number, so spacing and dashes don't hide a match."""
    return re.sub(r"[^0-9]", "", text)


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    """The shipped file as plain JSON."""
    data: dict[str, Any] = json.loads(shipped_text())
    return data


@pytest.fixture(scope="module")
def shipped() -> ShippedLines:
    """The shipped file, loaded as the app loads it."""
    return load_shipped(shipped_text())


def line(
    ident: str,
    kind: str = "crisis",
    countries: tuple[str, ...] = ("GB-ENG",),
    **changes: Any,
) -> Helpline:
    """A small helpline with a readable id, checked on CHECKED."""
    fields: dict[str, Any] = {
        "id": ident,
        "countries": countries,
        "kind": kind,
        "name": f"Line {ident}",
        "purpose": "Someone to talk to.",
        "call": "0800 000 000",
        "source": ("example.org",),
        "verified_on": CHECKED,
    }
    fields.update(changes)
    return Helpline(**fields)


def small(*entries: Helpline) -> ShippedLines:
    """A shipped list holding only ``entries``."""
    return ShippedLines(
        countries=dict(COUNTRIES),
        helplines=entries,
        directory=Directory("Find A Helpline", "findahelpline.com", "", ("x",), CHECKED),
    )


def ids(entries: Sequence[Helpline | Person]) -> list[str]:
    """The ids, in the order given."""
    return [entry.id for entry in entries]


# --- The shipped file -----------------------------------------------------------------


def test_the_shipped_file_loads_with_every_country_named(shipped: ShippedLines) -> None:
    """The list that comes with the app opens, names the ten countries, and has entries."""
    assert shipped.countries == COUNTRIES
    assert len(shipped.helplines) >= len(COUNTRIES)


def test_every_shipped_entry_has_a_number_a_source_and_a_check_date(shipped: ShippedLines) -> None:
    """Each line shown has something to call or text, where it was checked, and when."""
    for entry in shipped.helplines:
        assert entry.call or entry.text_number, entry.id
        assert entry.source and all(s.strip() for s in entry.source), entry.id
        assert entry.verified_on in (CHECKED, RECHECKED), entry.id
        assert entry.status == ("verified-old" if entry.id in OLDER else "verified"), entry.id
        assert entry.serves.strip(), entry.id
        assert entry.name and entry.purpose.strip(), entry.id
        assert not (entry.user_edited or entry.user_added or entry.hidden), entry.id


def test_every_raw_entry_spells_out_the_agreed_fields(raw: dict[str, Any]) -> None:
    """The file on disk uses exactly the agreed fields, so nobody reading it is misled."""
    assert raw["format"] == 1
    assert set(raw) == {"format", "countries", "directory", "helplines"}
    for record in raw["helplines"]:
        assert set(record) == ENTRY_KEYS, record["id"]
        expected = "verified-old" if record["id"] in OLDER else "verified"
        assert record["status"] == expected, record["id"]
        assert record["verified_on"] in ("2026-11-23", "2026-12-01"), record["id"]
        if record["verified_on"] == "2026-12-01":
            assert any(source.startswith("http") for source in record["source"]), record["id"]


@pytest.mark.parametrize(("service", "number"), list(NOT_CHECKED.items()))
def test_no_number_the_research_could_not_confirm_ships(
    raw: dict[str, Any], service: str, number: str
) -> None:
    """A number only found in old, weak or third-party sources is never shown as a
    checked helpline, however it is spaced."""
    for record in raw["helplines"]:
        shown = [record["call"], record["text_number"], record["notes"], record["silent"]]
        for text in shown:
            assert number not in digits(text), f"{service} appears in {record['id']}"


def test_the_988_option_that_ended_is_not_offered(shipped: ShippedLines) -> None:
    """The US 988 press-3 option ended in July 2025, so the 988 entry doesn't offer it."""
    lifeline = next(entry for entry in shipped.helplines if entry.id == "us-988")
    assert "press 3" not in lifeline.notes.lower()
    assert "lgbt" not in lifeline.notes.lower()


@pytest.mark.parametrize("country", list(COUNTRIES))
def test_every_country_has_a_line_for_abuse_or_crisis(shipped: ShippedLines, country: str) -> None:
    """Whatever country is chosen, there is at least one abuse or crisis line to call."""
    kinds = {entry.kind for entry in helplines_for(shipped, country, [])}
    assert kinds & {"abuse", "crisis"}


def test_every_country_code_in_the_list_is_a_named_country(shipped: ShippedLines) -> None:
    """No entry is filed under a country the app can't offer."""
    for entry in shipped.helplines:
        assert set(entry.countries) <= set(COUNTRIES) | {EVERYWHERE}, entry.id


def test_uk_wide_services_reach_all_four_nations_and_samaritans_ireland(
    shipped: ShippedLines,
) -> None:
    """Samaritans shows in England, Scotland, Wales, Northern Ireland and Ireland; the
    999 line and Shout show in all four UK nations."""
    by_id = {entry.id: entry for entry in shipped.helplines}
    uk = {"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"}
    assert set(by_id["samaritans"].countries) == uk | {"IE"}
    assert set(by_id["gb-999"].countries) == uk
    assert set(by_id["gb-shout"].countries) == uk


def test_silent_call_help_is_given_only_where_it_was_checked(shipped: ShippedLines) -> None:
    """The press-55 instruction is offered for the UK (999 on a mobile) and New Zealand
    (111), and nowhere else, so nobody relies on one that may not exist."""
    silent = {entry.id for entry in shipped.helplines if entry.silent}
    assert silent == {"gb-999", "nz-111"}
    for entry in shipped.helplines:
        if entry.silent:
            assert entry.kind == "emergency"
            assert "55" in entry.silent


def test_ireland_has_112_and_999_and_abuse_lines(shipped: ShippedLines) -> None:
    """Ireland shows 112 (999 reaches the same service), and abuse lines for women and men."""
    shown = helplines_for(shipped, "IE", [])
    emergency = [entry for entry in shown if entry.kind == "emergency"]
    assert [entry.call for entry in emergency] == ["112"]
    assert "999" in emergency[0].notes
    abuse = {entry.serves for entry in shown if entry.kind == "abuse"}
    assert {"For women", "For men"} <= abuse


def test_before_a_country_is_chosen_the_common_emergency_numbers_show(
    shipped: ShippedLines,
) -> None:
    """With no country, 112, 911, 999, 000 and 111 show, each saying where it works."""
    shown = helplines_for(shipped, EVERYWHERE, [])
    assert [entry.call for entry in shown] == ["112", "911", "999", "000", "111"]
    assert all(entry.kind == "emergency" and entry.serves for entry in shown)


@pytest.mark.parametrize("country", list(COUNTRIES))
def test_every_country_has_an_emergency_number(shipped: ShippedLines, country: str) -> None:
    """Whatever country is chosen, the crisis view has an emergency number to show large."""
    assert any(entry.kind == "emergency" for entry in helplines_for(shipped, country, []))


def test_an_older_entry_says_so_and_an_edited_one_is_the_persons_own() -> None:
    """A verified-old entry is marked older until the person edits it."""
    old = line("o1", status="verified-old")
    assert old.is_older
    assert not line("o2").is_older
    assert not replace(old, user_edited=True).is_older


def test_text_only_lines_have_no_number_to_call(shipped: ShippedLines) -> None:
    """A text service is never shown with a call button, and always with a text number."""
    for entry in shipped.helplines:
        if entry.kind == "text":
            assert entry.call == "" and entry.text_number, entry.id


def test_the_directory_for_everywhere_else_is_there(shipped: ShippedLines) -> None:
    """Someone outside the ten countries is pointed to Find A Helpline."""
    directory = shipped.directory
    assert directory.name == "Find A Helpline"
    assert directory.where == "findahelpline.com"
    assert directory.purpose.strip()
    assert directory.source
    assert directory.verified_on == CHECKED


def mutated(change: Callable[[dict[str, Any]], None]) -> str:
    """The shipped file's text with one change made to it."""
    data = json.loads(shipped_text())
    change(data)
    return json.dumps(data)


def _set(path: Sequence[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    """A change that sets one value deep in the file."""

    def change(data: dict[str, Any]) -> None:
        """Walk to the parent and set the value."""
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(path: Sequence[Any]) -> Callable[[dict[str, Any]], None]:
    """A change that removes one value from the file."""

    def change(data: dict[str, Any]) -> None:
        """Walk to the parent and delete the key."""
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _duplicate(data: dict[str, Any]) -> None:
    """List the first entry twice."""
    data["helplines"].append(copy.deepcopy(data["helplines"][0]))


@pytest.mark.parametrize(
    "change",
    [
        _set(["format"], 2),
        _drop(["format"]),
        _set(["helplines", 1, "status"], "unverified"),
        _set(["helplines", 0, "source"], []),
        _drop(["helplines", 0, "source"]),
        _drop(["helplines", 0, "verified_on"]),
        _set(["helplines", 0, "verified_on"], None),
        _set(["helplines", 0, "verified_on"], "last week"),
        _set(["helplines", 0, "countries"], ["FR"]),
        _set(["helplines", 0, "countries"], []),
        _set(["helplines", 0, "kind"], "chat"),
        _set(["helplines", 0, "call"], "call us"),
        _set(["helplines", 0, "hidden"], True),
        _duplicate,
        _drop(["directory"]),
        _drop(["directory", "source"]),
        _set(["countries"], []),
        _set(["helplines"], {}),
    ],
    ids=[
        "format-2",
        "no-format",
        "unverified",
        "empty-source",
        "no-source",
        "no-date",
        "null-date",
        "bad-date",
        "unknown-country",
        "no-country",
        "unknown-kind",
        "bad-number",
        "shipped-hidden",
        "duplicate-id",
        "no-directory",
        "directory-no-source",
        "no-countries",
        "helplines-not-a-list",
    ],
)
def test_a_broken_shipped_file_is_refused(change: Callable[[dict[str, Any]], None]) -> None:
    """A list that breaks a rule (unchecked entries, no source or date, an unknown
    country, the same id twice) is refused with a message instead of shown as fact."""
    with pytest.raises(ValidationError) as caught:
        load_shipped(mutated(change))
    assert str(caught.value).strip()


@pytest.mark.parametrize("text", ["", "not json", "[]", "null", '{"format": 1}'])
def test_text_that_is_not_a_helpline_list_is_refused(text: str) -> None:
    """An empty or garbled file is refused calmly, not with a crash."""
    with pytest.raises(ValidationError):
        load_shipped(text)


def test_the_unchanged_file_round_trips_through_the_mutation_helper() -> None:
    """The helper above changes nothing by itself, so the refusals really come from the
    change each one makes."""
    assert load_shipped(mutated(lambda data: None)) == load_shipped(shipped_text())


# --- Order and hiding -----------------------------------------------------------------


@pytest.mark.parametrize("country", list(COUNTRIES))
def test_shipped_lines_come_emergency_then_abuse_then_crisis_then_text(
    shipped: ShippedLines, country: str
) -> None:
    """In every country the emergency number is first, then abuse lines, then crisis
    lines, then text-only services; only entries for that country are shown."""
    shown = helplines_for(shipped, country, [])
    ranks = [KINDS.index(entry.kind) for entry in shown]
    assert ranks == sorted(ranks)
    assert all(country in entry.countries for entry in shown)
    expected = {entry.id for entry in shipped.helplines if country in entry.countries}
    assert set(ids(shown)) == expected


def test_order_is_by_kind_and_otherwise_as_listed() -> None:
    """However the file lists them, kinds are grouped in the fixed order, and lines of
    the same kind keep the file's order."""
    listed = small(
        line("t1", "text", call="", text_number="85258"),
        line("c1"),
        line("e1", "emergency"),
        line("a1", "abuse"),
        line("c2"),
        line("a2", "abuse"),
        line("t2", "text"),
    )
    assert ids(helplines_for(listed, "GB-ENG", [])) == ["e1", "a1", "a2", "c1", "c2", "t1", "t2"]


def test_a_hidden_line_is_left_out_and_can_be_found_again() -> None:
    """Hiding a line takes it off the list; it waits in the hidden list to be shown again."""
    listed = small(line("e1", "emergency"), line("a1", "abuse"), line("c1"))
    mine = [replace(listed.helplines[1], hidden=True)]
    assert ids(helplines_for(listed, "GB-ENG", mine)) == ["e1", "c1"]
    shown_again = [replace(mine[0], hidden=False)]
    assert ids(helplines_for(listed, "GB-ENG", shown_again)) == ["e1", "a1", "c1"]


# --- The person's own copies and additions --------------------------------------------


def test_an_edited_line_survives_a_newer_shipped_file() -> None:
    """The person fixed a number themselves; a newer list with a different name and
    number for the same line does not undo their change."""
    old = small(line("e1", "emergency"), line("c1", call="0800 111 111"))
    edited = replace(old.helplines[1], call="0800 222 222", notes="Ask for Sam", user_edited=True)
    newer = small(
        line("e1", "emergency"),
        line("c1", name="Renamed line", call="0800 999 999", verified_on=date(2027, 6, 1)),
    )
    for listed in (old, newer):
        shown = {entry.id: entry for entry in helplines_for(listed, "GB-ENG", [edited])}
        assert shown["c1"] == edited
        assert shown["c1"].call == "0800 222 222"
        assert shown["c1"].name == "Line c1"


def test_an_unedited_copy_takes_the_newer_facts_but_stays_hidden() -> None:
    """A line that was only hidden picks up a newer number from an updated list, and
    stays hidden because the person chose that."""
    old = small(line("c1", call="0800 111 111"))
    hidden = replace(old.helplines[0], hidden=True)
    newer = small(line("c1", call="0800 999 999"))
    assert helplines_for(newer, "GB-ENG", [hidden]) == []
    shown_again = replace(hidden, hidden=False)
    assert [entry.call for entry in helplines_for(newer, "GB-ENG", [shown_again])] == [
        "0800 999 999"
    ]


def test_an_edited_line_stays_even_when_a_newer_file_drops_it() -> None:
    """If a service leaves the shipped list, the person's own edited copy is still
    there; a copy they only hid goes with it."""
    edited = line("gone", call="0800 333 333", user_edited=True)
    only_hidden = line("also-gone", hidden=True)
    newer = small(line("e1", "emergency"))
    assert ids(helplines_for(newer, "GB-ENG", [edited, only_hidden])) == ["e1", "gone"]
    shown_again = replace(only_hidden, hidden=False)
    assert ids(helplines_for(newer, "GB-ENG", [edited, shown_again])) == ["e1", "gone"]


def test_a_line_the_person_added_shows_for_its_country_only() -> None:
    """A local service added for Scotland shows in Scotland, in its kind's place, and
    not in England or Ireland."""
    listed = small(
        line("e1", "emergency", countries=("GB-ENG", "GB-SCT")),
        line("c1", countries=("GB-ENG", "GB-SCT")),
    )
    added = line("mine", "abuse", countries=("GB-SCT",), user_added=True, source=())
    assert ids(helplines_for(listed, "GB-SCT", [added])) == ["e1", "mine", "c1"]
    assert ids(helplines_for(listed, "GB-ENG", [added])) == ["e1", "c1"]
    assert helplines_for(listed, "IE", [added]) == []


def test_an_added_line_can_be_hidden_and_shown_again() -> None:
    """The person's own additions can be hidden like any other line."""
    added = line("mine", countries=("IE",), user_added=True, hidden=True)
    assert helplines_for(small(), "IE", [added]) == []
    assert ids(helplines_for(small(), "IE", [replace(added, hidden=False)])) == ["mine"]


def test_a_copy_that_is_not_the_persons_own_addition_never_adds_a_line() -> None:
    """A stored copy that is neither edited nor added (only a leftover) adds nothing."""
    leftover = line("stray", countries=("US",))
    assert helplines_for(small(), "US", [leftover]) == []


# --- Phone numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "988",
        "116 123",
        "+44 (0)20 7946-0958",
        "1-800-799-7233",
        "0808.2000.247",
        "555 0100 ext 12",
        "555 0100 x12",
        "555 0100 EXT. 12",
        "555 0100 X 12",
        "+44 (0)20 7946-0958 ext. 12",
        "85258",
        "078600 77333",
    ],
)
def test_usual_ways_of_writing_a_number_are_accepted_unchanged(number: str) -> None:
    """Numbers written with spaces, brackets, dashes, dots, a country code or an
    extension are kept exactly as typed."""
    assert check_phone(number) == number
    assert check_phone(f"  {number}\n") == number


@pytest.mark.parametrize(
    ("number", "hint"),
    [
        ("", "Add a phone number"),
        ("   ", "Add a phone number"),
        ("12", "3 digits"),
        ("ext 12", "3 digits"),
        ("+", "3 digits"),
        ("call me", "digits"),
        ("555-0100!", "digits"),
        ("++44 1", "+"),
        ("44+1 23", "+"),
        ("555\n0100", "digits"),
        ("555 0100 ext", "digits"),
        ("555 0100 x12 x13", "digits"),
        ("\u0665\u0665\u0665 \u0660\u0661\u0660\u0660", "digits"),
    ],
)
def test_something_that_is_not_a_number_is_refused_with_a_message(number: str, hint: str) -> None:
    """Nothing, too few digits, letters, stray symbols or a "+" in the middle are refused
    with a sentence that says what to change."""
    with pytest.raises(ValidationError) as caught:
        check_phone(number)
    assert hint in str(caught.value)


# --- Names ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Sam", "Auntie Jo 💜", "Dr. Ng (therapist)", "家族", "n" * 80])
def test_a_name_on_one_line_is_accepted(name: str) -> None:
    """Any script and emoji are fine, up to the limit."""
    assert check_name(f" {name} ") == name


@pytest.mark.parametrize(
    "name",
    ["", "   ", "n" * (NAME_LIMIT + 1), "two\nlines", "tab\there", "nul\x00", "a\u2028b"],
    ids=["empty", "spaces", "too-long", "newline", "tab", "nul", "line-separator"],
)
def test_an_impossible_name_is_refused(name: str) -> None:
    """No name, a very long one, or one with line breaks or control codes is refused."""
    with pytest.raises(ValidationError) as caught:
        check_name(name)
    assert str(caught.value).strip()
    with pytest.raises(ValidationError):
        Person(name=name, phone="988", created_at=T0)


# --- The country guess ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "country"),
    [
        ("en_GB.UTF-8", "GB-ENG"),
        ("en_GB", "GB-ENG"),
        ("cy_GB.UTF-8", "GB-WLS"),
        ("gd_GB", "GB-SCT"),
        ("en_US.UTF-8", "US"),
        ("es_US", "US"),
        ("en_IE.UTF-8", "IE"),
        ("ga_IE", "IE"),
        ("en_IE@euro", "IE"),
        ("en_CA.UTF-8", "CA"),
        ("fr_CA", "CA"),
        ("en_AU.UTF-8", "AU"),
        ("en_NZ", "NZ"),
        ("en_IN", "IN"),
        ("hi_IN.UTF-8", "IN"),
        ("en-gb", "GB-ENG"),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("", None),
        ("en", None),
        ("fr_FR.UTF-8", None),
        ("de_DE", None),
    ],
)
def test_the_country_is_guessed_from_the_locale_only(lang: str, country: str | None) -> None:
    """A British locale suggests England, an Irish one Ireland, and so on; anything else
    suggests nothing, and the person picks."""
    assert guess_country(lang) == country


# --- Safe people ----------------------------------------------------------------------


def person(ident: str, *, favourite: bool = False, position: int = 0, minutes: int = 0) -> Person:
    """A safe person with a readable id, added ``minutes`` after T0."""
    return Person(
        name=f"Person {ident}",
        phone="555 0100",
        created_at=T0 + timedelta(minutes=minutes),
        favourite=favourite,
        position=position,
        id=ident,
    )


def applied(people: Sequence[Person], changes: Sequence[Person]) -> list[Person]:
    """The people with ``changes`` saved over them, as the store does."""
    by_id = {p.id: p for p in changes}
    return [by_id.get(p.id, p) for p in people]


def test_a_new_safe_person_starts_plain() -> None:
    """Unless told otherwise someone is a friend, not for texting, no notes, not a
    favourite, first in order, with their own id; name and number are trimmed."""
    first = Person(name="  Sam ", phone=" 555 0100 ", created_at=T0)
    second = Person(name="Sam", phone="555 0100", created_at=T0)
    assert (first.name, first.phone, first.relation) == ("Sam", "555 0100", "friend")
    assert (first.texting_ok, first.notes, first.favourite, first.position) == (
        False,
        "",
        False,
        0,
    )
    assert first.id and first.id != second.id
    assert RELATIONS[first.relation] == "Friend"


def test_every_relation_has_a_label() -> None:
    """Friend, family, therapist, advocate, sponsor and other can each be chosen."""
    assert list(RELATIONS) == ["friend", "family", "therapist", "advocate", "sponsor", "other"]
    for key, label in RELATIONS.items():
        person = Person(name="Sam", phone="988", created_at=T0, relation=key)
        assert RELATIONS[person.relation] == label


@pytest.mark.parametrize(
    "changes",
    [
        {"relation": "ex"},
        {"phone": ""},
        {"phone": "call me"},
        {"created_at": datetime(2026, 11, 25, 2, 0)},
        {"id": ""},
    ],
    ids=["relation", "no-phone", "bad-phone", "naive-time", "no-id"],
)
def test_an_impossible_safe_person_is_refused(changes: dict[str, Any]) -> None:
    """An unknown relation, a missing or odd number, a time without a zone or no id."""
    fields: dict[str, Any] = {"name": "Sam", "phone": "988", "created_at": T0}
    fields.update(changes)
    with pytest.raises(ValidationError):
        Person(**fields)


def test_favourites_come_first_each_group_in_its_own_order() -> None:
    """Favourites lead; within each group the person's order, then who was added first."""
    people = [
        person("a", position=0),
        person("b", favourite=True, position=5),
        person("c", position=0, minutes=-1),
        person("d", favourite=True, position=1),
        person("e", position=2),
    ]
    assert ids(people_in_order(people)) == ["d", "b", "c", "a", "e"]


def four() -> list[Person]:
    """Two favourites (F1, F2) and two others (P1, P2), each group in order."""
    return [
        person("F1", favourite=True, position=0),
        person("F2", favourite=True, position=1),
        person("P1", position=0),
        person("P2", position=1),
    ]


@pytest.mark.parametrize(
    ("ident", "step", "after"),
    [
        ("F2", -1, ["F2", "F1", "P1", "P2"]),
        ("F1", 1, ["F2", "F1", "P1", "P2"]),
        ("P2", -1, ["F1", "F2", "P2", "P1"]),
        ("P1", 1, ["F1", "F2", "P2", "P1"]),
    ],
)
def test_moving_swaps_with_the_neighbour_in_the_same_group(
    ident: str, step: int, after: list[str]
) -> None:
    """Moving someone up or down swaps them with their neighbour in their own group."""
    people = four()
    changes = moved_people(people, ident, step)
    assert len(changes) == 2
    assert ids(people_in_order(applied(people, changes))) == after


@pytest.mark.parametrize(
    ("ident", "step"),
    [("F1", -1), ("F2", 1), ("P1", -1), ("P2", 1), ("nobody", 1), ("P1", 2), ("P2", 0)],
)
def test_moving_past_an_edge_or_by_more_than_one_changes_nothing(ident: str, step: int) -> None:
    """The first can't go up, the last can't go down, a favourite never drops into the
    rest (nor the reverse), and an unknown person or a jump changes nothing."""
    assert moved_people(four(), ident, step) == []
    assert moved_people([], ident, step) == []


def test_people_added_at_the_same_place_still_swap_sensibly() -> None:
    """Old data with every position 0 still moves one place at a time, and only the
    position changes."""
    people = [person(x, minutes=i) for i, x in enumerate("abc")]
    changes = moved_people(people, "c", -1)
    after = applied(people, changes)
    assert ids(people_in_order(after)) == ["a", "c", "b"]
    for changed in changes:
        original = next(p for p in people if p.id == changed.id)
        assert replace(changed, position=original.position) == original


@st.composite
def people_lists(draw: st.DrawFn) -> list[Person]:
    """Safe people with unique ids and clashing positions and times."""
    specs = draw(
        st.lists(st.tuples(st.booleans(), st.integers(-2, 4), st.integers(0, 3)), max_size=8)
    )
    return [
        person(f"p{i}", favourite=fav, position=pos, minutes=minutes)
        for i, (fav, pos, minutes) in enumerate(specs)
    ]


@SOME
@given(people=people_lists(), pick=st.integers(0, 50), step=st.sampled_from([-1, 1]))
def test_moving_keeps_everyone_and_favourites_first(
    people: list[Person], pick: int, step: int
) -> None:
    """After any move the same people are there, favourites still first, and the one
    moved is at most one place from where they were."""
    if not people:
        return
    target = people_in_order(people)[pick % len(people)]
    before = ids(people_in_order(people))
    after_people = people_in_order(applied(people, moved_people(people, target.id, step)))
    after = ids(after_people)
    assert sorted(after) == sorted(before)
    flags = [p.favourite for p in after_people]
    assert flags == sorted(flags, reverse=True)
    assert abs(after.index(target.id) - before.index(target.id)) <= 1


@SOME
@given(people=people_lists(), pick=st.integers(0, 50))
def test_moving_down_then_up_puts_everyone_back(people: list[Person], pick: int) -> None:
    """A move down undone by a move up restores the order the person had."""
    if not people:
        return
    target = people_in_order(people)[pick % len(people)]
    down = moved_people(people, target.id, 1)
    if not down:
        return
    lowered = applied(people, down)
    restored = applied(lowered, moved_people(lowered, target.id, -1))
    assert ids(people_in_order(restored)) == ids(people_in_order(people))


# --- Saving and loading ---------------------------------------------------------------


def _name_ok(text: str) -> bool:
    """True when the text passes the name check."""
    try:
        check_name(text)
    except ValidationError:
        return False
    return True


names = st.text(min_size=1, max_size=NAME_LIMIT).filter(_name_ok)
"""Names the check accepts, in any script."""
phones = st.from_regex(r"\+?[0-9]{3}[0-9 ().\-]{0,12}( ?(ext\.? ?|x)[0-9]{1,4})?", fullmatch=True)
"""Phone numbers as people write them."""
times = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=13))]),
)
"""Aware times."""


@SOME
@given(
    name=names,
    phone=phones,
    created_at=times,
    relation=st.sampled_from(list(RELATIONS)),
    texting_ok=st.booleans(),
    notes=st.text(max_size=200),
    favourite=st.booleans(),
    position=st.integers(-1000, 1000),
)
def test_a_safe_person_comes_back_exactly_as_saved(
    name: str,
    phone: str,
    created_at: datetime,
    relation: str,
    texting_ok: bool,
    notes: str,
    favourite: bool,
    position: int,
) -> None:
    """Saving and loading someone, through JSON, changes nothing about them."""
    kept = Person(
        name=name,
        phone=phone,
        created_at=created_at,
        relation=relation,
        texting_ok=texting_ok,
        notes=notes,
        favourite=favourite,
        position=position,
    )
    assert Person.from_dict(json.loads(json.dumps(kept.to_dict()))) == kept


codes = st.lists(st.sampled_from(list(COUNTRIES)), min_size=1, max_size=5, unique=True)
"""Country codes for an entry."""
words = st.text(max_size=60).filter(
    lambda t: all(unicodedata.category(ch) not in ("Cc", "Zl", "Zp") for ch in t)
)
"""One-line text of any script."""


@SOME
@given(
    countries=codes,
    kind=st.sampled_from(KINDS),
    name=names,
    purpose=words,
    serves=words,
    numbers=st.tuples(st.one_of(st.just(""), phones), st.one_of(st.just(""), phones)).filter(
        lambda pair: any(pair)
    ),
    extras=st.tuples(words, words, words, st.text(max_size=200)),
    source=st.lists(words, max_size=3),
    verified_on=st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1))),
    status=st.sampled_from(["verified", "verified-old", "unverified"]),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_a_helpline_comes_back_exactly_as_saved(
    countries: list[str],
    kind: str,
    name: str,
    purpose: str,
    serves: str,
    numbers: tuple[str, str],
    extras: tuple[str, str, str, str],
    source: list[str],
    verified_on: date | None,
    status: str,
    flags: tuple[bool, bool, bool],
) -> None:
    """A shipped, edited, added or hidden line is the same after saving and loading."""
    kept = Helpline(
        id="line-1",
        countries=tuple(countries),
        kind=kind,
        name=name,
        purpose=purpose,
        serves=serves,
        call=numbers[0],
        text_number=numbers[1],
        silent=extras[0],
        text_keyword=extras[1],
        hours=extras[2],
        notes=extras[3],
        source=tuple(source),
        verified_on=verified_on,
        status=status,
        user_edited=flags[0],
        user_added=flags[1],
        hidden=flags[2],
    )
    assert Helpline.from_dict(json.loads(json.dumps(kept.to_dict()))) == kept


def test_the_directory_comes_back_exactly_as_saved(shipped: ShippedLines) -> None:
    """The directory survives saving and loading."""
    assert Directory.from_dict(json.loads(json.dumps(shipped.directory.to_dict()))) == (
        shipped.directory
    )


def person_record(**changes: Any) -> dict[str, Any]:
    """A good stored safe person, with some fields changed."""
    data: dict[str, Any] = {
        "id": "p1",
        "name": "Sam",
        "phone": "555 0100",
        "relation": "friend",
        "texting_ok": True,
        "notes": "After 6pm",
        "favourite": False,
        "position": 2,
        "created_at": "2026-11-25T02:00:00+00:00",
    }
    data.update(changes)
    return data


def test_a_stored_safe_person_reads_back_field_by_field() -> None:
    """A stored record gives back the same person, every field in place."""
    kept = Person.from_dict(person_record())
    assert kept == Person(
        id="p1",
        name="Sam",
        phone="555 0100",
        texting_ok=True,
        notes="After 6pm",
        position=2,
        created_at=T0,
    )
    assert kept.to_dict() == person_record()


@pytest.mark.parametrize(
    "data",
    [
        person_record(id=None),
        person_record(name=""),
        person_record(name=3),
        person_record(phone="call me"),
        person_record(phone=None),
        person_record(relation="ex"),
        person_record(texting_ok="yes"),
        person_record(favourite=1),
        person_record(position="2"),
        person_record(position=True),
        person_record(notes=None),
        person_record(created_at="yesterday"),
        person_record(created_at="2026-11-25T02:00:00"),
        person_record(created_at=None),
        {},
        [],
    ],
)
def test_a_damaged_safe_person_record_is_refused(data: Any) -> None:
    """A record with a field missing, of the wrong type or impossible is refused with a
    message, never loaded half-right."""
    with pytest.raises(ValidationError) as caught:
        Person.from_dict(data)
    assert str(caught.value).strip()


def helpline_record(**changes: Any) -> dict[str, Any]:
    """A good stored helpline, with some fields changed."""
    data = line("h1", text_number="85258", text_keyword="SHOUT").to_dict()
    data.update(changes)
    return data


def test_an_old_helpline_record_without_the_persons_flags_loads() -> None:
    """A record without the edited, added or hidden flags loads with them off."""
    data = helpline_record()
    for key in ("user_edited", "user_added", "hidden", "status"):
        del data[key]
    kept = Helpline.from_dict(data)
    assert (kept.user_edited, kept.user_added, kept.hidden, kept.status) == (
        False,
        False,
        False,
        "verified",
    )


@pytest.mark.parametrize(
    "data",
    [
        helpline_record(id=""),
        helpline_record(id=None),
        helpline_record(kind="chat"),
        helpline_record(name=""),
        helpline_record(purpose=None),
        helpline_record(countries="GB-ENG"),
        helpline_record(countries=[1]),
        helpline_record(countries=[]),
        helpline_record(call="", text_number=""),
        helpline_record(call="12"),
        helpline_record(text_number="text us"),
        helpline_record(source="example.org"),
        helpline_record(verified_on="soon"),
        helpline_record(verified_on=20261123),
        helpline_record(status="guessed"),
        helpline_record(hidden="no"),
        helpline_record(notes=7),
        {},
        None,
    ],
)
def test_a_damaged_helpline_record_is_refused(data: Any) -> None:
    """A helpline record that can't be right is refused with a message."""
    with pytest.raises(ValidationError) as caught:
        Helpline.from_dict(data)
    assert str(caught.value).strip()


def test_a_helpline_with_only_a_text_number_is_fine() -> None:
    """A text-only service needs no number to call."""
    kept = line("t", "text", call="", text_number=" 85258 ", text_keyword=" SHOUT ")
    assert (kept.call, kept.text_number, kept.text_keyword) == ("", "85258", "SHOUT")
