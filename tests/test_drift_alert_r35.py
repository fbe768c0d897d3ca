"""Round 35: the "Drift markers rose" alert counts a rise only when the Dimensions section
would call it rising (`summary.steady`), names a month or week still going on as only part of
one, and "mostly X" names the dimension that rose, not the one with the most drift."""

from __future__ import annotations

from datetime import UTC, date, datetime

from conftest import CLI
from peerjournal.db.store import Drift, Store
from peerjournal.entry import EntryDraft

NOW = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)  # conftest's clock
MONTHS = ("2026-07-15", "2026-08-15", "2026-09-15", "2026-10-15", "2026-11-10")


def _add(store: Store, day: str, co_optation: float, clinical: float) -> None:
    data = {
        "identity": 1.0,
        "drift": co_optation + clinical,
        "words": 200,
        "dimensions": {
            "co_optation": {"identity": 0.0, "drift": co_optation},
            "clinical_language": {"identity": 0.0, "drift": clinical},
        },
        "hits": [],
    }
    draft = EntryDraft(date=date.fromisoformat(day), experience="An entry.")
    store.add_entries([draft], NOW, [Drift("mixed", data, "v1", "s1", markers=[])])


def _alerts(cli: CLI) -> str:
    result = cli("report", "--since", "2026-07-01", "--by", "month")
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def test_a_rise_of_a_few_percent_is_not_a_rise(cli: CLI, store: Store) -> None:
    """qa-ux #7's months: 3.99, 6.67, 6.93 (+4%), 3.97, 5.62. Was: "rose in 3 of the last 4"."""
    for day, drift in zip(MONTHS, (3.99, 6.67, 6.93, 3.97, 5.62), strict=True):
        _add(store, day, drift, 0.0)
    assert "Drift markers rose" not in _alerts(cli)


def test_the_alert_names_what_rose_and_the_month_still_going_on(cli: CLI, store: Store) -> None:
    """Co-optation holds the most drift but does not rise; clinical language rises. Was:
    "…(from 1 Jul to 20 Nov 2026), mostly co-optation." beside "Co-optation … falling"."""
    co_optation = (2.5, 2.5, 2.5, 2.5, 2.0)
    clinical = (0.5, 1.5, 0.5, 2.0, 4.0)
    for day, co, cl in zip(MONTHS, co_optation, clinical, strict=True):
        for _ in range(2):  # two entries a month: months of one entry each are no trend (r38)
            _add(store, day, co, cl)
    seen = _alerts(cli)
    assert (
        "Drift markers rose in 3 of the last 4 months you wrote in, each against the one before "
        "(from 1 Jul to 20 Nov 2026; Nov 2026 is only part of a month), mostly clinical language."
    ) in seen
    assert "mostly co-optation" not in seen
