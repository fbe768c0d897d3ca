"""peerjournal: a reflective-practice journal for peer supporters."""

__version__ = "0.1.0"
# The journal format this peerjournal reads and writes: its newest database revision
# (db/migrations/versions, `db.engine.HEAD_REVISION` is it as four digits). A constant here,
# so that `--version` says it without importing the database code or opening a journal; a
# new migration raises it by one.
JOURNAL_FORMAT = 12


def version_line() -> str:
    """What `peerjournal --version` prints: the version, and the journal format, which tells
    which peerjournal can open a journal that another refuses as written by a newer one."""
    return f"peerjournal {__version__} (journal format {JOURNAL_FORMAT})"
