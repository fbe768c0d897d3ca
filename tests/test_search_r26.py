"""Search snippets of text in scripts of one character a word (round 25 QA: 16 characters)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

CHINESE = (
    "今天我和王芳一起去了公园然后我们聊了很久关于她的工作和住房的问题，她很担心下个月的房租。"
    "我听她说，也分享了我自己以前找房子的经历。"
)
ENGLISH = " ".join(f"word{n}" for n in range(40)) + " housing " + " ".join(
    f"more{n}" for n in range(40)
)


def _snippet(cli: Callable[..., Any], query: str) -> str:
    result = cli("search", query, "--json")
    assert result.exit_code == 0, result.stderr
    (hit,) = json.loads(result.stdout)
    return str(hit["snippet"])


def test_a_chinese_snippet_holds_as_much_as_a_line(
    cli: Callable[..., Any], add: Callable[..., int]
) -> None:
    add(CHINESE)
    snippet = _snippet(cli, "住房")
    body = snippet.strip("…").replace("[", "").replace("]", "")
    assert len(body) == 32 and "住房" in body and body in CHINESE


def test_a_latin_snippet_keeps_its_sixteen_words(
    cli: Callable[..., Any], add: Callable[..., int]
) -> None:
    add(ENGLISH)
    snippet = _snippet(cli, "housing")
    assert len(snippet.strip("…").split()) == 16
