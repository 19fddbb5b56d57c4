"""An article as the drafter reads it: its header, its paragraphs and the quotations in them."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser

from reactionmap.contract.cells import INVISIBLE_RE
from reactionmap.draft.captions import uncaptioned
from reactionmap.draft.layout import laid_out
from reactionmap.draft.limits import MAX_CHARS, ArticleRefused, check_length, check_paragraphs

HEADER_RE = re.compile(r"^(url|publisher|published|source|title|date|note):\s*(.*)$", re.I)
ISO_DAY_RE = re.compile(r"\b(\d{4}-\d{2}-\d{2})(?!\d)")  # also "2023-07-27T10:41Z"
# A wire story's dateline: a city in capitals and a comma, then (perhaps) the day.
DATELINE_RE = re.compile(r"^[A-Z][A-Z .'-]+,\s*")
DATELINE_PARAGRAPHS = 3  # a title, perhaps a standfirst, then the dateline
BULLET_RE = re.compile(r"^[\s•·▪◦‣∙*#>\-–—]+")
BULLETS = "•·▪◦‣∙*-–—"  # the list marks among them (not a heading's "#" or a quote's ">")

OPENING = {"\u201c": "\u201d", "\u201e": "\u201d", "\u00ab": "\u00bb", '"': '"'}
SINGLE_OPENING = {"\u2018": "\u2019", "'": "'"}


@dataclass
class Paragraph:
    """One line of the article and the character spans of its quotations."""

    text: str
    quotes: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of quoted words
    continues: bool = False  # its first quotation goes on from the paragraph before
    invisible: str = ""  # the characters that print as nothing taken out of it, named
    bullet: str = ""  # the list mark the line opened with ("•", "–"), "" when none


@dataclass
class Article:
    """The paragraphs of an article and what its header says (url, publisher, published)."""

    paragraphs: list[Paragraph]
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def date(self) -> str:
        """The publication date the header gives as YYYY-MM-DD ("2023-07-27T10:41Z", "July 27,
        2023", "Thu 27 Jul 2023 10:41 GMT"); without one, the day a dateline gives with its
        year ("MOSCOW, Jan. 4, 2026 –"); "" when neither gives a day with its year."""
        from reactionmap.draft.dates import written_day

        line = self.meta.get("published", "") or self.meta.get("date", "")
        match = ISO_DAY_RE.search(line)
        if match or written_day(line):
            return match.group(1) if match else written_day(line)
        for paragraph in self.paragraphs[:DATELINE_PARAGRAPHS]:
            if dateline := DATELINE_RE.match(paragraph.text):
                return written_day(paragraph.text[dateline.end() :])
        return ""


class _TextOfHtml(HTMLParser):
    """The visible text of an HTML page's article, a line per block element: scripts and styles
    dropped, and the page's furniture too (ASIDE: navigation, the site's header and footer,
    asides such as a "Related stories" box or a pull quote, figures and their captions)."""

    BLOCKS = {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
        "blockquote", "section", "article", "header", "footer", "table", "dd", "dt", "figcaption",
    }  # fmt: skip
    HIDDEN = {"script", "style", "head", "title", "noscript", "template", "svg"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
            "track", "wbr"}  # fmt: skip
    # <meta> properties that say where and when the page was published, as header fields.
    META = {
        "article:published_time": "published",
        "og:url": "url",
        "og:site_name": "publisher",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.hidden = 0
        self.open: list[str] = []  # the elements open now, outermost first
        self.counts: dict[str, int] = {}  # how many of each are open (a closing tag's lookup)
        self.skip_from = -1  # the depth of the aside being skipped, or -1
        self.heading = (-1, 0)  # (depth, parts index) of the heading being read, or (-1, 0)

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            found = dict(attrs)
            field = self.META.get(found.get("property") or found.get("name") or "")
            if field and (content := (found.get("content") or "").strip()):
                self.meta.setdefault(field, content)
        if tag in self.VOID:
            if tag == "br":
                self.parts.append("\n")
            return
        self.open.append(tag)
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if self.skip_from < 0 and is_aside(tag, dict(attrs), self.counts.get("article", 0)):
            self.skip_from = len(self.open)
        if tag in HEADINGS and self.heading[0] < 0:
            self.heading = (len(self.open), len(self.parts))
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if not self.counts.get(tag):
            return  # a closing tag with no opening one
        while self.open:
            closed = self.open.pop()
            self.counts[closed] -= 1
            self._closed(closed)
            if closed == tag:
                break

    def _closed(self, tag: str) -> None:
        depth = len(self.open) + 1
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")
        if depth == self.skip_from:
            self.skip_from = -1
        if depth == self.heading[0]:
            start, self.heading = self.heading[1], (-1, 0)
            words = " ".join("".join(self.parts[start:]).split())
            parent = self.open[-1] if self.open else ""
            if self.skip_from < 0 and ASIDE_HEADING_RE.match(words):
                # "Related stories": the heading and the rest of the box it opens are no text
                # of the article's (only the heading when the box is the article itself).
                del self.parts[start:]
                self.parts.append("\n")
                if parent not in ("", "html", "body", "main", "article"):
                    self.skip_from = len(self.open)

    def handle_data(self, data):
        if not self.hidden and self.skip_from < 0:
            self.parts.append(data.replace("\n", " "))


HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements, ARIA roles and class or id words that hold a page's furniture, not its article.
ASIDE_TAGS = {"aside", "nav", "footer", "figure", "figcaption"}
ASIDE_ROLES = {"navigation", "complementary", "banner", "contentinfo"}
ASIDE_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(related|read-?more|more-?on|pull-?quote|pull-?out|breadcrumbs?|newsletter|"
    r"share|sharing|social|promo|sidebar|most-?read|recommended)(?:$|[\s_-])",
    re.I,
)
ASIDE_HEADING_RE = re.compile(
    r"^(related( stories| articles| coverage| content| links)?|read more|more on this( story)?|"
    r"more from [\w\s]+|see also|most read|recommended( for you)?)\s*:?$",
    re.I,
)


def is_aside(tag: str, attrs: dict[str, str | None], in_article: int) -> bool:
    """Whether an element holds the page's furniture (ASIDE_TAGS, ASIDE_ROLES, ASIDE_CLASS_RE);
    a <header> is the site's outside an <article>, the article's headline inside one."""
    if tag in ASIDE_TAGS or (tag == "header" and not in_article):
        return True
    if (attrs.get("role") or "").lower() in ASIDE_ROLES:
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(ASIDE_CLASS_RE.search(names))


def html_to_text(html: str) -> tuple[str, dict[str, str]]:
    """The text of an HTML page, one line per paragraph or heading, and what its <meta> tags
    say of its publication (published, url, publisher)."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return "".join(parser.parts), parser.meta


