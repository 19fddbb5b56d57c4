"""A TV caption file (SRT or WebVTT) read back as running text, in one pass over its lines.

- A caption file is one with at least CUES timing lines ("00:01:12,400 --> 00:01:15,900",
  WebVTT's "00:01:12.400 --> ..." with or without hours and cue settings).
- Out: the timing lines, the cue numbers or ids before them, the "WEBVTT" line and its
  "NOTE" comments, WebVTT tags ("<i>", "<c.yellow>", "<00:00:01.000>"), music notes, and
  sound or graphic notes in capitals in square brackets ("[CROWD NOISE]", "[GRAPHIC: WORLD
  REACTION]", "[CAPTIONS BY ...]").
- The lines of the cues run on as sentences do, across cues: a line joins the one before
  (a word hyphenated across them rejoined as draft.layout does) unless a speaker changes or
  the line before ends a sentence outside any quotation. So a quote that runs across cue
  breaks is one quote of one paragraph.
- A speaker mark opens a paragraph: ">> ANCHOR:" and WebVTT's "<v Anchor>" are kept as the
  turn label "ANCHOR:" (draft.reading reads the label), a bare ">>", a dialogue dash and a
  bracketed mark at the line's start ("[REPORTER]", a sound note) only open it.
"""

from __future__ import annotations

import re

from reactionmap.draft.layout import article_words, join_lines

_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}"
TIMING_RE = re.compile(rf"^{_TIME}\s*-->\s*{_TIME}(?:\s.*)?$")
CUES = 2
VOICE_RE = re.compile(r"^<v(?:\.[\w.-]{1,40})?\s+([^>]{1,60})>\s*")
TAG_RE = re.compile(r"</?[a-z][^<>]{0,80}>|<\d{1,2}:[\d:.,]{4,12}>", re.I)
NOTE_RE = re.compile(r"\[[^\]a-z\n]{1,80}\]|[♪♫]+")
MARK_RE = re.compile(r"^(?:\[[^\]a-z\n]{1,80}\]|>>|-(?=\s))\s*")
LABEL_RE = re.compile(r"^>>\s*([^:a-z\n]{1,60}):\s*")
SENTENCE_END = ".!?"
CLOSERS = "\"'”’)]"


def captioned(lines: list[str]) -> bool:
    """Whether the lines are a caption file's: at least CUES timing lines."""
    return sum(1 for line in lines if "-->" in line and TIMING_RE.match(line)) >= CUES


def uncaptioned(lines: list[str]) -> list[str]:
    """The lines as they are, or a caption file's cues as paragraphs of running text."""
    if not captioned(lines):
        return lines
    words = article_words(lines)
    paragraphs: list[list[str]] = []
    opened = False  # a speaker mark or a sentence's end: the next line opens a paragraph
    open_quotes = 0  # straight marks counted mod 2, curly ones opened less closed
    for k, line in enumerate(lines):
        ahead = lines[k + 1] if k + 1 < len(lines) else ""
        if _furniture(line, ahead):
            continue
        turn, text = _turn(line)
        if turn is not None:
            opened = True
            text = f"{turn}: {text}".rstrip() if turn else text
        if not text:
            continue
        if opened or not paragraphs:
            paragraphs.append([text])
            open_quotes = 0
        else:
            pieces = paragraphs[-1]
            pieces[-1], joint = join_lines(pieces[-1], text, words)
            if pieces[-1].endswith("-") and text[:1].isupper():
                joint = ""  # "the Secretary-" / "General's": a real hyphen
            pieces += [joint, text]
        open_quotes += _quote_balance(text, open_quotes)
        opened = _ends(text) and not open_quotes
    return ["".join(pieces) for pieces in paragraphs]


def _furniture(line: str, ahead: str) -> bool:
    """A line that holds no words of the article: timing, cue id, WEBVTT, NOTE, blank."""
    if not line or line.startswith(("WEBVTT", "NOTE")):
        return True
    if "-->" in line and TIMING_RE.match(line):
        return True
    return "-->" in ahead and bool(TIMING_RE.match(ahead))  # the cue's number or id


def _turn(line: str) -> tuple[str | None, str]:
    """The speaker label a line opens with ("" for a bare mark; None: no mark) and its words,
    without tags and sound notes."""
    turn: str | None = None
    if voice := VOICE_RE.match(line):
        turn, line = voice.group(1).strip().upper(), line[voice.end() :]
    elif label := LABEL_RE.match(line):
        turn, line = label.group(1).strip(), line[label.end() :]
    elif mark := MARK_RE.match(line):
        turn, line = "", line[mark.end() :]
    line = NOTE_RE.sub("", TAG_RE.sub("", line))
    return turn, " ".join(line.split())


def _ends(text: str) -> bool:
    end = text[-40:].rstrip().rstrip(CLOSERS)
    return bool(end) and end[-1] in SENTENCE_END


def _quote_balance(text: str, open_quotes: int) -> int:
    """How a line changes the count of double quotation marks left open in its paragraph."""
    straight = text.count('"')
    change = text.count("“") - text.count("”")
    if straight % 2:
        change += -1 if open_quotes % 2 else 1
    return change if open_quotes + change >= 0 else -open_quotes
