"""Pure: one cleaned `Article` becomes its `Digest` (summary, figures, quotes, entities).

The article's own language decides how it is summarised, never the site's language: when
sumy has no stemmer and stop words for it, the digest says so instead of summarising.
"""

from __future__ import annotations

from generator.entities import extract_entities
from generator.figures import extract_figures
from generator.language import NAMES, SUMMARISABLE, code_for, detect_language, normalise_code
from generator.models import Article, Digest, Entities
from generator.quotes import extract_quotes
from generator.settings import Settings
from generator.summarize import summarize
from generator.tokenizer import SentenceTokenizer

_ENGLISH_ONLY = "Key figures, quotes and names are extracted from English text only."


def digest_article(article: Article, slug: str, settings: Settings) -> Digest:
    """Run every analysis stage on one article."""
    code = article_language(article, settings)
    language = SUMMARISABLE.get(code)
    notes: list[str] = []
    if language is None:
        summary: tuple[str, ...] = ()
        notes.append(f"No summary: Briefing cannot summarise {NAMES.get(code, code)} text (sumy has no stemmer and stop words for it).")
    else:
        tokenizer = SentenceTokenizer(language)
        count = settings.summary_length(sum(len(tokenizer.to_sentences(p)) for p in article.paragraphs))
        summary = summarize(article, count, algorithm=settings.summarizer, language=language)
    english = code == "en"
    if not english:
        notes.append(_ENGLISH_ONLY)
    return Digest(
        article=article,
        slug=slug,
        summary=summary,
        figures=extract_figures(article) if english else (),
        quotes=extract_quotes(article) if english else (),
        entities=extract_entities(article) if english else Entities(),
        language=code,
        notes=tuple(notes),
    )


def article_language(article: Article, settings: Settings) -> str:
    """The language code the article states, else the one detected, else the site's."""
    stated = normalise_code(article.lang)
    return stated or detect_language(" ".join(article.paragraphs)) or code_for(settings.language)
