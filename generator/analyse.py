"""Pure: one cleaned `Article` becomes its `Digest` (summary, figures, quotes, entities)."""

from __future__ import annotations

from generator.entities import extract_entities
from generator.figures import extract_figures
from generator.models import Article, Digest
from generator.quotes import extract_quotes
from generator.settings import Settings
from generator.summarize import summarize
from generator.tokenizer import SentenceTokenizer


def digest_article(article: Article, slug: str, settings: Settings) -> Digest:
    """Run every analysis stage on one article."""
    tokenizer = SentenceTokenizer(settings.language)
    sentences = sum(len(tokenizer.to_sentences(p)) for p in article.paragraphs)
    count = settings.summary_length(sentences)
    return Digest(
        article=article,
        slug=slug,
        summary=summarize(article, count, algorithm=settings.summarizer, language=settings.language),
        figures=extract_figures(article),
        quotes=extract_quotes(article),
        entities=extract_entities(article),
    )
