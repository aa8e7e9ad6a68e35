"""Generated accounts with planted near-copies and known truth, deterministic by seed.

Each account is told in stages (recruitment, travel, the exploitation itself, control,
escape), its sentences drawn from templates for its kind of exploitation (labour, sexual,
domestic servitude, criminal) with their slots and alternatives filled at random, so independent
accounts share phrases but rarely many. A few are very short ("Declined to say.").

A share of accounts (``planted_share``) are in planted groups: an original and one to four
copies of it, each copy paraphrased at one of four strengths: ``surface`` (case, punctuation,
spacing only: Jaccard 1), ``light`` (one to three edits), ``medium`` (three to six) and
``heavy`` (seven to twelve: mostly just below 0.8). An edit swaps two neighbouring words,
puts a synonym for a word, inserts a filler word or deletes a word; copies may also swap two
neighbouring sentences. Which planted pairs reach 0.8 is measured exactly, not assumed
(``evaluation``). Accounts are numbered in a shuffled order, so copies and originals are spread
over the ids (``A000001`` ...), which are also the order of submission.
"""

import random
import re
from dataclasses import dataclass, field
from itertools import combinations

from nrm.intelligence.similar.synthetic_words import (
    DETAILS,
    FILLERS,
    SHORT,
    SLOTS,
    STAGES,
    SYLLABLES,
    SYNONYMS,
    TOWN_ENDS,
)

KINDS = ("labour", "sexual", "domestic", "criminal")
KIND_WEIGHTS = (0.35, 0.3, 0.1, 0.25)
STRENGTHS = {"surface": (0, 0), "light": (1, 3), "medium": (3, 6), "heavy": (7, 12)}
STRENGTH_WEIGHTS = (0.15, 0.4, 0.25, 0.2)
DETAIL_SHARE = 0.7  # sentences that name a person, a place or a date
SHORT_SHARE = 0.0005  # boilerplate ("Unknown."): identical, so all similar
BRIEF_SHARE = 0.02  # one or two sentences
_SLOT = re.compile(r"\{(\w+)\}")
_CHOICE = re.compile(r"\[([^\[\]]+)\]")


@dataclass
class SyntheticAccounts:
    """The generated accounts (``texts``: id to text, in id order), each one's kind of
    exploitation, and the planted groups (``group_of``: account id to group id; originals and
    their copies) with the strength of each copy (``strength_of``)."""

    texts: dict[str, str] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)
    group_of: dict[str, str] = field(default_factory=dict)
    strength_of: dict[str, str] = field(default_factory=dict)

    def groups(self) -> dict[str, list[str]]:
        """The planted groups: group id to its account ids, ordered."""
        found: dict[str, list[str]] = {}
        for account_id, group in sorted(self.group_of.items()):
            found.setdefault(group, []).append(account_id)
        return found

    def planted_pairs(self) -> set[tuple[str, str]]:
        """Every pair of accounts in one planted group (whatever their similarity)."""
        return {pair for ids in self.groups().values() for pair in combinations(ids, 2)}


