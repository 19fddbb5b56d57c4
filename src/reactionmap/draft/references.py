"""Reference marks ("[20]" after an encyclopedia's sentence) as tokens that end the sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MARK = r"\[\d+\]"
MARK_RE = re.compile(rf"^{MARK}$")


def split_marks(nlp: Language) -> None:
    """Make each reference mark a token of its own ("place.[20]" is "place", ".", "[20]"), and
    keep it with the sentence it follows, so the next one (often a quotation) starts after it:
    'took place.[20] "Striking ...," she said' is two sentences, the second a quotation."""
    from spacy.language import Language
    from spacy.util import compile_suffix_regex

    suffixes = [MARK, *(nlp.Defaults.suffixes or ())]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[union-attr]
    if not Language.has_factory("reference_marks"):
        Language.component("reference_marks", func=_keep_with_sentence_before)
    nlp.add_pipe("reference_marks", after="sentencizer")


def _keep_with_sentence_before(doc: Doc) -> Doc:
    if "[" not in doc.text:  # no mark: nothing to do (most paragraphs)
        return doc
    for i in range(1, len(doc) - 1):
        if doc[i].is_sent_start and MARK_RE.match(doc[i].text):
            doc[i].is_sent_start = False
            doc[i + 1].is_sent_start = True
    return doc
