import json


def test_add_list_remove(cli) -> None:
    result = cli("people", "add", "  Maria   Lopez ")
    assert result.exit_code == 0 and "Added Maria Lopez" in result.stderr
    assert cli("people", "add", "Bob", "--alias", "B.").exit_code == 0
    listed = json.loads(cli("people", "list", "--json").stdout)
    assert [(p["name"], p["alias"]) for p in listed] == [("Bob", "B."), ("Maria Lopez", None)]
    table = cli("people", "list").stdout
    assert "Maria Lopez" in table and "[person]" in table and "B." in table
    removed = cli("people", "remove", "maria lopez")
    assert removed.exit_code == 0 and "Removed Maria Lopez" in removed.stderr
    assert [p["name"] for p in json.loads(cli("people", "list", "--json").stdout)] == ["Bob"]


def test_adding_again_needs_an_alias_and_then_updates_it(cli) -> None:
    cli("people", "add", "Maria")
    again = cli("people", "add", "MARIA")
    assert again.exit_code == 1 and "already on the people list" in again.stderr
    updated = cli("people", "add", "maria", "--alias", "M.")
    assert updated.exit_code == 0 and "Updated Maria" in updated.stderr
    assert json.loads(cli("people", "list", "--json").stdout)[0]["alias"] == "M."


def test_bad_names_and_aliases_are_refused(cli) -> None:
    assert "at least one letter" in cli("people", "add", "1234").stderr
    cli("people", "add", "Maria")
    refused = cli("people", "add", "Jo", "--alias", "Maria's friend")
    assert refused.exit_code == 1 and "contains a name" in refused.stderr
    cli("people", "add", "Jo", "--alias", "Kez")
    hidden = cli("people", "add", "Kez")
    assert hidden.exit_code == 1 and "alias 'Kez' contains 'Kez'" in hidden.stderr


def test_common_word_names_get_a_note(cli) -> None:
    assert "also an English word" in cli("people", "add", "Will Turner").stderr
    assert "replaced wherever it appears" in cli("people", "add", "Hope").stderr


def test_removing_an_unknown_person(cli) -> None:
    result = cli("people", "remove", "Nobody")
    assert result.exit_code == 3 and "not on the people list" in result.stderr


def test_empty_list(cli) -> None:
    result = cli("people", "list")
    assert result.exit_code == 0 and "Nobody on the people list" in result.stderr
    assert cli("people", "list", "--json").stdout.strip() == "[]"
