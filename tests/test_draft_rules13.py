"""The drafter's thirteenth round of general rules (issue 18): text pasted from a PDF (page
headers and footers, lines broken at a fixed width, words hyphenated across lines, a table of
contents, numbered paragraphs, footnote marks and notes), Markdown, run-in name leads, silence
and "Nothing in X's words", a sentence that only brings an actor in, and five stance families.
Every sentence is written for these tests."""

from __future__ import annotations

from reactionmap.draft import read_article
from reactionmap.draft.layout import inline, is_word, laid_out
from reactionmap.draft.quotes import misquoted, reading_text
from tests.drafted import coded, one, rows_of

# Norway suspends a fisheries agreement with Iceland: Norway acted, Iceland is acted against.
FISHERIES = {"targets": ["NOR", "ISL"], "against": ["ISL"], "date": "2027-05-14"}
EXIT = {"targets": ["MNG"], "date": "2027-05-14"}  # Mongolia leaves a forum: no one acted against

# A policy memo as a PDF reader pastes it: lines cut at 64 characters, a running header and
# a page footer (once inside a sentence, once inside a quotation), words hyphenated across
# lines, a real hyphen at a line's end, a table of contents, numbered paragraphs, footnote
# marks and a notes block.
MEMO = """POLICY MEMO — FOR DISCUSSION

Mongolia leaves the northern forum: first reactions
Friday 14 May 2027

CONTENTS
1. Overview ................................................. 1
2. Reactions ................................................ 2
Notes ....................................................... 3

1. OVERVIEW
1.1 On 11 May 2027 the government of Mongolia said that it will
leave the northern forum, a body of eight states that meets once
a year.(1) The decision takes effect at the end of the year. The
memo lists the reactions of governments up to 14 May, in the

Page 1 of 3
POLICY MEMO — FOR DISCUSSION

order in which they came.

2. REACTIONS
2.1 Kenya. On 12 May the foreign ministry said that Kenya "con-
demns a step that weakens the forum's long-
range plans" and that "the government expects Ulaanbaatar to

Page 2 of 3
POLICY MEMO — FOR DISCUSSION

think again".
2.2 Peru. The foreign ministry said on 13 May that Peru "respects
the choices made independently by the government of Mongolia".
2.3 Chile had not commented by the time of writing.

NOTES
(1) The forum's members are listed on its website, read on 12
May 2027.

Page 3 of 3
"""


def test_pdf_page_furniture_contents_numbers_and_notes_are_no_paragraphs():
    texts = [p.text for p in read_article(MEMO).paragraphs]
    joined = "\n".join(texts)
    assert "POLICY MEMO" not in joined  # the running header, on every page
    assert "Page " not in joined  # the footer
    assert "...." not in joined and "Overview" not in joined  # the contents
    assert "forum's members" not in joined  # the notes block
    assert "(1)" not in joined  # the footnote mark
    assert not any(t[:1].isdigit() for t in texts)  # "1.1 ", "2. ": paragraph numbers
    assert "Mongolia leaves the northern forum: first reactions" in texts  # a title stays alone
    # a mark after a digit is part of what is cited, and a reference mark ends its sentence
    assert inline("under Article 2(4) of the Charter.[7] Peru.(3)") == (
        "under Article 2(4) of the Charter.[7] Peru."
    )


def test_wrapped_lines_join_into_paragraphs_across_page_breaks():
    texts = [p.text for p in read_article(MEMO).paragraphs]
    assert (
        "The memo lists the reactions of governments up to 14 May, in the order in which they "
        "came." in texts[3]  # a page break inside a sentence
    )
    kenya = next(t for t in texts if t.startswith("Kenya."))
    # "con-" / "demns" is one word; "long-" / "range" keeps its hyphen; the quotation goes on
    # across the page break
    assert 'Kenya "condemns a step that weakens the forum\'s long-range plans"' in kenya
    assert 'expects Ulaanbaatar to think again".' in kenya
    assert next(t for t in texts if t.startswith("Peru.")).endswith('government of Mongolia".')


def test_quotes_of_a_pdf_are_runs_of_the_text_as_the_drafter_reads_it():
    rows = rows_of(MEMO, **EXIT)
    words = reading_text(read_article(MEMO))
    assert one(rows, "KEN")["quote"].startswith("condemns a step that weakens")
    assert "long-range" in one(rows, "KEN")["quote"]
    assert [q for q in rows["quote"] if misquoted(q, words)] == []


def test_a_pdf_memo_gives_each_run_in_lead_its_row_and_silence_none():
    assert coded(MEMO, **EXIT) == {"MNG": "party", "KEN": "condemn", "PER": "neutral"}
    assert one(rows_of(MEMO, **EXIT), "KEN")["date"] == "2027-05-12"


