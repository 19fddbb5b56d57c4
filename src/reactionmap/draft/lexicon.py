"""The drafter's word lists (data/draft/*.csv) as spaCy phrase matchers over a blank English pipeline."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from reactionmap.contract.paths import DATA_DIR
from reactionmap.contract.reviewed import read_reviewed, refuse
from reactionmap.draft.references import split_marks
from reactionmap.places.resolver import CountryResolver, default_resolver

if TYPE_CHECKING:  # spaCy is imported only when the drafter runs
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer

DRAFT_DIR = DATA_DIR / "draft"
COUNTRIES_FILE = DRAFT_DIR / "countries.csv"
CUES_FILE = DRAFT_DIR / "cues.csv"
STANCE_FILE = DRAFT_DIR / "stance.csv"
WORDS_FILE = DRAFT_DIR / "words.csv"

ACTOR_KINDS = ("name", "demonym", "capital", "institution", "organization", "block")
WORD_KINDS = (
    "role", "speech", "negation", "hedge", "anaphor", "preposition", "object", "former",
    "clause", "person_too", "others", "junta",
)  # fmt: skip


@dataclass(frozen=True)
class Lexicon:
    """The loaded pipeline and matchers, built once per process."""

    nlp: Language  # spaCy's blank English pipeline with a sentencizer
    actors: PhraseMatcher  # on ORTH: label "kind:code"
    words: PhraseMatcher  # on LOWER: label "kind" or "stance:key:weight"
    person_too: frozenset[str]
    stance_weights: dict[str, int]
    resolver: CountryResolver


def _unaccented(capitals: str) -> list[str]:
    """The capitals of a '|' list whose letters carry accents, spelt without them."""
    out = []
    for cue in filter(None, capitals.split("|")):
        bare = "".join(
            c for c in unicodedata.normalize("NFKD", cue) if not unicodedata.combining(c)
        )
        if bare != cue:
            out.append(bare)
    return out


def actor_cues(resolver: CountryResolver) -> list[tuple[str, str, str]]:
    """(cue, kind, code) for every country name, capital and demonym, institution and
    organization; a code the resolver does not know is an error naming the file and row."""
    cues: list[tuple[str, str, str]] = []
    for _, row in read_reviewed(COUNTRIES_FILE, ("iso3", "names", "capitals", "demonyms")):
        for kind, column in (("name", "names"), ("capital", "capitals"), ("demonym", "demonyms")):
            cues += [(cue, kind, row["iso3"]) for cue in row[column].split("|") if cue]
        # A capital spelt without its accents ("Yaounde" for "Yaoundé") is the same capital.
        cues += [(bare, "capital", row["iso3"]) for bare in _unaccented(row["capitals"])]
    for line, row in read_reviewed(CUES_FILE, ("cue", "kind", "code", "note")):
        if row["kind"] not in ACTOR_KINDS:
            raise refuse(
                CUES_FILE, line, f"kind {row['kind']!r} is not one of {', '.join(ACTOR_KINDS)}"
            )
        code = row["code"]
        if code and not resolver.is_organization(code):
            try:
                resolver.country_name(code)
            except KeyError:
                raise refuse(
                    CUES_FILE,
                    line,
                    f"code {code!r} is not an ISO3 or organization code the resolver knows",
                ) from None
        if row["kind"] == "block" or code:
            cues.append((row["cue"], row["kind"], code))
    for organization in resolver.organizations():
        # Every name organizations.csv gives it: its code, English name and aliases.
        names = (organization.code, organization.name, *organization.aliases)
        cues += [(name, "organization", organization.code) for name in names]
    return cues


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The pipeline (spaCy's blank English with its sentencizer) and the phrase matchers."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    split_marks(nlp)  # "place.[20]": the mark ends the sentence (draft.references)
    tokenizer = cast("Tokenizer", nlp.tokenizer)  # a blank pipeline's is spaCy's Tokenizer
    resolver = default_resolver()
    actors = PhraseMatcher(nlp.vocab, attr="ORTH")
    grouped: dict[str, list[str]] = {}
    for cue, kind, code in actor_cues(resolver):
        grouped.setdefault(f"{kind}:{code}", []).append(cue)
    for label, cues in grouped.items():
        actors.add(label, list(tokenizer.pipe(dict.fromkeys(cues))))
    words = PhraseMatcher(nlp.vocab, attr="LOWER")
    person_too: set[str] = set()
    for line, row in read_reviewed(WORDS_FILE, ("word", "kind", "note")):
        if row["kind"] not in WORD_KINDS:
            raise refuse(
                WORDS_FILE, line, f"kind {row['kind']!r} is not one of {', '.join(WORD_KINDS)}"
            )
        forms = [w for w in row["word"].split("|") if w]
        if row["kind"] == "person_too":
            person_too.update(forms)
            continue
        words.add(row["kind"], list(tokenizer.pipe(forms)))
    weights: dict[str, int] = {}
    seen: dict[str, int] = {}  # each cue's line: a cue on two lines would match twice
    for line, row in read_reviewed(STANCE_FILE, ("cue", "stance", "weight", "note")):
        if not row["weight"].isdigit():
            raise refuse(STANCE_FILE, line, f"weight {row['weight']!r} is not 1, 2 or 3")
        cues = [c for c in row["cue"].split("|") if c]
        for cue in cues:
            if (first := seen.setdefault(cue.lower(), line)) != line:
                raise refuse(
                    STANCE_FILE, line, f"cue {cue!r} is already on line {first}: keep one of them"
                )
        label = f"stance:{row['stance']}:{row['weight']}"
        weights[label] = int(row["weight"])
        words.add(label, list(tokenizer.pipe(cues)))
    return Lexicon(nlp, actors, words, frozenset(person_too), weights, resolver)
