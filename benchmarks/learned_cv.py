"""Leave-one-set-out cross-validation of the learned markers (how round 12 chose its rules).

For each development set of clear entries (tests/data/dev/dev_*.toml), markers are learned
from every read text except that set (benchmarks/learn_markers.py, with the shipped lexicon's
curated part), and the set is scored with them: an estimate of accuracy on text the learned
markers have not seen. Then the mixed entries of the read sets are scored with markers learned
from everything (mixed entries are never training text), since a rule that helps clear entries
can cost mixed ones, and so are sentences with neither in them (`NEUTRAL`), which should get
no verdict, and sad or tired notes (`SAD_OR_TIRED`), which should get no drift verdict:

    PYTHONPATH=src python benchmarks/learned_cv.py

Takes a few minutes (one lexicon per set). The never-read sets are not used.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import learn_markers
from drift_eval import DATA, DEV, NEVER_READ, Example, load_entries, read_examples
from peerjournal.drift import Lexicon, score_text
from peerjournal.drift.lexicon import parse_lexicon

# Sentences with no peer identity or drift in them (the weather, the parking, the lift, the
# kettle): each verdict given to one is a learned everyday word deciding it (round 35). The
# second set was written at the same time and only counted, never read for words to exclude.
NEUTRAL = (
    "Parking was a nightmare today and the rota was changed again.",
    "Someone took my parking space again, third time this week.",
    "Skipped lunch because the meeting ran over and the kettle was broken.",
    "New software update made everything slow and the screen kept flickering.",
    "Lost my badge somewhere between the car park and the lift.",
    "Video call froze twice and in the end I dialled in by phone.",
    "Emails piled up while I was out, spent the last hour clearing them.",
    "It rained all the way in and my coat is still soaked through.",
    "The radiator in the back room has been clanking since Monday.",
    "The lift was out of order so I took the stairs up to the fourth floor.",
    "The printer jammed again and nobody knows where the spare toner is kept.",
    "Trains were delayed by forty minutes because of a signal fault near the junction.",
    "The new rota puts me on three late shifts in a row next month.",
    "Somebody left a pile of mugs in the sink and the dishwasher is full.",
    "The heating was off in the building so we all kept our jackets on.",
    "My laptop battery died halfway through the morning and the charger was at home.",
    "There were roadworks on the high street so the bus took a long detour.",
    "The vending machine ate my coins and gave me nothing back.",
    "We got a new fridge for the staff room and it is very loud.",
    "The fire alarm test went off at eleven like it does every week.",
    "Forgot my lunch on the kitchen counter at home, so bought a sandwich.",
    "The wifi password changed and nobody told the afternoon team.",
    "I spent twenty minutes looking for a pen that actually works.",
    "The car park barrier was stuck up all day, so anyone could get in.",
    "It snowed overnight and the paths were icy on the walk from the station.",
    "My phone screen cracked when I dropped it getting out of the taxi.",
    "The cleaners came early and the floor was still wet when I arrived.",
    "We ran out of milk by ten and someone had to go to the corner shop.",
    "The clocks went back at the weekend and I was an hour early for everything.",
    "Payroll sent the wrong payslips out and it took all week to sort.",
    "The windows in the meeting room will not open and it gets very stuffy.",
    "I had a dentist appointment first thing so I came in late.",
    "The roof is leaking again by the back stairs and there is a bucket under it.",
    "Bin collection day, so the street was full of lorries blocking the road.",
    "Our team photo for the newsletter got taken in the corridor by the lockers.",
    "The toilets on the ground floor are closed for repairs until Friday.",
    "Spent the whole journey home stuck behind a tractor on the lane.",
    "Fire drill at two o'clock, everyone stood in the car park for twenty minutes.",
    "The microwave queue at lunchtime was six people deep again.",
    "Our manager is on annual leave so the timesheets are waiting to be signed.",
    "I left my umbrella on the train and got drenched walking up the hill.",
    "The new chairs arrived but they are the wrong colour and too low.",
    "Sorted out my locker and found three odd gloves and an old bus ticket.",
    "The post came late and there was a parcel for someone who left last year.",
    "Power cut for an hour this morning so the computers were all down.",
    "Cycled in for the first time this year, legs are aching now.",
    "The shared calendar double-booked the big room for two teams.",
    "My keys were in the wrong coat pocket so I was locked out for a bit.",
    "There is a new coffee machine downstairs that nobody knows how to use.",
    "Roadworks again on the ring road, left early and still got stuck.",
)
NEUTRAL_SECOND = (
    "The building's heating came back on after three cold days.",
    "A pigeon got into the entrance hall and it took an hour to get it out.",
    "The ticket machine at the station only took cards so I missed the first train.",
    "Our printer finally got replaced, the new one is twice the size.",
    "Spent the morning filling in my expenses form for last month's travel.",
    "The cafe across the road has closed down and there is a sign up.",
    "Had to move my car twice because of the street cleaning lorry.",
    "Frost on the windscreen this morning, forgot the scraper, used a bank card.",
    "Someone borrowed my stapler and it came back empty.",
    "The lights in the stairwell keep flicking on and off.",
    "Got a letter about my pension and could not make sense of any of it.",
    "The bus driver waited for me when he saw me running, which was kind of him.",
    "The team's fridge smelled awful so I finally cleared it out.",
    "Wore the wrong shoes and the rain got straight through them on the way in.",
    "Security swapped the door codes and the new one was not on the board.",
    "Nobody could find the keys to the stationery cupboard all afternoon.",
    "Holiday request form is now online and I cannot find the link.",
    "The lift announcement voice has changed and it says the floors wrong now.",
    "Trains on strike tomorrow so I have booked a lift with a neighbour.",
    "My mouse stopped working and IT said to try new batteries.",
    "A water main burst near the roundabout and traffic was backed up for miles.",
    "The meeting room projector needs a different cable from the one we have.",
    "Took the long way round because of the marathon closures in town.",
    "The office plants have not been watered in weeks and look dead.",
    "Somebody set off the car alarm in the car park and it went on for ages.",
    "The new badges do not open the side door, so we all walk round.",
    "My payslip had the wrong tax code again this month.",
    "There was a queue out the door at the post office on my lunch break.",
    "The clock in the main office is five minutes fast and always has been.",
    "Leaves blocked the drain by the entrance so there was a big puddle.",
)

# Sad or tired notes of a peer supporter's own day, with no clinical drift in them: each drift
# verdict is mood, energy or time read as "leans clinical" (round 35, QA). Written before the
# mood, time and thanks words were excluded, and only counted, never read for words to exclude.
SAD_OR_TIRED = (
    "Feeling a bit low today. Long day and I'm just glad to be home with a cup of tea.",
    "Tired and flat. Didn't sleep well last night so everything felt like hard work.",
    "Had some sad news about an old friend this morning. Couldn't really focus after that.",
    "Stress levels through the roof this week. Need a long weekend and an early night.",
    "Busy, busy, busy. Barely had time to think. Finally home and the house is quiet.",
    "Honestly worn out. Left a bit early and went straight to bed.",
    "Low energy all day. Kept yawning in the team catch up. Going to try and sleep early.",
    "Missed my sister's birthday call because I was so tired. Feel rubbish about it.",
    "Grey sort of day. Not much happened, I felt heavy and a bit teary on the way home.",
    "Thanks to everyone who sent cards when Dad was poorly. It meant a lot. Still feeling fragile.",
    "Running on empty lately. I know I need a break soon, I'll talk to my manager about leave.",
    "Anniversary of Mum's death today. Took it slow, had a quiet lunch on my own.",
    "I'm not sleeping well and it's starting to show. Snapped at my partner, felt awful after.",
    "Cried in the car before I went in. Not sure why, just a lot going on at home.",
    "Late finish again and I'm shattered. Cheers to Sam for covering the last half hour.",
    "The news about the funding cuts got to me. Worried about what happens to our groups.",
    "Felt lonely today even with people around. Maybe I'm just overtired.",
    "Tearful after the team meeting, it's been a hard month. Going to be kind to myself tonight.",
    "Bit of a down day. Tried to keep busy but my head wasn't in it.",
    "My back is killing me and I'm fed up. Had a long bath and an early night planned.",
    "Sure it will feel better tomorrow. Today just seems like a lot.",
    "Exhausted. Too much paperwork, too little time. Going to switch off my phone.",
    "Heavy heart today, one of our regulars has moved away and I'll miss her.",
    "Bit anxious about my own appointment next week. Couldn't settle all afternoon.",
    "Feeling burnt out. I've been saying yes to everything and I need to be careful"
    " with my energy.",
    "Quiet, sad sort of evening. Watched telly and ate toast for tea.",
    "Headache since lunchtime and felt low all day. Called it early and came home.",
    "Finally got some sleep last night after a rough week, still feel drained though.",
    "Lost my temper with the kids this morning and felt guilty all day about it.",
    "Struggling a bit myself at the moment. Going to book a chat with my own supervisor soon.",
    "My mood has been low since the move. Trying to stay healthy, walking and early nights.",
    "So tired I could barely string a sentence together. Thanked everyone and went home early.",
)


def lexicon_from(examples: list[Example]) -> Lexicon:
    """The curated markers plus markers learned from `examples`, as the shipped lexicon is
    built."""
    return parse_lexicon(learn_markers.learned_lexicon_text(iter(examples)).encode(), "cv")


def right(lexicon: Lexicon, path: Path, category: str | None = None) -> tuple[int, int]:
    """(right, scored) over the entries of `path` (those of `category`, if given)."""
    entries = [e for e in load_entries(path) if category is None or e["category"] == category]
    ok = sum(score_text(str(e["text"]), lexicon).verdict == e["label"] for e in entries)
    return ok, len(entries)


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="Takes several minutes (one lexicon per development set); it takes no options.",
    ).parse_args()
    examples = list(read_examples())
    total = scored = 0
    for path in sorted(DEV.glob("dev_*.toml")):
        held_out = lexicon_from([ex for ex in examples if ex.source != path.stem])
        ok, n = right(held_out, path)
        total, scored = total + ok, scored + n
        print(f"{path.stem:28} {ok:4}/{n}")
    print(f"{'clear, cross-validated':28} {total:4}/{scored} ({100 * total / scored:.1f}%)")
    everything = lexicon_from(examples)
    read = [p for p in sorted(DATA.glob("drift_*.toml")) + sorted(DEV.glob("*.toml"))]
    read = [p for p in read if p not in NEVER_READ and p.stem != "drift_golden"]
    mixed = [right(everything, p, "mixed") for p in read]
    ok, n = sum(m[0] for m in mixed), sum(m[1] for m in mixed)
    print(f"{'mixed entries of read sets':28} {ok:4}/{n}")  # category "mixed"
    for name, texts in (("neutral", NEUTRAL), ("neutral, second set", NEUTRAL_SECOND)):
        decided = sum(score_text(t, everything).verdict != "insufficient" for t in texts)
        print(f"{name + ' with a verdict':28} {decided:4}/{len(texts)}")
    sad = sum(score_text(t, everything).verdict == "drift" for t in SAD_OR_TIRED)
    print(f"{'sad or tired, drift verdict':28} {sad:4}/{len(SAD_OR_TIRED)}")


if __name__ == "__main__":
    main()
