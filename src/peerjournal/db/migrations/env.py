"""Alembic environment: runs against the connection or URL peerjournal hands it."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from peerjournal.db.models import SQLModel

FTS_TABLES = ("entry_fts",)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """FTS5 virtual tables (and their shadow tables) are managed by raw SQL, not the models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLES))


def run_migrations() -> None:
    config = context.config
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=SQLModel.metadata,
            render_as_batch=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
