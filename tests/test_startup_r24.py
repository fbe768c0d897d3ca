"""Start-up of `drift --text` (issue 3): what it does not import, and the shipped lexicon's
cache kept by its files' size and time, as a .pyc is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SRC
from peerjournal.drift import lexicon as module

SHIPPED_TEXT = """
[labels]
advice = "Advice"

[[marker]]
id = "advice.shipped"
dimension = "advice"
polarity = "drift"
source = "a test"
patterns = ["you should"]
"""


def imported_by(*args: str) -> tuple[set[str], str]:
    """Which of json and hashlib a run of the launcher imported, and what it printed."""
    check = (
        "import sys; from peerjournal.launcher import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(*[m for m in ('json', 'hashlib') if m in sys.modules], file=sys.stderr)"
    )
    run = subprocess.run(
        [sys.executable, "-c", check, *args], env={**os.environ, "PYTHONPATH": SRC},
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return set(run.stderr.split()), run.stdout


def test_drift_text_imports_neither_json_nor_hashlib(isolated: Path) -> None:
    """json (~3 ms) only for --json; hashlib (OpenSSL, ~5 ms) not at all: the shipped
    lexicon's cache is found without hashing its files."""
    imported_by("drift", "--text", "I told him he should take his meds.")  # (writes the cache)
    modules, out = imported_by("drift", "--text", "I told him he should take his meds.")
    assert modules == set() and "Advice" in out
    modules, out = imported_by("drift", "--json", "--text", "I told him he should take his meds.")
    assert modules == {"json"} and '"verdict": "drift"' in out


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the drift package's lexicon and scoring sources, as the shipped ones."""
    folder = tmp_path / "site-packages" / "drift"
    folder.mkdir(parents=True)
    (folder / "markers.toml").write_text(SHIPPED_TEXT, encoding="utf-8")
    for name in module._SCORER_SOURCES:
        (folder / name).write_bytes(module.DEFAULT_LEXICON.with_name(name).read_bytes())
    monkeypatch.setattr(module, "DEFAULT_LEXICON", folder / "markers.toml")
    monkeypatch.setattr(module, "_SHIPPED_CACHE", folder / "__pycache__" / "lexicon")
    monkeypatch.setattr(module, "_shipped", [])
    return folder


def kept(package: Path) -> list[Path]:
    return sorted((package / "__pycache__" / "lexicon").glob("lexicon-*.pickle"))


def test_the_shipped_lexicon_is_parsed_again_when_it_is_edited(
    package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = module.load_lexicon(None, tmp_path / "cache")
    assert [m.id for m in first.markers] == ["advice.shipped"] and len(kept(package)) == 1
    monkeypatch.setattr(module, "_shipped", [])
    with monkeypatch.context() as patch:
        patch.setattr(module, "parse_lexicon", lambda *_: pytest.fail("parsed again"))
        assert module.load_lexicon(None, tmp_path / "cache").version == first.version

    edited = package / "markers.toml"
    edited.write_text(SHIPPED_TEXT.replace("shipped", "edited"), encoding="utf-8")
    monkeypatch.setattr(module, "_shipped", [])
    again = module.load_lexicon(None, tmp_path / "cache")
    assert [m.id for m in again.markers] == ["advice.edited"] and len(kept(package)) == 2


def test_the_shipped_lexicon_is_parsed_again_when_the_scoring_code_changes(
    package: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module.load_lexicon(None, tmp_path / "cache")
    score = package / "score.py"
    stat = score.stat()
    score.write_bytes(score.read_bytes() + b"\n# a change of one line\n")
    os.utime(score, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even at the same time
    monkeypatch.setattr(module, "_shipped", [])
    module.load_lexicon(None, tmp_path / "cache")
    assert len(kept(package)) == 2