def looks_like_html(text: str, name: str = "") -> bool:
    if name.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of an uploaded or read article; ArticleRefused naming the file otherwise."""
    if len(data) > MAX_CHARS * 4:
        raise ArticleRefused(
            f"{name}: {len(data):,} bytes is too long for one article (at most {MAX_CHARS:,} characters)."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ArticleRefused(
            f"{name}: not UTF-8 text (byte {err.start}); save the article as UTF-8 .txt or .html."
        ) from None
    if "\x00" in text:
        raise ArticleRefused(f"{name}: looks like a binary file; give a .txt or .html article.")
    check_length(text, name)
    return text


def read_article(text: str, name: str = "") -> Article:
    """Paragraphs (one per non-empty line, as draft.layout lays them out) and header fields
    of a .txt or .html article;
    ArticleRefused for one over the limits (draft.limits), before spaCy sees it."""
    check_length(text, name)
    page: dict[str, str] = {}
    if looks_like_html(text, name):
        text, page = html_to_text(text)
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    meta: dict[str, str] = {}
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    # A header of `key: value` lines before the first blank line (as in shared sources).
    index = start
    while index < len(lines) and (match := HEADER_RE.match(lines[index])):
        meta[match.group(1).lower()] = match.group(2).strip()
        index += 1
    if meta and (index == len(lines) or not lines[index]):
        start = index
    else:
        meta = {}
    meta = {**page, **meta}  # header lines written in the text win over the page's <meta>
    body = laid_out(uncaptioned(lines[start:]))  # caption cues (draft.captions), page furniture,
    # wrapped lines, Markdown (draft.layout)
    paragraphs = [
        replace(visible(text), bullet=bullet_of(line))
        for line in body
        if (text := strip_bullet(line))
    ]
    paragraphs = [p for p in paragraphs if p.text]
    check_paragraphs([p.text for p in paragraphs], name)
    find_quotes(paragraphs)
    return Article(paragraphs, meta)


def visible(text: str) -> Paragraph:
    """A paragraph without the characters that print as nothing (zero-width spaces and
    joiners, soft hyphens, ...: "Fr\u200bance" is read as France), which it names."""
    found = sorted(set(re.findall(INVISIBLE_RE, text)))
    if not found:
        return Paragraph(text)
    names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in found)
    return Paragraph(re.sub(INVISIBLE_RE, "", text).strip(), invisible=names)


def find_quotes(paragraphs: list[Paragraph]) -> None:
    """Fill each paragraph's quotation spans. A quotation left open at a paragraph's end goes
    on when the next paragraph opens with a quotation mark (the English convention), and so
    does a paragraph that ends with a colon (a post quoted whole on a line of its own)."""
    carried = None  # closing mark of a quotation still open at the end of the last paragraph
    announced = False  # the last paragraph ended with a colon ("posted on X this evening:")
    for paragraph in paragraphs:
        text = paragraph.text
        if (carried or announced) and text[:1] in OPENING:
            paragraph.continues = True  # the words the paragraph before announced
        announced = text.rstrip().endswith(":")
        spans, open_at, closing = [], None, None
        closes = _single_closes(text)
        i = 0
        while i < len(text):
            char = text[i]
            if open_at is None:
                if char in OPENING and _can_open(text, i):
                    open_at, closing = i + 1, OPENING[char]
                elif char in SINGLE_OPENING and _can_open(text, i):
                    end = _first_from(closes[SINGLE_OPENING[char]], i + 1)
                    if end is not None:
                        spans.append((i + 1, end))
                        i = end + 1
                        continue
            elif char == closing or (closing == '"' and char == "\u201d"):
                spans.append((open_at, i))
                open_at = None
            i += 1
        carried = None
        if open_at is not None:
            spans.append((open_at, len(text)))
            carried = closing
        paragraph.quotes = [(a, b) for a, b in spans if text[a:b].strip()]


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,;") and not after.isspace()


def _single_closes(text: str) -> dict[str, list[int]]:
    """Where a single quotation may close, per opening mark's closing mark, in order: a mark
    after a non-space and before a space or punctuation (never an apostrophe inside a word);
    a straight opening mark is closed by either. Found once per paragraph: linear time."""
    curly, straight = [], []
    for j, char in enumerate(text):
        if char in ("'", "\u2019") and j and not text[j - 1].isspace():
            after = text[j + 1] if j + 1 < len(text) else " "
            if not after.isalnum():
                straight.append(j)
                if char == "\u2019":
                    curly.append(j)
    return {"\u2019": curly, "'": straight}


def _first_from(positions: list[int], start: int) -> int | None:
    """The first of the sorted positions at or after start, None when there is none."""
    k = bisect_left(positions, start)
    return positions[k] if k < len(positions) else None


def strip_bullet(text: str) -> str:
    return BULLET_RE.sub("", text)


def bullet_of(line: str) -> str:
    """The list mark a line opens with ("•", "–", "-"), "" when it opens with none."""
    mark = BULLET_RE.match(line)
    return next((c for c in mark.group(0) if c in BULLETS), "") if mark else ""
