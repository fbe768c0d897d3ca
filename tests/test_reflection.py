"""Prompt sets and the Markdown entry template; tag normalisation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.entry import EntryDraft, normalise_tag, normalise_tags
from peerjournal.errors import PeerJournalError
from peerjournal.reflection import (
    ELEMENT_TITLES,
    apply_parsed,
    available,
    format_template,
    load_prompt_set,
    parse_prompt_set,
    parse_template,
)

TODAY = date(2026, 11, 20)
SHIPPED = ("boud", "driscoll", "gibbs", "ips")


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_sets_load_and_map_onto_three_elements(name: str) -> None:
    prompt_set = load_prompt_set(name)
    assert [e.id for e in prompt_set.elements] == ["experience", "feelings", "evaluation"]
    assert prompt_set.title
    assert all(e.heading and e.guide for e in prompt_set.elements)


def test_available_lists_shipped_sets_but_not_the_supervision_form() -> None:
    names = available()
    assert set(SHIPPED) <= set(names)
    assert "supervision" not in names


def _write_set(path: Path, extra: str = "") -> Path:
    path.write_text(
        'title = "Mine"\n'
        + extra
        + "".join(f'[{e}]\nheading = "{e} heading"\nguide = ["a question?"]\n'
                  for e in ELEMENT_TITLES),
        encoding="utf-8",
    )
    return path


def test_a_typo_in_a_prompt_set_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'title = "Mine"\n[experience]\nheading = "h"\nguid = ["typo"]\n'
        '[feelings]\nheading = "h"\n[evaluation]\nheading = "h"\n',
        encoding="utf-8",
    )
    with pytest.raises(PeerJournalError) as caught:
        parse_prompt_set(path, __import__("tomllib").loads(path.read_text()))
    assert str(path) in caught.value.message
    assert "experience.guid" in caught.value.message


def test_a_user_set_overrides_and_extends(tmp_path: Path) -> None:
    _write_set(tmp_path / "mine.toml")
    assert "mine" in available(tmp_path)
    assert load_prompt_set("mine", tmp_path).title == "Mine"


def test_an_unknown_set_names_the_available_ones() -> None:
    with pytest.raises(PeerJournalError) as caught:
        load_prompt_set("nope")
    assert caught.value.exit_code == 3
    assert "boud" in caught.value.message


def test_template_header_and_sections_are_read() -> None:
    text = (
        "date: 2026-11-18\nsetting: crisis\ntags: night, Hard Day\nmode: in-action\n"
        "prompts: gibbs\n\n"
        "## Experience\n<!-- ignored -->\nWe talked.\n\n## Feelings\nTired.\n"
        "### Conclusion: what else could you have done? <!-- id: conclusion -->\nListen more.\n"
        "## Evaluation\nIt went ok.\n## Self-care\nA walk.\n"
    )
    parsed = parse_template(text, load_prompt_set("gibbs"))
    assert parsed.texts == {"experience": "We talked.", "feelings": "Tired.",
                            "evaluation": "It went ok.", "self_care": "A walk."}
    assert parsed.answers == {"conclusion": "Listen more."}
    assert (parsed.date, parsed.setting, parsed.mode, parsed.prompts) == (
        "2026-11-18", "crisis", "in-action", "gibbs")
    assert parsed.tags == ["night", "Hard Day"]  # commas only, as at the guided prompt


def test_text_without_sections_is_all_experience() -> None:
    assert parse_template("Just a line.\nAnd another.").texts == {
        "experience": "Just a line.\nAnd another."}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [("## Whatever\nx", "unknown section"), ("colour: red\n## Experience\nx", "Line 1")],
)
def test_template_errors_name_the_line(text: str, fragment: str) -> None:
    with pytest.raises(PeerJournalError, match=fragment):
        parse_template(text)


# Text a person could type: any printable characters, several lines, including lines that
# look like Markdown headings, comment markers and header lines.
_LINE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.sampled_from(["## Feelings", "### A question <!-- id: sneaky -->", "# title", "## ",
                     "<!-- note -->", "<!--", "-->", "date: 2020-01-01", "\\## escaped", "---"]),
)
_TEXT = st.lists(_LINE, max_size=6).map(lambda lines: "\n".join(lines).strip())


@settings(max_examples=150, deadline=None)
@given(
    set_name=st.sampled_from(SHIPPED),
    experience=_TEXT.filter(bool),
    feelings=_TEXT,
    evaluation=_TEXT,
    self_care=_TEXT,
    answer=_TEXT,
)
def test_template_round_trip_keeps_texts_and_answers(
    set_name: str, experience: str, feelings: str, evaluation: str, self_care: str, answer: str
) -> None:
    prompt_set = load_prompt_set(set_name)
    question = next(q for e in prompt_set.elements for q in e.questions)
    draft = EntryDraft(date=date(2026, 11, 2), experience=experience, feelings=feelings,
                       evaluation=evaluation, self_care=self_care, setting="housing",
                       tags=["night", "team"], mode="in-action", prompt_set=set_name,
                       answers={question.id: answer} if answer else {})
    back = apply_parsed(EntryDraft(date=TODAY), parse_template(format_template(draft, prompt_set),
                                                                prompt_set), TODAY)
    for name in ("experience", "feelings", "evaluation", "self_care"):
        assert getattr(back, name) == getattr(draft, name).strip(), name
    assert back.answers == draft.answers
    assert (back.date, back.setting, back.tags, back.mode, back.prompt_set) == (
        draft.date, draft.setting, draft.tags, draft.mode, draft.prompt_set)


def test_answers_to_questions_outside_the_set_survive_the_template() -> None:
    prompt_set = load_prompt_set("boud")
    draft = EntryDraft(date=TODAY, experience="x", answers={"imported_note": "kept"})
    parsed = parse_template(format_template(draft, prompt_set), prompt_set)
    assert parsed.answers == {"imported_note": "kept"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_tag_normalisation_is_idempotent(raw: str) -> None:
    try:
        tag = normalise_tag(raw)
    except PeerJournalError:
        return
    assert tag and normalise_tag(tag) == tag
    assert tag == tag.lower() and " " not in tag


def test_tags_are_sorted_and_deduplicated() -> None:
    tags = normalise_tags(["#Night", "night", "Hard Day", "@team "])
    assert tags == ["hard-day", "night", "team"]
    with pytest.raises(PeerJournalError, match="Not a usable tag"):
        normalise_tag("##")


def test_a_prompt_set_saved_with_a_bom_loads_and_latin1_is_explained(tmp_path: Path) -> None:
    path = _write_set(tmp_path / "bom.toml")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # as Windows Notepad saves it
    assert load_prompt_set("bom", tmp_path).title == "Mine"
    latin = _write_set(tmp_path / "latin.toml", 'description = "caf\u00e9"\n')
    latin.write_bytes(latin.read_text(encoding="utf-8").encode("latin-1"))
    with pytest.raises(PeerJournalError) as caught:
        load_prompt_set("latin", tmp_path)
    assert "line 2 is not UTF-8" in caught.value.message and "codec" not in caught.value.message


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_header_lines_are_read_in_a_file_without_sections(newline: str) -> None:
    # The header used to become part of the experience, and its date was ignored.
    text = newline.join(["\ufeffdate: 2026-11-10", "Setting:\tcrisis", "tags: a, b", "",
                         "<!-- a note to self", "over two lines -->",
                         "We sat together.", "setting: not a header here"])
    parsed = parse_template(text)
    assert (parsed.date, parsed.setting, parsed.tags) == ("2026-11-10", "crisis", ["a", "b"])
    assert parsed.texts == {"experience": "We sat together.\nsetting: not a header here"}


def test_sections_in_any_case_after_a_tab_and_a_file_of_comments() -> None:
    parsed = parse_template("## experience\nWe talked.\n##\tSELF-CARE\nTea.\n")
    assert parsed.texts == {"experience": "We talked.", "self_care": "Tea."}
    assert parse_template("<!-- nothing\nhere -->\n<!-- at all -->").texts == {"experience": ""}


def test_an_error_names_the_line_the_editor_shows_after_a_long_comment() -> None:
    # Comments were cut out with their line breaks, so the line numbers came out too small.
    with pytest.raises(PeerJournalError, match=r"^Line 6: unknown section '## Feelngs'"):
        parse_template("<!-- one\ntwo\nthree -->\n## Experience\nx\n## Feelngs\ny\n")
    parsed = parse_template("## Experience\nA <!-- x\ny --> b\n")
    assert parsed.texts == {"experience": "A  b"}  # the text itself is as before


def test_a_note_that_opens_like_a_header_and_runs_on_is_experience() -> None:
    text = "Setting: busy ward, no beds, and nobody had eaten.\nWe sat in the corridor."
    parsed = parse_template(text)
    assert parsed.texts["experience"] == text and parsed.setting is None
    parsed = parse_template("setting: housing\n\nWe sat in the corridor.")
    assert parsed.texts["experience"] == "We sat in the corridor." and parsed.setting == "housing"
