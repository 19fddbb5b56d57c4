"""Text pasted from a PDF or a Markdown editor read back as paragraphs, in one pass each.

- Page furniture: a page number ("Page 3 of 6", "3 / 6", "- 3 -"), the lines next to page
  numbers that repeat (a running header or footer: "BRIEFING NOTE — CONFIDENTIAL DRAFT"),
  wherever they stand, and a table of contents (lines ending in dot leaders and a page number,
  and the "Contents" line above them). A page break is no paragraph break: the words on
  either side join when the line before does not end a sentence.
- Lines broken at a fixed width (``wrapped``): a line goes on in the next when the next
  line's first word would not have fit on it (the width is the longest line's) or it ends
  with a word and a hyphen, and it ends no sentence, unless the next opens a numbered
  paragraph ("3.2 "), a bullet or a heading in capitals. A word hyphenated across the break
  ("con-" / "demned") is rejoined where the joined word is a word (in the article, or in the
  English word list) and one of its halves is not; a real hyphen stays ("long-" / "range" is
  "long-range").
- Paragraph numbers ("1.1 ", "3. "), footnote marks glued to a word ("Russia.(1)", "ours(2)",
  "[^1]") and a notes block ("Notes" and the marked lines after it, Markdown's "[^1]: ...")
  are no words of the article.
- Markdown: "**bold**" and "__bold__" read as their words, "[text](url)" as its text.

The article's words are these paragraphs (draft.quotes.reading_text): a quote of a rejoined
word holds the word, not the line break and hyphen the page layout put inside it.
"""

from __future__ import annotations

import re
from functools import cache

PAGE_RE = re.compile(
    r"^(?:page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—])$",
    re.I,
)
CONTENTS_LINE_RE = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$")  # "2. The decision ........ 2"
CONTENTS_RE = re.compile(r"^(?:table of )?contents\s*:?$", re.I)
NOTES_RE = re.compile(r"^(?:notes|footnotes|endnotes)\s*:?$", re.I)
NOTE_LINE_RE = re.compile(r"^(?:\(\d{1,3}\)|\[\^?\d{1,3}\]:?)\s")
NUMBER_RE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.)\s+(?=\S)")
# "(1)" after a letter or a mark, never a digit ("Article 2(4)" is the Charter's article);
# "[20]" is a reference mark, which ends its sentence (draft.references): not taken out.
MARK_RE = re.compile(r"(?<=[^\s(\[\d])(?:\(\d{1,3}\)|\[\^\d{1,3}\])")
BOLD_RE = re.compile(r"\*\*(?=[^\s*])([^*]{1,300}?)(?<=\S)\*\*|__(?=[^\s_])([^_]{1,300}?)(?<=\S)__")
LINK_RE = re.compile(r"\[([^\[\]\n]{1,200})\]\((?:https?://|www\.|/)[^\s()]{0,500}\)")
HYPHENATED_RE = re.compile(r"([^\W\d_]+)-$")
WORD_START_RE = re.compile(r"^([^\W\d_]+)")
WORDS_RE = re.compile(r"[^\W\d_]+")
SENTENCE_END = ".!?"
CLOSERS = "\"'”’»)]"
WIDE = 100  # a line longer than this is a paragraph, not a wrapped line
TAIL = 120  # the end of a line the patterns look at: linear time on any line
WRAPPED_LINES = 8  # at least this many lines of the width, most not ending a sentence


def laid_out(lines: list[str]) -> list[str]:
    """The article's lines (stripped) as paragraphs: furniture out, wrapped lines joined."""
    lines = _without_notes(_uncontented(_unpaged(lines)))
    if wrapped(lines):
        lines = _unwrapped(lines, article_words(lines))
    return [inline(line) for line in lines]


def inline(line: str) -> str:
    """A line without its paragraph number, footnote marks and Markdown emphasis and links."""
    line = NUMBER_RE.sub("", line, count=1)
    line = LINK_RE.sub(r"\1", line)
    line = BOLD_RE.sub(lambda m: m.group(1) or m.group(2), line)
    return MARK_RE.sub("", line)


def _unpaged(lines: list[str]) -> list[str]:
    """The lines without page furniture: page numbers, the lines beside them that repeat,
    and the blank lines around them (a page break is no paragraph break)."""
    pages = [i for i, line in enumerate(lines) if PAGE_RE.match(line)]
    if not pages:
        return lines
    counts: dict[str, int] = {}
    for i in pages:
        for near in (_nearest(lines, i, -1), _nearest(lines, i, 1)):
            if near and not PAGE_RE.match(near):
                counts[near] = counts.get(near, 0) + 1
    furniture = {line for line, n in counts.items() if n >= 2}
    out: list[str] = []
    dropped = False
    for line in lines:
        if PAGE_RE.match(line) or line in furniture:
            while out and not out[-1]:
                out.pop()
            dropped = True
        elif line or not dropped:
            out.append(line)
            dropped = False
    return out


