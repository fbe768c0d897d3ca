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
    assert refused.exit_code == 1 and "names Maria, who is on the people list" in refused.stderr
    cli("people", "add", "Jo", "--alias", "Kez")
    hidden = cli("people", "add", "Kez")
    assert hidden.exit_code == 1 and "alias 'Kez' contains 'Kez'" in hidden.stderr


def test_common_word_names_get_a_note(cli) -> None:
    assert "also an English word" in cli("people", "add", "Will Turner").stderr
    assert "replace it, in any case, where the sentence may mean the person" in cli(
        "people", "add", "Hope").stderr


def test_removing_an_unknown_person(cli) -> None:
    result = cli("people", "remove", "Nobody")
    assert result.exit_code == 3 and "not on the people list" in result.stderr


def test_empty_list(cli) -> None:
    result = cli("people", "list")
    assert result.exit_code == 0 and "Nobody on the people list" in result.stderr
    assert cli("people", "list", "--json").stdout.strip() == "[]"


def test_a_particle_first_or_last_gets_its_own_note(cli) -> None:
    notes = cli("people", "add", "Van Nguyen").stderr
    assert "'Van' on its own is also a particle in other names" in notes
    assert "(Van, VAN)" in notes and "English word" not in notes
    # in the middle of a name a particle is not redacted alone, so there is nothing to say
    assert "particle" not in cli("people", "add", "Ludwig van Beethoven").stderr


def test_restore_people_merges_without_duplicates(cli) -> None:
    from datetime import UTC, datetime

    from peerjournal import paths
    from peerjournal.db.people import list_people, restore_people
    from peerjournal.db.store import Store
    from peerjournal.redact import Person

    cli("people", "add", "Maria Lopez", "--alias", "M.")
    store = Store(paths.db_path())
    now = datetime(2026, 11, 20, tzinfo=UTC)
    backup = [Person("maria  lopez", "Other"), Person("Sam"), Person("SAM", "S."),
              Person("Jo", "Sam's friend"), Person("Kez", "K.")]
    added, notes = restore_people(store, backup, now)
    assert [(p.name, p.alias) for p in added] == [("Sam", None), ("Jo", None), ("Kez", "K.")]
    assert notes == ["Added Jo without the alias \"Sam's friend\" (it names Sam, who is on the "
                     "people list): exports show [person] for Jo."]
    listed = [(p.name, p.alias) for p in list_people(store)]
    assert listed == [("Jo", None), ("Kez", "K."), ("Maria Lopez", "M."), ("Sam", None)]
    again, _ = restore_people(store, backup, now)  # a second restore adds nobody
    assert again == [] and len(list_people(store)) == 4
    store.close()


def test_a_restored_name_in_another_alias_is_still_listed(cli) -> None:
    from datetime import UTC, datetime

    from peerjournal import paths
    from peerjournal.db.people import list_people, restore_people
    from peerjournal.db.store import Store
    from peerjournal.redact import Person

    cli("people", "add", "Jo", "--alias", "Kez")
    store = Store(paths.db_path())
    added, notes = restore_people(store, [Person("Kez")], datetime(2026, 11, 20, tzinfo=UTC))
    assert [p.name for p in added] == ["Kez"] and notes == [
        "Added Kez, whose name is in Jo's alias 'Kez': change that alias "
        "(`peerjournal people add NAME --alias TEXT`)."
    ]
    assert [p.name for p in list_people(store)] == ["Jo", "Kez"]
    store.close()


def test_a_name_of_several_words_needs_no_quotes(cli) -> None:
    # `people add Sam Jones` was "Got unexpected extra argument(s) (Jones)".
    added = cli("people", "add", "Sam", "Jones", "--alias", "S.")
    assert added.exit_code == 0 and "Added Sam Jones: exports will show S. instead." in (
        added.stderr
    )
    listed = json.loads(cli("people", "list", "--json").stdout)
    assert [(p["name"], p["alias"]) for p in listed] == [("Sam Jones", "S.")]
    removed = cli("people", "remove", "sam", "jones")
    assert removed.exit_code == 0 and "Removed Sam Jones" in removed.stderr
    assert json.loads(cli("people", "list", "--json").stdout) == []


def test_a_name_with_a_control_character_is_refused(cli) -> None:
    result = cli("people", "add", "Sam\x1b[31mJones")
    assert result.exit_code == 1 and "control characters" in result.stderr
    assert "\x1b" not in result.stderr
    listed = cli("people", "list", "--json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []


def test_an_empty_alias_takes_the_alias_away(cli) -> None:
    """Was: "already on the people list (use --alias to change the alias)" for --alias ''."""
    assert cli("people", "add", "Maria", "--alias", "M.").exit_code == 0
    cleared = cli("people", "add", "Maria", "--alias", "")
    assert cleared.exit_code == 0, cleared.stderr
    assert "Updated Maria: exports will show [person] instead." in cleared.stderr
    assert json.loads(cli("people", "list", "--json").stdout)[0]["alias"] is None
    again = cli("people", "add", "Maria")
    assert again.exit_code == 1 and "--alias '' to remove it" in again.stderr


def test_an_alias_that_is_a_nickname_is_questioned(cli) -> None:
    """An alias is printed in place of the name: "Sammy" for Samuel would name him."""
    result = cli("people", "add", "Samuel", "Okafor", "--alias", "Sammy")
    assert result.exit_code == 0
    assert "the alias 'Sammy' is printed in exports in place of the name" in result.stderr
    quiet = cli("people", "add", "Samuel", "Okafor", "--alias", "my mentee")
    assert "printed in exports" not in quiet.stderr


def test_adding_a_name_says_its_short_forms_that_start_alike_are_not_replaced(cli) -> None:
    """Was: "Added Samuel Okafor: exports will show [person] instead", and nothing said that
    "Sam" in an entry would still go out as it is."""
    result = cli("people", "add", "Samuel", "Okafor")
    assert result.exit_code == 0, result.stderr
    assert ("Note: a short form that starts like Samuel (Sam…) is not replaced: add any they go "
            "by as a name of its own. The export preview flags words that look like one.") in (
        " ".join(result.stderr.split()))
    short = cli("people", "add", "Jo")  # too short to have one
    assert short.exit_code == 0 and "starts like" not in short.stderr
