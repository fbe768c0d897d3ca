"""Round 25: output a screen reader (or a file) can read. Piped or with TERM=dumb (as every
test here runs: see conftest.isolated), views have headings instead of boxed panels, parts of
an entry are named, and a dash or an arrow is said in words."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.cli import supervision as supervision_cli

Add = Callable[..., int]
BORDERS = set("╭╮╰╯")  # and no line opening with "│" (a bar chart's axis is one)


def ok(result):  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.stderr
    return result


def _entry(add: Add) -> int:
    return add(
        "I sat with Sam and we talked about his week. I shared my own story of the ward.",
        "--feelings", "Ashamed, if I'm honest.", "--evaluation", "It went well.",
        "--self-care", "a walk by the river",
    )


def test_show_piped_has_headings_and_no_borders(cli: CLI, add: Add) -> None:
    """Was: every line of text inside "│ … │", piped to a file and with TERM=dumb."""
    out = ok(cli("show", str(_entry(add)))).stdout
    assert not BORDERS & set(out) and "│" not in out, out
    lines = out.splitlines()
    for heading, text in (("Experience", "I sat with Sam"), ("Feelings", "Ashamed, if I'm"),
                          ("Evaluation", "It went well."), ("Self-care", "a walk by the river")):
        at = lines.index(heading)
        assert lines[at + 1].startswith(text), out


@pytest.mark.usefixtures("colour_terminal")
def test_show_on_a_terminal_keeps_its_panels(cli: CLI, add: Add) -> None:
    entry = _entry(add)
    assert "╭─ Experience" in ok(cli("show", str(entry))).stdout


def test_drift_names_each_part_of_the_entry(cli: CLI, add: Add) -> None:
    """Was: Experience, Feelings and Evaluation as three unlabelled paragraphs in a box."""
    out = ok(cli("drift", str(_entry(add)))).stdout
    assert not BORDERS & set(out.split("Dimension")[0])
    lines = out.splitlines()
    assert lines[0].startswith("#")
    assert lines[1:3] == ["Experience", "I sat with Sam and we talked about his week. I shared "
                          "my own story of the ward."]
    assert lines[4:6] == ["Feelings", "Ashamed, if I'm honest."]
    assert lines[7:9] == ["Evaluation", "It went well."]


def test_drift_of_text_has_no_part_labels(cli: CLI) -> None:
    out = ok(cli("drift", "--text", "I shared my story.")).stdout
    assert out.splitlines()[:2] == ["Your text", "I shared my story."]


def test_guided_review_has_a_heading_and_says_skipped(cli: CLI, terminal: None) -> None:
    """Was: a boxed Review with "Setting –", "Tags –" and "Answers –" for what was skipped."""
    typed = ["", "We walked to the housing office.", "", "", "", "", "", "", "", "y"]
    result = ok(cli("write", input="\n".join(typed) + "\n"))
    review = result.stderr.split("Review\nDate", 1)[1]  # (piped: the prompts end unanswered)
    assert not BORDERS & set(review.split("Save")[0]), result.stderr
    rows = {line.split()[0]: " ".join(line.split()[1:]) for line in review.splitlines()[1:9]}
    assert rows["Setting"] == "skipped" and rows["Tags"] == "none"
    assert rows["Feelings"] == "skipped" and rows["Answers"] == "none"
    assert "–" not in review.split("Save")[0]


def test_export_preview_and_review_have_no_borders(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("I shared my own story with her.", "--share")
    summary = tmp_path / "s.json"
    preview = ok(cli("export", "-o", str(summary), input="y\n")).stderr
    assert "Preview: what will be written to" in preview and not BORDERS & set(preview)
    out = ok(cli("review", str(summary))).stdout
    assert not BORDERS & set(out) and "\n│" not in out, out
    assert "\nAt a glance\n• " in out


def test_list_says_too_little_instead_of_a_dash(cli: CLI, add: Add) -> None:
    """Was: "–" in the Drift column for "not enough signal" (round 47: in those words, as
    `drift` and `show` name it)."""
    add("李伟和我一起去了住房办公室。")
    out = ok(cli("list")).stdout
    assert "not enough signal" in out and "–" not in out


def _weeks_of_entries(cli: CLI, times: int = 1) -> None:
    """Five weeks of one short entry each; `times` each entry's text repeated (round 43: each
    half of a window needs 300 scored words before a trend is named)."""
    for day, text in (("2026-10-20", "I told him he should take his meds."),
                      ("2026-10-28", "I shared my own story and we laughed."),
                      ("2026-11-04", "I told her to comply with the treatment plan."),
                      ("2026-11-12", "We sat together; I shared my story of recovery."),
                      ("2026-11-18", "I shared my own story; she chose what to do next.")):
        ok(cli("write", "-x", " ".join([text] * times), "--date", day))


def test_report_dimensions_in_numbers_and_words(cli: CLI) -> None:
    """Was: rows of block characters, read out as "lower half block, full block…"."""
    _weeks_of_entries(cli, times=30)
    # a second entry in a week: weeks of one entry each are no trend (round 38)
    ok(cli("write", "-x", " ".join(["I shared my own story with him."] * 30),
           "--date", "2026-11-19"))
    out = ok(cli("report")).stdout
    dims = out.split("\nDimensions", 1)[1].split("\n\n", 1)[0]
    assert not set("▁▂▃▄▅▆▇█") & set(dims), dims
    assert "Recovery story: identity " in dims
    assert any(word in dims for word in ("rising", "falling", "steady"))


def test_report_feelings_say_which_way_in_words(cli: CLI) -> None:
    """Was: "↑", "↓" and "=" alone."""
    ok(cli("write", "-x", "I shared my story.", "--feelings", "proud", "--date", "2026-10-01"))
    ok(cli("write", "-x", "I shared my story.", "--feelings", "proud and anxious",
           "--date", "2026-11-10"))
    ok(cli("write", "-x", "I shared my story.", "--feelings", "proud", "--date", "2026-11-11"))
    out = ok(cli("report", "--since", "2026-10-20")).stdout
    feelings = out.split("Feelings you named", 1)[1].split("\n\n", 1)[0]
    assert "↑ more" in feelings, feelings


def test_prep_drift_by_week_in_numbers(cli: CLI) -> None:
    """Was: "Drift by week from 19 Oct 2026: ▁▁█▁▁" and nothing else."""
    _weeks_of_entries(cli)
    line = next(x for x in ok(cli("supervision", "prep")).stdout.splitlines()
                if "Drift by week" in x)
    assert not set("▁▂▃▄▅▆▇█") & set(line), line
    assert line.rstrip().endswith("(per 100 words)") and "." in line.split(":", 1)[1]


def test_people_list_uses_the_light_table(cli: CLI) -> None:
    ok(cli("people", "add", "Sam"))
    out = ok(cli("people", "list")).stdout
    # plain text (the tests' TERM=dumb): its rule is "-", as `list`'s is (round 43)
    assert "━" not in out and "┃" not in out and "─" not in out and " ----" in out


def test_unfinished_self_check_line_keeps_its_indent(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    items = json.loads(ok(cli("supervision", "check", "--list-items", "--json")).stdout)
    answers = tmp_path / "a.toml"
    answers.write_text(f"{items[0]['id']} = 3\n", encoding="utf-8")
    ok(cli("supervision", "check", "--answers", str(answers)))
    monkeypatch.setenv("COLUMNS", "60")
    out = ok(cli("supervision", "prep")).stdout
    lines = out.splitlines()
    at = next(n for n, x in enumerate(lines) if "Unfinished:" in x)
    assert lines[at].startswith("  Unfinished") and lines[at + 1].startswith("  "), out


def test_self_check_prompts_end_in_a_colon() -> None:
    source = Path(supervision_cli.__file__).read_text(encoding="utf-8")
    assert "›" not in source and '"   1-5: "' in source
