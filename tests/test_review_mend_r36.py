"""Second review of round 36: a web address of more than twelve dotted parts was replaced only
from its thirteenth part from the end, leaving its start ("jo.smith.") in the summary."""

from __future__ import annotations

from peerjournal.redact import Person, Redactor


def test_a_long_web_address_is_replaced_whole() -> None:
    redact = Redactor([Person("Grace Frank", None)])
    assert redact("Visit jo.smith.a.b.c.d.e.f.g.h.i.j.example.com today") == "Visit [link] today"


def test_a_list_ending_with_the_writer_still_hides_its_listed_parts() -> None:
    redact = Redactor([Person("Grace Frank", None)])
    assert redact("grace, frank and I had tea") == "[person], [person] and I had tea"
