"""Letters Unicode does not write as a plain letter and an accent, as a keyboard without them
writes them: search (db.searchfold) and redaction both read each as its plain spelling, so a
writer on an English keyboard finds "Łódź" with "lodz" and hides Łukasz written "Lukasz".
And the rules redaction and review share: e-mail addresses (`EMAIL`), phone numbers and NHS
numbers, which a redacted summary never holds.
"""

from __future__ import annotations

import re

# Letters with a stroke or bar, which Unicode does not decompose: "Lukasz" for Łukasz, "Duc"
# for Đức, "Soren" for Søren, "Gudrun" for Guðrún; each case to the same case.
STROKED = dict(zip("ŁłĐđØøĦħŦŧƗɨÐðƀɃ", "LlDdOoHhTtIiDdbB", strict=True))
# Letters written as two without their keyboard ("Aesa" for Æsa, "Thor" for Þór), small: in
# redaction a name with either spelling matches the other (redact's `_letter_forms`).
SPELLED_OUT = {"æ": "ae", "œ": "oe", "þ": "th", "ĳ": "ij"}

# An e-mail address, as redaction replaces it (redact's "email" rule, first of all) and review
# refuses it in a summary that says it is redacted (`reviewing.check_as_exported`): one rule,
# here in a module that imports nothing of the project's, so `review` need not load the redactor.
# Its name part is read from the start of its run of letters alone, once (possessive): read
# again from each of its letters, a long word ("haha…", 100,000 letters) took a minute.
EMAIL = re.compile(r"(?<![\w.+\-'])[\w.+\-']++@[\w\-]++(?:\.[\w\-]++)+", re.IGNORECASE)

# An NHS number after its cue ("NHS no. 943 476 5919"), as redaction replaces it (the cue
# kept) and review refuses it in a redacted summary.
NHS_NUMBER = re.compile(
    r"(?P<cue>\bnhs(?:\s*(?:no\.?|number|num\.?|#|is|was|:))*\s*)"
    r"\d{3}[\s\-]?\d{3}[\s\-]?\d{4}(?!\w)",
    re.IGNORECASE,
)
# What may be a phone number (`phone_number` tells), as redaction replaces it and review
# refuses it in a redacted summary.
PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-]{5,18}\d(?!\w)")

_ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}[./]\d{1,2}[./]\d{1,2}"
)
_TIME_RANGE = re.compile(r"^\d{1,2}[.:]\d{2}\s*-\s*\d{1,2}[.:]\d{2}$")


def phone_number(found: str) -> tuple[str, str] | None:
    """A match of `PHONE` as (what goes before the number, the number) when it is a phone
    number: 7-15 digits with a separator or a leading + or 0 (a bare digit run is an ID
    number), not a date or a time; an aside opened before it ("(07946 095812)") goes before
    it. None when it is not one."""
    kept = ""
    if found.startswith("(") and ")" not in found:
        kept, found = "(", found[1:]
    digits = sum(ch.isdigit() for ch in found)
    stripped = found.strip()
    if _ISO_DATE.fullmatch(stripped) or _TIME_RANGE.match(stripped):
        return None
    opened = stripped.find("(")
    if opened > 0 and ")" not in stripped[opened:]:
        return None  # a number, then an aside: "31 Oct 2026 (10.50 vs 0.00 per 100 words)"
    shaped = stripped[0] in "+0(" or not stripped.isdigit()
    return (kept, found) if shaped and 7 <= digits <= 15 else None
