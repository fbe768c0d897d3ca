"""Build the English word list that redaction's label rules read (src/peerjournal/data/).

    apt-get install -y wbritish          # /usr/share/dict/british-english (SCOWL)
    PYTHONPATH=src python benchmarks/make_wordlist.py

A tag or setting word that is only a slip of a listed name ("gain" of Gian, "bard" of Brad,
"sale" of Sal) is kept when it is an everyday English word (see redact.py's
`_pet_forms_in_label`). The list keeps the dictionary's entries of lower-case letters only,
of three letters or more (no slip of a listed part is shorter), and leaves out:

- capitalised entries (proper nouns), and a lower-case entry that is one too ("eddy" and
  "Eddy", "kitty" and "Kitty", "sally" and "Sally"): privacy first, it may be a name;
- every word redaction knows as a name (`redact.name_words`: the table of short forms, the
  other given names, the words that are names too).

It prints which words of the hand lists in namewords.py (SWAPPED_WORDS, PET_FORM_WORDS,
LABEL_ACRONYMS) the list covers: those are left out of the hand lists. The licence of the
dictionary (SCOWL's, permissive) is copied beside the list with its copyright notice.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
from pathlib import Path

from peerjournal import namewords
from peerjournal.redact import name_words

HERE = Path(__file__).parent
DATA = HERE.parent / "src" / "peerjournal" / "data"
SOURCE = Path("/usr/share/dict/british-english")
LICENCE = Path("/usr/share/doc/wbritish/copyright")
OUT = DATA / "english_words.txt.gz"
OUT_LICENCE = DATA / "english_words.LICENSE.txt"
_SHORTEST = 3  # letters: no listed part a slip is read of is shorter (redact's `_SWAPPED_PART`)
_HEADER = """\
english_words.txt.gz: the lower-case entries of Debian's wbritish word list
(/usr/share/dict/british-english, built from SCOWL), less proper nouns and given names,
made by benchmarks/make_wordlist.py. Its copyright notice and licence, as Debian ships them
(/usr/share/doc/wbritish/copyright), follow.

"""


def english_words(lines: list[str], names: frozenset[str]) -> list[str]:
    """The everyday words of a dictionary's `lines`: lower-case letters only, of three or
    more, none a proper noun too (capitalised elsewhere in the list) nor one of `names`."""
    proper = {line.casefold() for line in lines if line[:1].isupper()}
    return sorted(
        word for word in set(lines)
        if re.fullmatch(r"[a-z]+", word) and len(word) >= _SHORTEST
        and word not in proper and word not in names
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--licence", type=Path, default=LICENCE)
    args = parser.parse_args()
    words = english_words(args.source.read_text(encoding="utf-8").splitlines(), name_words())
    text = ("\n".join(words) + "\n").encode()
    # mtime=0: the same list makes the same bytes, so a rebuild shows no change in git
    OUT.write_bytes(gzip.compress(text, compresslevel=9, mtime=0))
    with OUT_LICENCE.open("w", encoding="utf-8") as out:
        out.write(_HEADER)
        with args.licence.open(encoding="utf-8") as licence:
            shutil.copyfileobj(licence, out)
    print(f"{OUT}: {len(words)} words, {len(text)} bytes, {OUT.stat().st_size} gzipped")
    listed = set(words)
    for name in ("SWAPPED_WORDS", "PET_FORM_WORDS", "LABEL_ACRONYMS"):
        hand = getattr(namewords, name)
        print(f"{name}: covered {' '.join(sorted(hand & listed)) or '-'}; "
              f"not covered (keep) {' '.join(sorted(hand - listed)) or '-'}")


if __name__ == "__main__":
    main()
