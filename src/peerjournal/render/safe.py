"""Journal and file text made safe to draw with Rich (`textsafe.clean`, wrapped in `Text`).

Strings given as `str` to a Panel title are parsed as Rich markup whatever the console says,
so every title is built with `safe_title`, a `Text`: "[person]" stays "[person]".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from peerjournal.textsafe import clean, clean_mapped

if TYPE_CHECKING:
    from rich.console import OverflowMethod

__all__ = ["clean", "clean_mapped", "safe_text", "safe_title"]


def safe_text(
    text: str,
    style: str = "",
    *,
    multiline: bool = True,
    overflow: OverflowMethod | None = None,
    no_wrap: bool | None = None,
) -> Text:
    """A Rich `Text` of `clean(text)`: never parsed as markup, never a control character."""
    return Text(clean(text, multiline=multiline), style=style, overflow=overflow, no_wrap=no_wrap)


def safe_title(title: str | Text) -> Text:
    """A Panel or Table title shown literally (a `str` title would be parsed as markup)."""
    if isinstance(title, Text):
        return title
    return Text(clean(title, multiline=False))
