"""Alembic migrations, shipped inside the package and run on open when a journal is behind."""
