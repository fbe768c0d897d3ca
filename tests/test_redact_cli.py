"""Redaction as QA met it: names written into entries, then `export --yes` for a mentor."""

from __future__ import annotations

import json
import re
from typing import Any

from conftest import CLI


def people(cli: CLI, *names: str) -> None:
    for name in names:
        result = cli("people", "add", name)
        assert result.exit_code == 0, result.stderr


def summary(cli: CLI) -> dict[str, Any]:
    result = cli("export", "--yes", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def shared(cli: CLI, text: str, *extra: str) -> None:
    result = cli("write", "-x", text, "--share", "--date", "yesterday", *extra)
    assert result.exit_code == 0, result.stderr


def test_names_beside_cjk_arabic_and_hebrew_letters_leave_no_trace(cli: CLI) -> None:
    names = ("小明", "Sam", "田中", "أحمد", "דוד")
    people(cli, *names)
    shared(cli, "我今天和小明聊天。我和Sam说话。田中さんと話した。وأحمد كان هناك. "
                "שוחחתי עם דוד ולדוד.")
    result = cli("export", "--yes", "--format", "md")
    assert result.exit_code == 0, result.stderr
    for name in names:
        assert name not in result.stdout, name
    assert "我今天和[person]聊天。我和[person]说话。[person]さんと話した。" in result.stdout


def test_tags_naming_a_listed_person_are_redacted(cli: CLI) -> None:
    people(cli, "Grace Hill", "Will Turner")
    shared(cli, "Grace and I walked to the shop.", "-t", "Grace", "-t", "Will", "-t", "Turner",
           "-t", "shop")
    entry = summary(cli)["shared_entries"][0]
    # one [person] however many names, sorted: neither count nor order hints at them
    assert entry["tags"] == ["[person]", "shop"]
    assert entry["experience"] == "[person] and I walked to the shop."


def test_particle_names_and_joined_spellings_are_redacted(cli: CLI) -> None:
    people(cli, "Van Nguyen", "Di Harris", "Minh Le", "Mary-Jane Smith", "Sam Jones")
    shared(cli, "Van was upset. Di said no. Mr Le agreed. MaryJane laughed. Notes on SamJones.")
    text = json.dumps(summary(cli), ensure_ascii=False)
    for leaked in ("Van", "Di ", "Le ", "MaryJane", "SamJones"):
        assert leaked not in text, leaked
    assert summary(cli)["shared_entries"][0]["experience"] == (
        "[person] was upset. [person] said no. Mr [person] agreed. [person] laughed. "
        "Notes on [person]."
    )


FILLER = ("We sat together in the lounge and talked about the week, the weather, the garden and "
          "the food at the canteen, and we laughed about the football results. ") * 6
ADVICE = "I told him he should take his medication and follow the plan. "


def test_a_setting_named_in_an_alert_in_lower_case_is_redacted(cli: CLI) -> None:
    """Was: "…mostly advice in will's flat shifts" in the summary's alerts: the report
    lower-cases settings, and "will" in prose is the verb. The entries were not even shared."""
    people(cli, "Will Jones", "Grace Li")
    for week in range(5):
        day = f"2026-10-{21 + week * 7}" if week < 2 else f"2026-11-{week * 7 - 10:02d}"
        for _ in range(2):  # (a week of one entry gives no trend words)
            result = cli("write", "-x", FILLER + ADVICE * (week * 3 + 1), "-s", "Will's Flat",
                         "--date", day, "--again")  # (the same text twice: two entries)
            assert result.exit_code == 0, result.stderr
    report = cli("report", "--since", "2026-10-19")
    assert "will's flat shifts" in " ".join(report.stdout.split())  # the writer's own view
    result = cli("export", "--yes", "--format", "json", "--since", "2026-10-19")
    assert result.exit_code == 0, result.stderr
    alerts = [a["message"] for a in json.loads(result.stdout)["alerts"]]
    # (advice or co-optation, as the scorer weighs them: the setting's name is what matters)
    assert any(re.search(r"mostly [\w-]+ in \[person\]'s flat shifts", a) for a in alerts), alerts
    assert "will's" not in result.stdout.casefold()


def test_a_setting_in_lower_case_is_redacted_in_a_shared_entry(cli: CLI) -> None:
    people(cli, "Will Jones", "May Lee")
    shared(cli, "I will sit with him. May I help?", "--setting", "will's flat, may ward",
           "--tag", "may lee")
    (entry,) = summary(cli)["shared_entries"]
    assert entry["setting"] == "[person]'s flat, [person] ward"
    assert entry["tags"] == ["[person]"]
    assert entry["experience"] == "I will sit with him. May I help?"


def test_a_name_hyphenated_across_a_line_is_redacted_everywhere(cli: CLI) -> None:
    people(cli, "Anne-Marie Dubois")
    shared(cli, "At handover the team called Anne-\nMarie non-compliant and Du-\nbois agreed. "
                "I told her what to do.", "-e", "Next time I will ask Du-\nbois first.")
    result = cli("export", "--yes", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "marie" not in result.stdout.casefold() and "bois" not in result.stdout.casefold()
    assert "Next time I will ask [person] first." in result.stdout


def test_an_export_file_named_after_a_listed_person_is_refused(cli: CLI, tmp_path) -> None:
    """Was: written as asked; a file's name goes with it as an attachment."""
    people(cli, "Sam Jones", "Will Smith")
    shared(cli, "I sat with Sam.")
    # (round 34: in any case, as a label is read: "frank.pdf" went out with Frank listed, so
    # "will-do.md" is refused too; the message says to choose another name)
    for name in ("sam-summary.md", "Notes_for_JONES.pdf", "SamJones.json", "Will.csv",
                 "will-do.md"):
        result = cli("export", "--yes", "-o", str(tmp_path / name))
        assert result.exit_code == 1, name
        assert "holds a name on the people list" in result.stderr and "Nothing" in result.stderr
        assert not (tmp_path / name).exists()
    # a name in a folder's name stays with the writer
    (tmp_path / "sam").mkdir()
    for name in ("sam/summary.md",):
        assert cli("export", "--yes", "-o", str(tmp_path / name)).exit_code == 0, name
    # unredacted, the file already says what it holds
    assert cli("export", "--yes", "--no-redact", "-o", str(tmp_path / "sam.md")).exit_code == 0


def test_polish_and_greek_names_in_other_cases_are_redacted(cli: CLI) -> None:
    """Was: only the listed form (and Cyrillic cases) was caught: "Łukasza nie było" and
    "Μαρίας" left, opening a sentence unflagged too."""
    people(cli, "Łukasz Nowak", "Agnieszka Wiśniewska", "Marek Kowalski", "Γιώργος Παπαδόπουλος",
           "Μαρία Κώστα")
    text = ("Łukasza nie było. Łukaszowi dałam herbatę. Łukaszem. Nowaka też. Agnieszki nie "
            "było. Agnieszkę widziałam. Agnieszką i Agnieszce. Wiśniewskiej. Marka, Markowi, "
            "Kowalskiego. Γιώργο είδα. Του Γιώργου. Μαρίας σπίτι. Lukasza (no accent). "
            "AGNIESZKĘ.")
    shared(cli, text)
    result = cli("export", "--yes", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["shared_entries"][0]["experience"] == (
        "[person] nie było. [person] dałam herbatę. [person]. [person] też. [person] nie "
        "było. [person] widziałam. [person] i [person]. [person]. [person], [person], "
        "[person]. [person] είδα. Του [person]. [person] σπίτι. [person] (no accent). "
        "[person]."
    )


def test_a_latin_name_not_written_as_polish_is_not_declined(cli: CLI) -> None:
    """Polish endings are for names written as Polish (ł, sz, -ska…): for Vera, Rosa or Ann
    they would take "very", "rose" and "Anne"."""
    people(cli, "Vera Lopez", "Rosa Diaz", "Ann Lee")
    shared(cli, "Vera was very tired; the sun rose. Anne helped Ann.")
    assert summary(cli)["shared_entries"][0]["experience"] == (
        "[person] was very tired; the sun rose. Anne helped [person]."
    )
