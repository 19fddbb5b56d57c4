"""What an article may be before spaCy reads it: its characters, paragraphs and runs of marks."""

from __future__ import annotations

import re

# About 300,000 words: anything longer is not one article.
MAX_CHARS = 2_000_000
# A live blog has a few hundred; past this an article is drafted in parts.
MAX_PARAGRAPHS = 3_000
# About 3,000 words (spaCy refuses 1,000,000, its E088): the drafter reads a paragraph in time
# that grows faster than its length (each clause looks through the whole paragraph).
MAX_PARAGRAPH_CHARS = 20_000
# spaCy's tokenizer takes quadratic time on a run of punctuation or quotation marks with no
# letter, digit or space in it ("!!!!…", "“‘“‘…"): 2,000 of them cost it a second or more, 80 (a
# typewriter line of dashes) a few milliseconds.
MAX_MARK_RUN = 80
MARK_RUN_RE = re.compile(r"(?:[^\w\s]|_){" + str(MAX_MARK_RUN + 1) + ",}")
SHOWN = 40  # characters of a refused paragraph shown in the message


class ArticleRefused(ValueError):
    """An article that cannot be read; the message says why and what to do."""


def check_length(text: str, name: str) -> None:
    """ArticleRefused when the text is longer than MAX_CHARS."""
    name = name or "the article"
    if len(text) > MAX_CHARS:
        raise ArticleRefused(
            f"{name}: {len(text):,} characters is too long for one article (at most "
            f"{MAX_CHARS:,} characters): cut it into parts and draft each."
        )


def check_paragraphs(paragraphs: list[str], name: str) -> None:
    """ArticleRefused for more than MAX_PARAGRAPHS paragraphs, a paragraph longer than
    MAX_PARAGRAPH_CHARS, or a run of more than MAX_MARK_RUN marks in a row; the message names
    the paragraph by its number and first words."""
    name = name or "the article"
    if len(paragraphs) > MAX_PARAGRAPHS:
        raise ArticleRefused(
            f"{name}: {len(paragraphs):,} paragraphs (non-empty lines) is too many for one "
            f"article (at most {MAX_PARAGRAPHS:,}): cut it into parts and draft each."
        )
    for number, text in enumerate(paragraphs, start=1):
        if len(text) > MAX_PARAGRAPH_CHARS:
            raise ArticleRefused(
                f"{name}: paragraph {number} ({_start(text)}) has {len(text):,} characters "
                f"(at most {MAX_PARAGRAPH_CHARS:,} in one paragraph): break it into lines."
            )
        if run := MARK_RUN_RE.search(text):
            raise ArticleRefused(
                f"{name}: paragraph {number} ({_start(text)}) has a run of "
                f"{len(run.group()):,} punctuation or quotation marks with no letter, digit or "
                f"space ({_start(run.group())}; at most {MAX_MARK_RUN} in a row): remove it."
            )


def _start(text: str) -> str:
    shown = text[:SHOWN] + ("…" if len(text) > SHOWN else "")
    return repr(shown)
