"""Search words given on the command line in Windows-1252 bytes are searched as typed."""

from __future__ import annotations

import json

from conftest import CLI


def test_search_words_not_in_utf8_are_read_as_windows_1252(cli: CLI) -> None:
    """Round 36: words given on the command line are decoded from their bytes as `write -x`'s
    are (test_browse's refusal of 'caf\\xe9' changed to this on purpose)."""
    assert cli("write", "-x", "Tea at the café with the group.").exit_code == 0
    result = cli("search", "caf\udce9", "--json")
    assert result.exit_code == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)] == [1]
    assert "Windows-1252" in result.stderr
