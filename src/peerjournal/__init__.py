"""peerjournal: a reflective-practice journal for peer supporters."""

__version__ = "0.1.0"
