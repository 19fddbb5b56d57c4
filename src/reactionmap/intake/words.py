"""The reviewed word lists of data/words: the headers and stance words tables are written in
(English, French, Spanish), read strictly; one matching key for both, case and accent blind."""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from reactionmap.contract.paths import DATA_DIR
from reactionmap.contract.reviewed import read_reviewed, refuse
from reactionmap.contract.scale import SCALE_PRESETS, Scale
from reactionmap.contract.statements import STATEMENT_COLUMNS

WORDS_DIR = DATA_DIR / "words"
HEADERS_FILE = WORDS_DIR / "headers.csv"
STANCES_FILE = WORDS_DIR / "stances.csv"
HEADER_COLUMNS = ("word", "means", "language", "note")
STANCE_COLUMNS = ("word", "scale", "key", "language", "note")
HEADER_MEANINGS = ("actor", "stance")  # the two columns a table must have
LANGUAGE_RE = re.compile(r"^[a-z]{2}$")  # an ISO 639-1 code: en, fr, es

_SEPARATORS = re.compile(r"[\s_\-]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2018": "'"})


def _latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def unaccented(text: str) -> str:
    """The text without the accents of Latin letters ("Abstención" -> "Abstencion"); the marks
    of other scripts stay (Cyrillic й is not и)."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char) and kept and _latin(kept[-1]):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def fold(text: object) -> str:
    """The matching key of a word or header: trimmed, case-folded, without accents,
    typographic apostrophes as ', and '-', '_' and runs of spaces as one space."""
    plain = unaccented(str(text).strip().casefold()).translate(_APOSTROPHES)
    return _SEPARATORS.sub(" ", plain).strip()


def _checked_word(path: Path, line: int, row: dict[str, str]) -> str:
    """The folded word of a row whose language is a code; refused when either is not."""
    word = fold(row["word"])
    if not word:
        raise refuse(path, line, "the word is empty.")
    if not LANGUAGE_RE.match(row["language"]):
        raise refuse(
            path, line, f"language {row['language']!r} is not a two-letter code (en, fr, es)."
        )
    return word


def read_header_words(path: Path = HEADERS_FILE) -> dict[str, str]:
    """Folded header word -> the column it means (actor or stance).

    A word that means two columns is refused, never guessed, as is a row repeated in one
    language or a word that is a column of the data contract: the error names the file and
    line."""
    means: dict[str, tuple[str, int]] = {}
    seen: set[tuple[str, str]] = set()
    for line, row in read_reviewed(path, HEADER_COLUMNS):
        word = _checked_word(path, line, row)
        if row["means"] not in HEADER_MEANINGS:
            raise refuse(
                path, line, f"means {row['means']!r} is not one of {', '.join(HEADER_MEANINGS)}."
            )
        contract = word.replace(" ", "_")
        if contract in STATEMENT_COLUMNS:
            raise refuse(path, line, f"{row['word']!r} is the data contract's own column.")
        if word in means and means[word][0] != row["means"]:
            other, first = means[word]
            raise refuse(
                path,
                line,
                f"{row['word']!r} means {row['means']} here and {other} on line {first}: a "
                "header word must mean one column; leave it out.",
            )
        if (word, row["language"]) in seen:
            raise refuse(path, line, f"{row['word']!r} ({row['language']}) is repeated.")
        seen.add((word, row["language"]))
        means.setdefault(word, (row["means"], line))
    return {word: meaning for word, (meaning, _) in means.items()}


def builtin_words(scale: Scale) -> dict[str, str]:
    """Every way a scale itself writes a category (key, label, alias), folded, to its key.

    A key wins over a label or alias of another category, a label over an alias."""
    table: dict[str, str] = {}
    for layer in ("aliases", "label", "key"):
        for category in scale.categories:
            words = category.aliases if layer == "aliases" else (getattr(category, layer),)
            table |= {fold(word): category.key for word in words}
    return table


def read_stance_words(path: Path = STANCES_FILE) -> dict[str, dict[str, str]]:
    """Preset scale name -> folded word -> key.

    A word meaning two keys of one scale (in this file, or against the scale's own keys,
    labels and aliases) is refused, never guessed, as is a row repeated in one language; the
    same word in two scales is fine, since the scale is chosen first. The error names the file
    and line."""
    words: dict[str, dict[str, tuple[str, int]]] = {name: {} for name in SCALE_PRESETS}
    seen: set[tuple[str, str, str]] = set()
    for line, row in read_reviewed(path, STANCE_COLUMNS):
        word = _checked_word(path, line, row)
        name, key = row["scale"], row["key"]
        if name not in SCALE_PRESETS:
            raise refuse(path, line, f"scale {name!r} is not one of {', '.join(SCALE_PRESETS)}.")
        scale = SCALE_PRESETS[name]
        if key not in scale.keys:
            raise refuse(
                path,
                line,
                f"key {key!r} is not a key of the {name} scale: {', '.join(scale.keys)}.",
            )
        own = builtin_words(scale).get(word)
        if own is not None and own != key:
            raise refuse(
                path,
                line,
                f"{row['word']!r} means {key} here, but the {name} scale reads it as {own}: a word "
                "must mean one stance in a scale; leave it out.",
            )
        known = words[name]
        if word in known and known[word][0] != key:
            other, first = known[word]
            raise refuse(
                path,
                line,
                f"{row['word']!r} means {key} here and {other} on line {first} in the {name} "
                "scale: a word must mean one stance in a scale; leave it out.",
            )
        if (name, word, row["language"]) in seen:
            raise refuse(path, line, f"{row['word']!r} ({row['language']}, {name}) is repeated.")
        seen.add((name, word, row["language"]))
        known.setdefault(word, (key, line))
    return {name: {w: key for w, (key, _) in table.items()} for name, table in words.items()}


@functools.cache
def header_words() -> dict[str, str]:
    """The shipped header words (data/words/headers.csv), read once."""
    return read_header_words()


@functools.cache
def stance_words() -> dict[str, dict[str, str]]:
    """The shipped stance words (data/words/stances.csv), read once."""
    return read_stance_words()


def reviewed_words(scale: Scale) -> dict[str, str]:
    """The reviewed words (folded) that read as keys of ``scale``: those of each preset with
    exactly its keys (an event's own scale with the default's keys reads them too)."""
    table: dict[str, str] = {}
    for name, preset in SCALE_PRESETS.items():
        if preset.keys == scale.keys:
            table |= stance_words()[name]
    return table
