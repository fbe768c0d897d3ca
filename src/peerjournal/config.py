"""The writer's settings: `<data dir>/config.toml` (optional).

[drift]
summary_after_write = true   # the one-line drift summary after `write`
lexicon = "/path/to/our-lexicon.toml"

A mistake in a setting that only changes what is shown is warned about, and its default used
(`DISPLAY_ONLY`); any other mistake stops the command with a one-line error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from peerjournal.errors import PeerJournalError
from peerjournal.textsafe import clean

KNOWN = {"drift": {"summary_after_write": bool, "lexicon": str}}
# what each type of setting looks like, in the words of someone editing the file
TYPE_WORDS = {bool: "true or false", str: 'text in quotes, such as "our-lexicon.toml"'}
# Settings that only change what is shown, and their defaults: a value that cannot be used is
# warned about and the default used, and the command goes on. Any other setting's mistake
# stops the command: the lexicon gives the scores stored with each entry, and scoring with
# another one, unasked, would store the wrong scores (`write` keeps the entry as a draft).
DISPLAY_ONLY: dict[tuple[str, str], object] = {("drift", "summary_after_write"): True}
# Python refuses to read a whole number of more than 4,300 digits (a ValueError that is no
# TOMLDecodeError or JSONDecodeError): said so of any TOML or JSON file read
HUGE_NUMBER = "a number in it is thousands of digits long"
# yes/no in quotes, as people write it in other settings files: taken as they say
SPELLED = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def toml_text(data: bytes, path: Path | str) -> str:
    """A TOML file's bytes as text: UTF-8, with or without the byte order mark that Windows
    editors add; anything else is an error that says how to fix it (not a codec's words)."""
    # UTF-32's marks first: its little-endian one starts with UTF-16's
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise PeerJournalError(f"{path}: saved as UTF-32; save it as UTF-8 and try again.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise PeerJournalError(f"{path}: saved as UTF-16; save it as UTF-8 and try again.")
    if b"\x00" in data:
        raise PeerJournalError(f"{path}: not a text file; is it the right file?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise PeerJournalError(
            f"{path}: line {line} is not UTF-8 text; save the file as UTF-8 and try again."
        ) from None


def loads_toml(text: str, path: Path | str, *, plain: bool = False) -> dict[str, Any]:
    """`tomllib.loads`, its errors one line naming `path`: a document nested too deeply (a
    few hundred arrays) or with a number too long to read (`HUGE_NUMBER`) is one too, not
    the RecursionError or ValueError tomllib lets through. `plain`: a slip of the hand in a
    file of settings is said in the words of `toml_slip`, not the parser's."""
    import tomllib  # (only when there is TOML to read: ~5 ms of every command's start)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if plain and (slip := toml_slip(str(exc), text)):
            raise PeerJournalError(f"{path}: {slip}") from None
        raise PeerJournalError(f"{path}: not valid TOML ({exc}).") from None
    except ValueError:  # (after TOMLDecodeError, which is one)
        raise PeerJournalError(f"{path}: not valid TOML ({HUGE_NUMBER}).") from None
    except RecursionError:
        raise PeerJournalError(f"{path}: not valid TOML (nested too deeply).") from None


_AT = re.compile(r"(?s)(?P<problem>.*) \(at line (?P<line>\d+), column \d+\)")


def toml_slip(error: str, text: str) -> str | None:
    """The parser's `error` for `text` as one line that names the line and what to write
    there: "line 3: [drift] appears twice: merge them into one."; "line 2:
    summary_after_write = yes: write true or false, lower case."; None for one it does not
    place on a line."""
    at = _AT.fullmatch(error)
    lines = text.splitlines()
    if at is None or not 0 < int(at["line"]) <= len(lines):
        return None
    number, problem, typed = int(at["line"]), at["problem"], lines[int(at["line"]) - 1].strip()
    key, _, value = (part.strip() for part in typed.partition("="))
    above, section = [line.strip() for line in lines[: number - 1]], typed.strip("[] ")
    if problem.startswith("Cannot declare") and typed in above:  # a [section] heading again
        said = f"{typed} appears twice: merge them into one"
    elif problem.startswith("Cannot declare") and any(  # drift.x = … above [drift]
        line.startswith(f"{section}.") for line in above
    ):
        said = f"{typed} comes after settings written {section}.…: write them under it"
    elif problem == "Cannot overwrite a value":
        said = f"{key} is set twice: keep one of them"
    elif problem == "Invalid value":
        said = _value_slip(key, value.partition("#")[0].strip())  # (# starts a comment)
    elif problem == "Unterminated string" or problem.startswith("Illegal character '\\n'"):
        said = f"{typed}: a quote is not closed: end the text with \" on the same line"
    elif problem in _ESCAPE_SLIPS and "\\" in value:  # a Windows path: "C:\\Users\\me"
        path = value.partition('"')[2].partition('"')[0]
        slashed = path.replace("\\", "/")
        said = (f"{typed}: a \\ inside \"…\" starts an escape: write the path in single "
                f"quotes ('{path}') or with / (\"{slashed}\")")
    else:  # the parser's words, without its Python ("('drift',)")
        words = _TUPLE.sub(_as_heading, problem)
        said = f"{words[:1].lower()}{words[1:]} in '{typed}'"
    return f"line {number}: {clean(said, multiline=False)}."


def _value_slip(key: str, value: str) -> str:
    """What to write for a setting's value the parser cannot read (`value`, unquoted, its
    comment left out), in the words of the setting's type (`KNOWN`): "write true or false"
    for `summary_after_write`, 'put the path in quotes ("yes")' for `lexicon`; both for a
    setting it does not know (said as unknown once the file reads)."""
    name = key.rpartition(".")[2].strip()
    kind = next((kinds[name] for kinds in KNOWN.values() if name in kinds), None)
    if kind is bool:
        case = ", lower case" if value.lower() in ("true", "false") else ""
        return f"{key} = {value}: write true or false{case}" if value else (
            f"{key} has no value after the =: write true or false")
    if kind is str:
        what = "the path" if name == "lexicon" else "the text"
        return f'{key} = {value}: put {what} in quotes ("{value}")' if value else (
            f'{key} has no value after the =: write {what} in quotes ("…")')
    if value.lower() in {*SPELLED, "true", "false"}:
        return f"{key} = {value}: write true or false, lower case"
    if not value:
        return f"{key} has no value after the =: write true or false, or text in quotes"
    return f'{key} = {value}: put text in quotes ("{value}"), or write true or false'


# the parser's words for a \ in "…" that starts no escape it knows ("\\Users": \U and no
# hex digits after it)
_ESCAPE_SLIPS = ("Invalid hex value", "Unescaped '\\' in a string")
_TUPLE = re.compile(r"\((?:'[^']*',? ?)+\)")


def _as_heading(found: re.Match[str]) -> str:
    """('drift', 'x') as [drift.x]."""
    return "[" + ".".join(re.findall(r"'([^']*)'", found[0])) + "]"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for a likely typo of one of `choices`, else ''."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def load_config(path: Path, warn: Callable[[str], None]) -> dict[str, Any]:
    """The settings, validated; a relative `drift.lexicon` is read from the config's folder.
    `warn` says a display-only setting's mistake (`DISPLAY_ONLY`), which stops nothing."""
    from peerjournal.paths import NotAFileError, read_regular_file

    try:
        raw = read_regular_file(path)
    except (FileNotFoundError, NotADirectoryError):  # no settings (yet)
        return {}
    except NotAFileError as exc:  # a folder, a named pipe (which would wait for ever)
        raise PeerJournalError(
            f"{path}: cannot read settings: {exc.strerror}; settings are a .toml file."
        ) from None
    except OSError as exc:  # no permission
        raise PeerJournalError(f"{path}: cannot read settings: {exc.strerror or exc}.") from None
    data = loads_toml(toml_text(raw, path), path, plain=True)
    for section, values in data.items():
        home = next((name for name, keys in KNOWN.items() if section in keys), None)
        if home is not None and not isinstance(values, dict):  # a setting above its section
            raise PeerJournalError(
                f"{path}: {section} is a [{home}] setting: put it on a line after [{home}]."
            )
        if section not in KNOWN:
            known = ", ".join(f"[{name}]" for name in KNOWN)
            hint = did_you_mean(section, KNOWN) or f" (the sections are {known})"
            raise PeerJournalError(f"{path}: unknown section [{section}]{hint}.")
        if not isinstance(values, dict):
            raise PeerJournalError(f"{path}: [{section}] should be a section of settings.")
        for key, value in list(values.items()):
            expected = KNOWN[section].get(key)
            if expected is None:
                hint = did_you_mean(key, KNOWN[section])
                raise PeerJournalError(f"{path}: unknown setting {section}.{key}{hint}.")
            if expected is bool and isinstance(value, str) and value.strip().lower() in SPELLED:
                values[key] = SPELLED[value.strip().lower()]
            elif not isinstance(value, expected):
                problem = f"{path}: {section}.{key} should be {TYPE_WORDS[expected]}"
                if (section, key) not in DISPLAY_ONLY:
                    raise PeerJournalError(f"{problem}.")
                default = DISPLAY_ONLY[section, key]
                warn(f"{problem}; using {str(default).lower()}.")
                del values[key]
    lexicon = data.get("drift", {}).get("lexicon")
    if lexicon is not None:
        if not lexicon.strip():
            raise PeerJournalError(
                f"{path}: drift.lexicon is empty: give the lexicon file's path, or remove the "
                "line to use the shipped lexicon."
            )
        from peerjournal.paths import expand_user

        chosen = expand_user(lexicon, f"{path}: drift.lexicon")
        data["drift"]["lexicon"] = str(path.parent / chosen)
    return data
