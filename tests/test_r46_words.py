"""Round 46 (fix_words; QA qa_review_b findings 4-14): the words a mentor reads in a summary
and in `review`. An organisation's label said to the writer ("when you push back for them")
reads about them with its verb in the third person for any verb, not 57 listed ones; "have
you" changes only in a question; an adverb or "and" between does not stop the "s"; "you"
after a noun ("the people you support") is the subject; words in single quotes are the words
as said; a dimension named "Your voice" is "The writer's voice"; one lexicon version is
described one way throughout a `review`; a lexicon name with its own quotes is not quoted
again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.exporters.writer_words import about_the_writer

# -- 6, 8, 9, 10, 7, 14: the words ------------------------------------------------------------


@pytest.mark.parametrize(("label", "said"), [
    # 6: any present-tense verb takes the "s" (5dd81e3 gave it to 57 listed verbs only)
    ("when you push back for them", "when the writer pushes back for them"),
    ("you check they took their meds", "the writer checks they took their meds"),
    ("you fix things", "the writer fixes things"),
    ("when you worry", "when the writer worries"),
    ("how you cope", "how the writer copes"),
    ("what you teach", "what the writer teaches"),
    ("when you apply pressure", "when the writer applies pressure"),
    ("when you dismiss them", "when the writer dismisses them"),
    ("you catch yourself", "the writer catches themselves"),
    ("what you echo", "what the writer echoes"),
    ("when you doubt yourself", "when the writer doubts themselves"),
    ("when you rely on the rules", "when the writer relies on the rules"),
    ("WHEN YOU PUSH BACK", "WHEN THE WRITER PUSHES BACK"),
    # ...and a word that is not one keeps its form (what 5dd81e3 fixed)
    ("what you told yourself", "what the writer told themselves"),
    ("what you said", "what the writer said"),
    ("when you felt pushed", "when the writer felt pushed"),
    ("when you asked them", "when the writer asked them"),
    ("when you can't say no", "when the writer can't say no"),
    ("if you'd rather not", "if the writer would rather not"),
    ("Are you okay?", "Is the writer okay?"),
    ("telling you what to do", "telling the writer what to do"),
    # 8: an adverb between "you" and its verb
    ("how you really hear their own story", "how the writer really hears their own story"),
    ("when you quietly go along with staff", "when the writer quietly goes along with staff"),
    ("when you first meet them", "when the writer first meets them"),
    ("when you always step in", "when the writer always steps in"),
    ("as you usually do", "as the writer usually does"),
    ("what you never say", "what the writer never says"),
    # 9: a verb joined by "and"/"or", or in a list
    ("when you sit with them and really listen",
     "when the writer sits with them and really listens"),
    ("when you sit with them or listen", "when the writer sits with them or listens"),
    ("what you hear and see", "what the writer hears and sees"),
    ("you feel, think and act", "the writer feels, thinks and acts"),
    ("when you check meds and bloods", "when the writer checks meds and bloods"),
    # 10: "you" as the subject after a noun, and after "sure"
    ("being with the people you support", "being with the people the writer supports"),
    ("the person you work with", "the person the writer works with"),
    ("the role you play", "the role the writer plays"),
    ("Are you sure you learn from them?", "Is the writer sure the writer learns from them?"),
    ("what you yourself want", "what the writer themselves wants"),
    # 7: "have/do you" changes in a question only
    ("letting staff have you run errands", "letting staff have the writer run errands"),
    ("when they do you a favour and you check meds",
     "when they do the writer a favour and the writer checks meds"),
    ("what they have you doing", "what they have the writer doing"),
    ("the jobs staff have you do", "the jobs staff have the writer do"),
    ("when staff make you feel small", "when staff make the writer feel small"),
    ("Do you notice their strengths?", "Does the writer notice their strengths?"),
    ("What strengths do you notice?", "What strengths does the writer notice?"),
    ("Have you been teaching them?", "Has the writer been teaching them?"),
    ("how are you", "how is the writer"),
    ("Did you speak up?", "Did the writer speak up?"),
    # 14: odds and ends
    ("you'd better", "the writer had better"),
    ("hearing a thank you", "hearing a thank you"),
    ("a thank-you card", "a thank-you card"),
    ("You Think", "The Writer Thinks"),
    ("the you that shows up", "the writer that shows up"),
    ("you all", "you all"),  # r47: a group, kept as said (test_r47_writer_words)
    ("Have you shared your story?", "Has the writer shared the writer's own story?"),
    ("sharing your own story, as you choose", "sharing the writer's own story, as the writer "
                                               "chooses"),
])
def test_a_label_reads_about_the_writer(label: str, said: str) -> None:
    assert about_the_writer(label) == said


@pytest.mark.parametrize(("label", "said"), [
    ("telling them 'you should'", "telling them 'you should'"),
    ("telling them ‘you must’", "telling them ‘you must’"),
    ("'you're not listening', said to them", "'you're not listening', said to them"),
    ('telling them "you should"', 'telling them "you should"'),
    # apostrophes inside words are no quotation marks
    ("you're the expert", "the writer is the expert"),
    ("the peers' view, and what you think", "the peers' view, and what the writer thinks"),
    ("don't tell them what you want", "don't tell them what the writer wants"),
])
def test_words_in_single_quotes_are_kept_as_said(label: str, said: str) -> None:
    """11: a quotation in single quotes is what someone said, as one in double quotes is."""
    assert about_the_writer(label) == said


def test_the_shipped_lexicon_s_labels_read_as_before() -> None:
    """Measured over every label the shipped lexicon gives (and their negated forms): only
    these three change, as they did before."""
    import tomllib

    from peerjournal.drift import marker_label
    from peerjournal.drift.lexicon import DEFAULT_LEXICON

    lexicon = tomllib.loads(DEFAULT_LEXICON.read_text(encoding="utf-8"))
    labels = {**lexicon["labels"], **lexicon["marker_labels"]}
    changed = {
        name: about_the_writer(name)
        for marker in lexicon["marker"] for negated in (False, True)
        if (name := marker_label(marker["id"], labels, negated=negated)) != about_the_writer(name)
    } | {name: about_the_writer(name) for name in lexicon["labels"].values()
         if about_the_writer(name) != name}
    assert changed == {
        "sharing your recovery story": "sharing the writer's recovery story",
        "not sharing your recovery story": "not sharing the writer's recovery story",
        "holding your story back": "holding the writer's story back",
        "not holding your story back": "not holding the writer's story back",
        "noticing your own practice": "noticing the writer's own practice",
        "not noticing your own practice": "not noticing the writer's own practice",
    }


# -- through export and review ----------------------------------------------------------------

ORG = """
[lexicon]
name = {name}

