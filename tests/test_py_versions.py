"""Python versions other than the one developed on (requires-python = ">=3.11", no upper
bound): the regex store uses CPython's regex internals, and a Python whose internals differ
must get regexes that match as `re.compile`'s do, never a crash."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from peerjournal.drift import regex_store
from peerjournal.drift.regex_store import RegexStore

pytestmark = pytest.mark.skipif(regex_store.TAG is None, reason="not CPython's regex engine")


class _ChangedCompiler:
    """`re._compiler` as a later Python might have it: `_code` takes other arguments."""

    def _code(self, *args: Any) -> list[int]:
        raise TypeError("_code() missing 1 required positional argument: 'state'")


def test_regex_internals_that_changed_fall_back_to_re_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regex_store, "_compiler", _ChangedCompiler())
    path = tmp_path / "regex.bin"
    store = RegexStore(path)
    pattern = r"(?P<verb>said|told) (\w+) (?P<whom>him|her)"
    found = store.compile(pattern).match("told them her")
    assert found is not None and (found["verb"], found[2], found["whom"]) == (
        "told",
        "them",
        "her",
    )
    assert store.compile(r"^me:", re.MULTILINE).search("x\nme: hi")
    assert store.compiled == 2 and store.path is None  # tried once, then compiled as usual
    assert not path.exists()


def test_a_bad_pattern_is_an_error_as_with_re_compile(tmp_path: Path) -> None:
    store = RegexStore(tmp_path / "regex.bin")
    with pytest.raises(re.error):
        store.compile(r"(unclosed")
    assert store.path is not None and store.compile(r"a+").match("aa")
