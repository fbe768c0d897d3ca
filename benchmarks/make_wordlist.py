"""Build the English word list that redaction's label rules read (src/peerjournal/data/).

    apt-get install -y wbritish          # /usr/share/dict/british-english (SCOWL)
    pip download --no-deps --no-binary :all: -d /tmp/names names==0.3.0
    tar -xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names   # the US census first names
    PYTHONPATH=src python benchmarks/make_wordlist.py \
        --names /tmp/names/names-0.3.0/names/dist.female.first \
        --names /tmp/names/names-0.3.0/names/dist.male.first

A tag or setting word that is only a slip of a listed name ("gain" of Gian, "bard" of Brad,
"sale" of Sal) is kept when it is an everyday English word (see redact.py's
`_pet_forms_in_label`). The list keeps the dictionary's entries of lower-case letters only,
of three letters or more (no slip of a listed part is shorter), and leaves out what may be
the listed person's name in another spelling (privacy first):

- capitalised entries (proper nouns), and a lower-case entry that is one too ("eddy" and
  "Eddy", "kitty" and "Kitty", "sally" and "Sally");
- every word redaction knows as a name (`redact.name_words`: the table of short forms, the
  other given names, the words that are names too), every given name of the `--names` files
  (a name first on each line: the census lists, "bonny", "abbey", "belle", "merry") and the
  few they lack (`MORE_NAMES`);
- a word with a pet ending that is such a name with another ("nanny" of Nannie, "alley" of
  Allie: `namewords.PET_ENDINGS`), and the plural of a word so left out ("abbeys", "belles").

It prints which words of the hand lists in namewords.py (SWAPPED_WORDS, PET_FORM_WORDS,
LABEL_ACRONYMS) the list covers: those are left out of the hand lists, which keep the
everyday words among the names left out ("angle" of Angel, "tiny" of Tina). The licence of
the dictionary (SCOWL's, permissive) is copied beside the list with its copyright notice;
the census lists (public domain) are only read.
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
# Given names in use that are words too and that the census lists (of 1990) lack: each a form
# of a name it may be a slip of ("raja" of Raj, "serge" of Sergio, "aria" of Ari)
MORE_NAMES = frozenset({"aria", "cassia", "marten", "raja", "serge"})
_HEADER = """\
english_words.txt.gz: the lower-case entries of Debian's wbritish word list
(/usr/share/dict/british-english, built from SCOWL), less proper nouns and given names,
made by benchmarks/make_wordlist.py. Its copyright notice and licence, as Debian ships them
(/usr/share/doc/wbritish/copyright), follow.

"""


def english_words(lines: list[str], names: frozenset[str]) -> list[str]:
    """The everyday words of a dictionary's `lines`: lower-case letters only, of three or
    more, none a proper noun too (capitalised elsewhere in the list), one of `names` or a
    pet form of one (`_another_pet_form`), nor the plural of such a word of the dictionary
    ("abbeys", "belles"; "alias" stays: "alia" is no word of it)."""
    proper = {line.casefold() for line in lines if line[:1].isupper()}
    words = {
        word for word in lines
        if re.fullmatch(r"[a-z]+", word) and len(word) >= _SHORTEST and word not in proper
    }
    named = {word for word in words if word in names or _another_pet_form(word, names)}
    return sorted(word for word in words - named if word.removesuffix("s") not in named)


def _another_pet_form(word: str, names: frozenset[str]) -> bool:
    """Whether `word` is one of `names` with its pet ending changed ("nanny" of Nannie,
    "alley" of Allie, "lorry" of Lorrie): the same name to a reader."""
    return any(
        word.endswith(ending) and len(word) - len(ending) >= _SHORTEST
        and any(
            word[: -len(ending)] + other in names
            for other in namewords.PET_ENDINGS
            if other != ending
        )
        for ending in namewords.PET_ENDINGS
    )


def given_names(paths: list[Path]) -> frozenset[str]:
    """The given names of `paths` (in lower case): the first word of each line."""
    return frozenset(
        line.split()[0].casefold()
        for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--licence", type=Path, default=LICENCE)
    parser.add_argument(
        "--names", type=Path, action="append", required=True,
        help="a file of given names, one first on each line (the census lists: see above)",
    )
    args = parser.parse_args()
    names = name_words() | given_names(args.names) | MORE_NAMES
    words = english_words(args.source.read_text(encoding="utf-8").splitlines(), names)
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
