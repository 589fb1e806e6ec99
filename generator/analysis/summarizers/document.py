"""Candidate sentences of an article, with the sumy document built from its blocks.

Every strategy sees the same sentence splitting, so summaries are comparable. This module
must never use sumy's default tokenizer (it needs NLTK downloads) or read any file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

from generator.models import Article
from generator.text.tokenizer import SentenceTokenizer

MAX_CANDIDATES = 150
"""Body sentences considered at most: graph rankers are quadratic and news leads early."""
_CHARS_PER_SENTENCE = 300
"""Generous sentence length bound, to cut a huge paragraph before splitting it."""
_CHUNK_CHARS = 2000
# A full stop after two lower-case letters, then a capital: a sentence end, not "Mr. X".
_CLEAR_END = re.compile(r"(?<=[a-z]{2}[.!?])\s+(?=[A-Z])")


@dataclass(frozen=True)
class Candidates:
    """The sentences a summariser may pick from, in article order, headings excluded."""

    texts: tuple[str, ...]
    """Body sentence texts; a strategy answers with indices into this tuple."""
    paragraph: tuple[int, ...]
    """Index of each sentence's paragraph among the body paragraphs."""
    in_paragraph: tuple[int, ...]
    """Position of each sentence inside its paragraph (0 = first)."""
    document: ObjectDocumentModel
    """sumy's document over the same sentences, headings kept as heading sentences."""
    sentences: tuple[Sentence, ...]
    """The sumy sentence object of each candidate, same order as `texts`."""
    title: str
    language: str
    tokenizer: SentenceTokenizer


Strategy = Callable[[Candidates, int], tuple[int, ...]]
"""A summariser: picks up to `count` candidate indices, any order."""


def build_candidates(article: Article, language: str = "english", limit: int = MAX_CANDIDATES) -> Candidates:
    """Split an article's blocks into sentences and build sumy's document over them."""
    tokenizer = SentenceTokenizer(language)
    paragraphs: list[Paragraph] = []
    texts: list[str] = []
    para_of: list[int] = []
    in_para: list[int] = []
    objects: list[Sentence] = []
    body_index = 0
    if article.title and article.title.strip():
        # The title is the article's first heading, as sumy's Edmundson methods expect.
        paragraphs.append(Paragraph([Sentence(article.title, tokenizer, is_heading=True)]))
    for block in article.blocks:
        if len(texts) >= limit:
            break
        if block.kind == "heading":
            if block.text.strip():
                paragraphs.append(Paragraph([Sentence(block.text, tokenizer, is_heading=True)]))
            continue
        members: list[Sentence] = []
        for position, text in enumerate(_split(tokenizer, block.text, limit - len(texts))):
            if len(texts) >= limit:
                break
            sentence = Sentence(text, tokenizer)
            members.append(sentence)
            objects.append(sentence)
            texts.append(text)
            para_of.append(body_index)
            in_para.append(position)
        if members:
            paragraphs.append(Paragraph(members))
            body_index += 1
    return Candidates(
        texts=tuple(texts),
        paragraph=tuple(para_of),
        in_paragraph=tuple(in_para),
        document=ObjectDocumentModel(paragraphs),
        sentences=tuple(objects),
        title=article.title or "",
        language=language,
        tokenizer=tokenizer,
    )


def _split(tokenizer: SentenceTokenizer, text: str, budget: int) -> tuple[str, ...]:
    """Sentences of a paragraph, splitting only as much text as `budget` sentences need."""
    cut = budget * _CHARS_PER_SENTENCE
    truncated = len(text) > cut
    sentences: list[str] = []
    for chunk in _chunks(text[:cut]):
        sentences.extend(tokenizer.to_sentences(chunk))
    if truncated:
        # The last piece of a cut paragraph is a fragment: drop it.
        sentences = sentences[:-1]
    return tuple(sentences[:budget])


def _chunks(text: str) -> list[str]:
    """A long paragraph in pieces cut at clear sentence ends: pysbd slows on long input."""
    if len(text) <= _CHUNK_CHARS:
        return [text]
    pieces: list[str] = []
    start = 0
    for match in _CLEAR_END.finditer(text):
        if match.start() - start >= _CHUNK_CHARS:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces
