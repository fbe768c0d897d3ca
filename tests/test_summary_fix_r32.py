"""Round 31, second QA pass over the summaries: intentions split where the writer's sentences
end (not at an alias's full stop), and a quote redacted as it is shown."""

from __future__ import annotations

from peerjournal.intentions import evaluation_intentions
from peerjournal.redact import Person, Redactor
from peerjournal.summary import excerpt

EVALUATION = ("Next time I will ring Ngozi Okonkwo and her mum before the review. I will also "
              "ask Will Turner what he wants from the group.")


def test_intentions_are_whole_sentences_with_names_replaced() -> None:
    """Was "Next time I will ring N." and "I will also ask Mr.": the evaluation was redacted
    first, and the alias's full stop ended the sentence."""
    redact = Redactor([Person("Ngozi Okonkwo", "N."), Person("Will Turner", "Mr. T")])
    assert evaluation_intentions(EVALUATION, shown=redact) == [
        "Next time I will ring N. and her mum before the review.",
        "I will also ask Mr. T what he wants from the group.",
    ]


def test_a_long_intention_is_cut_after_its_names_are_replaced() -> None:
    redact = Redactor([Person("王小明")])
    long = "I will " + "慢慢" * 148 + "和王小明一起去。"
    (line,) = evaluation_intentions(long, shown=redact)
    assert "王小" not in line and line.endswith("…")


def test_a_quote_never_shows_a_name_the_whole_text_replaces() -> None:
    """Was "grace, as ever, sat with [person] and I told her…": the piece redacted around the
    hit began mid-line, where a lower-case word-name read as the word."""
    text = ("It was a long day at the centre. grace, as ever, sat with Ngozi-\nOkonkwo and I "
            "told her what to do about the forms.")
    redact = Redactor([Person("Grace"), Person("Ngozi Okonkwo")])
    hit = text.index("told her what")
    quote = excerpt(text, hit, hit + len("told her what"), redact)
    assert "grace" not in quote.lower() and "Ngozi" not in quote and "told her what" in quote