[labels]
story = "Your story"
advice = "Your advice"
clinical_language = "Clinical words"

[marker_labels]
"org.story" = "when you push back for them"
"org.advice" = "telling them 'you should'"
"org.clinical" = "being with the people you support"

[[marker]]
id = "org.advice"
dimension = "advice"
polarity = "drift"
source = "our practice guide, p. 1"
patterns = ["you should", "told her to"]

[[marker]]
id = "org.story"
dimension = "story"
polarity = "identity"
source = "our practice guide, p. 2"
patterns = ["shared my story", "my own journey"]

[[marker]]
id = "org.clinical"
dimension = "clinical_language"
polarity = "drift"
source = "our practice guide, p. 3"
patterns = ["non-compliant", "treatment resistant"]
"""


def _organisation(cli: CLI, isolated: Path, tmp_path: Path, name: str = '"Northside Peers"'
                  ) -> None:
    """A journal scored with an organisation's lexicon, with one shared entry."""
    lexicon = tmp_path / "org.toml"
    lexicon.write_text(ORG.format(name=name), encoding="utf-8")
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f"[drift]\nlexicon = {json.dumps(str(lexicon))}\n")
    text = "I shared my story with Sam. Later I said you should rest; he is non-compliant."
    wrote = cli("write", "-x", text, "--share")
    assert wrote.exit_code == 0, wrote.stderr