def _town(rng: random.Random) -> str:
    name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
    return (name + rng.choice(TOWN_ENDS)).capitalize()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _fill(template: str, rng: random.Random) -> str:
    def slot(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "town":
            return _town(rng)
        if name == "name":
            return _name(rng)
        if name == "day":
            return str(rng.randint(1, 28))
        return rng.choice(SLOTS[name])

    if template.endswith(".") and rng.random() < DETAIL_SHARE:
        template = f"{template[:-1]} {rng.choice(DETAILS)}."

    text = _SLOT.sub(slot, template)
    text = _CHOICE.sub(lambda match: rng.choice(match.group(1).split("|")), text)
    return _SLOT.sub(slot, text)  # a slot inside a chosen alternative


def _sentence(stage: str, kind: str, rng: random.Random) -> str:
    pools = STAGES[stage]
    return _fill(rng.choice(pools[kind] if kind in pools else pools["any"]), rng)


def account_generate(kind: str, rng: random.Random) -> list[str]:
    """One account of ``kind`` as its sentences."""
    if rng.random() < SHORT_SHARE:
        return [rng.choice(SHORT)]
    if rng.random() < BRIEF_SHARE:
        brief = [_fill(rng.choice(STAGES["labour"][kind]), rng)]
        return brief if rng.random() < 0.5 else [_sentence("recruitment", kind, rng), *brief]
    sentences = [_sentence("recruitment", kind, rng)]
    sentences += [_sentence("travel", kind, rng) for _ in range(rng.randint(1, 2))]
    middle = rng.sample(STAGES["labour"][kind], rng.randint(3, 5))
    sentences += [_fill(template, rng) for template in middle]
    sentences += [_sentence("control", kind, rng) for _ in range(rng.randint(0, 2))]
    sentences.append(_sentence("escape", kind, rng))
    return sentences


def _edit(words: list[str], rng: random.Random) -> None:
    position = rng.randrange(len(words))
    action = rng.randrange(4)
    if action == 0 and len(words) > 1:  # swap two neighbouring words
        other = position + 1 if position + 1 < len(words) else position - 1
        words[position], words[other] = words[other], words[position]
    elif action == 1:  # a synonym, or a filler when the word has none
        bare = words[position].strip(".,").lower()
        if bare in SYNONYMS:
            words[position] = rng.choice(SYNONYMS[bare])
        else:
            words.insert(position, rng.choice(FILLERS))
    elif action == 2 or len(words) < 4:
        words.insert(position, rng.choice(FILLERS))
    else:
        del words[position]


def _surface(text: str, rng: random.Random) -> str:
    """The same words under another surface: case, punctuation and spacing."""
    choice = rng.randrange(3)
    if choice == 0:
        return text.upper()
    if choice == 1:
        return text.replace(".", " ;").replace(",", " ,")
    return "  ".join(text.split(" ")).replace("I ", "i ")


def paraphrase(sentences: list[str], strength: str, rng: random.Random) -> str:
    """A copy of an account paraphrased at ``strength`` (see ``STRENGTHS``)."""
    low, high = STRENGTHS[strength]
    copy = list(sentences)
    if strength == "surface":
        return _surface(" ".join(copy), rng)
    if len(copy) > 2 and rng.random() < 0.3:
        at = rng.randrange(len(copy) - 1)
        copy[at], copy[at + 1] = copy[at + 1], copy[at]
    words = " ".join(copy).split(" ")
    for _ in range(rng.randint(low, high)):
        _edit(words, rng)
    return " ".join(words)


def accounts_synthesise(
    *, accounts: int, seed: int = 2012, planted_share: float = 0.1
) -> SyntheticAccounts:
    """``accounts`` generated accounts, about ``planted_share`` of them in planted groups of
    an original and its copies; the same for the same arguments."""
    if accounts < 0:
        raise ValueError(f"The number of accounts cannot be negative ({accounts}).")
    rng = random.Random(seed)
    made: list[tuple[str, str, str | None, str | None]] = []  # text, kind, group, strength
    group_number = 0
    while len(made) < accounts:
        kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
        sentences = account_generate(kind, rng)
        if rng.random() >= planted_share / 2.5 or len(sentences) == 1:
            made.append((" ".join(sentences), kind, None, None))
            continue
        group_number += 1
        group = f"G{group_number:06d}"
        made.append((" ".join(sentences), kind, group, "original"))
        for _ in range(min(rng.randint(1, 4), accounts - len(made))):
            strength = rng.choices(tuple(STRENGTHS), STRENGTH_WEIGHTS)[0]
            made.append((paraphrase(sentences, strength, rng), kind, group, strength))
    rng.shuffle(made)
    result = SyntheticAccounts()
    for number, (text, its_kind, its_group, its_strength) in enumerate(made, start=1):
        account_id = f"A{number:06d}"
        result.texts[account_id] = text
        result.kind_of[account_id] = its_kind
        if its_group is not None and its_strength is not None:
            result.group_of[account_id] = its_group
            result.strength_of[account_id] = its_strength
    return result
