"""Token lookups the drafter shares: matched word kinds, quotations, names of people."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Protocol, TypeVar

from reactionmap.draft.lexicon import Lexicon


class _Starts(Protocol):
    start: int


S = TypeVar("S", bound=_Starts)

POSSESSIVE = {"'s", "’s", "'", "’"}


HONORIFICS = {"sir", "dame", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "general"}


NAME_PARTICLES = {
    "da",
    "de",
    "del",
    "dos",
    "das",
    "do",
    "van",
    "von",
    "der",
    "bin",
    "al",
    "el",
    "la",
}


class Labels(dict):
    """kind -> spans from the word matcher, with the token sets looked up per token (so a long
    paragraph costs linear time)."""

    def __init__(self) -> None:
        super().__init__()
        self._covered: dict[str, set[int]] = {}
        self._stance_starts: set[int] | None = None
        self._starts: dict[str, dict[int, int]] = {}

    def covered(self, kind: str) -> set[int]:
        if kind not in self._covered:
            self._covered[kind] = {i for a, b in self.get(kind, []) for i in range(a, b)}
        return self._covered[kind]

    def starts_of(self, kind: str) -> dict[int, int]:
        """start -> longest end of one kind's spans, computed once per paragraph."""
        if kind not in self._starts:
            self._starts[kind] = starts(self, kind)
        return self._starts[kind]

    def stance_starts(self) -> set[int]:
        if self._stance_starts is None:
            self._stance_starts = {
                a for k, spans in self.items() if k.startswith("stance:") for a, _ in spans
            }
        return self._stance_starts


def word_labels(doc, lex: Lexicon) -> Labels:
    """kind -> spans, from the word matcher (stance cues kept under their own labels)."""
    strings = lex.nlp.vocab.strings
    labels = Labels()
    for match_id, start, end in lex.words(doc):
        labels.setdefault(strings[match_id], []).append((start, end))
    return labels


def starts(words, kind) -> dict[int, int]:
    """start -> longest end of the spans of one kind."""
    out: dict[int, int] = {}
    for start, end in words.get(kind, []):
        out[start] = max(out.get(start, start), end)
    return out


def covers(words: Labels, kind, i) -> bool:
    return i in words.covered(kind)


def is_stance_word(words: Labels, i) -> bool:
    return i in words.stance_starts()


def quote_flags(doc, quotes: list[tuple[int, int]]) -> list[bool]:
    """Per token: whether it starts inside a quotation (one pass over tokens and spans)."""
    flags, spans, k = [], sorted(quotes), 0
    for token in doc:
        while k < len(spans) and spans[k][1] <= token.idx:
            k += 1
        flags.append(k < len(spans) and spans[k][0] <= token.idx)
    return flags


def char_end(doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def name_at(doc, i) -> str:
    """A person's name starting at token i: capitalised words (and particles), up to five."""
    return name_span(doc, i)[0]


def name_span(doc, i) -> tuple[str, int]:
    """(the name starting at token i or "", the token after it)."""
    parts: list[str] = []
    while i < len(doc) and len(parts) < 6:
        token = doc[i]
        text = token.text
        if text.lower() in HONORIFICS and not parts:
            i += 1
            continue
        if text == "-" and parts and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
            parts[-1] += "-" + doc[i + 1].text
            i += 2
            continue
        if (
            text[:1].isupper()
            and text.isalpha()
            or (parts and text.lower() in NAME_PARTICLES and _particle_before_name(doc, i + 1))
        ):
            parts.append(text)
            i += 1
            continue
        break
    return (" ".join(parts), i) if len(parts) >= 2 else ("", i)


def _particle_before_name(doc, i: int) -> bool:
    """Whether a name particle at i - 1 goes on into the name: a capitalised word next, or a
    hyphen and one ("bin Rashid", "al-Mannai")."""
    if i < len(doc) and doc[i].text[:1].isupper():
        return True
    return i + 1 < len(doc) and doc[i].text == "-" and doc[i + 1].text[:1].isupper()


def starting_in(items: Sequence[S], lo: int, hi: int) -> Sequence[S]:
    """The items (sorted by their start token, as mentions and stance cues are) that start in
    tokens lo..hi-1, found by bisection: a clause looks at its own, not the paragraph's every
    one, so a paragraph of many sentences is drafted in linear time."""
    first = bisect_left(items, lo, key=lambda item: item.start)
    last = bisect_left(items, hi, lo=first, key=lambda item: item.start)
    return items[first:last]
