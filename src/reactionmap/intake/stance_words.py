"""Reading stance words the way a table's author meant them: aliases, other languages' words,
and which scale fits."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from reactionmap.contract.scale import SCALE_PRESETS, Scale
from reactionmap.intake.words import builtin_words, fold, reviewed_words


def lookup(scale: Scale) -> dict[str, str]:
    """Every way of writing a category, folded (case and accents aside), mapped to its key:
    the scale's own keys, labels and aliases, and the reviewed words of data/words in other
    languages ("Oui", "Abstención", "condena").

    A key wins over a label or alias of another category, a label over an alias, and the
    scale's own words over the reviewed ones (which data/words refuses to contradict).
    """
    return reviewed_words(scale) | builtin_words(scale)


def to_keys(values: pd.Series, scale: Scale) -> pd.Series:
    """Stance keys for the words written; a word the scale does not know stays as written
    (trimmed), so the check names it."""
    stripped = values.astype(str).str.strip()
    known = lookup(scale)
    words = {word: known.get(fold(word)) for word in stripped.unique()}
    return stripped.map(words).fillna(stripped)


@dataclass(frozen=True)
class ScaleGuess:
    """The preset scale that reads the most rows, and how many it reads."""

    name: str
    matched: int  # non-empty rows whose stance the scale knows
    total: int  # non-empty rows

    @property
    def fits(self) -> bool:
        """Every non-empty stance is a word of the scale."""
        return self.total > 0 and self.matched == self.total

    def describe(self) -> str:
        if self.fits:
            return f"scale {self.name!r} reads all {self.total} stance(s)"
        return f"scale {self.name!r} reads {self.matched} of {self.total} stance(s), the most of any scale"


def detect_scale(values: pd.Series, presets: dict[str, Scale] | None = None) -> ScaleGuess:
    """The preset whose words cover the most non-empty rows; the first preset on a tie."""
    presets = presets or SCALE_PRESETS
    counts = values.astype(str).str.strip().value_counts()
    counts = counts[counts.index != ""]
    total = int(counts.sum())
    best = None
    for name, scale in presets.items():
        known = lookup(scale)
        matched = int(sum(n for word, n in counts.items() if fold(word) in known))
        if best is None or matched > best.matched:
            best = ScaleGuess(name, matched, total)
    assert best is not None, "no scale presets"
    return best


def value_table(values: pd.Series, scale: Scale) -> pd.DataFrame:
    """The distinct stance words with their counts, each with the key the scale reads it as
    ('' where it reads none): the table a reader edits to map values to keys."""
    counts = values.astype(str).str.strip().value_counts(sort=True)
    counts = counts[counts.index != ""]
    known = lookup(scale)
    return pd.DataFrame(
        {
            "value": counts.index.astype(str),
            "rows": counts.to_numpy(dtype=int),
            "key": [known.get(fold(word), "") for word in counts.index],
        }
    )


def apply_value_map(values: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """The words mapped by a reader's value -> key table; a word left unmapped stays as written."""
    chosen = {value: key for value, key in mapping.items() if key}
    stripped = values.astype(str).str.strip()
    return values.where(~stripped.isin(list(chosen)), stripped.map(chosen))
