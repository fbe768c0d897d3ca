"""Round 46 (docs QA): every link and anchor in README.md and docs/*.md leads somewhere, and
benchmarks/learned_cv.py answers --help with its usage instead of starting its long run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub makes for a page's headings (lower case, punctuation dropped, spaces
    as hyphens, a repeated heading numbered), fenced code left out."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    fenced = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if fenced or not re.match(r"#{1,6} ", line):
            continue
        slug = re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def _links(page: Path) -> list[str]:
    """The targets of the page's Markdown links, outside code."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"`[^`\n]*`", "", text)
    return [t for t in re.findall(r"\]\(([^)\s]+)\)", text) if not re.match(r"https?:", t)]


def test_every_link_and_anchor_resolves() -> None:
    broken = []
    for page in PAGES:
        for target in _links(page):
            path, _, anchor = target.partition("#")
            dest = (page.parent / path).resolve() if path else page
            if not dest.exists():
                broken.append(f"{page.name}: {target} (no such file)")
            elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
                broken.append(f"{page.name}: {target} (no such heading)")
    assert broken == []


def test_the_pages_link_to_each_other() -> None:
    """The checker above checks something: the README links into docs/ with anchors."""
    targets = _links(ROOT / "README.md")
    assert "docs/writing.md#a-guided-write-in-full" in targets
    assert any(t.startswith("docs/exit-codes.md") for t in targets)


def test_learned_cv_help_prints_usage_and_stops() -> None:
    script = ROOT / "benchmarks" / "learned_cv.py"
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0
    assert done.stdout.startswith("usage: learned_cv.py")
    assert "cross-validation of the learned markers" in done.stdout
    assert "clear, cross-validated" not in done.stdout  # the run itself never started


def test_learned_cv_refuses_an_unknown_option() -> None:
    script = ROOT / "benchmarks" / "learned_cv.py"
    done = subprocess.run([sys.executable, str(script), "--set", "x"], capture_output=True,
                          text=True, timeout=60, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 2
    assert "unrecognized arguments: --set x" in done.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "benchmarks").glob("*.py")))
def test_every_benchmark_script_answers_help_without_running(name: str) -> None:
    """learned_cv.py and drift_nb_baseline.py took --help as nothing and started their run."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / name), "--help"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT / "benchmarks",
                          env={"PYTHONPATH": str(ROOT / "src")})
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.startswith(f"usage: {name}")
