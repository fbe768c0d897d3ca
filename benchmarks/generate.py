"""Generate a realistic benchmark journal: 20,000 entries over 10 years, ~150 words each.

Writes a JSON array in the shape `peerjournal import` reads. Deterministic (seeded).

    python benchmarks/generate.py benchmarks/data/journal-20k.json --entries 20000 --years 10
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

from peerjournal.entry import SETTING_SUGGESTIONS

SETTINGS = list(SETTING_SUGGESTIONS)
TAGS = [
    "hard-day",
    "good-day",
    "supervision",
    "boundaries",
    "housing",
    "family",
    "meds",
    "team",
    "self-care",
    "group",
    "first-meeting",
    "discharge",
    "advocacy",
    "story",
]
NAMES = ["Sam", "Jo", "Alex", "Priya", "Marcus", "Dee", "Tom", "Aisha", "Kev", "Rosa"]
EXPERIENCE = [
    "I met {name} on the ward after lunch and we sat in the garden for a while.",
    "{name} called the line late in the evening and wanted someone to listen.",
    "We walked to the housing office together because {name} was worried about the forms.",
    "The group was small today, four people, and {name} spoke for the first time.",
    "I shared a bit of my own recovery story when {name} said nobody understands.",
    "The team asked me to check whether {name} had taken the medication.",
    "{name} was described at handover as non-compliant and lacking insight.",
    "We talked about what happened last week rather than what is wrong with {name}.",
    "I noticed I was filling the silence, so I slowed down and asked what {name} wanted.",
    "{name} asked me what I would do, and I said I could share what helped me.",
    "The nurse in charge wanted me to sit in on the risk assessment.",
    "We explored options for the weekend and {name} chose to visit the library.",
]
FEELINGS = [
    "I felt tired but quietly proud of how we connected.",
    "Honestly I felt anxious and a bit out of my depth.",
    "I was irritated with the handover and with myself for going along with it.",
    "There was some shame in there, that old feeling of not being enough.",
    "I felt hopeful walking home; it reminded me why I do this work.",
    "I felt calm, present, and not scared of the silence.",
]
EVALUATION = [
    "It fits what I believe peer support is: mutual, chosen, walking alongside.",
    "I slipped into instructing; I told {name} they should stick to the plan.",
    "Next time I will ask what {name} wants before suggesting anything.",
    "I want to bring the compliance question to supervision.",
    "I learned something from {name} about hope, which felt mutual.",
    "I deferred to the team instead of speaking up, and I'd like to find my voice.",
]
FILLER = (
    "The shift was long and the ward was noisy, and we talked about small things too: "
    "the weather, the bus, the food, a programme on television, and what the weekend "
    "might hold. "
)


def paragraph(rng: random.Random, pool: list[str], name: str, sentences: int) -> str:
    return " ".join(rng.choice(pool).format(name=name) for _ in range(sentences))


def entry(rng: random.Random, day: date) -> dict[str, object]:
    name = rng.choice(NAMES)
    experience = paragraph(rng, EXPERIENCE, name, 4) + " " + FILLER * rng.randint(1, 2)
    return {
        "date": day.isoformat(),
        "setting": rng.choice(SETTINGS),
        "mode": rng.choice(["on-action", "on-action", "in-action"]),
        "prompt_set": rng.choice(["boud", "boud", "gibbs", "driscoll", "ips"]),
        "tags": sorted(rng.sample(TAGS, rng.randint(0, 3))),
        "experience": experience.strip(),
        "feelings": paragraph(rng, FEELINGS, name, 2),
        "evaluation": paragraph(rng, EVALUATION, name, 2),
        "self_care": rng.choice(["", "", "A walk and an early night.", "Called a friend."]),
        "answers": {"do_differently": "Ask before suggesting."} if rng.random() < 0.3 else {},
    }


def generate(entries: int, years: int, end: date, seed: int = 2026) -> list[dict[str, object]]:
    rng = random.Random(seed)
    span = years * 365
    days = sorted(end - timedelta(days=rng.randrange(span)) for _ in range(entries))
    return [entry(rng, day) for day in days]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path)
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--end", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    data = generate(args.entries, args.years, args.end)
    args.output.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    words = sum(
        len(" ".join(str(e[k]) for k in ("experience", "feelings", "evaluation")).split())
        for e in data
    ) / len(data)
    print(f"wrote {len(data)} entries to {args.output} (mean {words:.0f} words)")


if __name__ == "__main__":
    main()
