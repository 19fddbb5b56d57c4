"""Find who reacted in an article: its paragraphs' clauses read in order into findings."""

from __future__ import annotations

import datetime as dt

from reactionmap.draft.article import Article
from reactionmap.draft.blocks import Block
from reactionmap.draft.clause_actors import (
    clause_actors,
    has_quote,
    only_quoted,
    opening_actor,
    opening_officer,
)
from reactionmap.draft.clauses import Clause, Span, sentences, split_clauses
from reactionmap.draft.dates import heading_day
from reactionmap.draft.finding import (
    Finding,
    Gatherings,
    clause_date,
    clause_speaker,
    clause_words,
    new_row,
    same_row,
)
from reactionmap.draft.implied import (
    gathering,
    introduced_actor,
    junta,
    on_behalf,
    place_opener,
    reported_subject,
    role_after_subject,
)
from reactionmap.draft.leads import (
    follow_lead,
    frame,
    framed_post,
    open_block,
    reports_withdrawn,
    sub_entry,
    table_row,
)
from reactionmap.draft.lexicon import Lexicon
from reactionmap.draft.reading import Reading, read_paragraph
from reactionmap.draft.relative import Against
from reactionmap.draft.speakers import State
from reactionmap.draft.tables import Columns, header, row_cells, rule_line

__all__ = ["findings"]


