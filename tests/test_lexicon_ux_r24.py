"""An organisation's drift lexicon as a writer meets it (QA round 24, findings 4, 5, 6, 8, 9):
trying one against the journal's own, report --json's stale scores, a broken one set in
config.toml, the first read of a large one, and a copy of the shipped one."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import CLI
from peerjournal.drift import load_lexicon
from test_drift_cli import (
    DRIFT,
    IDENTITY,
    ORG_LEXICON,
    ok,
    one_line_error,
    org_lexicon,
    stored_versions,
)

Add = Callable[..., int]


def configure(home: Path, lexicon: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    config = home / "config.toml"
    config.write_text(f"[drift]\nlexicon = {json.dumps(lexicon)}\n", encoding="utf-8")
    return config


# -- finding 4: --lexicon is a look, config.toml makes it the journal's ---------------------------


def test_the_hint_after_a_look_through_another_lexicon_says_how_to_configure_it(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    entry_id = add("I shared my own recovery story and we learned from each other.")
    drifty = ORG_LEXICON.replace('"shared my story"', '"shared my own recovery"')
    path = org_lexicon(tmp_path, drifty.replace('polarity = "identity"', 'polarity = "drift"'))
    result = ok(cli("drift", str(entry_id), "--lexicon", str(path)))
    assert "another score for this entry (leans peer)" in result.stderr
    said = " ".join(result.stderr.split())
    assert f'set lexicon = "{path}" under [drift] in {isolated / "config.toml"}' in said
    assert "then run `peerjournal drift --rescore`" in said
    assert "would store this lexicon's scores" not in said


def test_rescore_with_a_lexicon_that_is_not_the_journals_is_refused(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    """It stored scores that `report` at once called out of date, beside the next `write`'s."""
    add(DRIFT)
    add(IDENTITY)
    before = stored_versions(isolated)
    path = str(org_lexicon(tmp_path))
    given = (["drift", "--rescore", "--lexicon", path], ["--lexicon", path, "drift", "--rescore"])
    for args in given:
        message = one_line_error(cli(*args), 2, f"{path} is not the journal's lexicon")
        assert "(the shipped one)" in message
        assert f'set lexicon = "{path}" under [drift] in {isolated / "config.toml"}' in message
    assert stored_versions(isolated) == before
    configure(isolated, "ours.toml")  # relative: read from config.toml's folder
    (isolated / "ours.toml").write_text(ORG_LEXICON.replace("our-org", "ours"), "utf-8")
    message = one_line_error(cli("drift", "--rescore", "--lexicon", path), 2)
    assert f"({isolated / 'ours.toml'}, set in {isolated / 'config.toml'})" in message
    assert stored_versions(isolated) == before
    same = org_lexicon(tmp_path, ORG_LEXICON.replace("our-org", "ours"), "same.toml")
    ok(cli("drift", "--rescore", "--lexicon", str(same)))  # a copy scores as the journal's
    assert set(stored_versions(isolated).values()) == {load_lexicon(same).version}


