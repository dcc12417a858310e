"""Verbs in headings: which verbs can head a chapter title, and their -ing form.

A heading such as "Planting trees" or "Choosing a new home" names what a part of a talk
does; it is built from a verb and its object said together at least twice in the part. Verbs
that say nothing by themselves ("have", "get", "think") never head one.
"""

from __future__ import annotations

#: verbs too general to name what a part is about ("getting things", "saying words")
LIGHT_VERBS = frozenset(
    "be have do get go say know think see want mean let come look tell put give take need try seem feel keep "
    "start call like love guess hope wish happen thank ask hear talk speak show mention remember believe understand "
    "bring leave stay become turn hold set run move play use make".split()
)

#: two-syllable verbs stressed on the last syllable, which double their final consonant
_DOUBLING = frozenset("begin admit commit control refer prefer occur forget submit permit regret upset equip omit compel patrol transfer".split())
_VOWELS = frozenset("aeiou")


def gerund(lemma: str) -> str:
    """The -ing form of a verb's lemma: "make" -> "making", "plan" -> "planning",
    "die" -> "dying", "see" -> "seeing", "visit" -> "visiting"."""
    word = lemma.lower()
    if word.endswith("ie"):
        return word[:-2] + "ying"
    if word.endswith(("ee", "ye", "oe")) or word in {"be"}:
        return word + "ing"
    if word.endswith("e") and len(word) > 2:
        return word[:-1] + "ing"
    if word in _DOUBLING or _one_syllable_cvc(word):
        return word + word[-1] + "ing"
    return word + "ing"


def _one_syllable_cvc(word: str) -> bool:
    """One vowel group and ending consonant-vowel-consonant ("stop", "plan"; not "open",
    "rain", "fix", "play")."""
    if len(word) < 3 or word[-1] in _VOWELS or word[-1] in "wxy" or word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    groups = sum(1 for i, c in enumerate(word) if c in _VOWELS and (i == 0 or word[i - 1] not in _VOWELS))
    return groups == 1
