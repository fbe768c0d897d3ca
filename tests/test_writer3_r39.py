"""Round 39 review fixes (writer3): settings questioned as names (F1, F11); an editor
closed unsaved on `write --resume --editor` with options (F9)."""

from __future__ import annotations

import pytest

PLACES = [
    "Mind drop-in", "Samaritans call", "WhatsApp chat", "Tesco car park", "Leeds, ward 4",
    "Rose", "Ivy", "Hope", "Grace", "Christmas party", "Lime tree", "Boots pharmacy",
    "Chester, day centre", "Samaritans meeting",
]
NAMED = {
    "Kai upset": "Kai", "Priya shouting": "Priya", "busy ward, no beds, Kai upset": "Kai",
    "crisis house, night shift, Sam there": "Sam", "Mind drop-in with Sam": "Sam",
    "Kai lost his flat": "Kai",
}


@pytest.mark.parametrize("line", PLACES)
def test_a_service_brand_town_or_ward_first_is_no_name(line: str) -> None:
    from peerjournal.cli.guided import named_note, person_named, reads_like_a_sentence

    assert person_named(line) == ""
    assert not reads_like_a_sentence(line, one_value=True)
    assert named_note(line) is None


@pytest.mark.parametrize(("line", "name"), NAMED.items())
def test_a_name_with_a_feeling_or_deed_is_named(line: str, name: str) -> None:
    from peerjournal.cli.guided import _not_a_setting, person_named

    assert person_named(line) == name
    assert _not_a_setting(line).startswith(f"'{name}' may be a person's name")


def test_fixes_the_setting_only_for_a_refused_setting() -> None:
    from peerjournal.cli.write import _fixes_the_setting

    refused = "setting: !!!\n\n## Experience\nSat.\n"
    fine = "setting: ward\n\n## Experience\nSat.\n"
    assert _fixes_the_setting({"setting": "ward"}, refused)
    assert not _fixes_the_setting({"tags": ["x"]}, refused)
    assert not _fixes_the_setting({"setting": "bay"}, fine)
    assert not _fixes_the_setting({}, refused)