def test_rescore_with_the_configured_lexicon_named_again_is_allowed(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    add(DRIFT)
    path = org_lexicon(tmp_path)
    configure(isolated, str(path))
    result = ok(cli("drift", "--rescore", "--lexicon", str(path)))
    assert "Re-scored 1 entry" in result.stderr
    assert set(stored_versions(isolated).values()) == {load_lexicon(path).version}
    assert "scored with another version" not in ok(cli("report")).stderr


# -- finding 5: report --json says how many scores are out of date --------------------------------


def test_report_json_counts_the_stale_scores_as_the_text_report_does(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    for text in (DRIFT, IDENTITY, "We sat together and I shared my story."):
        add(text)
    shipped = load_lexicon().version
    data = json.loads(ok(cli("report", "--json")).stdout)
    assert (data["stale"], data["lexicon_version"]) == (0, shipped)
    path = org_lexicon(tmp_path)
    configure(isolated, str(path))
    data = json.loads(ok(cli("report", "--json")).stdout)
    assert (data["stale"], data["lexicon_version"]) == (3, load_lexicon(path).version)
    assert "3 entries were scored with another version" in ok(cli("report")).stderr
    ok(cli("drift", "--rescore"))
    assert json.loads(ok(cli("report", "--json")).stdout)["stale"] == 0


# -- finding 6: a broken lexicon set in config.toml ------------------------------------------------


def test_a_broken_configured_lexicon_names_config_and_the_way_out(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    path = org_lexicon(tmp_path, ORG_LEXICON.replace("dimension =", "dimenson =", 1))
    config = configure(isolated, str(path))
    result = cli("write", "-x", "Broken lexicon day: I sat with him.")
    assert result.exit_code == 1 and result.stdout == ""
    said = " ".join(result.stderr.split())
    assert "did you mean 'dimension'?" in said
    assert f"It is the drift lexicon set in {config}" in said
    assert "remove the `lexicon = …` line there to use the shipped lexicon" in said
    assert "kept as draft" in said
    config.unlink()  # as the message says: the shipped lexicon, and the draft is there
    assert ok(cli("write", "--resume", input="y\n")).stdout.strip() == "1"
    message = one_line_error(
        cli("drift", "--lexicon", str(path), "--text", DRIFT), 1, "dimenson"
    )
    assert "config.toml" not in message  # an option is not blamed on the settings


# -- finding 8: the first read of a large lexicon --------------------------------------------------


def test_the_first_read_of_a_large_lexicon_is_announced_once(cli: CLI, tmp_path: Path) -> None:
    padding = "".join(f"# our notes on the markers, line {n:06d}\n" for n in range(6_000))
    big = org_lexicon(tmp_path, padding + ORG_LEXICON, "big.toml")
    size = big.stat().st_size
    assert size > 200_000
    first = ok(cli("drift", "--lexicon", str(big), "--text", DRIFT))
    assert first.stderr == (
        f"Reading the drift lexicon {big} ({size / 1e6:.1f} MB) for the first time: this "
        "may take a while; later runs are quick.\n"
    )
    assert ok(cli("drift", "--lexicon", str(big), "--text", DRIFT)).stderr == ""  # cached
    small = org_lexicon(tmp_path)
    assert ok(cli("drift", "--lexicon", str(small), "--text", DRIFT)).stderr == ""
    assert ok(cli("drift", "--text", DRIFT)).stderr == ""  # the shipped one


# -- finding 9: a copy of the shipped lexicon ------------------------------------------------------


def test_a_copy_of_the_shipped_lexicon_is_not_called_the_shipped_one(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    copy = org_lexicon(tmp_path, ORG_LEXICON.replace("our-org", "peerjournal default"))
    version = load_lexicon(copy).version
    out = ok(cli("drift", "--lexicon", str(copy), "--text", DRIFT)).stdout
    assert f"Lexicon {version} (a copy of peerjournal default)." in " ".join(out.split())
    add(DRIFT)
    configure(isolated, str(copy))
    assert ok(cli("drift", "--rescore")).stderr == (
        f"Re-scored 1 entry with lexicon {version} (a copy of peerjournal default).\n"
    )
    (isolated / "config.toml").unlink()
    plain = " ".join(ok(cli("drift", "--text", DRIFT)).stdout.split())
    assert f"Lexicon {load_lexicon().version} (peerjournal default)." in plain


def test_where_says_the_configured_lexicon_cannot_be_used(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "typo.toml"
    broken.write_text('[[marker]]\nid = "bs.x"\ndimenson = "advice"\n', encoding="utf-8")
    configure(isolated, str(broken))
    plain = cli("where")
    assert plain.exit_code == 0
    said = " ".join(plain.stderr.split())
    assert "Drift lexicon not usable:" in said and "dimenson" in said
    assert "config.toml" in said
    assert str(isolated / "journal.db") in plain.stdout
