"""QA round 16: report on a narrow terminal, supervision prep's evidence, prompt set keys."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest
from rich.console import Console

from peerjournal.drift import LEARNED_PREFIX
from peerjournal.render.report import print_report
from peerjournal.supervision import most_drift_evidence
from test_supervision import facts, scored

CLINICAL = "She was symptomatic and non-compliant so I told her she should take her meds."
PEER = "I shared my own recovery story and we learned from each other; she chose what to do."


def _report(cli, width: int) -> str:
    data = json.loads(cli("report", "--json").stdout)
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, markup=False, highlight=False)
    print_report(console, data, {"clinical_language": "Clinical language"})
    return out.getvalue()


@pytest.fixture
def journal(add) -> None:
    for day in ("2026-10-05", "2026-10-20", "2026-11-02", "2026-11-19"):
        add(CLINICAL, "--date", day, "--setting", "inpatient", "--feelings", "drained")
    add(PEER, "--date", "2026-11-18", "--setting", "community support in the evenings")


@pytest.mark.parametrize("width", [40, 50, 60])
def test_a_narrow_report_shows_every_number_whole(cli, journal: None, width: int) -> None:
    """Was: at COLUMNS=40 every number cut to "3…" and every header to "E…", "I…"."""
    text = _report(cli, width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    week = next(line for line in lines if line.startswith("Week"))
    assert week.split() == ["Week", "Entries", "Identity", "Drift", "Balance"]
    (row,) = [line for line in lines if line.startswith("2 Nov ")]
    assert "…" not in row and len(row.split()) == 6  # date (2 words) and four numbers
    setting = next(line for line in lines if line.startswith("Setting"))
    assert setting.split() == ["Setting", "Entries", "Balance"]
    (inpatient,) = [line for line in lines if line.startswith("inpatient")]
    assert inpatient.split()[1:] == ["4", inpatient.split()[-1]] and "…" not in inpatient
    (long,) = [line for line in lines if line.startswith("community")]
    assert long.split()[-2] == "1" and long.split()[-1].startswith(("+", "-"))
    (feeling,) = [line for line in lines if line.startswith("tired / drained")]
    assert feeling.split()[-1] == "4"  # no entries before: no Before column


def test_a_wide_report_keeps_its_bars(cli, journal: None) -> None:
    text = _report(cli, 80)
    assert "drift     │  identity" in text


def test_prep_leaves_learned_words_out_of_its_drift_phrases() -> None:
    """Was: "Gave a" – Mutuality, "study" – Advice listed as drift phrases to bring."""
    learned = scored(("Gave a", "mutuality"), ("study", "advice"))
    for hit in learned["hits"]:
        hit["marker"] = f"{LEARNED_PREFIX}{hit['dimension']}.drift.3"
    curated = scored(("you should", "advice"))
    entries = [facts(1, date(2026, 11, 1), drift=learned),
               facts(2, date(2026, 11, 2), drift=curated)]
    top = most_drift_evidence(entries)
    assert [ev.entry.id for ev in top] == [2]
    assert [p.text for p in top[0].phrases] == ["you should"]


def test_prep_on_the_cli_lists_only_curated_phrases(cli, add) -> None:
    entry = add(CLINICAL + " Gave a talk to the nurses about the study.", "--date", "2026-11-18")
    hits = json.loads(cli("drift", str(entry), "--json").stdout)["hits"]
    counted = [h for h in hits if h["polarity"] == "drift" and h["counted"]]
    curated = [h["text"] for h in counted if not h["marker"].startswith(LEARNED_PREFIX)]
    data: dict[str, Any] = json.loads(cli("supervision", "prep", "--json").stdout)
    phrases = [p["text"] for e in data["most_drift_evidence"] for p in e["phrases"]]
    assert curated and phrases == curated


def test_prompts_show_explains_its_marks(cli) -> None:
    """Was: "?" and "[action_plan]" beside some questions, with no word on what they mean."""
    gibbs = " ".join(cli("prompts", "show", "gibbs").stdout.split())
    assert "? Action plan" in gibbs and "[action_plan]" in gibbs
    assert "Key: • a question to guide what you write under the heading" in gibbs
    assert "? a question with an answer of its own, stored under the [id] beside it." in gibbs
    assert "In action: the questions for --mode in-action" in gibbs
    boud = " ".join(cli("prompts", "show", "boud").stdout.split())
    assert "Key:" in boud


def test_a_supervision_in_the_future_is_refused_as_a_supervision(cli) -> None:
    """Was: "an entry records something that happened" for `supervision done --date`."""
    result = cli("supervision", "done", "--date", "2026-12-01")
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: The date 2026-12-01 is in the future; record a supervision once it has "
        "taken place.\n"
    )
    assert "entry" not in result.stderr
    assert json.loads(cli("supervision", "history", "--json").stdout)["supervisions"] == []
    assert cli("supervision", "done", "--date", "2026-11-20").exit_code == 0
