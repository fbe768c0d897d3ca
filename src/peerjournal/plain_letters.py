"""Letters Unicode does not write as a plain letter and an accent, as a keyboard without them
writes them: search (db.searchfold) and redaction both read each as its plain spelling, so a
writer on an English keyboard finds "Łódź" with "lodz" and hides Łukasz written "Lukasz".
"""

from __future__ import annotations

# Letters with a stroke or bar, which Unicode does not decompose: "Lukasz" for Łukasz, "Duc"
# for Đức, "Soren" for Søren, "Gudrun" for Guðrún; each case to the same case.
STROKED = dict(zip("ŁłĐđØøĦħŦŧƗɨÐðƀɃ", "LlDdOoHhTtIiDdbB", strict=True))
# Letters written as two without their keyboard ("Aesa" for Æsa, "Thor" for Þór), small: in
# redaction a name with either spelling matches the other (redact's `_letter_forms`).
SPELLED_OUT = {"æ": "ae", "œ": "oe", "þ": "th", "ĳ": "ij"}
