"""A compact drift summary per entry, so reports need not parse every hit.

The stored score (drift_json) carries each hit's text and offsets, ~2.5 KB an entry; a
report over 20,000 entries spent most of its time parsing it. drift_summary keeps only
[words, identity, drift, {dimension: [identity, drift]}] for the dimensions with evidence.
Existing scores are summarised here, in SQL.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("entry", sa.Column("drift_summary", sa.Text(), nullable=True))
    op.execute(
        """
        UPDATE entry SET drift_summary = json_array(
            json_extract(drift_json, '$.words'),
            json_extract(drift_json, '$.identity'),
            json_extract(drift_json, '$.drift'),
            (SELECT json_group_object(d.key, json_array(
                        json_extract(d.value, '$.identity'), json_extract(d.value, '$.drift')))
             FROM json_each(drift_json, '$.dimensions') AS d
             WHERE json_extract(d.value, '$.identity') > 0
                OR json_extract(d.value, '$.drift') > 0))
        WHERE drift_json IS NOT NULL AND json_valid(drift_json)
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("entry") as batch:
        batch.drop_column("drift_summary")