def findings(
    article: Article, lex: Lexicon, article_date: dt.date | None, against: Against | None = None
) -> list[Finding]:
    """Every (actor, paragraph) the article reports as saying something, in reading order;
    with ``against``, support cues for whom the action was taken against are turned
    (draft.relative)."""
    state = State()
    days = Gatherings()
    block = Block()
    out: list[Finding] = []
    docs = lex.nlp.pipe(p.text for p in article.paragraphs)
    # The day of a live blog's last day heading ("Tuesday 14 July"): its entries' "today",
    # "this morning" and weekdays count from it, not from the article's date. It does not date
    # an entry that has no such words: a heading says when the entry was posted.
    counted_from = article_date
    table: Columns | None = None  # the header of the table being read (draft.tables)
    row: list[str] | None = None  # the cells of the row being read
    bulleted = ""  # the actor a bullet names, whose sub-bullets below are its entries
    for index, (paragraph, doc) in enumerate(zip(article.paragraphs, docs, strict=True)):
        if day := heading_day(paragraph.text, article_date):
            counted_from = dt.date.fromisoformat(day)
        text = read_paragraph(index, paragraph, doc, lex)
        if table is not None and (row := row_cells(paragraph.text, table)) is not None:
            text, row_day = table_row(text, table, row, counted_from)
        elif table is not None and rule_line(paragraph.text):
            continue  # a Markdown table's rule under its header
        else:
            row, row_day = None, ("", "")
            if table is not None:
                state.current = []  # the table has ended: its last row's actor says no more
            table = header(paragraph.text)
            if table is not None:
                continue  # a tracker's header names its columns and says nothing
        framed = framed_post(text, block)
        block.framed = ""
        if framed == "withdrawn":
            continue  # a deleted post's words are not the actor's position
        if against is not None:
            against.turn(doc, lex, text.words, text.cues)
        bulleted = sub_entry(text, bulleted) if row is None else ""
        default = follow_lead(text, state)
        if text.heading:
            default = open_block(text, state, block, counted_from)
        if framed:
            state.default_cue = f"the line before the post, which names {framed}"
        gone: dict[int, bool] = {}  # sentence start -> whether it says a post was deleted
        subject: tuple[int, str] = (-1, "")  # (sentence, actor) a clause of it is about
        before: tuple[int, str] = (-1, "")  # (end, actor) of the last sentence about one actor
        for sentence, clause in clauses(text):
            opening = opening_actor(text, clause)
            codes, how, by_code = clause_actors(text, clause, state, default)
            if not codes and row is not None and text.item_code and has_quote(text, clause):
                # 'Algeria | | ... | In a statement on Saturday: "Algeria calls for calm ..."'
                codes, how = [text.item_code], f"{state.default_cue}, whose words it quotes"
            if not codes:
                earlier = subject[1] if subject[0] == sentence.start else opening
                if not earlier and before[0] == sentence.start:
                    earlier = before[1]  # "Iran has weighed in. Foreign ministry spokesman ..."
                codes, how = role_after_subject(text, clause, earlier or place_opener(text, clause))
            if not codes and before[0] == sentence.start and only_quoted(text, clause):
                # 'Canada's foreign minister, Anita Anand, spoke at length. "We condemn ...':
                # a quotation standing alone after a sentence about one actor is its words.
                codes, how = [before[1]], f"a quotation after a sentence about {before[1]}"
            if not codes:
                codes, how = on_behalf(text, clause)
            if not codes and block.issuer and only_quoted(text, clause):
                # a digest's block: the quotation under "Statement by the Ministry of ..."
                codes, how = [block.issuer], f"the quotation under the heading '{block.heading}'"
            if codes and reports_withdrawn(text, sentence, gone):
                state.current = codes  # "posted ... and deleted it": no longer its position
                continue
            if not codes and against is not None:
                codes, how = junta(text, clause, against.parties, lex)
            if not codes:
                codes, how = reported_subject(text, clause)
            if not codes:
                codes, how = gathering(text, clause, lex)
            if not codes:
                if len(state.current) == 1:
                    subject = (sentence.start, state.current[0])
                who = opening or opening_officer(text, clause)
                if who and state.current == [who]:
                    before = (sentence.end, who)
                if introduced := introduced_actor(text, clause):
                    # "Then there is Qatar. Its energy minister said ...": the one the words
                    # after refer back to
                    state.current, before = [introduced], (sentence.end, introduced)
                continue
            if row is not None and text.item_code and codes != [text.item_code]:
                # "Germany | ... | Said Berlin deplored the seizure, stood by France": a
                # tracker's row is one actor's words, whoever else they name.
                codes, how = [text.item_code], state.default_cue
            subject = (sentence.start, codes[0] if len(codes) == 1 else "")
            before = (sentence.end, subject[1])
            state.current = codes
            for code in codes:
                mention = by_code.get(code)
                finding = same_row(code, text, clause, out)
                if finding is None and framed and out and out[-1].paragraph == index - 1:
                    finding = out[-1] if out[-1].code == code else None  # the line, then its post
                if finding is None:
                    finding = new_row(code, text.index, how, mention)
                    out.append(finding)
                finding.add(clause_words(text, sentence, clause, code))
                date, date_words, note = clause_date(text, clause, counted_from)
                if row_day[0]:
                    date, date_words, note = *row_day, ""  # a tracker's Date cell
                if not date and block.issuer == code and block.day:
                    date, date_words, note = block.day, block.heading, ""
                if not date and framed == code and block.framed_day:
                    date, date_words, note = block.framed_day, block.framed_words, ""
                if date:
                    days.learn(text, clause, date, date_words)
                else:
                    date, date_words = days.referred(text, clause)
                if date and date > finding.date:
                    # the latest day the row's clauses fix: "was informed on Wednesday night,
                    # ... said in a statement on Thursday" is Thursday's statement
                    finding.date, finding.date_words, finding.date_note = date, date_words, ""
                elif note and not finding.date and not finding.date_note:
                    finding.date_words, finding.date_note = date_words, note
                speaker, role, with_actor = clause_speaker(text, clause, mention, len(codes))
                if speaker and not finding.speaker:
                    finding.speaker, finding.speaker_role = speaker, role
                    state.remember(speaker, code, over_earlier=with_actor)
        frame(text, block, counted_from)
    return out


def clauses(text: Reading) -> list[tuple[Span, Clause]]:
    """Each clause with its sentence, in reading order; a list item's lead is no clause."""
    found = []
    for sentence in sentences(text.doc, text.in_quote):
        if text.item_end is not None and sentence.end <= text.item_end:
            continue
        start = max(sentence.start, text.item_end or 0)
        for clause in split_clauses(
            text.doc, start, sentence.end, text.words, text.mentions, text.in_quote, text.named
        ):
            found.append((sentence, clause))
    return found