def _nearest(lines: list[str], i: int, step: int) -> str:
    """The nearest non-blank line before (step -1) or after (step 1) line i, within 2 lines."""
    for k in (i + step, i + 2 * step):
        if 0 <= k < len(lines) and lines[k]:
            return lines[k]
    return ""


def _uncontented(lines: list[str]) -> list[str]:
    """The lines without a table of contents: dotted leader lines and their heading."""
    if not any(CONTENTS_LINE_RE.search(line[-TAIL:]) for line in lines):
        return lines
    return ["" if CONTENTS_LINE_RE.search(x[-TAIL:]) or CONTENTS_RE.match(x) else x for x in lines]


def _without_notes(lines: list[str]) -> list[str]:
    """The lines without a notes block: a "Notes" heading whose next line opens with a note
    mark ("(1) ", "[1] ", "[^1]: "), and everything after it; Markdown footnote lines too."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if NOTES_RE.match(line) and NOTE_LINE_RE.match(_nearest(lines, i, 1) + " "):
            return out
        out.append("" if line.startswith("[^") and NOTE_LINE_RE.match(line) else line)
    return out


def wrapped(lines: list[str]) -> bool:
    """Whether the text is broken at a fixed width: WRAPPED_LINES or more lines of 50 to WIDE
    characters, most of them not ending a sentence, and few longer lines."""
    width = [line for line in lines if 50 <= len(line) <= WIDE]
    longer = sum(len(line) > WIDE for line in lines)
    running = sum(not _ends_sentence(line) for line in width)
    return len(width) >= WRAPPED_LINES and longer * 10 <= len(width) and running * 2 >= len(width)


def _unwrapped(lines: list[str], words: set[str]) -> list[str]:
    """Wrapped lines joined back into paragraphs (the module's rules), each paragraph built
    from its pieces once: linear time however many lines it has."""
    width = max(len(line) for line in lines if len(line) <= WIDE)
    paragraphs: list[list[str]] = []
    before = ""  # the line before, as the text has it
    for line in lines:
        if before and line and _goes_on(before, line, width):
            pieces = paragraphs[-1]
            pieces[-1], joint = join_lines(pieces[-1], line, words)
            pieces += [joint, line]
        elif line:
            paragraphs.append([line])
        before = line
    return ["".join(pieces) for pieces in paragraphs]


def _goes_on(line: str, after: str, width: int) -> bool:
    """Whether a line of wrapped text goes on in the next: the next line's first word would
    not have fit on it (or it ends with a word's hyphen), it ends no sentence, and neither is
    a heading or opens a paragraph."""
    first = after.split(" ", 1)[0]
    full = len(line) + 1 + len(first) > width - 1 or bool(HYPHENATED_RE.search(line[-TAIL:]))
    return full and not _ends_sentence(line) and not _heading(line) and not _opens(after)


def _opens(line: str) -> bool:
    """Whether a line opens a paragraph of its own: a number, a bullet, a heading."""
    return bool(NUMBER_RE.match(line) or NOTE_LINE_RE.match(line) or line[:1] in "•·▪*>#-–—") or (
        _heading(line)
    )


def _heading(line: str) -> bool:
    """A heading in capitals ("2. THE DECISION AND ARMENIA'S POSITION")."""
    return len(line) >= 3 and line.isupper()


def _ends_sentence(line: str) -> bool:
    end = MARK_RE.sub("", line[-TAIL:]).rstrip().rstrip(CLOSERS)
    return not end or end[-1] in SENTENCE_END


def join_lines(before: str, after: str, words: set[str]) -> tuple[str, str]:
    """The line before and what joins it to the next line of its paragraph: a word hyphenated
    across them rejoined (the hyphen dropped, the module's rule), a real hyphen kept (nothing
    between), otherwise a space."""
    left, right = HYPHENATED_RE.search(before[-TAIL:]), WORD_START_RE.match(after)
    if not left or not right or not after[:1].islower() or len(before) < 2:
        return before, " "
    head, tail = left.group(1).lower(), right.group(1).lower()
    whole = head + tail
    if whole in words or (is_word(whole) and not (is_word(head) and is_word(tail))):
        return before[:-1], ""
    return before, ""


def article_words(lines: list[str]) -> set[str]:
    """The words the article writes whole on one line, lowercased."""
    return {w.lower() for line in lines for w in WORDS_RE.findall(line.rstrip("-"))}


def is_word(word: str) -> bool:
    """Whether a lowercased word is in the English word list (pyspellchecker's, loaded once)."""
    return word in _english()


@cache
def _english() -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(distance=1).word_frequency.dictionary)
