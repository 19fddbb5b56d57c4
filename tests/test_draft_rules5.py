"""The drafter's fifth round of general rules (issue 18): a web page's furniture is not its
article, background in a relative clause, a possessive's name before a longer role, what a
quotation's words say when its speaker is named after it, "repudiates", "took note", nouns
that look like reporting verbs, and datelines of two cities. Every sentence and page is
written for these tests."""

from __future__ import annotations

from reactionmap.draft import read_article
from tests.drafted import coded, rows_of

COUP = {"targets": ["MLI"], "against": ["MLI"]}
STRIKE = {"targets": ["ISR", "LBN"]}

PAGE = """<!doctype html><html><head><title>Reactions</title></head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World news from Kenya</a></nav>
<p>Uganda hails new budget, read our live coverage</p></header>
<main><article>
<header><h1>Mali: neighbours condemn the takeover</h1></header>
<p>Peru's foreign ministry said it condemned the takeover and called for the president's release.</p>
<aside class="pull-quote"><blockquote>"Peru condemned the takeover," the ministry said.</blockquote></aside>
<figure><img src="x.jpg" alt=""><figcaption>Chile's president praised the troops in 2019.</figcaption></figure>
<div class="story-body">
<h2>Related stories</h2>
<ul><li><a href="/a">Ghana welcomes cocoa deal</a></li></ul>
</div>
<p>Fiji said it was deeply concerned.</p>
</article>
<div class="read-more"><a href="/b">Tanzania praises new railway</a></div>
<aside><h3>Most read</h3><p>Spain backs plan for ports</p></aside>
</main>
<footer><p>Norway welcomed readers. &copy; The Paper</p></footer>
</body></html>
"""


def test_a_pages_furniture_is_not_its_article():
    article = read_article(PAGE, "page.html")
    texts = [p.text for p in article.paragraphs]
    assert texts == [
        "Mali: neighbours condemn the takeover",
        "Peru's foreign ministry said it condemned the takeover and called for the president's release.",
        "Fiji said it was deeply concerned.",
    ]
    # navigation, the site's header and footer, the pull quote, the figure's caption and
    # the related, read-more and most-read boxes give no row; the pull quote no second Peru row
    assert coded(PAGE, name="page.html", **COUP) == {"PER": "condemn", "FJI": "concern"}


def test_a_related_box_inside_the_article_ends_with_its_container():
    page = (
        "<html><body><article><p>Peru condemned the vote.</p>"
        "<section><h2>Read more</h2><p>Chile welcomes trade pact</p></section>"
        "<p>Fiji welcomed the vote.</p></article></body></html>"
    )
    texts = [p.text for p in read_article(page, "p.html").paragraphs]
    assert texts == ["Peru condemned the vote.", "Fiji welcomed the vote."]


def test_a_related_heading_in_the_article_itself_drops_only_the_heading():
    page = (
        "<html><body><article><h2>More on this story</h2>"
        "<p>Peru condemned the vote.</p></article></body></html>"
    )
    assert [p.text for p in read_article(page, "p.html").paragraphs] == ["Peru condemned the vote."]


def test_unclosed_and_stray_tags_do_not_hide_the_article():
    page = "<html><body><p>Peru condemned the vote.<p>Fiji welcomed it.</div></span></body></html>"
    assert [p.text for p in read_article(page, "p.html").paragraphs] == [
        "Peru condemned the vote.",
        "Fiji welcomed it.",
    ]


def test_states_named_in_a_relative_clause_about_something_else_give_no_row():
    text = (
        "The talks were held in a hotel, which Oman and the United Arab Emirates have offered"
        " to pay for.\n"
    )
    assert coded(text, **STRIKE) == {}
    said = "The plan, which Kenya drafted, was adopted. Peru said it was worried.\n"
    assert coded(said, **STRIKE) == {"PER": "concern"}
    # a name before ", which" still speaks
    subject = "Chile, which hosted the talks, said it condemned the strike.\n"
    assert coded(subject, **STRIKE) == {"CHL": "condemn"}


def test_a_name_with_s_speaks_through_a_longer_role():
    text = "Kenya's external affairs ministry said it took note of the reports.\n"
    assert coded(text, **STRIKE) == {"KEN": "neutral"}
    defence = "Chile's defence ministry said it condemned the strike.\n"
    assert coded(defence, **STRIKE) == {"CHL": "condemn"}
    # the ousted and the former do not speak for the government
    assert coded("Peru's ousted president said he condemned the strike.\n", **STRIKE) == {}
    # a possessive before anything else is still no speaker
    assert coded("Peru's security concerns were discussed.\n", **STRIKE) == {}


def test_taken_note_by_a_government_is_a_neutral_row():
    assert coded("Fiji's government had taken note of the reports.\n", **STRIKE) == {
        "FJI": "neutral"
    }
    assert coded("Laos took note of the strike, its ministry said.\n", **STRIKE) == {
        "LAO": "neutral"
    }


def test_repudiates_reads_condemn():
    text = 'Chile said it "repudiates the breakdown of constitutional order".\n'
    assert coded(text, **COUP) == {"CHL": "condemn"}
    assert coded("Peru repudiated the takeover.\n", **COUP) == {"PER": "condemn"}


def test_a_quotation_before_its_speaker_takes_its_stance_from_its_words():
    text = (
        '"Soldiers cannot be allowed to choose who rules in Bamako, and Ghana will say so to'
        " every partner,\" Ghana's foreign minister, Ama Boateng, told reporters.\n"
    )
    rows = rows_of(text, **COUP)
    ghana = rows[rows["actor_iso3"] == "GHA"]
    assert ghana["stance"].tolist() == ["condemn"]
    assert ghana["speaker"].tolist() == ["Ama Boateng"]
    must_not = "Peru said the seizure of power must not be tolerated.\n"
    assert coded(must_not, **COUP) == {"PER": "condemn"}


def test_a_reporting_word_after_a_determiner_is_a_noun():
    text = (
        "Chile's foreign ministry condemned the strike on Tuesday. On Thursday, Foreign"
        " Minister Ana Soto repeated the condemnation in a telephone call, the ministry said.\n"
    )
    rows = rows_of(text, date="2026-03-06", **STRIKE)  # a Friday
    assert rows["actor_iso3"].tolist() == ["CHL"]
    assert rows["date"].tolist() == ["2026-03-05"]  # the later day, Thursday's call


def test_summoning_an_envoy_is_a_reaction_with_its_day():
    text = "Peru summoned Israel's ambassador on Tuesday over the strike.\n"
    rows = rows_of(text, date="2026-03-06", **STRIKE)
    assert dict(zip(rows["actor_iso3"], rows["stance"], strict=True)) == {"PER": "condemn"}
    assert rows["date"].tolist() == ["2026-03-03"]
    assert coded("Peru said it had received a summons from Chile.\n", **STRIKE) == {
        "PER": "neutral"
    }


def test_a_dateline_of_two_cities_dates_the_article_not_a_statement():
    text = "LIMA/SANTIAGO, March 6 (Wire) - Peru condemned the strike on Tuesday.\n"
    rows = rows_of(text, date="2026-03-06", **STRIKE)
    assert rows["date"].tolist() == ["2026-03-03"]
