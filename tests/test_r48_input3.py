"""Round 48: bad input (fix_input3). A backup whose names hold a bidi character (as older
versions took) imports, and such a listed person can be given an alias; one odd character
(an emoji newer than Python's Unicode, a form feed, a stray ESC, U+F8FF) no longer makes a
long UTF-16 text "not text"; UTF-8 text behind a UTF-16 byte order mark is refused with its
draft kept, not saved as Chinese."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.cli.editor import NotTextError, decode

# names older versions let in, that a new name may not hold (`redact.refuse_control`)
OLD_NAMES = ["Ali\u2066", "\u202eMaria", "Bo\u2028b"]
STORY = "Long talk today with a peer about housing; we planned the next steps together. "


def _backup(tmp_path: Path, names: list[str]) -> Path:
    """A backup (as `export --full` writes one) of one entry and `names` on the people list."""
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps({
        "schema": "peerjournal.backup/1",
        "entries": [{"id": 1, "date": "2026-11-20", "created_at": "2026-11-20T18:30:00+00:00",
                     "updated_at": "2026-11-20T18:30:00+00:00", "experience": "Met Ali."}],
        "people": [{"name": name, "alias": None} for name in names],
    }), encoding="utf-8")
    return backup


def _listed(cli: CLI) -> dict[str, str | None]:
    result = cli("people", "list", "--json")
    assert result.exit_code == 0, result.stderr
    return {p["name"]: p["alias"] for p in json.loads(result.stdout)}


def test_a_backup_with_bidi_characters_in_its_names_imports(cli: CLI, tmp_path: Path) -> None:
    """Was: "person 1: a name cannot hold control characters … Nothing was imported."."""
    result = cli("import", str(_backup(tmp_path, OLD_NAMES)))
    assert result.exit_code == 0, result.stderr
    # kept as they were ("Bo\u2028b" tidied to one line, as ever)
    assert set(_listed(cli)) == {"Ali\u2066", "\u202eMaria", "Bo b"}


def test_a_backup_name_with_a_control_character_is_still_refused(
    cli: CLI, tmp_path: Path
) -> None:
    result = cli("import", str(_backup(tmp_path, ["Ali\x1b[31m"])))
    assert result.exit_code != 0
    assert "cannot hold control characters" in result.stderr
    assert _listed(cli) == {}


def test_a_listed_name_with_a_bidi_character_can_be_given_an_alias(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: `people add $'Ali\\u2066' --alias AL` refused for the name already listed."""
    assert cli("import", str(_backup(tmp_path, ["Ali\u2066"]))).exit_code == 0
    result = cli("people", "add", "Ali\u2066", "--alias", "AL")
    assert result.exit_code == 0, result.stderr
    assert _listed(cli) == {"Ali\u2066": "AL"}


def test_a_new_name_with_a_bidi_character_is_still_refused(cli: CLI) -> None:
    result = cli("people", "add", "Bo\u202eb", "--alias", "BB")
    assert result.exit_code != 0
    assert "cannot hold control characters" in result.stderr
    assert _listed(cli) == {}


@pytest.mark.parametrize("odd", ["🩷", "🩵", "🫨", "🪿", "\f", "\v", "\x1b", "\uf8ff"])
@pytest.mark.parametrize("mark", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
def test_one_odd_character_in_a_long_utf16_text_is_saved(cli: CLI, odd: str, mark: bytes) -> None:
    """Was: "Standard input is not text: it starts with a UTF-16 byte order mark …"."""
    text = f"{STORY}Then {odd} more. {STORY}"
    order = "utf-16-le" if mark == codecs.BOM_UTF16_LE else "utf-16-be"
    result = cli("write", "--stdin", input=mark + text.encode(order))
    assert result.exit_code == 0, result.stderr
    saved = json.loads(cli("list", "--json").stdout)
    assert len(saved) == 1 and "more." in saved[0]["experience"]


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF16_LE + "\x1b\x1b\x07 bin".encode("utf-16-le"),  # 3 odd in 7
    codecs.BOM_UTF16_LE + b"ab\x00\x00cd",  # a NUL
    b"\xff\xfe\x00a",  # one U+xx00 in UTF-16 LE: the NUL byte it was
])
def test_binary_behind_a_byte_order_mark_is_still_refused(data: bytes) -> None:
    with pytest.raises(NotTextError):
        decode(data, "x")


def test_one_character_ending_in_a_nul_byte_is_text_in_utf16_be() -> None:
    """`printf '\\xfe\\xff\\x00a'` is "a" in UTF-16 BE: the U+xx00 rule is LE's only."""
    assert decode(b"\xfe\xff\x00a", "x") == "a"


@pytest.mark.parametrize("mark", [codecs.BOM_UTF16_BE, codecs.BOM_UTF16_LE])
def test_utf8_behind_a_utf16_mark_is_refused_and_kept_as_a_draft(cli: CLI, mark: bytes) -> None:
    """Was: saved as Chinese (呡汫敤 …). Refused, as a wrong guess could save real UTF-16
    garbled: the draft and the bytes as they came in are kept."""
    data = mark + b"Talked with Maria about her week; she felt heard.\n"
    result = cli("write", "--stdin", input=data)
    assert result.exit_code != 0
    assert "Standard input is not text: it starts with a UTF-16 byte order mark" in result.stderr
    assert "kept as draft 1" in result.stderr
    assert json.loads(cli("list", "--json").stdout) == []


def test_real_utf16_with_a_bidi_isolate_is_read() -> None:
    """UTF-16 text holding the format characters that refuse UTF-8 behind a mark is read:
    its NUL bytes (spaces, Latin letters) show it is UTF-16."""
    text = "Spoke with \u2068سارا\u2069 today.\n"
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "x") == text
