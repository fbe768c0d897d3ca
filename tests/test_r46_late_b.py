"""Round 46, fix_late_b: prep's two periods hold every entry once and agree with a report of
the same dates; the first prep of a short journal covers all of it; plans quoted with what
they refer to, and not carried once quoted; an editor round trip keeps U+FDD0."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.entry import EntryDraft
from peerjournal.reflection import apply_parsed, format_template, load_prompt_set, parse_template

# each about 100 words: a window of four is enough to compare (`min_window_words`)
PEER = " ".join(3 * [
    "We talked as equals about her week and the garden, and I shared a bit of my own story "
    "when it helped her. Afterwards I did the paperwork and went home."])
CLINICAL = " ".join(3 * [
    "The patient was non-compliant and presenting with symptoms. I did the paperwork and the "
    "risk assessment, then we talked as equals about her week."])


def _at(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", f"{when}+00:00")


def _write(cli: CLI, monkeypatch: pytest.MonkeyPatch, when: str, *args: str) -> int:
    _at(monkeypatch, when)
    result = cli("write", "--again", *args)
    assert result.exit_code == 0, result.stderr
    return int(result.stdout.strip())


def _json(cli: CLI, monkeypatch: pytest.MonkeyPatch, when: str, *args: str) -> Any:
    _at(monkeypatch, when)
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _august_then_september(cli: CLI, monkeypatch: pytest.MonkeyPatch, evening: bool) -> None:
    """Peer entries in August (one the morning of the 31st, before that day's supervision),
    clinical ones in September; with `evening`, one more on 31 Aug after the supervision."""
    for day in ("03", "10", "20"):
        _write(cli, monkeypatch, f"2026-08-{day}T21:00:00", "-x", PEER)
    _write(cli, monkeypatch, "2026-08-31T09:00:00", "-x", PEER)
    _at(monkeypatch, "2026-08-31T17:00:00")
    assert cli("supervision", "done").exit_code == 0
    if evening:
        _write(cli, monkeypatch, "2026-08-31T21:00:00", "-x", CLINICAL)
    for day in ("05", "12", "20", "28"):
        _write(cli, monkeypatch, f"2026-09-{day}T21:00:00", "-x", CLINICAL)


def test_prep_compares_as_a_report_of_the_same_months(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The QA's finding 5: 2.43 in prep, 2.46 in the export. A supervision on 31 Aug: the
    period since is September, the one before is August with the morning of the 31st."""
    _august_then_september(cli, monkeypatch, evening=False)
    prep = _json(cli, monkeypatch, "2026-09-30T21:00:00", "supervision", "prep")
    report = _json(cli, monkeypatch, "2026-09-30T21:00:00", "report", "--since", "2026-09-01",
                   "--until", "2026-09-30")
    now, before = report["totals"], report["previous"]
    assert (before["since"], before["until"], before["entries"]) == ("2026-08-01", "2026-08-31", 4)
    assert prep["trend"]["summary"][0] == (
        f"Drift {now['drift']:.2f} and identity {now['identity']:.2f} per 100 words (the 4 "
        f"entries before: drift {before['drift']:.2f}, identity {before['identity']:.2f})."
    )
    moved = {m["dimension"]: m["change"] for m in prep["trend"]["towards_drift"]}
    assert moved and moved == {c["id"]: c["change"] for c in report["changes"]
                               if c.get("kind") == "dimension" and c["polarity"] == "drift"
                               and c["change"] > 0 and c["id"] in moved}


def test_every_entry_is_in_one_of_preps_periods(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The entry of the morning of the supervision is in the period before (it was in none);
    the one of that evening in the period since; the alert names the period before as prep
    counts it."""
    _august_then_september(cli, monkeypatch, evening=True)
    prep = _json(cli, monkeypatch, "2026-09-30T21:00:00", "supervision", "prep")
    assert (prep["entries"], prep["left_out_before_supervision"]) == (5, 1)
    assert "(the 4 entries before:" in prep["trend"]["summary"][0]
    _at(monkeypatch, "2026-09-30T21:00:00")
    text = " ".join(cli("supervision", "prep").stdout.split())
    assert "since your supervision on 31 Aug 2026 than from 1 Aug 2026 to that supervision" in text
    assert "than from 31 Jul" not in text


def test_the_first_prep_of_a_short_journal_covers_all_of_it(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The QA's finding 6: a journal begun five weeks ago lost its first week."""
    first = _write(cli, monkeypatch, "2026-06-02T21:00:00", "-x", PEER)
    for day in ("09", "16", "23", "30"):
        _write(cli, monkeypatch, f"2026-06-{day}T20:00:00", "-x", PEER)
    _at(monkeypatch, "2026-06-30T21:00:00")
    result = cli("supervision", "prep", "--json")
    assert result.exit_code == 0, result.stderr
    prep = json.loads(result.stdout)
    assert (prep["since"], prep["entries"], first) == ("2026-06-02", 5, 1)
    assert ("No supervision recorded yet: this first prep covers your whole journal, from your "
            "first entry on 2 Jun 2026, not only the last 4 weeks.") in " ".join(
                result.stderr.split())


def test_a_long_journal_keeps_the_last_four_weeks(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(cli, monkeypatch, "2026-01-05T21:00:00", "-x", PEER)
    _write(cli, monkeypatch, "2026-06-29T21:00:00", "-x", PEER)
    _at(monkeypatch, "2026-06-30T21:00:00")
    result = cli("supervision", "prep", "--json")
    assert json.loads(result.stdout)["since"] == "2026-06-08"
    assert "whole journal" not in result.stderr


def test_a_plan_that_points_back_is_quoted_with_the_sentence_before(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The QA's finding 7: "I want to be that." alone says nothing; with no sentence before
    it, it is quoted as written (a QA of the first fix found "I need to do this more." left
    out without a word)."""
    _write(cli, monkeypatch, "2026-06-09T21:00:00", "-x", PEER,
           "-e", "Maya was calm and kind with everyone. I want to be that.")
    _write(cli, monkeypatch, "2026-06-10T21:00:00", "-x", PEER, "-e", "I'll keep doing that.")
    prep = _json(cli, monkeypatch, "2026-06-12T21:00:00", "supervision", "prep")
    assert [(i["id"], i["intention"]) for i in prep["intentions"]] == [
        (1, "Maya was calm and kind with everyone. I want to be that."),
        (2, "I'll keep doing that.")]


def test_an_open_plan_is_not_quoted_again_after_its_supervision(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quoted at the prep before the supervision, an open plan is not carried month after
    month; one a later entry came back to is, with its follow-up; one written again is the
    period's own."""
    _write(cli, monkeypatch, "2026-10-06T21:00:00", "-x", "Ward day.",
           "-e", "I need to talk to Jo about med prompts at supervision.")
    _write(cli, monkeypatch, "2026-10-08T21:00:00", "-x", "Ward day.",
           "-e", "I'll ask the manager about bringing a guitar in.")
    _write(cli, monkeypatch, "2026-10-09T21:00:00", "-x", "Ward day.",
           "-e", "I'll book the quiet room for Fridays.")
    before = _json(cli, monkeypatch, "2026-10-13T16:00:00", "supervision", "prep")
    assert {i["id"] for i in before["intentions"]} == {1, 2, 3}
    _at(monkeypatch, "2026-10-13T17:00:00")
    assert cli("supervision", "done").exit_code == 0
    _write(cli, monkeypatch, "2026-11-02T21:00:00", "-x", "Ward day.",
           "-e", "I'll book the quiet room for Fridays.")
    _write(cli, monkeypatch, "2026-11-09T21:00:00",
           "-x", "Brought my guitar in after the manager said yes. We sang.")
    after = _json(cli, monkeypatch, "2026-11-09T22:00:00", "supervision", "prep")
    found = {i["id"]: i for i in after["intentions"]}
    assert set(found) == {2, 4}
    assert found[2]["carried"] and found[2]["came_back_in"]["id"] == 5
    assert not found[4]["carried"]


# -- the editor round trip keeps U+FDD0 ------------------------------------------------------

NONCHAR = "\ufdd0"


@pytest.mark.parametrize("typed", [NONCHAR, f"a{NONCHAR}b", f"line\n{NONCHAR}\nline",
                                   f"{NONCHAR}\ufdd1 both", "\ufdd1 only the other"])
def test_the_template_keeps_a_noncharacter_typed(typed: str) -> None:
    prompt_set = load_prompt_set("boud")
    draft = EntryDraft(date=date(2026, 11, 2), experience=f"Ward. {typed}", evaluation=typed,
                       self_care=typed, setting=f"ward{NONCHAR}", tags=[f"t{NONCHAR}"],
                       answers={"do_differently": typed})
    parsed = parse_template(format_template(draft, prompt_set), prompt_set)
    back = apply_parsed(EntryDraft(date=date(2026, 11, 20)), parsed, date(2026, 11, 20))
    assert (back.experience, back.evaluation, back.self_care) == (f"Ward. {typed}", typed, typed)
    assert (back.setting, back.tags, back.answers) == (
        f"ward{NONCHAR}", [f"t{NONCHAR}"], {"do_differently": typed})


_MARKED = st.lists(st.sampled_from([NONCHAR, "\ufdd1", "a", " ", "\n", "<!--", "-->",
                                    "## Feelings", "### x", "\\"]), max_size=12).map("".join)


@settings(max_examples=200, deadline=None)
@given(experience=_MARKED.map(lambda t: f"x{t}".strip()), evaluation=_MARKED)
def test_text_with_markers_round_trips(experience: str, evaluation: str) -> None:
    """Text made mostly of the parser's own marks, comment markers and headings: what was
    typed comes back (as the r31 test checks for any text)."""
    prompt_set = load_prompt_set("boud")
    draft = EntryDraft(date=date(2026, 11, 2), experience=experience, evaluation=evaluation)
    parsed = parse_template(format_template(draft, prompt_set), prompt_set)
    back = apply_parsed(EntryDraft(date=date(2026, 11, 20)), parsed, date(2026, 11, 20))
    assert (back.experience, back.evaluation) == (experience, evaluation.strip())


def test_an_edit_in_the_editor_keeps_a_noncharacter(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, edits: Callable[..., None]
) -> None:
    """`write -x` keeps U+FDD0; `edit` through the editor, changing another line, kept it
    no more."""
    entry = _write(cli, monkeypatch, "2026-11-02T21:00:00", "-x", f"Quiet {NONCHAR} shift.",
                   "-e", f"Ask {NONCHAR} first.")
    edits(("Quiet", "Calm"))
    result = cli("edit", str(entry))
    assert result.exit_code == 0, result.stderr
    shown = json.loads(cli("show", str(entry), "--json").stdout)
    assert (shown["experience"], shown["evaluation"]) == (f"Calm {NONCHAR} shift.",
                                                          f"Ask {NONCHAR} first.")