def test_a_hyphen_at_a_line_end_is_dropped_only_inside_a_word():
    assert is_word("condemned") and not is_word("demned")
    lines = [
        "The statement of the foreign ministry was read out by a govern-",
        "ment spokesman, who said the country had been consulted in a long-",
        "term process and that the decision was a self-",
        "inflicted wound for the forum and for the members that stay in it,",
        *["and the ministry then went on to list the projects it will keep up"] * 8,
        "with its partners.",
    ]
    text = laid_out(lines)[0]
    assert "read out by a government spokesman" in text
    assert "a long-term process" in text  # "longterm" is no word: a real hyphen
    assert "a self-inflicted wound" in text  # both halves are words: the hyphen stays


def test_short_lines_of_an_ordinary_article_are_not_joined():
    lines = [
        "Reactions",
        "Kenya condemned the decision in a statement issued by its foreign ministry on Tuesday",
        "Peru said it respected the choice made by the government of Mongolia",
    ]
    assert laid_out(lines) == lines


def test_markdown_emphasis_links_and_footnotes_are_read_as_their_words():
    text = (
        "# Reactions\n\n"
        "**Kenya**'s foreign ministry said in a [statement](https://example.org/ke) that it "
        '"condemns this step".[^1]\n\n'
        '> "Peru respects the choice," said __Peru__\'s foreign minister.\n\n'
        "[^1]: The statement was read on the ministry's website.\n"
    )
    texts = [p.text for p in read_article(text).paragraphs]
    assert texts[1] == (
        'Kenya\'s foreign ministry said in a statement that it "condemns this step".'
    )
    assert texts[2].endswith("said Peru's foreign minister.")
    assert len(texts) == 3  # the footnote's line is no paragraph
    assert coded(text, **EXIT) == {"KEN": "condemn", "PER": "neutral"}


def test_an_actor_named_as_silent_gets_no_row():
    for text in (
        "Chile had not commented by the time of writing.",
        "Chile, which also borders the forum's waters, had not commented by Friday.",
        "Nothing in Santiago's words welcomes or opposes the decision.",
    ):
        assert rows_of(text, **EXIT).empty, text
    # an aside that condemns is a statement of its own
    text = "Kenya, which condemned the decision, had not commented on the vote."
    assert coded(text, **EXIT) == {"KEN": "condemn"}


def test_a_sentence_that_only_brings_an_actor_in_is_whom_its_words_refer_back_to():
    text = (
        "Peru's foreign ministry said it respected the choice.\n\n"
        'Then there is Kenya. Its foreign minister said on Wednesday that "this is a matter '
        'for the forum" and that Kenya "takes no position".'
    )
    assert set(rows_of(text, **EXIT)["actor_iso3"]) == {"PER", "KEN"}


def test_condemning_whom_the_action_was_taken_against_backs_whoever_acted():
    text = "Russia accused Reykjavik of years of overfishing in Norwegian waters."
    assert coded(text, **FISHERIES) == {"RUS": "support"}
    notes = one(rows_of(text, **FISHERIES), "RUS")["notes"]
    assert "whom the action was taken against" in notes
    # condemning the act itself is unchanged
    assert coded("Denmark condemned the suspension.", **FISHERIES) == {"DNK": "condemn"}


def test_solidarity_with_a_nationality_and_its_neighbours_or_partners_is_with_that_state():
    for words in ("our Icelandic neighbours", "its Icelandic partners", "our Icelandic allies"):
        text = f'Denmark expressed "full solidarity with {words}".'
        assert coded(text, **FISHERIES) == {"DNK": "condemn"}, words


def test_rejecting_the_region_made_an_arena_is_concern():
    for words in (
        "rejects turning the North Atlantic into an arena for settling scores",
        "rejects making the region a battlefield for others",
    ):
        text = f'Canada called for restraint and said it "{words}".'
        assert coded(text, **FISHERIES) == {"CAN": "concern"}, words


def test_a_dismissed_accusation_and_a_right_to_respond():
    text = 'Iran rejected "baseless accusations" of involvement.'
    assert coded(text, **FISHERIES) == {"IRN": "neutral"}
    text = (
        'Iran rejected "baseless accusations" of involvement and said Norway had "the '
        'legitimate right to respond" to years of overfishing.'
    )
    assert coded(text, **FISHERIES) == {"IRN": "support"}


def test_an_unfriendly_or_short_sighted_step_is_condemned():
    for words in ("an unfriendly step", "a short-sighted decision", "a hostile act"):
        text = f'Russia called the withdrawal "{words}" and said it "deeply regrets" it.'
        assert coded(text, **EXIT) == {"RUS": "condemn"}, words
