"""Letters Unicode does not write as a plain letter and an accent, as a keyboard without them
writes them: search (db.searchfold) and redaction both read each as its plain spelling, so a
writer on an English keyboard finds "Łódź" with "lodz" and hides Łukasz written "Lukasz".
And the one e-mail rule redaction and review share (`EMAIL`).
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
EMAIL = re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+", re.IGNORECASE)