def _export(cli: CLI, tmp_path: Path, form: str, *extra: str, name: str = "s") -> Path:
    out = tmp_path / f"{name}.{form}"
    result = cli("export", "--format", form, "-o", str(out), "--yes", *extra)
    assert result.exit_code == 0, result.stderr
    return out


def test_an_organisation_s_labels_read_about_the_writer_in_every_format(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """6, 10, 11, 12 in the summary: the markers, the Dimensions table and the glosses."""
    _organisation(cli, isolated, tmp_path)
    md = _export(cli, tmp_path, "md").read_text(encoding="utf-8")
    assert "when the writer pushes back for them (The writer's story)" in md
    assert "telling them 'you should' (The writer's advice)" in md
    assert "being with the people the writer supports (Clinical words)" in md
    assert "| The writer's story |" in md and "| The writer's advice |" in md
    assert "**The writer's story:** using the writer's own recovery story" in md
    assert "Your story" not in md and "Your advice" not in md
    html = _export(cli, tmp_path, "html").read_text(encoding="utf-8")
    assert "when the writer pushes back for them (The writer&#x27;s story)" in html
    assert "<td>The writer&#x27;s story</td>" in html and "Your story" not in html
    data = json.loads(_export(cli, tmp_path, "json").read_text(encoding="utf-8"))
    labels = {m["label"] for side in data["markers"].values() for m in side}
    assert labels == {"when the writer pushes back for them", "telling them 'you should'",
                      "being with the people the writer supports"}


def test_review_says_the_organisation_s_words_about_the_writer(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """12 in `review`: its Dimensions table and marker lines; 11: the quotation as said."""
    _organisation(cli, isolated, tmp_path)
    summary = _export(cli, tmp_path, "json")
    result = cli("review", str(summary))
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "when the writer pushes back for them (The writer's story)" in out
    assert "telling them 'you should' (The writer's advice)" in out
    assert "Dimension Identity Drift drift│identity The writer's story 6.2 0.0" in out
    assert "What the dimensions look for: The writer's story: using the writer's own" in out
    assert "Your story" not in out and "Your advice" not in out


def test_one_lexicon_version_is_described_one_way_throughout_a_review(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """4: a summary that does not name its lexicon (from an older peerjournal, or exported
    after a switch without --rescore) is described by the name another gives that version,
    in its own header as in the note; without another to name it, as before."""
    _organisation(cli, isolated, tmp_path)
    named = _export(cli, tmp_path, "json", "--since", "2026-11-01", name="named")
    unnamed = _export(cli, tmp_path, "json", "--since", "2026-11-10", name="unnamed")
    data = json.loads(unnamed.read_text(encoding="utf-8"))
    del data["lexicon_names"]
    unnamed.write_text(json.dumps(data), encoding="utf-8")
    alone = cli("review", str(unnamed))
    assert alone.exit_code == 0, alone.stderr
    assert "not the lexicon this peerjournal ships: an organisation's own" in \
        " ".join(alone.stdout.split())
    both = cli("review", str(named), str(unnamed))
    assert both.exit_code == 0, both.stderr
    out = " ".join(both.stdout.split())
    assert "not the lexicon this peerjournal ships: an organisation's own" not in out
    assert "It is \"Northside Peers\", not a lexicon peerjournal ships." in out


def test_a_lexicon_name_with_its_own_quotes_is_not_quoted_again(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """5: 'Southside Peers — "Ty'r Bont"' is not wrapped in a second pair."""
    _organisation(cli, isolated, tmp_path, name='"Southside Peers — \\"Ty\'r Bont\\""')
    md = " ".join(_export(cli, tmp_path, "md").read_text(encoding="utf-8").split())
    assert 'It is Southside Peers — "Ty\'r Bont", not a lexicon peerjournal ships.' in md
    summary = _export(cli, tmp_path, "json")
    result = cli("review", str(summary))
    assert result.exit_code == 0, result.stderr
    assert 'Southside Peers — "Ty\'r Bont", not a lexicon' in " ".join(result.stdout.split())
    assert '""' not in result.stdout


# -- fix_words2 (QA qa_fixes_d 5, 6): a clause with its own subject, and shapes aa76264 missed --


@pytest.mark.parametrize(("label", "said"), [
    # 5: after "and" or a comma, a word with a subject of its own takes no "s", nor does its
    # verb: a pronoun, a determiner, quantifier or number, or a noun before its verb
    ("you lead, they follow", "the writer leads, they follow"),
    ("you give, they take", "the writer gives, they take"),
    ("you lead and they follow", "the writer leads and they follow"),
    ("you care and staff notice", "the writer cares and staff notice"),
    ("you ask, staff decide", "the writer asks, staff decide"),
    ("you speak, then staff speak", "the writer speaks, then staff speak"),
    ("you plan, we act", "the writer plans, we act"),
    ("you talk, she listens", "the writer talks, she listens"),
    ("you talk and he listens", "the writer talks and he listens"),
    ("you listen, I talk", "the writer listens, I talk"),
    ("you check, they took meds", "the writer checks, they took meds"),
    ("you ask and you listen", "the writer asks and the writer listens"),
    ("you ask, each person answers", "the writer asks, each person answers"),
    ("you talk and two people listen", "the writer talks and two people listen"),
    ("you lead and some follow", "the writer leads and some follow"),
    ("you lead and many follow", "the writer leads and many follow"),
    ("you care and family notice", "the writer cares and family notice"),
    ("you speak and people listen", "the writer speaks and people listen"),
    ("you speak, the team listen", "the writer speaks, the team listen"),
    ("you ask and help is slow", "the writer asks and help is slow"),
    ("what you each bring", "what you each bring"),  # r48: a group, as said
    ("you each decide", "you each decide"),  # r48: a group, as said
    ("you alone decide", "the writer alone decides"),
    ("you too feel it", "the writer too feels it"),
    # ...while a verb of the writer's own still takes it
    ("you lead and follow", "the writer leads and follows"),
    ("you ask and really listen", "the writer asks and really listens"),
    ("you help those and listen", "the writer helps those and listens"),
    ("you fix things and people", "the writer fixes things and people"),
    ("you check meds, bloods and notes", "the writer checks meds, bloods and notes"),
    # 6: "you" after a noun or a relative word is the subject
    ("the stories you tell", "the stories the writer tells"),
    ("the notes you write", "the notes the writer writes"),
    ("the feelings you carry", "the feelings the writer carries"),
    ("the feeling you get", "the feeling the writer gets"),
    ("the less you say", "the less the writer says"),
    ("those you help", "those the writer helps"),
    ("giving those you love time", "giving those the writer loves time"),
    ("whom you trust", "whom the writer trusts"),
    ("each tells you", "each tells the writer"),
    ("some tell you what to do", "some tell the writer what to do"),
    ("their telling you off", "their telling the writer off"),
    # 6: lists, asides, "you'd", "and they", "yourselves", -ed verbs
    ("you, not staff, decide", "the writer, not staff, decides"),
    ("you sit, listen, and wait", "the writer sits, listens, and waits"),
    ("you feel, think, and act", "the writer feels, thinks, and acts"),
    ("you ask questions, listen and wait", "the writer asks questions, listens and waits"),
    ("you'd been there", "the writer had been there"),
    ("you'd already told them", "the writer had already told them"),
    ("you'd wanted to", "the writer had wanted to"),
    ("you'd like to", "the writer would like to"),
    ("you'd have been there", "the writer would have been there"),
    ("Have you and they agreed?", "Have the writer and they agreed?"),
    ("Are you and staff agreed?", "Are the writer and staff agreed?"),
    ("Have you agreed?", "Has the writer agreed?"),
    ("you and I agree", "the writer and I agree"),
    ("you yourselves decide", "you yourselves decide"),  # r47: a group, as said
    ("you embed it", "the writer embeds it"),
    ("you need it", "the writer needs it"),
])
def test_a_clause_with_its_own_subject_keeps_its_verb(label: str, said: str) -> None:
    """QA qa_fixes_d 5 and 6: aa76264 gave "the writer leads, theys follow"."""
    assert about_the_writer(label) == said
