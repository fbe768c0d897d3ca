"""Alembic environment: runs against the connection or URL peerjournal hands it.

Every revision to the head runs in one write transaction (BEGIN IMMEDIATE, DDL included), so
an upgrade stopped at any point (Ctrl-C, a closed terminal, a full disk, a kill) leaves the
journal as it was, and a second peerjournal opening the journal waits for the first's upgrade
instead of running it again. Alembic's SQLite default commits each revision's DDL at once.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine, event, pool

from peerjournal.db.engine import BUSY_TIMEOUT_MS
from peerjournal.db.models import SQLModel

FTS_TABLES = ("entry_fts",)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """FTS5 virtual tables (and their shadow tables) are managed by raw SQL, not the models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLES))


def _driver_autocommit(dbapi_connection: Any, record: object) -> None:
    """The sqlite3 module opens no transaction of its own: BEGIN is ours (`_begin_immediate`)."""
    dbapi_connection.isolation_level = None


def _begin_immediate(connection: Any) -> None:
    """The write lock up front: a second upgrade waits here, then finds the journal current."""
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def run_migrations() -> None:
    config = context.config
    # peerjournal passes its setting (engine.busy_timeout_ms); Alembic's own commands, the default
    timeout = config.attributes.get("busy_timeout_ms", BUSY_TIMEOUT_MS) / 1000
    engine = create_engine(
        config.get_main_option("sqlalchemy.url") or "",
        poolclass=pool.NullPool,
        connect_args={"timeout": timeout},
    )
    event.listen(engine, "connect", _driver_autocommit)
    event.listen(engine, "begin", _begin_immediate)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=SQLModel.metadata,
            render_as_batch=True,
            include_object=include_object,
            transactional_ddl=True,
        )
        with context.begin_transaction():
            # (peerjournal's backup, made inside the lock: `engine._upgrade`)
            before_upgrade = config.attributes.get("before_upgrade")
            if before_upgrade is not None:
                before_upgrade(connection.connection.driver_connection)
            context.run_migrations()
    engine.dispose()


run_migrations()
