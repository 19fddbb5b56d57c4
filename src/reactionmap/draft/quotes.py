"""Quotes exactly as said: runs of the source's words, joined only by a marked gap.

A draft's quote is one run of the article's words, or several runs in the article's order with
" … " (space, U+2026, space) at each gap between them, and nothing else: never a line break,
never words left out inside a run. The words are the article as the drafter reads it
(draft.article.read_article): one paragraph per non-empty line, each line stripped of the
spaces around it and of a leading bullet, the characters that print as nothing taken out, an
HTML page read as its visible text, and text pasted from a PDF or Markdown laid out as its
paragraphs (draft.layout: a page's furniture out, wrapped lines joined, a word hyphenated
across a line break whole, so a quote holds "participation" where the page printed "partici-"
at a line's end). ``reading_text`` gives that text.
"""

from __future__ import annotations

from dataclasses import dataclass

from reactionmap.draft.article import Article

GAP = " … "
TRIM = ",;:"  # a quotation's trailing punctuation that belongs to the sentence around it


@dataclass(frozen=True, order=True)
class Run:
    """One quotation: a run of a paragraph's words, and where it starts."""

    paragraph: int
    start: int
    text: str


def quote_run(paragraph: int, text: str, start: int, end: int) -> Run:
    """The run of ``text[start:end]`` without the spaces around it and a trailing , ; or :."""
    words = text[start:end]
    trimmed = words.strip().rstrip(TRIM).strip()
    return Run(paragraph, start + (len(words) - len(words.lstrip())), trimmed)


def joined(runs: list[Run]) -> str:
    """The runs' words in the article's order, " … " at each gap between them."""
    return GAP.join(run.text for run in sorted(runs))


def runs_of(quote: str) -> list[str]:
    """A quote's runs: its words split at each marked gap."""
    return [run for run in quote.split(GAP) if run] if quote else []


def reading_text(article: Article) -> str:
    """The article's words as the drafter reads them: its paragraphs, a line each."""
    return "\n".join(paragraph.text for paragraph in article.paragraphs)


def misquoted(quote: str, text: str) -> list[str]:
    """The runs of ``quote`` that do not stand in ``text`` in order (each after the one
    before), or that hold a line break: [] when the quote is exactly what was said."""
    wrong, at = [], 0
    for run in runs_of(quote):
        found = -1 if "\n" in run else text.find(run, at)
        if found < 0:
            wrong.append(run)
        else:
            at = found + len(run)
    return wrong
