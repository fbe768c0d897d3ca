"""The writer's settings: `<data dir>/config.toml` (optional).

[drift]
summary_after_write = true   # the one-line drift summary after `write`
lexicon = "/path/to/our-lexicon.toml"

A mistake in a setting that only changes what is shown is warned about, and its default used
(`DISPLAY_ONLY`); any other mistake stops the command with a one-line error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from peerjournal.errors import PeerJournalError

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


def loads_toml(text: str, path: Path | str) -> dict[str, Any]:
    """`tomllib.loads`, its errors one line naming `path`: a document nested too deeply (a
    few hundred arrays) or with a number too long to read (`HUGE_NUMBER`) is one too, not
    the RecursionError or ValueError tomllib lets through."""
    import tomllib  # (only when there is TOML to read: ~5 ms of every command's start)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PeerJournalError(f"{path}: not valid TOML ({exc}).") from None
    except ValueError:  # (after TOMLDecodeError, which is one)
        raise PeerJournalError(f"{path}: not valid TOML ({HUGE_NUMBER}).") from None
    except RecursionError:
        raise PeerJournalError(f"{path}: not valid TOML (nested too deeply).") from None


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
    data = loads_toml(toml_text(raw, path), path)
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
