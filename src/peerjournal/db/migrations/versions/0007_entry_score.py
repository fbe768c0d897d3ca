"""Each scored entry's evidence as integers, so that a report need not parse JSON.

A report adds up each entry's rates (thousandths per 100 words) times its words, overall and
per dimension. Out of drift_summary that was ~30 `json_extract` calls an entry, each parsing
the summary again: ~0.45 s of a 10-year report over 20,000 entries. `entry_score` keeps the
same integers, one row per scored entry (`peerjournal.db.scoretable` writes it with each
score); a trigger removes an entry's row with the entry. Existing scores are copied here, in
SQL, with the arithmetic the report used.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# The drift dimensions (a contract: drift.DIMENSIONS), as they were when this table was made.
DIMENSIONS = (
    "story", "mutuality", "focus", "voice", "self_worth", "clinical_language", "advice",
    "co_optation", "connection", "worldview", "moving_toward", "advocacy",
)
SCALE = 1000  # stored rates have 3 decimals


def sources(summary: str) -> dict[str, str]:
    """Each column of entry_score: the SQL that computes it from the drift summary `summary`."""
    words = f"json_extract({summary}, '$[0]')"

    def scaled(path: str) -> str:
        return f"round(json_extract({summary}, '{path}') * {SCALE}) * {words}"

    found = {"words": words, "identity_w": scaled("$[1]"), "drift_w": scaled("$[2]")}
    for dimension in DIMENSIONS:
        for index, side in enumerate(("identity", "drift")):
            found[f"{dimension}_{side}_w"] = scaled(f'$[3]."{dimension}"[{index}]')
    return found


def upgrade() -> None:
    columns = sources("drift_summary")
    op.create_table(
        "entry_score",
        sa.Column("entry_id", sa.Integer(), primary_key=True),
        sa.Column("words", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=True) for name in list(columns)[1:]),
    )
    op.execute(
        "CREATE TRIGGER entry_score_delete AFTER DELETE ON entry BEGIN "
        "DELETE FROM entry_score WHERE entry_id = old.id; END"
    )
    op.execute(
        f"INSERT INTO entry_score (entry_id, {', '.join(columns)}) "
        f"SELECT id, {', '.join(columns.values())} FROM entry "
        "WHERE json_valid(drift_summary) AND json_type(drift_summary, '$[0]') = 'integer'"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS entry_score_delete")
    op.drop_table("entry_score")
