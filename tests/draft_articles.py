"""The articles that froze the server in issue 19, generated: for the limits' tests and bench/draft.py."""

from __future__ import annotations

from collections.abc import Callable

# Written for the tests: one line a government says something, varied so rows differ.
_NAMES = ["France", "Germany", "Italy", "Spain", "Japan", "Brazil", "Chile", "Peru"]


def lines(count: int) -> str:
    """``count`` one-line paragraphs, each a government condemning the strike."""
    return "".join(f"{_NAMES[i % 8]} condemned strike number {i}.\n" for i in range(count))


def nested_marks(depth: int) -> str:
    """Quotation marks nested ``depth`` deep with no space between them (“‘“‘…a…’”’”)."""
    opening, closing = "\u201c\u2018" * (depth // 2), "\u2019\u201d" * (depth // 2)
    return f"Germany said: {opening}no{closing}\n"


def nested_words(depth: int) -> str:
    """``depth`` single quotations opened and never closed, a word each (‘a ‘a ‘a …)."""
    return "Germany said " + " ".join("\u2018a" for _ in range(depth)) + "\n"


def pdf_pages(count: int) -> str:
    """``count`` pages of text pasted from a PDF: lines cut at 72 characters, a word hyphenated
    across each page's lines, a running header and a page footer (draft.layout joins them)."""
    page = (
        "France said the government of the republic had con-\n"
        "demned the strike on the port and asked all the sides to stop it at once,\n"
    ) * 20
    return "".join(f"BRIEFING\n\n{page}\nPage {n} of {count}\n" for n in range(1, count + 1))


# name -> (the article, the limit a refusal must name, or "" when it is drafted). The paragraphs
# the issue timed (11 s for 10k, 174 s for 40k) were quadratic in the rows' ids: at the limit,
# 3,000 (ALLOWED), they are drafted in linear time.
PATHOLOGICAL: dict[str, tuple[Callable[[], str], str]] = {
    "9k nested quotation marks (27 KB)": (lambda: nested_marks(9_000), "80 in a row"),
    "30 KB of '!'": (lambda: "Germany said: " + "!" * 30_000 + "\n", "20,000 in one paragraph"),
    "15 KB of '!'": (lambda: "Germany said: " + "!" * 15_000 + "\n", "80 in a row"),
    "10k one-line paragraphs": (lambda: lines(10_000), "at most 3,000"),
    "20k one-line paragraphs": (lambda: lines(20_000), "at most 3,000"),
    "40k one-line paragraphs": (lambda: lines(40_000), "at most 3,000"),
    "210k lines (4.2 MB)": (
        lambda: "Peru said no today.\n" * 210_000,
        "at most 2,000,000 characters",
    ),
    "a 1.9 MB paragraph": (
        lambda: "France condemned the strike. " * 65_000 + "\n",
        "at most 20,000 in one paragraph",
    ),
    "a 5.4 MB article": (lambda: lines(146_000), "at most 2,000,000 characters"),
    "a 19 KB paragraph of 6k unclosed single quotations": (lambda: nested_words(6_000), ""),
    "a 1.9 MB PDF paste wrapped at 72, every line joined": (
        lambda: pdf_pages(772),
        "at most 20,000 in one paragraph",
    ),
}


# The longest articles the limits allow, drafted (bench/draft.py times them).
ALLOWED: dict[str, Callable[[], str]] = {
    "3,000 one-line paragraphs (the most)": lambda: lines(3_000),
    "a 19.9 KB paragraph (the longest)": lambda: "France condemned the strike. " * 680 + "\n",
}


def longest() -> str:
    """The most characters the limits allow (1.99 MB: 100 paragraphs of 19.9 KB), which takes
    seconds to draft: a browser test drafts it while another page draws its map."""
    return ("France condemned the strike. " * 680 + "\n") * 100
