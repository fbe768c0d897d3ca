"""`peerjournal export` after the QA pass: answers reach the mentor, long windows stay small
and readable by `review`, usage errors come first, and an empty people list is pointed out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerjournal.reflection import load_prompt_set

# The README's Markdown entry example, as a user writes it with `write --from-file`.
README_ENTRY = """\
date: 2026-11-20
setting: inpatient
tags: handover, advocacy
mode: on-action
prompts: boud

## Experience
At handover the team called Sam non-compliant. I asked what had happened for him instead.

## Feelings
Irritated, then steadier once I spoke up.

## Evaluation
### Appropriation: what do you now own; what will you do differently? <!-- id: do_differently -->
Next time I will ask Sam first what he wants said at handover.

## Self-care
A walk by the river.
"""
NO_PEOPLE = "No people are listed, so no names were redacted"


def _write_file(cli, tmp_path: Path, text: str, *extra: str) -> int:
    path = tmp_path / "shift.md"
    path.write_text(text, encoding="utf-8")
    result = cli("write", "--from-file", str(path), *extra)
    assert result.exit_code == 0, result.stderr
    return int(result.stdout.strip())


def _json_export(cli, *args: str) -> dict:
    result = cli("export", "-y", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# -- 1. answers to evaluation questions reach the mentor -------------------------------------


def test_readme_example_answer_reaches_the_summary_redacted(cli, tmp_path: Path) -> None:
    _write_file(cli, tmp_path, README_ENTRY, "--share")
    assert cli("people", "add", "Sam").exit_code == 0
    s = _json_export(cli, "--since", "2026-11-16", "--until", "2026-11-20")
    assert s["intentions"] == [{
        "date": "2026-11-20",
        "text": "Next time I will ask [person] first what he wants said at handover.",
    }]
    evaluation = s["shared_entries"][0]["evaluation"]
    assert evaluation == (
        "Appropriation: what do you now own; what will you do differently?\n"
        "Next time I will ask [person] first what he wants said at handover."
    )
    md = cli("export", "-y", "-f", "md", "--since", "2026-11-16").stdout
    assert "## What the writer will do differently" in md and "Sam" not in md


@pytest.mark.parametrize("prompt_set", ["boud", "gibbs", "driscoll", "ips"])
def test_every_shipped_sets_evaluation_answers_count(cli, tmp_path: Path, prompt_set) -> None:
    questions = load_prompt_set(prompt_set).element("evaluation").questions
    sections = "\n".join(
        f"### {q.text} <!-- id: {q.id} -->\nAnswer {n} for {q.id}.\n"
        for n, q in enumerate(questions)
    )
    text = (f"date: 2026-11-18\nprompts: {prompt_set}\n\n## Experience\nWe met at the cafe.\n\n"
            f"## Evaluation\nIt went well.\n{sections}")
    _write_file(cli, tmp_path, text, "--share")
    s = _json_export(cli)
    evaluation = s["shared_entries"][0]["evaluation"]
    assert evaluation.startswith("It went well.")
    for n, q in enumerate(questions):
        assert f"{q.text}\nAnswer {n} for {q.id}." in evaluation
    # the answer to the set's "what will you do" question is the intention
    planned = {i["text"] for i in s["intentions"]}
    forward = [n for n, q in enumerate(questions) if q.id in
               {"do_differently", "action_plan", "now_what", "moving_toward"}]
    assert planned == {f"Answer {n} for {questions[n].id}." for n in forward}


def test_prep_shows_what_the_readme_example_would_do_differently(cli, tmp_path: Path) -> None:
    _write_file(cli, tmp_path, README_ENTRY, "--share")
    prep = cli("supervision", "prep", "--since", "2026-11-16")
    assert prep.exit_code == 0, prep.stderr
    assert "What you said you would do differently" in prep.stdout
    assert "Next time I will ask Sam first" in prep.stdout
    data = json.loads(cli("supervision", "prep", "--since", "2026-11-16", "--json").stdout)
    assert [i["intention"] for i in data["intentions"]] == [
        "Next time I will ask Sam first what he wants said at handover."]


def test_prep_follows_an_answered_intention_into_a_later_entry(cli, add, tmp_path) -> None:
    text = ("date: 2026-11-17\nprompts: driscoll\n\n## Experience\nA long day.\n\n## Evaluation\n"
            "### Now what? <!-- id: now_what -->\nBring the housing forms to Tuesday's group.\n")
    _write_file(cli, tmp_path, text)
    later = add("I brought the housing forms and we filled them in.", "--date", "2026-11-19")
    data = json.loads(cli("supervision", "prep", "--since", "2026-11-16", "--json").stdout)
    (intention,) = data["intentions"]
    assert intention["intention"] == "Bring the housing forms to Tuesday's group."
    assert intention["came_back_in"]["id"] == later


# -- 2. a long window stays small, and export never writes what review refuses ----------------


def test_a_window_from_1900_is_small_and_review_opens_it(cli, add, tmp_path: Path) -> None:
    add("I sat with him.", "--share", "--date", "2026-11-19")
    add("We walked to the shop.", "--share", "--date", "2020-02-03")
    out = tmp_path / "long.json"
    result = cli("export", "-y", "-f", "json", "--since", "1900-01-01", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_size < 100_000
    s = json.loads(out.read_text())
    assert s["period"]["since"] == "1900-01-01"
    assert s["periods"][0]["start"] == "1900-01-01" and s["periods"][0]["entries"] == 0
    assert sum(p["entries"] for p in s["periods"]) == 2
    assert cli("review", str(out)).exit_code == 0


def test_export_refuses_a_summary_too_big_for_review(cli, add, tmp_path, monkeypatch) -> None:
    from peerjournal.cli import review

    add("I sat with him. " * 200, "--share")
    monkeypatch.setattr(review, "MAX_BYTES", 2000)
    out = tmp_path / "big.json"
    result = cli("export", "-f", "json", "-o", str(out), input="y\n")
    assert result.exit_code == 1
    assert "opens summaries of up to" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # refused before any preview
    assert not out.exists()
    # formats review does not read are not limited by it
    assert cli("export", "-y", "-f", "md", "-o", str(tmp_path / "big.md")).exit_code == 0


def test_export_refuses_a_summary_with_lists_too_long_for_review(cli, add, monkeypatch) -> None:
    from peerjournal import summary

    add("One.", "--share", "--date", "2026-11-18")
    add("Two.", "--share", "--date", "2026-11-19")
    monkeypatch.setattr(summary, "_MAX_ITEMS", 1)
    result = cli("export", "-y", "-f", "json")
    assert result.exit_code == 1 and result.stdout == ""
    assert "could not open this summary" in result.stderr and "more than 1 items" in result.stderr


# -- 3. --json without --output is a usage error, before the preview -------------------------


@pytest.mark.parametrize("args", [("-f", "md"), ("-f", "json", "-o", "-"), ("-y",)])
def test_json_without_output_fails_first(cli, add, args) -> None:
    add("I sat with him.", "--share")
    result = cli("export", "--json", *args, input="y\n")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "peerjournal: --json describes the written file: use it with --output FILE.")
    assert result.stdout == ""


# -- 5. an empty people list is pointed out ---------------------------------------------------


def test_empty_people_list_warns_with_yes(cli, add) -> None:
    add("I sat with Sam.", "--share")
    result = cli("export", "-y")
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if NO_PEOPLE in line] == [
        "No people are listed, so no names were redacted: add them with "
        "`peerjournal people add NAME`."]
    assert "Sam" in result.stdout  # not blocked


def test_empty_people_list_warns_in_the_preview(cli, add, tmp_path: Path) -> None:
    add("I sat with Sam.", "--share")
    result = cli("export", "-o", str(tmp_path / "s.md"), input="y\n")
    assert result.exit_code == 0
    assert "Preview: what will be written" in result.stderr
    assert result.stderr.index(NO_PEOPLE) < result.stderr.index("Write this summary")


def test_no_warning_with_people_or_without_redaction(cli, add) -> None:
    add("I sat with Sam.", "--share")
    assert NO_PEOPLE not in cli("export", "-y", "--no-redact").stderr
    assert cli("people", "add", "Sam").exit_code == 0
    result = cli("export", "-y")
    assert NO_PEOPLE not in result.stderr and "Sam" not in result.stdout


def test_the_summarys_own_dates_are_not_flagged_as_names(cli, add, tmp_path: Path) -> None:
    """Was: "Check these capitalised words: Nov (2), Oct" after every export with an alert, as
    the alerts' dates ("from 27 Oct to 20 Nov 2026") were read as the writer's words. A month's
    short name alone may still be a name ("Dec" for Declan), and is still flagged."""
    for day in ("2026-10-27", "2026-11-03", "2026-11-10", "2026-11-17"):
        add("I sat with Priya and we talked about her week.", "--date", day)
    add("At group Dec played his guitar for us.", "--date", "2026-11-18", "--share")
    result = cli("export", "-o", str(tmp_path / "s.md"), "--since", "2026-10-26", input="y\n")
    assert result.exit_code == 0, result.stderr
    alerts = (tmp_path / "s.md").read_text().split("## Alerts")[1].split("##")[0]
    assert " Nov 2026" in alerts  # the dates the check used to flag are in the file
    checked = result.stderr.split("Check these capitalised words (in the preview above): ")[1]
    assert checked.split(". If any is")[0].split() == ["Dec"]


def test_yes_lists_the_words_the_preview_would_highlight(cli, add, tmp_path: Path) -> None:
    """Was: with --yes a name missing from the people list left without a word (only the
    preview, skipped by --yes, pointed it out)."""
    add("I sat with Sam and then Priya joined us.", "--share")
    assert cli("people", "add", "Sam").exit_code == 0
    result = cli("export", "-y", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert "Priya joined" in (tmp_path / "s.md").read_text()  # written, as --yes asks
    assert " ".join(result.stderr.split()).count(
        "Check these capitalised words (in the summary): Priya (2). If any is someone's name, "
        "add it with `peerjournal people add NAME` and export again.") == 1
    assert cli("people", "add", "Priya").exit_code == 0
    again = cli("export", "-y", "-o", str(tmp_path / "t.md"))
    assert "Check these" not in again.stderr and "Priya" not in (tmp_path / "t.md").read_text()
    # without redaction the writer chose to send names: nothing to check
    unredacted = cli("export", "-y", "--no-redact", "-o", str(tmp_path / "u.md"))
    assert unredacted.exit_code == 0 and "Check these" not in unredacted.stderr


def test_the_summary_says_its_numbers_count_learned_words(cli, add, tmp_path: Path) -> None:
    """Was: drift per 100 words with no marker listed behind it (learned words count in the
    numbers, and the marker lists leave them out), and nothing said why."""
    add("The nurses were busy with the medication round.", "--share")
    result = cli("export", "-y", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    text = " ".join((tmp_path / "s.md").read_text().split())
    assert ("the numbers also count common words learned from labelled entries (\"together\", "
            "\"medication\"), which the marker lists leave out") in text


def test_a_word_like_a_listed_name_is_checked_first_and_said_so(cli, add, tmp_path) -> None:
    """Was: "Sam" (Samuel Okafor is listed) in one list with "Leeds" and "Priya", nothing to
    say it looks like a listed person's short form, which exports leave to the writer."""
    add("In Leeds I met Priya, and later Sam at the library.", "--share")
    assert cli("people", "add", "Samuel", "Okafor").exit_code == 0
    result = cli("export", "-y", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert ("Check these capitalised words (in the summary): Sam (like a listed name), "
            "Leeds, Priya.") in said
    preview = cli("export", "-o", str(tmp_path / "t.md"), input="n\n")
    assert ("Check these capitalised words (in the preview above): Sam (like a listed name), "
            "Leeds, Priya.") in " ".join(preview.stderr.split())
